// The PEM reader moved to engine/certificate/pem.ts (shared with the certificate rules); kept as the name the
// certbot modules and their tests import.
export * from '../certificate/pem';
