// The files a renewal file points at (cert, privkey, chain, fullchain, archive_dir), read through the Host and
// described as facts for the certificate rules and hovers. Follows certbot's storage.py: live/NAME/*.pem are
// links to archive/NAME/<kind>N.pem, the current version is the N of the link's target, older versions sit
// beside it (RenewableCert.current_version/available_versions), and fullchain is cert + chain
// (save_successor writes `new_cert + new_chain`). Renewal timing follows renewal.py should_autorenew.
// Never throws on what it reads; never keeps or reports private key material (only the public half is compared).
import * as path from 'node:path';
import type { KeyObject, X509Certificate } from 'node:crypto';
import type { Host, HostReadResult } from '../host/host';
import type { CertbotContext, CertbotDocument, ConfigEntry } from './rule';
import { translate, type MessageKey, type MessageParams } from '../i18n/catalog';
import type { Locale } from '../types';
import { readCertificateBundle, readPublicKeyOfPrivateKey, samePublicKey, type PemProblem } from './pem';
import { certificateFacts, isoDate, issued, keyText, type CertificateFacts } from '../certificate/facts';

// Moved to engine/certificate/facts.ts (shared with the certificate rules); re-exported for the certbot modules and tests.
export { certificateFacts, describeKey, isoDate, issued, keyText, parseCertificateDate, removedNames, subjectAltNames } from '../certificate/facts';
export type { CertificateFacts, KeyDescription } from '../certificate/facts';

export const LINEAGE_KINDS = ['cert', 'privkey', 'chain', 'fullchain'] as const;
export type LineageKind = (typeof LINEAGE_KINDS)[number];

/** `relative`: certbot would resolve it against its working directory, which we cannot know (test data uses such paths). */
export type FileStatus = 'ok' | 'missing' | 'denied' | 'not-a-file' | 'error' | 'too-large' | 'relative';

export interface LineageFile {
  kind: LineageKind;
  entry: ConfigEntry;
  /** The path as written in the renewal file. */
  path: string;
  status: FileStatus;
  /** Where the path leads after following links (archive/NAME/cert3.pem), when it is a link. */
  target?: string;
  /** Bytes, when the file is larger than a Host reads (status `too-large`), and what it reads. */
  size?: number;
  limit?: number;
  /** For cert, chain and fullchain that could be read. */
  certificates?: X509Certificate[];
  /** The file was read but holds no (readable) certificate or key. */
  problem?: PemProblem;
  /** OpenSSL's words for not-certificate and bad-key. */
  problemReason?: string;
  /** privkey only: the public half of the key, to compare with the certificate. */
  publicKey?: KeyObject;
}

export type KeyMatch = 'match' | 'mismatch' | 'unreadable' | 'unknown';

export interface ChainCheck {
  /** `not-issued`: chain.pem's first certificate did not issue cert.pem; `broken-link`: a later one did not issue the one before it. */
  status: 'issued' | 'not-issued' | 'broken-link' | 'unknown';
  /** For broken-link: index in chain.pem of the certificate whose issuer does not follow it. */
  index?: number;
}

export type FullchainCheck = 'same' | 'different-leaf' | 'different-chain' | 'unknown';

export interface PreviousCertificate {
  path: string;
  version: number;
  facts: CertificateFacts;
}

export interface LineageFacts {
  files: Partial<Record<LineageKind, LineageFile>>;
  archiveDir?: { entry: ConfigEntry; path: string; status: 'ok' | 'missing' | 'denied' | 'not-a-directory' | 'relative' };
  /** cert.pem's certificate, the one certbot judges expiry by (RenewableCert.target_expiry). */
  leaf?: CertificateFacts;
  keyMatch: KeyMatch;
  chain: ChainCheck;
  fullchain: FullchainCheck;
  /** N of archive/NAME/certN.pem that cert.pem leads to. */
  version?: number;
  previous?: PreviousCertificate;
}

const DAY = 86_400_000;

// The five certificate rules look at the same files: read and parse them once per document and clock.
const lineageCache = new WeakMap<CertbotDocument, { host: Host; now: number; facts: LineageFacts }>();

/** The lineage of a renewal file under lint (undefined for cli.ini), shared by the certificate rules. */
export function lineageFor(context: CertbotContext): LineageFacts | undefined {
  if (context.document.kind !== 'renewal') return undefined;
  const host = context.facts.host;
  const cached = lineageCache.get(context.document);
  if (cached && cached.host === host && cached.now === context.now.getTime()) return cached.facts;
  const facts = inspectLineage(host, context.document, context.now);
  lineageCache.set(context.document, { host, now: context.now.getTime(), facts });
  return facts;
}

export function inspectLineage(host: Host, document: CertbotDocument, now: Date): LineageFacts {
  const files: Partial<Record<LineageKind, LineageFile>> = {};
  for (const kind of LINEAGE_KINDS) {
    const entry = document.get(kind, []);
    if (entry && typeof entry.value === 'string' && entry.value !== '') files[kind] = readLineageFile(host, kind, entry);
  }
  const archiveEntry = document.get('archive_dir', []);
  const archiveDir = archiveEntry && typeof archiveEntry.value === 'string' && archiveEntry.value !== ''
    ? { entry: archiveEntry, path: archiveEntry.value, status: directoryStatus(host, archiveEntry.value) }
    : undefined;

  const cert = files.cert?.certificates?.[0];
  const leaf = cert ? certificateFacts(cert, now) : undefined;
  const keyMatch = checkKeyMatch(files.privkey, cert);
  const chain = checkChain(cert, files.chain?.certificates);
  const fullchain = checkFullchain(files.cert, files.chain, files.fullchain);
  const version = files.cert?.target ? versionOf('cert', files.cert.target) : undefined;
  const previous = files.cert?.target && version !== undefined ? previousCertificate(host, files.cert.target, version, now) : undefined;
  return { files, archiveDir, leaf, keyMatch, chain, fullchain, version, previous };
}

function readLineageFile(host: Host, kind: LineageKind, entry: ConfigEntry): LineageFile {
  const file = entry.value as string;
  if (!file.startsWith('/')) return { kind, entry, path: file, status: 'relative' };
  const target = followLinks(host, file);
  const read = host.readText(file);
  const status = readStatus(read);
  const result: LineageFile = { kind, entry, path: file, status, target, ...(read.ok ? {} : { size: read.size, limit: read.limit }) };
  if (!read.ok) return result;
  if (kind === 'privkey') {
    const key = readPublicKeyOfPrivateKey(read.text);
    if (key.ok) result.publicKey = key.publicKey;
    else result.problem = key.problem;
  } else {
    // A file with a block that cannot be read gives no certificates at all: missing-file reports it once, and the
    // other certificate rules (which judge certificates) stay quiet about it instead of judging half a file.
    const bundle = readCertificateBundle(read.text);
    result.certificates = bundle.problem ? undefined : bundle.certificates;
    result.problem = bundle.problem;
    result.problemReason = bundle.reason;
  }
  return result;
}

function readStatus(read: HostReadResult): FileStatus {
  return read.ok ? 'ok' : read.reason;
}

function directoryStatus(host: Host, directory: string): 'ok' | 'missing' | 'denied' | 'not-a-directory' | 'relative' {
  if (!directory.startsWith('/')) return 'relative';
  const stat = host.stat(directory);
  if (stat) return stat.kind === 'directory' ? 'ok' : 'not-a-directory';
  // stat fails alike for "no such file" and "parent not searchable" (live/ and archive/ are 0700 root):
  // readText tells the two apart.
  const read = host.readText(directory);
  return !read.ok && read.reason === 'denied' ? 'denied' : 'missing';
}

/** The host path a chain of symlinks ends at (undefined when the path is not a link). */
export function followLinks(host: Host, file: string): string | undefined {
  let current = path.posix.normalize(file);
  let followed = false;
  for (let hop = 0; hop < 40; hop++) {
    const link = host.readLink(current);
    if (link === undefined) return followed ? current : undefined;
    current = link.startsWith('/') ? path.posix.normalize(link) : path.posix.join(path.posix.dirname(current), link);
    followed = true;
  }
  return undefined;
}

/** N of `<kind>N.pem` (storage.py current_version), or undefined for any other name. */
export function versionOf(kind: LineageKind, file: string): number | undefined {
  const match = path.posix.basename(file).match(new RegExp(`^${kind}([0-9]+)\\.pem$`));
  return match ? Number(match[1]) : undefined;
}

/** The newest certN.pem below the current version, in the folder of the current one (storage.py available_versions). */
function previousCertificate(host: Host, current: string, version: number, now: Date): PreviousCertificate | undefined {
  const folder = path.posix.dirname(current);
  const older = host
    .list(folder)
    .map((name) => ({ name, version: versionOf('cert', name) }))
    .filter((candidate): candidate is { name: string; version: number } => candidate.version !== undefined && candidate.version < version)
    .sort((a, b) => b.version - a.version);
  for (const candidate of older) {
    const file = path.posix.join(folder, candidate.name);
    const read = host.readText(file);
    if (!read.ok) continue;
    const certificate = readCertificateBundle(read.text).certificates[0];
    if (certificate) return { path: file, version: candidate.version, facts: certificateFacts(certificate, now) };
    return undefined;
  }
  return undefined;
}

function checkKeyMatch(privkey: LineageFile | undefined, cert: X509Certificate | undefined): KeyMatch {
  if (!privkey) return 'unknown';
  if (privkey.status === 'denied') return 'unreadable';
  if (!cert || !privkey.publicKey) return 'unknown';
  return samePublicKey(privkey.publicKey, cert.publicKey) ? 'match' : 'mismatch';
}

function checkChain(cert: X509Certificate | undefined, chain: X509Certificate[] | undefined): ChainCheck {
  if (!cert || !chain || chain.length === 0) return { status: 'unknown' };
  if (!issued(chain[0], cert)) return { status: 'not-issued' };
  for (let index = 0; index + 1 < chain.length; index++) {
    if (!issued(chain[index + 1], chain[index])) return { status: 'broken-link', index };
  }
  return { status: 'issued' };
}

function checkFullchain(cert: LineageFile | undefined, chain: LineageFile | undefined, fullchain: LineageFile | undefined): FullchainCheck {
  const leaf = cert?.certificates;
  const intermediates = chain?.certificates;
  const full = fullchain?.certificates;
  if (!leaf?.length || !intermediates || !full?.length || cert?.problem || chain?.problem || fullchain?.problem) return 'unknown';
  if (!full[0].raw.equals(leaf[0].raw)) return 'different-leaf';
  const rest = full.slice(1);
  const same = rest.length === intermediates.length && rest.every((certificate, index) => certificate.raw.equals(intermediates[index].raw));
  return same ? 'same' : 'different-chain';
}

// ---- When certbot renews (renewal.py should_autorenew) ----

export interface RenewalWindow {
  /** The moment from which `certbot renew` renews this certificate. */
  renewAt: Date;
  /** `config`: renew_before_expiry as written; `default`: certbot's own rule. */
  source: 'config' | 'default';
  /** The renew_before_expiry value, for `config`. */
  interval?: string;
}

/**
 * renew_before_expiry (top section; `lineage.configuration.get(...)`) when set and readable. Otherwise the
 * later of certbot's two defaults, so that any certbot version would have renewed by then: before 4.0,
 * `30 days` (constants.RENEWER_DEFAULTS); since 4.0, with a third of the lifetime left (half, for lifetimes
 * under 10 days: renewal.py _default_renewal_time).
 */
export function renewalWindow(document: CertbotDocument, certificate: CertificateFacts): RenewalWindow {
  const entry = document.get('renew_before_expiry', []);
  const interval = entry && typeof entry.value === 'string' ? parseRenewalInterval(entry.value) : undefined;
  if (entry && interval) return { renewAt: subtractInterval(certificate.notAfter, interval), source: 'config', interval: entry.value as string };
  const lifetime = certificate.notAfter.getTime() - certificate.notBefore.getTime();
  const sinceFour = certificate.notBefore.getTime() + (lifetime < 10 * DAY ? lifetime / 2 : (lifetime * 2) / 3);
  const beforeFour = certificate.notAfter.getTime() - 30 * DAY;
  return { renewAt: new Date(Math.max(sinceFour, beforeFour)), source: 'default' };
}

export interface RenewalInterval {
  months: number;
  milliseconds: number;
}

const UNIT_MILLISECONDS: [RegExp, number][] = [
  [/^(s|secs?|seconds?)$/, 1000],
  [/^(mins?|minutes?)$/, 60_000],
  [/^(h|hrs?|hours?)$/, 3_600_000],
  [/^(d|days?)$/, DAY],
  [/^(w|wks?|weeks?)$/, 7 * DAY],
];

const MAX_INTERVAL_LENGTH = 200;

/**
 * storage.add_time_interval: a bare number is days; otherwise parsedatetime's English (`30 days`,
 * `3 weeks`, `6 months 1 week`, `3 days 12 hours`). Only these plain forms are understood here; anything
 * else is undefined (and certbot's default is assumed, which never makes the rule fire earlier than usual).
 */
export function parseRenewalInterval(text: string): RenewalInterval | undefined {
  const trimmed = text.trim();
  // Real values are a few words; the split below is quadratic on a long run of spaces, so a long value is
  // simply not understood (as with any other form this does not know).
  if (trimmed.length > MAX_INTERVAL_LENGTH) return undefined;
  if (/^\d+$/.test(trimmed)) return { months: 0, milliseconds: Number(trimmed) * DAY };
  const parts = trimmed.toLowerCase().split(/\s*(?:,|\band\b)\s*|\s+(?=\d)/).filter(Boolean);
  if (parts.length === 0) return undefined;
  const total: RenewalInterval = { months: 0, milliseconds: 0 };
  for (const part of parts) {
    const match = part.match(/^(\d+)\s*([a-z]+)$/);
    if (!match) return undefined;
    const count = Number(match[1]);
    const unit = match[2];
    if (/^(months?|mths?)$/.test(unit)) total.months += count;
    else if (/^(y|yrs?|years?)$/.test(unit)) total.months += 12 * count;
    else {
      const milliseconds = UNIT_MILLISECONDS.find(([pattern]) => pattern.test(unit))?.[1];
      if (milliseconds === undefined) return undefined;
      total.milliseconds += count * milliseconds;
    }
  }
  return total;
}

function subtractInterval(date: Date, interval: RenewalInterval): Date {
  const shifted = new Date(date.getTime() - interval.milliseconds);
  if (interval.months) shifted.setUTCMonth(shifted.getUTCMonth() - interval.months);
  return shifted;
}

// ---- Hovers on cert/fullchain/chain and privkey ----

/** Markdown for a hover on a certificate file: subject, names, issuer, validity, key. Undefined for an empty path. */
export function describeCertificateFile(host: Host, file: string, now: Date, locale: Locale): string | undefined {
  if (!file.startsWith('/')) return undefined;
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  const read = host.readText(file);
  if (!read.ok) {
    if (read.reason === 'denied') return t('certificates.hover.denied', { path: file });
    return read.reason === 'missing' ? t('certificates.hover.missing', { path: file }) : undefined;
  }
  const certificates = readCertificateBundle(read.text).certificates;
  if (certificates.length === 0) return t('certificates.hover.notPem', { path: file });
  const facts = certificateFacts(certificates[0], now);
  const names = [...facts.dnsNames, ...facts.ipAddresses];
  const lines = [
    t('certificates.hover.subject', { subject: facts.subject }),
    names.length ? t('certificates.hover.names', { names }) : t('certificates.hover.noNames'),
    t('certificates.hover.issuer', { issuer: facts.issuer }),
    facts.daysLeft >= 0
      ? t('certificates.hover.valid', { notBefore: isoDate(facts.notBefore), notAfter: isoDate(facts.notAfter), days: facts.daysLeft })
      : t('certificates.hover.expired', { notBefore: isoDate(facts.notBefore), notAfter: isoDate(facts.notAfter), days: -facts.daysLeft }),
    t('certificates.hover.key', { key: keyText(facts.key, locale) }),
  ];
  if (certificates.length > 1) lines.push(t('certificates.hover.more', { count: certificates.length - 1 }));
  return lines.join('\n\n');
}

/** One sentence for a hover on `privkey`: matches, does not match, or can't be read. Never shows the key. */
export function describePrivateKeyMatch(host: Host, privkeyPath: string, certPath: string, locale: Locale): string {
  const key = host.readText(privkeyPath);
  if (!key.ok && key.reason === 'denied') return translate(locale, 'certificates.keyMatch.denied');
  const certText = host.readText(certPath);
  const certificate = certText.ok ? readCertificateBundle(certText.text).certificates[0] : undefined;
  const publicKey = key.ok ? readPublicKeyOfPrivateKey(key.text) : undefined;
  if (!certificate || !publicKey?.ok) return translate(locale, 'certificates.keyMatch.unknown', { cert: certPath });
  return translate(locale, samePublicKey(publicKey.publicKey, certificate.publicKey) ? 'certificates.keyMatch.match' : 'certificates.keyMatch.mismatch', { cert: certPath });
}
