// A certificate or key file as the certificate rules see it: every PEM block (RFC 7468) with the lines it spans,
// or a whole DER file (`.cer`/`.der`, RFC 5280 / PKCS#8 in binary). Certificates through Node's X509Certificate,
// private keys (PKCS#1 `RSA PRIVATE KEY`, SEC1 `EC PRIVATE KEY`, PKCS#8 `PRIVATE KEY`; RSA, EC, Ed25519) through
// createPrivateKey, and only their public half is kept. An encrypted key is recognised by its label or header and
// never opened: no passphrase is ever asked for. A public-key stand-in (PUBLIC_KEY_STAND_IN, what the fleet playbook
// brings back instead of a private key) counts as the private key whose public half it carries. Never throws on
// what it reads.
import type { KeyObject, X509Certificate } from 'node:crypto';
import { nodeCrypto } from '../util/lazy-modules';
import { pemBlocks, PUBLIC_KEY_STAND_IN, readCertificateBlock, readCertificateData, type PemProblem } from './pem';
import type { Range } from '../types';
import { lfLineStarts, positionAt } from '../util/line-starts';

export type CertificateBlockKind = 'certificate' | 'private-key' | 'public-key' | 'other';

export interface CertificateFileBlock {
  /** `CERTIFICATE`, `PRIVATE KEY`, `RSA PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`, …; `DER` for a binary file. */
  label: string;
  kind: CertificateBlockKind;
  /** From the start of the BEGIN line to the end of the END line (the whole first line for DER). */
  range: Range;
  certificate?: X509Certificate;
  /** For a private key: its public half (the private half is not kept). For a public key: the key. */
  publicKey?: KeyObject;
  /** A `PUBLIC KEY` block standing in for the host's private key (kind `private-key`): see PUBLIC_KEY_STAND_IN. */
  standIn?: boolean;
  /** `encrypted`: a passphrase-protected key, not checked; the others as pem.ts says. */
  problem?: PemProblem | 'encrypted';
  reason?: string;
}

export interface CertificateFile {
  format: 'pem' | 'der';
  blocks: CertificateFileBlock[];
}

/** Reads a file's bytes: PEM when it has a BEGIN line, else DER (a certificate, then a private key). */
export function readCertificateFile(data: Uint8Array | string): CertificateFile {
  const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  // A BEGIN line anywhere means PEM; PEM files may carry text before the first block (openssl's -text output).
  const text = buffer.toString('latin1');
  if (text.includes('-----BEGIN ')) {
    const pem = typeof data === 'string' ? data : buffer.toString('utf8');
    const blocks = readPemBlocks(pem);
    // Only a file that starts with the stand-in line: anywhere else a public key is no private key.
    if (!pem.startsWith(PUBLIC_KEY_STAND_IN + '\n')) return { format: 'pem', blocks };
    return { format: 'pem', blocks: blocks.map((block) => (block.kind === 'public-key' && block.label === 'PUBLIC KEY' ? { ...block, kind: 'private-key', standIn: true } : block)) };
  }
  return { format: 'der', blocks: buffer.length === 0 ? [] : [readDer(buffer)] };
}

function readPemBlocks(text: string): CertificateFileBlock[] {
  const starts = lfLineStarts(text);
  let searchFrom = 0;
  return pemBlocks(text).map((block) => {
    const offset = text.indexOf(block.text, searchFrom);
    searchFrom = offset + block.text.length;
    const range = rangeOf(starts, offset, offset + block.text.length);
    return { ...readBlock(block.label, block.text), range };
  });
}

function readBlock(label: string, text: string): Omit<CertificateFileBlock, 'range'> {
  if (label === 'CERTIFICATE' || label === 'X509 CERTIFICATE' || label === 'TRUSTED CERTIFICATE') {
    // `TRUSTED CERTIFICATE` is OpenSSL's certificate plus trust settings: Node refuses it, as most servers do.
    const read = label === 'TRUSTED CERTIFICATE' ? ({ ok: false, problem: 'not-certificate', reason: 'TRUSTED CERTIFICATE' } as const) : readCertificateBlock(text);
    return read.ok ? { label, kind: 'certificate', certificate: read.certificate } : { label, kind: 'certificate', problem: read.problem, reason: read.reason };
  }
  if (label.endsWith('PRIVATE KEY')) {
    // PKCS#8 `ENCRYPTED PRIVATE KEY`, or a PKCS#1/SEC1 block with RFC 1421 headers (`Proc-Type: 4,ENCRYPTED`).
    if (label === 'ENCRYPTED PRIVATE KEY' || /^Proc-Type:\s*4,ENCRYPTED/m.test(text)) return { label, kind: 'private-key', problem: 'encrypted' };
    try {
      return { label, kind: 'private-key', publicKey: nodeCrypto().createPublicKey(nodeCrypto().createPrivateKey({ key: text, format: 'pem', passphrase: '' })) };
    } catch (error) {
      return { label, kind: 'private-key', problem: 'bad-block', reason: (error as Error).message };
    }
  }
  if (label === 'PUBLIC KEY' || label === 'RSA PUBLIC KEY') {
    try {
      return { label, kind: 'public-key', publicKey: nodeCrypto().createPublicKey(text) };
    } catch (error) {
      return { label, kind: 'public-key', problem: 'bad-block', reason: (error as Error).message };
    }
  }
  return { label, kind: 'other' };
}

const DER_KEY_TYPES = ['pkcs8', 'pkcs1', 'sec1'] as const;

function readDer(buffer: Buffer): CertificateFileBlock {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const certificate = readCertificateData(buffer);
  if (certificate.ok) return { label: 'DER', kind: 'certificate', certificate: certificate.certificate, range };
  for (const type of DER_KEY_TYPES) {
    try {
      // An empty passphrase makes an encrypted DER key fail instead of asking for one.
      const publicKey = nodeCrypto().createPublicKey(nodeCrypto().createPrivateKey({ key: buffer, format: 'der', type, passphrase: '' }));
      return { label: 'DER', kind: 'private-key', publicKey, range };
    } catch {
      // not this encoding
    }
  }
  return { label: 'DER', kind: 'other', problem: 'no-pem', range };
}

function rangeOf(starts: number[], from: number, to: number): Range {
  return { start: positionAt(starts, from), end: positionAt(starts, to) };
}

/** The certificate blocks that could be read, in file order. */
export function certificatesOf(file: CertificateFile): { certificate: X509Certificate; block: CertificateFileBlock }[] {
  return file.blocks.flatMap((block) => (block.certificate ? [{ certificate: block.certificate, block }] : []));
}
