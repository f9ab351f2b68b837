// English messages about renewal files certbot cannot use (certbot/incomplete-renewal-file); spread into en.ts.
// Same rules as en.ts: every key also in renewal-file.ja.ts.
export const renewalFileEn = {
  'rule.certbot/incomplete-renewal-file.title': 'Renewal file certbot cannot use',
  'certbot/incomplete-renewal-file.empty': 'This renewal file sets nothing: `certbot renew` reports it as broken ("missing a required file reference") and skips it, so certificate `{name}` is never renewed, and the run exits with status 1 even when every other certificate renews. Restore the file from a backup, or delete it if the certificate is no longer used.',
  'certbot/incomplete-renewal-file.missing-reference': 'This renewal file does not set {keys} at its top (above the first `[section]`): `certbot renew` reports it as broken ("missing a required file reference") and skips it, so certificate `{name}` is never renewed, and the run exits with status 1. Add {lines} above `[renewalparams]`, or restore the file from a backup.',
  'certbot/incomplete-renewal-file.related-in-section': '`{key}` is here, inside [{section}], where certbot does not look for it',
  'certbot/incomplete-renewal-file.no-renewalparams': 'This renewal file has no `[renewalparams]` section: `certbot renew` reports that it "lacks renewalparams" and skips it, so certificate `{name}` is never renewed, and the run exits with status 1. Restore the section (certbot writes `account`, `server` and `authenticator` there) from a backup.',
  'certbot/incomplete-renewal-file.no-authenticator': '`[renewalparams]` names no `authenticator`: `certbot renew` reports that the file "does not specify an authenticator" and skips it, so certificate `{name}` is never renewed, and the run exits with status 1. Add the one the certificate was obtained with, e.g. `authenticator = webroot`.',
};
