// The certificate's notBefore is still ahead (RFC 5280 §4.1.2.5): clients refuse it until then, so installing it
// now breaks HTTPS (a CA that backdates nothing, or a host clock that is behind).
import type { CertificateRule } from '../../certificate/rule';

export const notYetValid: CertificateRule = {
  id: 'certificate/not-yet-valid',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    const { facts, leaf } = context.review;
    if (!facts || !leaf || facts.notBefore.getTime() <= context.now.getTime()) return;
    context.report({ messageId: 'not-yet', params: { date: facts.notBefore.toISOString().replace('.000Z', 'Z') }, at: leaf });
  },
};
