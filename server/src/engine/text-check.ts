// Whether a file the linters are given is text they can read: not binary, UTF-8, no byte-order mark. One
// finding per problem (file/not-text, file/not-utf8, file/byte-order-mark) for every format; a binary file
// gets only that finding. Binary is decided as git does (xdiff-interface.c buffer_is_binary: a NUL byte in the
// first 8000 bytes), plus a file whose start is mostly control characters. UTF-8 is checked on the bytes when
// a Host read them (Host.readText's `utf8`); text from an editor has already been decoded, and there a U+FFFD
// replacement character is what an undecodable byte became.
// What the programs do: systemd's conf-parser.c parse_line() rejects a line that is not UTF-8 ("String is not
// UTF-8 clean, ignoring assignment") and returns -EINVAL, so the unit fails to load (systemd-analyze verify:
// "failed to load properly … Invalid argument"); comments are skipped before that check. systemd and
// configobj/ConfigArgParse skip a leading BOM (unit-file.ts, configobj.ts, cli-ini.ts); cron does not, and
// reads `EF BB BF` as part of the first field. cron passes other bytes of a command to the shell as they are.
// certbot reads renewal files with ConfigObj(encoding='utf-8') (storage.py), so bytes that are not UTF-8 fail.
import { translate, type MessageKey } from './i18n/catalog';
import type { CronDialect, Finding, Fix, Locale, SeveritySetting } from './types';
import type { Utf8Check } from './util/utf8';

export type TextProblem =
  | { kind: 'binary'; reason: 'nul' | 'control' }
  | { kind: 'not-utf8'; line: number; byte?: number }
  | { kind: 'bom' };

export type TextFormat = 'crontab' | 'unit' | 'certbot';

const SAMPLE = 8000;

/** Why the text is binary (a NUL byte in its first 8000, or mostly control characters there), or undefined. */
export function binaryReason(text: string): 'nul' | 'control' | undefined {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  if (sample.includes('\0')) return 'nul';
  if (mostlyControl(sample)) return 'control';
  return undefined;
}

/** The problems of a text; `utf8` when its bytes were checked (else a U+FFFD is taken as a bad byte). */
export function inspectText(text: string, utf8?: Utf8Check): TextProblem[] {
  const binary = binaryReason(text);
  if (binary !== undefined) return [{ kind: 'binary', reason: binary }];
  const problems: TextProblem[] = [];
  if (text.startsWith('\uFEFF')) problems.push({ kind: 'bom' });
  if (utf8 && !utf8.valid) {
    problems.push({ kind: 'not-utf8', byte: utf8.byte, line: lineOfByte(text, utf8.byte) });
  } else if (!utf8) {
    const at = text.indexOf('\uFFFD');
    if (at >= 0) problems.push({ kind: 'not-utf8', line: lineAt(text, at) });
  }
  return problems;
}

// Control characters other than tab, newlines, form feed and escape (which real crontabs do contain).
function mostlyControl(sample: string): boolean {
  if (sample.length < 16) return false;
  let control = 0;
  for (let index = 0; index < sample.length; index++) {
    const code = sample.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c && code !== 0x0b && code !== 0x1b) || code === 0x7f) control++;
  }
  return control * 10 > sample.length * 3;
}

function lineAt(text: string, offset: number): number {
  let line = 0;
  for (let index = text.indexOf('\n'); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

// The decoded text has the same newlines as the bytes: the line of a byte is the number of `\n` before it,
// counted in UTF-8 lengths of the decoded characters up to there.
function lineOfByte(text: string, byte: number): number {
  const encoded = Buffer.from(text, 'utf8');
  let line = 0;
  // Bytes before `byte` in the original are valid UTF-8, so they decoded to the same characters and re-encode to the same bytes.
  for (let index = 0; index < Math.min(byte, encoded.length); index++) if (encoded[index] === 0x0a) line++;
  return line;
}

export interface TextFindingOptions {
  format: TextFormat;
  locale: Locale;
  dialect?: CronDialect;
  severities?: Record<string, SeveritySetting>;
  /** True when the text came from an editor (no byte offsets). */
  fromEditor?: boolean;
}

/** One finding per problem. */
export function textProblemFindings(text: string, problems: readonly TextProblem[], options: TextFindingOptions): Finding[] {
  const { format, locale } = options;
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key as MessageKey, params);
  const findings: Finding[] = [];
  const push = (ruleId: string, messageId: string, severity: Finding['severity'], line: number, message: string, fixes?: Fix[]) => {
    const configured = options.severities?.[ruleId];
    if (configured === 'off') return;
    const end = lineEnd(text, line);
    findings.push({ ruleId, messageId, severity: configured ?? severity, range: { start: { line, character: 0 }, end: { line, character: end } }, message, ...(fixes ? { fixes } : {}) });
  };
  const cronConsequence = () => t(options.dialect === 'cronie' ? 'consequence.cronie-line' : 'consequence.debian-file');
  for (const problem of problems) {
    if (problem.kind === 'binary') {
      push('file/not-text', 'binary', 'error', 0, t('file/not-text.binary', { reason: t(`file/not-text.reason.${problem.reason}`), consequence: t(`file/not-text.consequence.${format}`) }));
    } else if (problem.kind === 'bom') {
      // Deleting the mark changes nothing else, in any format: safe for --fix. Every mark at the start goes (an
      // editor that adds one on each save leaves `EF BB BF EF BB BF`): one left would still break cron's line.
      const marks = /^\uFEFF+/.exec(text)![0].length;
      const fixes: Fix[] = [{ title: t('file/byte-order-mark.remove'), edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: marks } }, newText: '' }], isPreferred: true, safe: true }];
      if (format === 'crontab') push('file/byte-order-mark', 'crontab', 'error', 0, t('file/byte-order-mark.crontab', { consequence: cronConsequence() }), fixes);
      else push('file/byte-order-mark', 'harmless', 'info', 0, t('file/byte-order-mark.harmless', { program: format === 'unit' ? 'systemd' : 'certbot' }), fixes);
    } else {
      const params = { line: problem.line + 1, byte: problem.byte ?? 0 };
      const editor = problem.byte === undefined;
      if (format === 'unit' && /^\s*[#;]/.test(lineText(text, problem.line))) {
        push('file/not-utf8', 'unit-comment', 'info', problem.line, t('file/not-utf8.unit-comment', params));
      } else {
        const messageId = editor ? `${format}-editor` : format;
        push('file/not-utf8', messageId, format === 'crontab' ? 'warning' : 'error', problem.line, t(`file/not-utf8.${messageId}`, params));
      }
    }
  }
  return findings;
}

function lineText(text: string, line: number): string {
  let start = 0;
  for (let index = 0; index < line; index++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return '';
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? undefined : end);
}

function lineEnd(text: string, line: number): number {
  return Math.min(lineText(text, line).replace(/\r$/, '').length, 10_000);
}
