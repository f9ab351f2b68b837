// What a certificate rule (engine/rules/certificate/) exports, and the context it checks: the review of a
// certificate with its key, chain and predecessor (review.ts). A finding sits on the PEM block it is about, in
// whichever of the files that block is.
import type { MessageKey, MessageParams } from '../i18n/catalog';
import type { RuleMeta } from '../rule';
import type { Locale, Severity } from '../types';
import type { CertificateReview, Located } from './review';

export interface CertificateReport {
  messageId: string;
  params?: MessageParams;
  at: Located;
  severity?: Severity;
  related?: { at: Located; message: string }[];
}

export interface CertificateContext {
  review: CertificateReview;
  now: Date;
  locale: Locale;
  t(key: MessageKey, params?: MessageParams): string;
  report(report: CertificateReport): void;
}

export interface CertificateRule {
  id: string;
  meta: RuleMeta;
  check(context: CertificateContext): void;
}
