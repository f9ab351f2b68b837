// PEM text (RFC 7468) → the certificates and private key certbot stores in live/NAME/*.pem. Never throws:
// text that is not PEM, or a block Node's crypto refuses, comes back as a problem beside whatever did parse.
// Private keys are only turned into KeyObjects to compare public halves; nothing here keeps or prints them.
import { X509Certificate, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

export interface PemBlock {
  /** `CERTIFICATE`, `PRIVATE KEY`, `RSA PRIVATE KEY`, `EC PRIVATE KEY`, … */
  label: string;
  /** The whole block, BEGIN and END lines included. */
  text: string;
}

export type PemProblem = 'no-pem' | 'bad-block';

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

export function pemBlocks(text: string): PemBlock[] {
  return [...text.matchAll(BLOCK)].map((match) => ({ label: match[1], text: match[0] }));
}

export interface CertificateBundle {
  certificates: X509Certificate[];
  /** Set when the file holds no certificate, or a CERTIFICATE block crypto cannot read. */
  problem?: PemProblem;
}

/** cert.pem (one certificate), chain.pem (the intermediates) or fullchain.pem (cert + chain). */
export function readCertificateBundle(text: string): CertificateBundle {
  const blocks = pemBlocks(text).filter((block) => block.label === 'CERTIFICATE' || block.label === 'X509 CERTIFICATE');
  const certificates: X509Certificate[] = [];
  let problem: PemProblem | undefined;
  for (const block of blocks) {
    try {
      certificates.push(new X509Certificate(block.text));
    } catch {
      problem = 'bad-block';
    }
  }
  if (blocks.length === 0) problem = 'no-pem';
  return { certificates, problem };
}

export type PrivateKeyRead = { ok: true; publicKey: KeyObject } | { ok: false; problem: PemProblem };

/** The public half of the first private key in the text (certbot writes exactly one, unencrypted). */
export function readPublicKeyOfPrivateKey(text: string): PrivateKeyRead {
  const block = pemBlocks(text).find((candidate) => candidate.label.endsWith('PRIVATE KEY'));
  if (!block) return { ok: false, problem: 'no-pem' };
  try {
    return { ok: true, publicKey: createPublicKey(createPrivateKey(block.text)) };
  } catch {
    // Also an encrypted key: certbot never writes one, and we have no passphrase.
    return { ok: false, problem: 'bad-block' };
  }
}

/** SubjectPublicKeyInfo bytes: equal for a private key and the certificate made for it. */
export function publicKeyDer(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' });
}

export function samePublicKey(a: KeyObject, b: KeyObject): boolean {
  return publicKeyDer(a).equals(publicKeyDer(b));
}
