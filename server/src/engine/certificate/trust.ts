// The trust anchors a chain is checked against, like openssl's `-CAfile`: a PEM bundle given on the command
// line, or the distribution's bundle under a host root (Debian's update-ca-certificates writes
// /etc/ssl/certs/ca-certificates.crt; RHEL's update-ca-trust writes /etc/pki/tls/certs/ca-bundle.crt).
// Nothing is fetched from the network: no AIA "CA Issuers" download of a missing intermediate, no OCSP, no CRL.
import type { X509Certificate } from 'node:crypto';
import type { Host } from '../host/host';
import { readCertificateFile, certificatesOf } from './read';

/** Where a host keeps its bundle of trusted roots, in the order they are tried. */
export const TRUST_STORE_PATHS = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt'] as const;

export interface TrustStore {
  /** `ca-file`: --ca; `host`: the bundle of the host (--root, or this machine). */
  source: 'ca-file' | 'host';
  path: string;
  anchors: X509Certificate[];
}

/** The certificates of a bundle; blocks that cannot be read are skipped (one odd root does not void the rest). */
export function trustStoreFromData(source: TrustStore['source'], path: string, data: Uint8Array | string): TrustStore {
  return { source, path, anchors: certificatesOf(readCertificateFile(data)).map((entry) => entry.certificate) };
}

/** The first bundle of TRUST_STORE_PATHS on the host that holds a certificate, or undefined. */
export function hostTrustStore(host: Host): TrustStore | undefined {
  for (const path of TRUST_STORE_PATHS) {
    const data = host.readBytes(path);
    if (!data) continue;
    const store = trustStoreFromData('host', path, data);
    if (store.anchors.length > 0) return store;
  }
  return undefined;
}
