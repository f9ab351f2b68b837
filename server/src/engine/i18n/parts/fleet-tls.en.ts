// English messages (the web-server certificates in `schedlint fleet`'s expiry list); spread into en.ts. Same keys in fleet-tls.ja.ts.
export const fleetTlsEn = {
  'fleet.certificate.servedBy': 'served by {places}',
  'fleet.html.col.servedBy': 'Served by',
};
