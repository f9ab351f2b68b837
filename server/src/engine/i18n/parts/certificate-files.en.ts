// English messages (certificate files and `schedlint cert`); spread into en.ts. Every key also in
// certificate-files.ja.ts with the same parameters.
export const certificateFilesEn = {
  'rule.certificate/key-mismatch.title': 'Private key that does not belong to the certificate',
  'certificate/key-mismatch.mismatch': '{key} is not the private key of the certificate in {cert}: a server given both refuses to start or reload (nginx: "key values mismatch"), and a load balancer refuses the import. Use the key the certificate request was made with.',
  'rule.certificate/chain-mismatch.title': 'Chain certificate that did not issue the one before it',
  'certificate/chain-mismatch.not-issued': '"{subject}" in {path} did not issue "{previous}", which was issued by "{issuer}": clients that do not fetch intermediates themselves (curl, Java, API clients) reject the connection, while browsers hide the mistake. Replace it with the intermediate "{issuer}" from the CA.',
  'rule.certificate/chain-order.title': 'Chain certificates out of order',
  'certificate/chain-order.order': '"{subject}" in {path} stands where "{expected}" belongs: servers send the certificates in file order, and strict clients reject a chain that is not the certificate first, each followed by its issuer. Reorder the files that way.',
  'rule.certificate/chain-incomplete.title': 'Chain that reaches no trusted root',
  'certificate/chain-incomplete.missing-issuer': '"{subject}" was issued by "{issuer}", which is neither in the chain nor in the trust store {store}: clients that do not fetch missing intermediates reject the connection. Add the intermediate "{issuer}" from the CA to the chain.',
  'certificate/chain-incomplete.untrusted-root': 'The chain ends at "{subject}", a root the trust store {store} does not hold: clients with that store reject the connection. Check that this is the CA you meant, or give its root with --ca.',
  'rule.certificate/san-removed.title': 'New certificate without names the previous one had',
  'certificate/san-removed.removed': 'This certificate no longer covers {names, list}, which {previous} covered: HTTPS to {count, plural, one {that name} other {these names}} fails with a name mismatch once it is installed. Ask the CA for a certificate with every name, unless nothing serves {count, plural, one {it} other {them}} any more.',
  'rule.certificate/not-newer.title': 'Certificate that expires no later than the one it replaces',
  'certificate/not-newer.older': 'This certificate expires on {date}, no later than {previous} ({previousDate}), which it should replace: it is probably the old one picked by mistake. Use the certificate the CA issued last.',
  'certificate/not-newer.same': 'This is the same certificate as {previous}: installing it renews nothing. Use the new certificate from the CA.',
  'rule.certificate/expired.title': 'Expired certificate',
  'certificate/expired.expired': 'The certificate expired on {date}: every client refuses it. Install a renewed certificate.',
  'rule.certificate/expiring.title': 'Certificate close to expiry',
  'certificate/expiring.expiring': 'The certificate expires on {date} ({days, plural, one {# day} other {# days}} left, fewer than {threshold}): renew it now, leaving time for the CA to validate and for every place that uses it to be updated.',
  'rule.certificate/not-yet-valid.title': 'Certificate not valid yet',
  'certificate/not-yet-valid.not-yet': 'The certificate is valid only from {date}: clients refuse it until then. Install it after that time, or check the clock of the host that checks it.',

  'rule.certificate/missing-file.title': 'Certificate file the web server names does not exist',
  'certificate/missing-file.missing': '{path} does not exist: {server} refuses to load this configuration, and at the next reload every site it serves goes down. Put the file there, or point the directive at the certificate that is.',
  'rule.certificate/name-not-covered.title': 'Server name the served certificate does not cover',
  'certificate/name-not-covered.not-covered': '`{name}` is served with {cert}, which covers only {names, list}: clients asking for {name} get a certificate name mismatch. Add the name to the certificate, or serve it with a certificate that has it.',
  'rule.certificate/stale-reference.title': 'Place still serving an older certificate for the same names',
  'certificate/stale-reference.older': 'This place serves {names, list} with {cert}, which expires on {date}, while {place} serves the same names with the newer {newer} (until {newerDate}): it was probably missed when the certificate was renewed, and fails on {date}. Point it at {newer}.',
  'certificate.related.newer': 'the newer certificate for the same names',
  'certificate.related.leaf': 'the certificate',
  'certificate.related.issuedBy': 'issued by "{issuer}"',
  'certificate.related.belongsHere': 'the certificate that belongs there',
  'certificate.related.previous': 'the previous certificate',

  'certificateFile.hover.privateKey': '**Private key:** {key} (never shown)',
  'certificateFile.hover.encryptedKey': "**Private key:** encrypted; can't check it (schedlint never asks for a passphrase)",
  'certificateFile.hover.unreadable': "This {label} block can't be read.",
  'certificateFile.hover.notYet': '**Valid:** {notBefore} to {notAfter} (not valid yet)',
  'certificateFile.hover.fingerprint': '**SHA-256 fingerprint:** {fingerprint}',

  'certificateCompare.same': '**The same certificate** as the one it replaces.',
  'certificateCompare.dropped': '**Names dropped:** {names, list}',
  'certificateCompare.noneDropped': '**Names dropped:** none',
  'certificateCompare.added': '**Names added:** {names, list}',
  'certificateCompare.noneAdded': '**Names added:** none',
  'certificateCompare.issuerChanged': '**Issuer:** {before} → {after}',
  'certificateCompare.issuerSame': '**Issuer:** {issuer} (unchanged)',
  'certificateCompare.validity': '**Valid:** {before} → {after}',
  'certificateCompare.notNewer': '**Valid:** {before} → {after} (expires no later than before)',
  'certificateCompare.sameKey': '**Key:** the same key ({after})',
  'certificateCompare.newKey': '**Key:** {before} → {after} (a new key)',
  'certificateCompare.status.valid': '{name} · {days, plural, one {# day} other {# days}} left (until {date})',
  'certificateCompare.status.expired': '{name} · expired on {date}',
  'certificateCompare.status.notYet': '{name} · valid from {date}',

  'cert.heading': '{path}: {subject}',
  'cert.names': 'names: {names}',
  'cert.line': '{status} {check}: {detail}',
  'cert.lineFailed': '{status} {check}:',
  'cert.status.pass': '[ok]  ',
  'cert.status.fail': '[FAIL]',
  'cert.status.warn': '[warn]',
  'cert.status.skip': '[skip]',
  'cert.check.key': 'key matches',
  'cert.check.chain': 'chain verifies',
  'cert.check.order': 'chain order',
  'cert.check.trust': 'trusted root reached',
  'cert.check.names': 'names kept',
  'cert.check.newer': 'newer than the previous',
  'cert.check.days': 'days left',
  'cert.pass.key': 'the key in {key} belongs to the certificate ({keyType})',
  'cert.pass.chain': '{count, plural, one {the intermediate issued the certificate} other {each certificate was issued by the next}}',
  'cert.pass.order': 'the certificate first, each followed by its issuer',
  'cert.pass.trust': 'reaches "{anchor}" in {store} (nothing fetched from the network)',
  'cert.pass.names': '{count, plural, one {the # name} other {all # names}} of {previous} kept{added}',
  'cert.pass.added': '; added: {names, list}',
  'cert.pass.newer': 'expires on {date}, after {previous} ({previousDate})',
  'cert.pass.days': '{days, plural, one {# day} other {# days}} left (until {date}; warning under {threshold})',
  'cert.skip.noKey': 'not checked: no --key given',
  'cert.skip.encrypted': "can't check: the key in {key} is encrypted (schedlint never asks for a passphrase)",
  'cert.skip.noChain': 'not checked: no intermediate given (--chain, or a full chain in the certificate file)',
  'cert.skip.noStore': 'not checked: no trust store found (give --ca, or --root with etc/ssl/certs/ca-certificates.crt or etc/pki/tls/certs/ca-bundle.crt)',
  'cert.skip.noPrevious': 'not checked: no --previous given',
  'cert.skip.chainBroken': 'not checked: the chain does not verify',
  'cert.summary': '{errors, plural, one {# error} other {# errors}}, {warnings, plural, one {# warning} other {# warnings}}',
  'cert.error.noCertificate': '{path} holds no certificate that can be read',
  'cert.error.noKey': '{path} holds no private key',
  'cert.error.noStore': '{path} holds no certificate to trust',
  'cert.error.noCert': 'give the certificate to check: schedlint cert CERT',
  'cert.io.denied': 'permission denied',
  'cert.io.tooLarge': 'larger than {limit} bytes',
  'cert.io.notAFile': 'not a file',
  'cert.usage': `Usage: schedlint cert CERT [--key KEY] [--chain CHAIN] [--previous OLD] [--ca FILE] [--root DIR] [--days N] [--rule ID=LEVEL] [--format text|json|sarif] [--lang en|ja]

Checks a certificate before it is installed: the key matches, the chain verifies and is in order, a trusted
root is reached, the names of the previous certificate are kept, it is newer than the previous one, and the
days left. PEM (certificate, bundle, full chain, keys) or DER files.

  --key KEY        the private key (PEM or DER; default: a key in CERT itself; an encrypted key is not checked)
  --chain CHAIN    the intermediates (a CERT with the full chain needs none)
  --previous OLD   the certificate this one replaces
  --ca FILE        trusted roots, like openssl's -CAfile (default: the trust store under --root, else this machine's)
  --root DIR       a host tree whose etc/ssl/certs/ca-certificates.crt or etc/pki/tls/certs/ca-bundle.crt to trust
  --days N         warn when fewer than N days are left (default 30)
  --rule ID=LEVEL  another severity for a certificate rule, or off (repeatable)
  --format FORMAT  text (a checklist), json or sarif
  --lang en|ja     language of the messages

Nothing is fetched from the network (no AIA, no OCSP). Exit status: 0 passed, 1 an error, 2 a usage error or a file that cannot be read.`,
} as const;
