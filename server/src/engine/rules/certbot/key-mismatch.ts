// privkey that is not the key of cert (seed 004: key and certificate that don't match). Compared by public
// key (SubjectPublicKeyInfo), as a TLS server does when it loads both. A key this user cannot read is not
// reported (hover says so); nothing of the key is ever shown.
import { lineageFor } from '../../certbot/certificates';
import type { CertbotRule } from '../../certbot/rule';

export const keyMismatch: CertbotRule = {
  id: 'certbot/key-mismatch',
  meta: { defaultSeverity: 'error', fixable: false },
  check(context) {
    const lineage = lineageFor(context);
    const privkey = lineage?.files.privkey;
    const cert = lineage?.files.cert;
    if (!lineage || lineage.keyMatch !== 'mismatch' || !privkey || !cert) return;
    context.report({
      messageId: 'mismatch',
      params: { privkey: privkey.path, cert: cert.path, name: context.certName ?? 'NAME' },
      range: privkey.entry.valueRange,
      related: [{ range: cert.entry.valueRange, message: context.t('certificates.related.certificate') }],
    });
  },
};
