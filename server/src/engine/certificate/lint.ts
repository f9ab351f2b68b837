// Runs the certificate rules on a review (review.ts) and hands back each input file with its findings, for the
// `schedlint cert` pre-flight and, once certificate files are a registered format, the editor and the scans.
import { translate, type MessageKey, type MessageParams } from '../i18n/catalog';
import { runRuleSafely } from '../rule';
import { certificateRules } from '../rules/certificate';
import type { Finding, Locale, SeveritySetting } from '../types';
import type { CertificateContext, CertificateReport, CertificateRule } from './rule';
import { reviewCertificates, type CertificateCheckInput, type CertificateReview, type CertificateRole } from './review';

export interface CertificateFileFindings {
  role: CertificateRole;
  path: string;
  findings: Finding[];
}

export interface CertificateLintResult {
  review: CertificateReview;
  /** cert, then key, chain and previous when given; every given file, with or without findings. */
  files: CertificateFileFindings[];
}

export interface CertificateLintOptions {
  locale: Locale;
  /** Per-rule severities, as `schedlint.rules` / `--rule` give them. */
  severities?: Record<string, SeveritySetting>;
  rules?: readonly CertificateRule[];
}

export function lintCertificates(input: CertificateCheckInput, options: CertificateLintOptions): CertificateLintResult {
  const review = reviewCertificates(input);
  const roles: CertificateRole[] = ['cert', 'key', 'chain', 'previous'];
  // One entry per file: a certificate with its key in the same file (HAProxy's combined PEM) is one file.
  const files: CertificateFileFindings[] = [];
  const entryOf = new Map<CertificateRole, CertificateFileFindings>();
  for (const role of roles) {
    const named = input[role];
    if (!named) continue;
    const shared = roles.find((other) => entryOf.has(other) && input[other] === named);
    const entry = shared ? entryOf.get(shared)! : { role, path: named.path, findings: [] as Finding[] };
    if (!shared) files.push(entry);
    entryOf.set(role, entry);
  }
  const fileOf = (role: CertificateRole) => entryOf.get(role)!;
  const t = (key: MessageKey, params?: MessageParams) => translate(options.locale, key, params);
  for (const rule of options.rules ?? certificateRules) {
    const configured = options.severities?.[rule.id];
    if (configured === 'off') continue;
    const context: CertificateContext = {
      review,
      now: input.now,
      locale: options.locale,
      t,
      report(report: CertificateReport) {
        fileOf(report.at.role).findings.push({
          ruleId: rule.id,
          messageId: report.messageId,
          severity: configured ?? report.severity ?? rule.meta.defaultSeverity,
          range: report.at.block.range,
          message: t(`${rule.id}.${report.messageId}` as MessageKey, report.params),
          related: report.related?.map((related) => ({ path: related.at.path, range: related.at.block.range, message: related.message })),
        });
      },
    };
    runRuleSafely(rule.id, () => rule.check(context), fileOf('cert').findings, options.locale);
  }
  return { review, files };
}
