// The certificate given to check is a CA's (basicConstraints CA:TRUE) and no server certificate came with it:
// the intermediate picked instead of the site's certificate (seed 004's download folder holds both). A server
// that sends it as its own presents a certificate naming no site, signed for issuing, whose key is not the
// server's: clients reject the connection (RFC 5280 §4.2.1.9, and the name check of RFC 6125 / RFC 9110 §4.3.4).
// Only `schedlint cert` meets this case: the certificate-file linter leaves files of CA certificates alone
// (trust bundles, document.ts), and the leaf of a chain is its first certificate that is no CA (chain.ts).
import type { CertificateRule } from '../../certificate/rule';

export const caCertificate: CertificateRule = {
  id: 'certificate/ca-certificate',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    const { chain, facts, leaf } = context.review;
    if (!chain || !facts || !leaf || !chain.leaf.certificate.ca) return;
    context.report({ messageId: 'ca', params: { subject: facts.subject, path: leaf.path }, at: leaf });
  },
};
