// The certificate's notAfter has passed (RFC 5280 §4.1.2.5): every client refuses it.
import { isoDate } from '../../certificate/facts';
import type { CertificateRule } from '../../certificate/rule';

export const expired: CertificateRule = {
  id: 'certificate/expired',
  meta: { defaultSeverity: 'error', fixable: false },
  check(context) {
    const { facts, leaf } = context.review;
    if (!facts || !leaf || facts.notAfter.getTime() > context.now.getTime()) return;
    context.report({ messageId: 'expired', params: { date: isoDate(facts.notAfter), days: Math.max(0, -facts.daysLeft) }, at: leaf });
  },
};
