// The chain a server would send (the certificate file's certificates, then the chain file's) checked the way a
// TLS client builds its path (RFC 5280 §6, RFC 8446 §4.4.2): from the leaf, each certificate must be issued by
// the next one, and the last must be issued by (or be) a trusted root. Servers send the certificates in the order
// of the file, and clients that do not reorder or fetch missing intermediates (curl, Java, Go, most API clients)
// fail where a browser, which fetches them through AIA, succeeds: that is why the order and the exact
// intermediate matter. Issuance is name/key-identifier linkage plus a verified signature (facts.ts `issued`).
import type { X509Certificate } from 'node:crypto';
import { issued } from './facts';
import type { TrustStore } from './trust';

export interface ChainMember<Where> {
  certificate: X509Certificate;
  /** Where the certificate sits (file and block), handed back in the results. */
  where: Where;
}

export interface ChainMismatch<Where> {
  /** The certificate that issued nothing on the path. */
  member: ChainMember<Where>;
  /** The certificate before it in the files, which it should have issued. */
  previous: ChainMember<Where>;
}

export interface ChainAnalysis<Where> {
  leaf: ChainMember<Where>;
  /** Leaf, then each issuer found among the given certificates. */
  path: ChainMember<Where>[];
  /** Given certificates that are not on the path: none of them issued the certificate before it. */
  mismatches: ChainMismatch<Where>[];
  /**
   * The path's certificates are all there but in another order than the files give them (leaf not first, or
   * intermediates reversed): the first one out of place, and the one that should stand there.
   */
  outOfOrder?: { member: ChainMember<Where>; expected: ChainMember<Where> };
  trust: TrustResult;
}

export type TrustResult =
  | { status: 'reached'; anchor: X509Certificate }
  | { status: 'not-reached'; last: X509Certificate; selfSigned: boolean }
  | { status: 'no-store' };

/**
 * `given` in file order (certificate file first). The leaf is the first certificate that is no CA (a bundle may
 * start with an intermediate by mistake), else the first.
 */
export function analyzeChain<Where>(given: ChainMember<Where>[], trust: TrustStore | undefined): ChainAnalysis<Where> | undefined {
  if (given.length === 0) return undefined;
  const members = distinct(given);
  const leaf = members.find((member) => !member.certificate.ca) ?? members[0];
  const path = [leaf];
  const unused = new Set(members.filter((member) => member !== leaf));
  for (;;) {
    const current = path[path.length - 1].certificate;
    if (isSelfSigned(current)) break;
    const next = [...unused].find((member) => issued(member.certificate, current));
    if (!next) break;
    path.push(next);
    unused.delete(next);
  }
  const mismatches = members
    .filter((member) => unused.has(member))
    .map((member) => ({ member, previous: members[Math.max(0, members.indexOf(member) - 1)] }));
  const onPath = members.filter((member) => !unused.has(member));
  const misplaced = onPath.findIndex((member, index) => member !== path[index]);
  const outOfOrder = misplaced >= 0 ? { member: onPath[misplaced], expected: path[misplaced] } : undefined;
  return { leaf, path, mismatches, outOfOrder, trust: trustOf(path[path.length - 1].certificate, trust) };
}

function trustOf(last: X509Certificate, trust: TrustStore | undefined): TrustResult {
  if (!trust) return { status: 'no-store' };
  const same = trust.anchors.find((anchor) => anchor.raw.equals(last.raw));
  if (same) return { status: 'reached', anchor: same };
  const issuer = trust.anchors.find((anchor) => issued(anchor, last));
  if (issuer) return { status: 'reached', anchor: issuer };
  return { status: 'not-reached', last, selfSigned: isSelfSigned(last) };
}

function isSelfSigned(certificate: X509Certificate): boolean {
  return certificate.subject === certificate.issuer && issued(certificate, certificate);
}

/** The same certificate twice (a fullchain given again as --chain) counts once, where it first appears. */
function distinct<Where>(given: ChainMember<Where>[]): ChainMember<Where>[] {
  const seen: Buffer[] = [];
  return given.filter((member) => {
    if (seen.some((raw) => raw.equals(member.certificate.raw))) return false;
    seen.push(member.certificate.raw);
    return true;
  });
}
