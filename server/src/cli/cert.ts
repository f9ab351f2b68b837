// `schedlint cert CERT [--key KEY] [--chain CHAIN] [--previous OLD] [--ca FILE] [--root DIR] [--days N]`: seed
// 004's pre-flight of a certificate before it is installed, as a checklist (text) or as the same files-with-
// diagnostics as every lint run (json, sarif). CERT, KEY, CHAIN and OLD are files on this machine (the download
// folder); trust comes from --ca (openssl's -CAfile), else the bundle under --root, else this machine's. Nothing
// is fetched from the network. Exit status: 0 passed, 1 an error-severity finding, 2 usage or unreadable input.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { certificateChecklist, type ChecklistItem } from '../engine/certificate/checklist';
import { oneLineName } from '../engine/certificate/facts';
import { lintCertificates, type CertificateLintResult } from '../engine/certificate/lint';
import { readCertificateFile } from '../engine/certificate/read';
import { DEFAULT_EXPIRING_DAYS, type NamedCertificateFile } from '../engine/certificate/review';
import { hostTrustStore, trustStoreFromData, type TrustStore } from '../engine/certificate/trust';
import { FsHost } from '../engine/host/fs-host';
import type { Host } from '../engine/host/host';
import { translate, type MessageKey, type MessageParams } from '../engine/i18n/catalog';
import type { FileReport } from '../engine/scan';
import { certificateRules } from '../engine/rules/certificate';
import type { Finding, Locale, SeveritySetting } from '../engine/types';
import { argumentLocale, parseOptions, UsageError, usageErrorLine } from './args';
import { EXIT_CLEAN, EXIT_FAILURE, EXIT_FINDINGS } from './exit-status';
import { escapeControls, formatJson, formatSarif } from './output';
import type { CliIo } from './io';

export const CERT_COMMAND = 'cert';

const CERT_OPTIONS = {
  key: { type: 'string' },
  chain: { type: 'string' },
  previous: { type: 'string' },
  ca: { type: 'string' },
  root: { type: 'string' },
  days: { type: 'string' },
  format: { type: 'string', short: 'f' },
  lang: { type: 'string' },
  rule: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

interface CertOptions {
  cert: string;
  key?: string;
  chain?: string;
  previous?: string;
  ca?: string;
  root?: string;
  days: number;
  format: 'text' | 'json' | 'sarif';
  locale: Locale;
  severities: Record<string, SeveritySetting>;
}

/** A file that cannot be used: printed as one line, exit 2. */
class InputError extends Error {
  constructor(readonly line: string) {
    super(line);
  }
}

export function runCertCommand(argv: string[], io: CliIo, version: string): number {
  const locale = argumentLocale(argv, io.env);
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  let options: CertOptions | 'help';
  try {
    options = parseCertArgs(argv, locale);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(usageErrorLine(error, locale, 'schedlint cert'));
    return EXIT_FAILURE;
  }
  if (options === 'help') {
    io.stdout(t('cert.usage') + '\n');
    return EXIT_CLEAN;
  }
  const machine = new FsHost('/');
  let result: CertificateLintResult;
  try {
    const cert = readInput(machine, options.cert, 'certificate', t);
    // Without --key, a key in the certificate file itself (HAProxy's combined PEM) is the one to check.
    const key = options.key !== undefined ? readInput(machine, options.key, 'key', t) : cert.file.blocks.some((block) => block.kind === 'private-key') ? cert : undefined;
    const chain = options.chain === undefined ? undefined : readInput(machine, options.chain, 'certificate', t);
    const previous = options.previous === undefined ? undefined : readInput(machine, options.previous, 'certificate', t);
    const trust = trustStore(machine, options, t);
    result = lintCertificates({ cert, key, chain, previous, trust, now: new Date(), expiringDays: options.days }, { locale: options.locale, severities: options.severities });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr(escapeControls(error.line) + '\n');
    return EXIT_FAILURE;
  }
  // The kind names the format for JSON readers; certificate files become a registered format with the registry.
  const reports: FileReport[] = result.files.map((file) => ({ path: file.path, kind: 'certificate' as FileReport['kind'], findings: file.findings }));
  const checklist = certificateChecklist(result, options.locale);
  const status = reports.some((report) => report.findings.some((finding) => finding.severity === 'error')) ? EXIT_FINDINGS : EXIT_CLEAN;
  const cwd = io.cwd ?? process.cwd();
  const readText = (reportPath: string) => {
    try {
      return fs.readFileSync(path.resolve(cwd, reportPath), 'latin1');
    } catch {
      return undefined;
    }
  };
  if (options.format === 'json') io.stdout(checklistJson(formatJson(reports), checklist));
  else if (options.format === 'sarif') io.stdout(formatSarif(reports, { locale: options.locale, version, cwd, exitCode: status, readText }));
  else io.stdout(checklistText(result, checklist, options.locale));
  return status;
}

function parseCertArgs(argv: string[], locale: Locale): CertOptions | 'help' {
  const parsed = parseOptions(argv, CERT_OPTIONS);
  const values = parsed.values;
  if (values.help) return 'help';
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError('cli.error.value', { option: '--format', value: format, allowed: 'text, json, sarif' });
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'ja') throw new UsageError('cli.error.value', { option: '--lang', value: values.lang, allowed: 'en, ja' });
  const days = values.days === undefined ? undefined : Number(values.days);
  if (days !== undefined && (!/^\d+$/.test(values.days!) || days > 3650)) throw new UsageError('cli.error.value', { option: '--days', value: values.days!, allowed: '0…3650' });
  if (values.root === '') throw new UsageError('cli.error.rootEmpty');
  if (parsed.positionals.length !== 1) throw new UsageError('cert.error.noCert');
  // --rule as in lint runs, for the certificate rules (the only ones this command runs).
  const severities: Record<string, SeveritySetting> = {};
  for (const entry of values.rule ?? []) {
    const match = entry.match(/^([\w/-]+)=(off|hint|info|warning|error)$/);
    if (!match) throw new UsageError('cli.error.ruleFormat', { value: entry });
    if (!certificateRules.some((rule) => rule.id === match[1])) throw new UsageError('cli.error.unknownRule', { rule: match[1] });
    severities[match[1]] = match[2] as SeveritySetting;
  }
  return { cert: parsed.positionals[0], key: values.key, chain: values.chain, previous: values.previous, ca: values.ca, root: values.root, days: days ?? DEFAULT_EXPIRING_DAYS, format, locale, severities };
}

type Translate = (key: MessageKey, params?: MessageParams) => string;

function readBytes(host: Host, given: string, t: Translate): Uint8Array {
  const file = path.resolve(given);
  const read = host.readText(file);
  if (!read.ok) {
    const detail = read.reason === 'missing' ? t('cli.io.missing') : read.reason === 'denied' ? t('cert.io.denied') : read.reason === 'too-large' ? t('cert.io.tooLarge', { limit: read.limit ?? 0 }) : t('cert.io.notAFile');
    throw new InputError(t('cli.ioError', { path: given, detail }));
  }
  // readText succeeded, so the bytes are there too (DER is not UTF-8: read them as bytes).
  return host.readBytes(file) ?? Buffer.from(read.text, 'utf8');
}

function readInput(host: Host, given: string, wanted: 'certificate' | 'key', t: Translate): NamedCertificateFile {
  const file = readCertificateFile(readBytes(host, given, t));
  const has = wanted === 'key' ? file.blocks.some((block) => block.kind === 'private-key' && (block.publicKey || block.problem === 'encrypted')) : file.blocks.some((block) => block.certificate);
  if (!has) throw new InputError(`schedlint: ${t(wanted === 'key' ? 'cert.error.noKey' : 'cert.error.noCertificate', { path: given })}`);
  return { path: given, file };
}

function trustStore(machine: Host, options: CertOptions, t: Translate): TrustStore | undefined {
  if (options.ca !== undefined) {
    const store = trustStoreFromData('ca-file', options.ca, readBytes(machine, options.ca, t));
    if (store.anchors.length === 0) throw new InputError(`schedlint: ${t('cert.error.noStore', { path: options.ca })}`);
    return store;
  }
  if (options.root !== undefined) {
    const store = hostTrustStore(new FsHost(options.root));
    // Shown as the path on this machine, so the reader knows which bundle was used.
    return store && { ...store, path: path.join(options.root, store.path) };
  }
  return hostTrustStore(machine);
}

const STATUS_KEY = { pass: 'cert.status.pass', fail: 'cert.status.fail', warn: 'cert.status.warn', skip: 'cert.status.skip' } as const;

function checklistText(result: CertificateLintResult, checklist: ChecklistItem[], locale: Locale): string {
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  const lines: string[] = [];
  const facts = result.review.facts;
  if (facts) {
    lines.push(t('cert.heading', { path: result.review.leaf?.path ?? '', subject: facts.subject || oneLineName(facts.issuer) }));
    const names = [...facts.dnsNames, ...facts.ipAddresses];
    if (names.length) lines.push(`  ${t('cert.names', { names: names.join(', ') })}`);
  }
  let errors = 0;
  let warnings = 0;
  // A certificate rule no check speaks for (certificate/ca-certificate: about what was given), under the heading.
  const claimed = new Set(checklist.flatMap((item) => item.findings.map((entry) => entry.finding)));
  for (const file of result.files) {
    for (const finding of file.findings.filter((candidate) => candidate.ruleId.startsWith('certificate/') && !claimed.has(candidate))) {
      if (finding.severity === 'error') errors++;
      if (finding.severity === 'warning') warnings++;
      lines.push(`  ${findingLine(file.path, finding)}`);
    }
  }
  for (const item of checklist) {
    const parts = { status: t(STATUS_KEY[item.status]), check: t(`cert.check.${item.check}`) };
    if (item.detail !== undefined && (item.status === 'pass' || item.status === 'skip')) lines.push(t('cert.line', { ...parts, detail: item.detail }));
    else lines.push(t('cert.lineFailed', parts));
    for (const { path: file, finding } of item.findings) {
      if (finding.severity === 'error') errors++;
      if (finding.severity === 'warning') warnings++;
      lines.push(`    ${findingLine(file, finding)}`);
    }
  }
  // A rule that threw is reported on the certificate file without a check of its own.
  for (const file of result.files) {
    for (const finding of file.findings.filter((candidate) => !candidate.ruleId.startsWith('certificate/'))) {
      errors++;
      lines.push(findingLine(file.path, finding));
    }
  }
  lines.push(t('cert.summary', { errors, warnings }));
  return lines.map((line) => escapeControls(line)).join('\n') + '\n';
}

/**
 * A finding as the checklist prints it, under its check or on its own: `PATH:LINE: SEVERITY: MESSAGE [RULE]`,
 * the message kept on one line (a rule error's message is one line already: rule.ts ruleErrorFinding).
 */
function findingLine(file: string, finding: Finding): string {
  return `${file}:${finding.range.start.line + 1}: ${finding.severity}: ${finding.message.replace(/\n/g, '\\n')} [${finding.ruleId}]`;
}

/** The lint JSON (`files` with `diagnostics`) plus `checks`: each check's status and, for pass and skip, why. */
function checklistJson(lintJson: string, checklist: ChecklistItem[]): string {
  const json = JSON.parse(lintJson) as Record<string, unknown>;
  json.checks = checklist.map((item) => ({
    check: item.check,
    status: item.status,
    ...(item.detail !== undefined && (item.status === 'pass' || item.status === 'skip') ? { detail: item.detail } : {}),
    rules: [...new Set(item.findings.map((entry) => entry.finding.ruleId))],
  }));
  return JSON.stringify(json, null, 2) + '\n';
}
