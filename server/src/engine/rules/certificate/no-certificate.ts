// A file read as a certificate file (by name, by `--kind certificate`, by the editor's language) that holds
// nothing to read: no PEM block at all and no DER certificate, or a certificate block that cannot be decoded.
// nginx and Apache refuse such a file when they load their configuration (nginx: "PEM_read_bio_X509_AUX()
// failed"), and `schedlint cert` refuses it with exit status 2; a lint run must not call it clean. Files with
// other PEM blocks (DH parameters, public keys) are not certificate files gone wrong and stay silent.
// Reported by the certificate-file linter (document.ts), not by the checks over a review.
import type { RuleMeta } from '../../rule';

export const noCertificate: { id: string; meta: RuleMeta } = {
  id: 'certificate/no-certificate',
  meta: { defaultSeverity: 'error', fixable: false },
};
