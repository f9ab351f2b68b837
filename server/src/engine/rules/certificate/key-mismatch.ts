// The private key given with the certificate is not its key (seed 004, item 1). Compared by public key
// (SubjectPublicKeyInfo), as a TLS server does when it loads both; nothing of the key is ever shown.
import type { CertificateRule } from '../../certificate/rule';

export const keyMismatch: CertificateRule = {
  id: 'certificate/key-mismatch',
  meta: { defaultSeverity: 'error', fixable: false },
  check(context) {
    const { key, leaf } = context.review;
    if (key.status !== 'mismatch' || !leaf) return;
    context.report({
      messageId: 'mismatch',
      params: { key: key.where.path, cert: leaf.path },
      at: key.where,
      related: [{ at: leaf, message: context.t('certificate.related.leaf') }],
    });
  },
};
