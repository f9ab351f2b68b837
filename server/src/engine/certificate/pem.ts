// PEM text (RFC 7468) → certificates and private keys (certbot's live/NAME/*.pem and any other PEM file). Never throws:
// text that is not PEM, or a block Node's crypto refuses, comes back as a problem beside whatever did parse.
// Private keys are only turned into KeyObjects to compare public halves; nothing here keeps or prints them.
import type { KeyObject, X509Certificate } from 'node:crypto';
import { nodeCrypto } from '../util/lazy-modules';

export interface PemBlock {
  /** `CERTIFICATE`, `PRIVATE KEY`, `RSA PRIVATE KEY`, `EC PRIVATE KEY`, … */
  label: string;
  /** The whole block, BEGIN and END lines included. */
  text: string;
}

/** `bad-base64`: the body does not decode; `not-certificate`: the DER is not X.509; `bad-key`: its public key does not decode. */
export type PemProblem = 'no-pem' | 'bad-block' | 'bad-base64' | 'not-certificate' | 'bad-key';

const MARKER = /-----(BEGIN|END) ([A-Z0-9 ]+)-----/g;

/**
 * The `-----BEGIN X-----` … `-----END X-----` blocks of a text, in order. A BEGIN whose END does not come before
 * the next BEGIN is unterminated and skipped (RFC 7468 §2: the parser looks for the next BEGIN). One pass over the
 * markers: a backtracking pattern (`BEGIN (X)[\s\S]*?END \1`) rescans the rest of the text for every unterminated
 * BEGIN, which took minutes on a file of a few megabytes of BEGIN lines.
 */
export function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  let open: { label: string; start: number } | undefined;
  for (const match of text.matchAll(MARKER)) {
    if (match[1] === 'BEGIN') {
      open = { label: match[2], start: match.index! };
    } else if (open && match[2] === open.label) {
      const end = match.index! + match[0].length;
      blocks.push({ label: open.label, text: text.slice(open.start, end) });
      open = undefined;
    }
  }
  return blocks;
}

export interface CertificateBundle {
  /** Every certificate of the file, or none when one of its blocks cannot be read (then `problem` says why). */
  certificates: X509Certificate[];
  /** Set when the file holds no certificate, or a CERTIFICATE block that cannot be read. */
  problem?: PemProblem;
  /** OpenSSL's reason for not-certificate and bad-key (`wrong tag`, `decode error`). */
  reason?: string;
}

/**
 * cert.pem (one certificate), chain.pem (the intermediates) or fullchain.pem (cert + chain). A certificate is
 * only returned once every field the rules read has been read here: Node parses lazily, and a certificate
 * whose public key bits are corrupt constructs fine and throws "decode error" on `.publicKey` later.
 */
export function readCertificateBundle(text: string): CertificateBundle {
  const blocks = pemBlocks(text).filter((block) => block.label === 'CERTIFICATE' || block.label === 'X509 CERTIFICATE');
  if (blocks.length === 0) return { certificates: [], problem: 'no-pem' };
  const certificates: X509Certificate[] = [];
  for (const block of blocks) {
    const read = readCertificateBlock(block.text);
    if (!read.ok) return { certificates: [], problem: read.problem, reason: read.reason };
    certificates.push(read.certificate);
  }
  return { certificates };
}

export type CertificateBlockRead = { ok: true; certificate: X509Certificate } | { ok: false; problem: PemProblem; reason?: string };

/** One CERTIFICATE block, with every field the rules read already parsed (see readCertificateBundle). */
export function readCertificateBlock(text: string): CertificateBlockRead {
  const body = text.replace(/^-----BEGIN [A-Z0-9 ]+-----/, '').replace(/-----END [A-Z0-9 ]+-----$/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0) return { ok: false, problem: 'bad-base64' };
  return readCertificateData(text);
}

/** A certificate from PEM text or DER bytes, fully parsed (Node parses lazily). */
export function readCertificateData(data: string | Buffer): CertificateBlockRead {
  let certificate: X509Certificate;
  try {
    certificate = new (nodeCrypto().X509Certificate)(data);
  } catch (error) {
    return { ok: false, problem: 'not-certificate', reason: opensslReason(error) };
  }
  try {
    // Each getter parses its field on first use.
    const fields = [certificate.subject, certificate.issuer, certificate.validFrom, certificate.validTo, certificate.serialNumber, certificate.subjectAltName];
    void fields;
    certificate.publicKey.export({ type: 'spki', format: 'der' });
  } catch (error) {
    return { ok: false, problem: 'bad-key', reason: opensslReason(error) };
  }
  return { ok: true, certificate };
}

/** `error:068000A8:asn1 encoding routines::wrong tag` → `wrong tag`. */
function opensslReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('::').pop()?.trim() || message;
}

/** `problem` absent: a stand-in without a key (the host could not compute it), so there is nothing to judge. */
export type PrivateKeyRead = { ok: true; publicKey: KeyObject } | { ok: false; problem?: PemProblem };

/**
 * The first line of a file standing in for a private key in a tree collected from a host
 * (contrib/ansible/schedlint-collect.yml): no private key leaves a host, so the playbook brings back the public
 * key computed there (`openssl pkey -pubout`) under the key's name, after this line. Only such a file may hold a
 * PUBLIC KEY where a private key belongs; on a real host a public key there is no key at all.
 */
export const PUBLIC_KEY_STAND_IN = '# schedlint: public key of the private key on the host (the private key was not copied)';

/**
 * The public half of the first private key in the text (certbot writes exactly one, unencrypted), or the public
 * key of a stand-in (PUBLIC_KEY_STAND_IN).
 */
export function readPublicKeyOfPrivateKey(text: string): PrivateKeyRead {
  if (text.startsWith(PUBLIC_KEY_STAND_IN + '\n')) {
    const block = pemBlocks(text).find((candidate) => candidate.label === 'PUBLIC KEY');
    if (!block) return { ok: false };
    try {
      return { ok: true, publicKey: nodeCrypto().createPublicKey(block.text) };
    } catch {
      return { ok: false, problem: 'bad-block' };
    }
  }
  const block = pemBlocks(text).find((candidate) => candidate.label.endsWith('PRIVATE KEY'));
  if (!block) return { ok: false, problem: 'no-pem' };
  try {
    return { ok: true, publicKey: nodeCrypto().createPublicKey(nodeCrypto().createPrivateKey(block.text)) };
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
