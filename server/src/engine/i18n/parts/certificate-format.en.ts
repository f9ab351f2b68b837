// English messages (the certificate format in the editor and the scans: kinds, the compare command, the status
// lens); spread into en.ts. Every key also in certificate-format.ja.ts with the same parameters.
export const certificateFormatEn = {
  'format.certificate': 'certificate or key file',
  'format.web-server': 'web server TLS configuration',
  'certificateFormat.lens.compare': 'Compare with…',
  'certificateFormat.compare.title': '{current} compared with {previous}',
  'certificateFormat.compare.noCertificate': '{path} holds no certificate that can be read.',
  'server.compare.unreadable': "Can't read {path}.",
  'server.compare.unsupported': 'This kind of file has nothing to compare.',
} as const;
