// English messages of certificate/ca-certificate, certificate/no-certificate and `schedlint cert`'s chain given
// as the certificate itself; spread into en.ts. Every key also in certificate-gaps.ja.ts.
export const certificateGapsEn = {
  'rule.certificate/ca-certificate.title': "CA certificate given as the server's certificate",
  'certificate/ca-certificate.ca': '"{subject}" in {path} is a CA certificate (one that issues certificates), and no server certificate came with it: a server that sends it as its own presents a certificate that names no site, and clients reject the connection. Give the certificate the CA issued for your site, and this one with --chain if it is the intermediate.',
  'rule.certificate/no-certificate.title': 'Certificate file with no certificate in it',
  'certificate/no-certificate.nothing': 'This file holds no certificate or private key that can be read (no PEM block, and its bytes are no DER certificate): a web server pointed at it refuses to start or reload. Check that this is the file the CA sent.',
  'certificate/no-certificate.unreadable': 'This certificate cannot be read: {problem}. A web server pointed at it refuses to start or reload. Download or copy the certificate again.',
  'cert.skip.chainOnlyCert': 'not checked: {chain} (--chain) holds no intermediate, only the certificate itself',
};
