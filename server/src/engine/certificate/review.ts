// One look at a certificate and the files that go with it (its key, its chain, the certificate it replaces, the
// trust anchors), computed once for every certificate rule and for the `schedlint cert` checklist: seed 004's
// pre-flight of a hand-renewed certificate (key matches, chain verifies and is in order, a trusted root is
// reached, names kept, newer than the previous one, days left).
import { certificateFacts, removedNamesCovered, type CertificateFacts } from './facts';
import { analyzeChain, type ChainAnalysis, type ChainMember } from './chain';
import { certificatesOf, type CertificateFile, type CertificateFileBlock } from './read';
import { samePublicKey } from './pem';
import type { TrustStore } from './trust';

export type CertificateRole = 'cert' | 'key' | 'chain' | 'previous';

export interface NamedCertificateFile {
  /** As given (command line) or the host path. */
  path: string;
  file: CertificateFile;
}

export interface CertificateCheckInput {
  cert: NamedCertificateFile;
  key?: NamedCertificateFile;
  chain?: NamedCertificateFile;
  previous?: NamedCertificateFile;
  trust?: TrustStore;
  now: Date;
  /** Warn when fewer days than this are left (certificate/expiring). */
  expiringDays?: number;
}

/**
 * certbot renews 30 days before expiry, and so do acme.sh, lego and Caddy (a third of a 90-day lifetime): a
 * lower default would warn too late for a hand-renewed certificate, a higher one (the 44 days of the seed's
 * cloud) would warn on every healthy ACME certificate for two weeks of each cycle. docs/rules/certificate/expiring.md.
 */
export const DEFAULT_EXPIRING_DAYS = 30;

/** A block in one of the input files. */
export interface Located {
  role: CertificateRole;
  path: string;
  block: CertificateFileBlock;
}

export type KeyCheck =
  | { status: 'not-given' }
  | { status: 'match' | 'mismatch'; where: Located }
  /** The key file holds only encrypted keys: not opened, never asked for a passphrase. */
  | { status: 'encrypted'; where: Located }
  | { status: 'no-key' };

export interface PreviousCheck {
  where: Located;
  facts: CertificateFacts;
  /** Names of the previous certificate the new one covers neither exactly nor by a wildcard. */
  removed: string[];
  /** The very same certificate (the old file picked by mistake). */
  same: boolean;
}

export interface CertificateReview {
  input: CertificateCheckInput;
  expiringDays: number;
  leaf?: Located;
  facts?: CertificateFacts;
  key: KeyCheck;
  /** Undefined when no certificate could be read. */
  chain?: ChainAnalysis<Located>;
  /** How many certificates besides the leaf the files hold (0: no intermediate given at all). */
  chainLength: number;
  previous?: PreviousCheck;
}

export function reviewCertificates(input: CertificateCheckInput): CertificateReview {
  const given: ChainMember<Located>[] = [
    ...members('cert', input.cert),
    ...(input.chain ? members('chain', input.chain) : []),
  ];
  const chain = analyzeChain(given, input.trust);
  const leaf = chain?.leaf.where;
  const facts = chain ? certificateFacts(chain.leaf.certificate, input.now) : undefined;
  return {
    input,
    expiringDays: input.expiringDays ?? DEFAULT_EXPIRING_DAYS,
    leaf,
    facts,
    key: keyCheck(input.key, chain?.leaf),
    chain,
    chainLength: chain ? chain.path.length - 1 + chain.mismatches.length : 0,
    previous: chain && facts ? previousCheck(input, chain.leaf, facts) : undefined,
  };
}

function members(role: CertificateRole, named: NamedCertificateFile): ChainMember<Located>[] {
  return certificatesOf(named.file).map(({ certificate, block }) => ({ certificate, where: { role, path: named.path, block } }));
}

function keyCheck(key: NamedCertificateFile | undefined, leaf: ChainMember<Located> | undefined): KeyCheck {
  if (!key) return { status: 'not-given' };
  const blocks = key.file.blocks.filter((block) => block.kind === 'private-key');
  const readable = blocks.find((block) => block.publicKey);
  if (readable && leaf) {
    const where = { role: 'key' as const, path: key.path, block: readable };
    return { status: samePublicKey(readable.publicKey!, leaf.certificate.publicKey) ? 'match' : 'mismatch', where };
  }
  const encrypted = blocks.find((block) => block.problem === 'encrypted');
  if (encrypted) return { status: 'encrypted', where: { role: 'key', path: key.path, block: encrypted } };
  return { status: 'no-key' };
}

function previousCheck(input: CertificateCheckInput, leaf: ChainMember<Located>, facts: CertificateFacts): PreviousCheck | undefined {
  if (!input.previous) return undefined;
  // The previous file may be a full chain too: its leaf is its first certificate that is no CA.
  const certificates = members('previous', input.previous);
  const old = certificates.find((member) => !member.certificate.ca) ?? certificates[0];
  if (!old) return undefined;
  const oldFacts = certificateFacts(old.certificate, input.now);
  return { where: old.where, facts: oldFacts, removed: removedNamesCovered(oldFacts, facts), same: old.certificate.raw.equals(leaf.certificate.raw) };
}
