// A certificate or key file opened as a document (`.crt`, `.pem`, `.cer`, `.der`, `.key`): its findings on the
// lines of the block they are about, a hover per block, and the file it pairs with by path (the key beside a
// certificate and back). Plain engine functions for the format registry to register; the editor and the scans
// call them through it. Reads the partner file and the trust store through the Host; never the network.
import * as path from 'node:path';
import { certificateFacts, describeKey, isoDate, keyText } from './facts';
import { lintCertificates } from './lint';
import { readCertificateFile, type CertificateFile, type CertificateFileBlock } from './read';
import type { NamedCertificateFile } from './review';
import { hostTrustStore } from './trust';
import type { Host } from '../host/host';
import { translate, type MessageKey, type MessageParams } from '../i18n/catalog';
import { binaryReason } from '../text-check';
import type { Finding, Locale, Range, SeveritySetting } from '../types';
import { noCertificate } from '../rules/certificate/no-certificate';

/** A line that starts a PEM block (RFC 7468 encapsulation boundary), whatever its label and whether it ends. */
const PEM_CLAIM = /^-----BEGIN /m;

export const CERTIFICATE_FILE_EXTENSIONS = ['.crt', '.pem', '.cer', '.der', '.key'] as const;

/** Whether a path names a certificate or key file by its extension. */
export function isCertificateFilePath(file: string): boolean {
  return (CERTIFICATE_FILE_EXTENSIONS as readonly string[]).includes(path.posix.extname(file).toLowerCase());
}

/**
 * The files a certificate or key pairs with, most likely first: same base name (`example.crt` + `example.key`),
 * and certbot's names (`fullchain.pem`/`cert.pem` + `privkey.pem`, live/NAME and archive/NAME's `certN.pem` +
 * `privkeyN.pem`). `role` says what the given file holds.
 */
export function pairedPaths(file: string, role: 'certificate' | 'key'): string[] {
  const folder = path.posix.dirname(file);
  const name = path.posix.basename(file);
  const stem = name.replace(/\.[^.]+$/, '');
  const beside = (...names: string[]) => names.filter((candidate) => candidate !== name).map((candidate) => path.posix.join(folder, candidate));
  const version = name.match(/^(?:cert|fullchain|privkey)(\d+)\.pem$/)?.[1] ?? '';
  if (role === 'certificate') {
    if (/^(cert|fullchain)\d*\.pem$/.test(name)) return beside(`privkey${version}.pem`);
    return beside(`${stem}.key`, `${stem}.pem`);
  }
  if (/^privkey\d*\.pem$/.test(name)) return beside(`fullchain${version}.pem`, `cert${version}.pem`);
  return beside(`${stem}.crt`, `${stem}.pem`, `${stem}.cer`, `${stem}.der`);
}

export interface CertificateDocumentInput {
  /** The document's content (bytes for DER). */
  data: Uint8Array | string;
  /** Host path, for pairing and for the related locations. */
  path: string;
  host: Host;
  now: Date;
  locale: Locale;
  severities?: Record<string, SeveritySetting>;
  expiringDays?: number;
  /**
   * Found by a folder scan (`schedlint DIR`, the editor's workspace scan) for its extension alone, not named by
   * the user (a path given, an open document, `--kind certificate`, a `files:` format in the config): such a file
   * with no `-----BEGIN` line is taken for another file that shares the extension (an API token in
   * `secrets/api.key`, an empty `certs/empty.pem` placeholder), not a certificate file gone wrong.
   */
  scanned?: boolean;
}

export interface CertificateDocumentResult {
  file: CertificateFile;
  findings: Finding[];
  /** The file it was checked with (key or certificate), if one was found beside it. */
  partner?: string;
  /** The intermediates found beside a lone certificate, if any. */
  chain?: string;
}

/**
 * Lints one certificate or key file. A certificate file is checked with its key when one lies beside it, and
 * against the host's trust store only when it carries a chain (a lone server certificate is usually served with
 * a chain from another file: SSLCertificateChainFile, certbot's chain.pem). A key file is checked against the
 * certificate beside it, the finding on the key's block.
 */
export function lintCertificateDocument(input: CertificateDocumentInput): CertificateDocumentResult {
  const file = readCertificateFile(input.data);
  const self: NamedCertificateFile = { path: input.path, file };
  const hasCertificate = file.blocks.some((block) => block.certificate);
  const hasKey = file.blocks.some((block) => block.kind === 'private-key' && block.publicKey);
  const options = { locale: input.locale, severities: input.severities };
  // A file of CA certificates only is a trust bundle or an issuer handed out on its own (ca-certificates.crt,
  // /usr/share/ca-certificates/*, intermediate.crt): no server sends it as its chain, and an expired root in a
  // bundle is simply never used. Nothing to judge there; hovers still describe each block.
  if (hasCertificate && file.blocks.every((block) => !block.certificate || block.certificate.ca)) return { file, findings: [] };
  if (hasCertificate) {
    const partner = hasKey ? undefined : findPartner(input, 'certificate', 'private-key');
    // A lone certificate is checked with the intermediate the CA sent beside it (seed 004's intermediate.crt):
    // a wrong one is what browsers hide and other clients fail on.
    const alone = file.blocks.filter((block) => block.certificate).length === 1;
    const chain = alone ? findChain(input) : undefined;
    const trust = !alone || chain ? hostTrustStore(input.host) : undefined;
    const result = lintCertificates({ cert: self, key: hasKey ? self : partner, chain, trust, now: input.now, expiringDays: input.expiringDays }, options);
    return { file, findings: ownFindings(result.files, input.path, file), partner: partner?.path, chain: chain?.path };
  }
  if (hasKey) {
    const partner = findPartner(input, 'key', 'certificate');
    if (!partner) return { file, findings: [] };
    // Only the pair is judged here: the certificate's own dates and chain are its own document's findings.
    const result = lintCertificates({ cert: partner, key: self, now: input.now }, { ...options, severities: { ...onlyKeyMismatch(), ...input.severities } });
    return { file, findings: ownFindings(result.files.filter((entry) => entry.role === 'key'), input.path, file), partner: partner.path };
  }
  return { file, findings: nothingToRead(file, input.data, { ...options, scanned: input.scanned }) };
}

/**
 * certificate/no-certificate for a file with no certificate and no key: nothing readable at all (empty, or text
 * with no PEM block), or certificate blocks that cannot be decoded. Other PEM blocks (DH parameters, a public
 * key, an encrypted key) are files of another kind, not certificate files gone wrong; so is a binary file that is
 * no DER (an Apple Keynote `talk.key` in a repository, claimed by its name); and so is a file a folder scan met
 * whose text does not claim to be PEM (CertificateDocumentInput.scanned). Monitoring tools that sweep folders for
 * certificates (x509-certificate-exporter's directory watch) likewise take only what parses as one: a linter that
 * cries wolf on every `.key` in a repository is one people turn off.
 */
function nothingToRead(file: CertificateFile, data: Uint8Array | string, options: { locale: Locale; severities?: Record<string, SeveritySetting>; scanned?: boolean }): Finding[] {
  const ruleId = noCertificate.id;
  const configured = options.severities?.[ruleId];
  if (configured === 'off') return [];
  const t = (key: MessageKey, params?: MessageParams) => translate(options.locale, key, params);
  const finding = (messageId: string, range: Range, message: string): Finding => ({ ruleId, messageId, severity: configured ?? noCertificate.meta.defaultSeverity, range, message });
  if (file.blocks.every((block) => block.label === 'DER' && block.problem === 'no-pem')) {
    // Binary as the text checks decide it (text-check.ts: git's NUL test, or mostly control characters); bytes
    // as Latin-1, one character each, so the sample is the file's first bytes.
    const text = typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
    if (binaryReason(text) !== undefined) return [];
    if (options.scanned && !PEM_CLAIM.test(text)) return [];
    return [finding('nothing', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, t('certificate/no-certificate.nothing'))];
  }
  return file.blocks
    .filter((block) => block.kind === 'certificate' && block.problem !== undefined && block.problem !== 'encrypted')
    .map((block) => finding('unreadable', block.range, t('certificate/no-certificate.unreadable', { problem: t(`certificates.problem.${block.problem}` as MessageKey, { reason: block.reason ?? '' }) })));
}

function onlyKeyMismatch(): Record<string, SeveritySetting> {
  const off: Record<string, SeveritySetting> = {};
  for (const id of ['ca-certificate', 'chain-mismatch', 'chain-order', 'chain-incomplete', 'san-removed', 'not-newer', 'expired', 'expiring', 'not-yet-valid']) off[`certificate/${id}`] = 'off';
  return off;
}

/**
 * The names CAs and their guides give the intermediates sent with a certificate: `intermediate.crt` (seed 004),
 * `chain.crt`/`chain.pem`, `ca-bundle.crt`, Sectigo's `NAME.ca-bundle`, `NAME-chain.pem`. Only a file of CA
 * certificates counts; certbot's lineage pairs `cert.pem` with its own `chain.pem` through the renewal file.
 */
export function chainPaths(file: string): string[] {
  const folder = path.posix.dirname(file);
  const name = path.posix.basename(file);
  if (/^(cert|fullchain)\d*\.pem$/.test(name)) return [];
  const stem = name.replace(/\.[^.]+$/, '');
  return ['intermediate.crt', 'intermediate.pem', 'chain.crt', 'chain.pem', 'ca-bundle.crt', `${stem}.ca-bundle`, `${stem}-chain.pem`, `${stem}-chain.crt`]
    .filter((candidate) => candidate !== name)
    .map((candidate) => path.posix.join(folder, candidate));
}

function findChain(input: CertificateDocumentInput): NamedCertificateFile | undefined {
  for (const candidate of chainPaths(input.path)) {
    const data = input.host.readBytes(candidate);
    if (!data) continue;
    const file = readCertificateFile(data);
    const certificates = file.blocks.filter((block) => block.certificate);
    if (certificates.length > 0 && certificates.every((block) => block.certificate!.ca)) return { path: candidate, file };
  }
  return undefined;
}

function findPartner(input: CertificateDocumentInput, role: 'certificate' | 'key', wanted: 'certificate' | 'private-key'): NamedCertificateFile | undefined {
  for (const candidate of pairedPaths(input.path, role)) {
    const data = input.host.readBytes(candidate);
    if (!data) continue;
    const file = readCertificateFile(data);
    if (file.blocks.some((block) => (wanted === 'certificate' ? block.certificate : block.kind === 'private-key' && block.publicKey))) return { path: candidate, file };
  }
  return undefined;
}

/**
 * The findings for this document: those on its own blocks as they are; those on the partner file (a key that
 * does not match) moved onto this file's first certificate or key block, the partner kept as related location.
 */
function ownFindings(files: { path: string; findings: Finding[] }[], documentPath: string, file: CertificateFile): Finding[] {
  const anchor = (file.blocks.find((block) => block.certificate) ?? file.blocks.find((block) => block.kind === 'private-key'))?.range;
  return files.flatMap((entry) =>
    entry.path === documentPath || !anchor
      ? entry.findings
      : entry.findings.map((finding) => ({ ...finding, range: anchor, related: [{ path: entry.path, range: finding.range, message: finding.message }, ...(finding.related ?? []).filter((related) => related.path !== documentPath)] })),
  );
}

/** Markdown for a hover on the block at `line` (0-based), or undefined outside every block. Never key material. */
export function describeCertificateBlockAt(file: CertificateFile, line: number, now: Date, locale: Locale): string | undefined {
  const block = file.blocks.find((candidate) => candidate.range.start.line <= line && line <= candidate.range.end.line);
  return block ? describeCertificateBlock(block, now, locale) : undefined;
}

export function describeCertificateBlock(block: CertificateFileBlock, now: Date, locale: Locale): string {
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  if (block.kind === 'private-key') {
    if (block.problem === 'encrypted') return t('certificateFile.hover.encryptedKey');
    if (!block.publicKey) return t('certificateFile.hover.unreadable', { label: block.label });
    return t('certificateFile.hover.privateKey', { key: keyText(describeKey(block.publicKey), locale) });
  }
  if (!block.certificate) return t('certificateFile.hover.unreadable', { label: block.label });
  const facts = certificateFacts(block.certificate, now);
  const names = [...facts.dnsNames, ...facts.ipAddresses];
  const dates = { notBefore: isoDate(facts.notBefore), notAfter: isoDate(facts.notAfter) };
  return [
    t('certificates.hover.subject', { subject: facts.subject }),
    names.length ? t('certificates.hover.names', { names }) : t('certificates.hover.noNames'),
    t('certificates.hover.issuer', { issuer: facts.issuer }),
    facts.notBefore.getTime() > now.getTime()
      ? t('certificateFile.hover.notYet', dates)
      : facts.daysLeft >= 0
        ? t('certificates.hover.valid', { ...dates, days: facts.daysLeft })
        : t('certificates.hover.expired', { ...dates, days: -facts.daysLeft }),
    t('certificates.hover.key', { key: keyText(facts.key, locale) }),
    t('certificateFile.hover.fingerprint', { fingerprint: block.certificate.fingerprint256 }),
  ].join('\n\n');
}
