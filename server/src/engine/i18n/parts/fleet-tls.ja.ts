// Japanese messages (the web-server certificates in `schedlint fleet`'s expiry list); spread into ja.ts. Same keys as fleet-tls.en.ts.
export const fleetTlsJa = {
  'fleet.certificate.servedBy': '配信元 {places}',
  'fleet.html.col.servedBy': '配信元の設定',
};
