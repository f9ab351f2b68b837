// A certificate of the chain issued nothing on the path (seed 004, item 2: the wrong intermediate). Issuance is
// the issuer name and key identifier plus a verified signature (certificate/facts.ts `issued`).
import { oneLineName as oneLine } from '../../certificate/facts';
import type { CertificateRule } from '../../certificate/rule';

export const chainMismatch: CertificateRule = {
  id: 'certificate/chain-mismatch',
  meta: { defaultSeverity: 'error', fixable: false },
  check(context) {
    for (const mismatch of context.review.chain?.mismatches ?? []) {
      const previous = mismatch.previous.certificate;
      context.report({
        messageId: 'not-issued',
        params: { path: mismatch.member.where.path, subject: oneLine(mismatch.member.certificate.subject), previous: oneLine(previous.subject), issuer: oneLine(previous.issuer) },
        at: mismatch.member.where,
        related: [{ at: mismatch.previous.where, message: context.t('certificate.related.issuedBy', { issuer: oneLine(previous.issuer) }) }],
      });
    }
  },
};

