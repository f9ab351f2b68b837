// What a rule about the certificates web servers serve (certificate/name-not-covered, stale-reference) exports,
// and its context: the host's TLS sites (web-servers.ts) with the certificate each one serves.
import type { MessageKey, MessageParams } from '../i18n/catalog';
import type { RuleMeta } from '../rule';
import type { Locale, Severity } from '../types';
import type { CertificateFacts } from './facts';
import type { Located, TlsSite } from './web-servers';

export interface ServedSite {
  site: TlsSite;
  /** The certificate the site serves (the first that is no CA in its file), when it could be read. */
  facts?: CertificateFacts;
  /** DER of that certificate, to tell the same certificate in two files from two certificates. */
  raw?: Buffer;
  /**
   * The certificate and chain files the site names that do not exist on the host (certificate/missing-file). Only
   * for a host's own configuration: a repository's tree leaves out what lives on the server.
   */
  missing?: Located<string>[];
}

export interface WebServerReport {
  messageId: string;
  params?: MessageParams;
  at: Located<string>;
  severity?: Severity;
  related?: { at: Located<string>; message: string }[];
}

export interface WebServerContext {
  sites: ServedSite[];
  now: Date;
  locale: Locale;
  t(key: MessageKey, params?: MessageParams): string;
  report(report: WebServerReport): void;
}

export interface WebServerRule {
  id: string;
  meta: RuleMeta;
  check(context: WebServerContext): void;
}
