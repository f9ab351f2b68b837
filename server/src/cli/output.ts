// The three output formats of the CLI: compiler-style text, the JSON contract other tooling reads, SARIF 2.1.0
// (sarif.ts).
import { translate, type MessageKey } from '../engine/i18n/catalog';
import { showFileNameBytes } from '../engine/util/file-names';
import type { Assumption, FileReport } from '../engine/scan';
import type { Finding, Locale, Severity } from '../engine/types';
import { escapeControls } from '../engine/util/visible';
import { PLAIN, type Paint } from './color';

export { escapeControls } from '../engine/util/visible';
export { formatSarif } from './sarif';

export interface TextOptions {
  verbose?: boolean;
  /** Colours (color.ts); plain text when absent. */
  paint?: Paint;
  /** With --min-severity: the threshold and how many findings below it were left out. */
  hidden?: { severity: Severity; count: number };
}

export function formatText(reports: FileReport[], locale: Locale, options: TextOptions = {}): string {
  const paint = options.paint ?? PLAIN;
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  // What many findings share (a path, a rule id, a fix title) is escaped once: a long file has thousands.
  const rules = new Map<string, string>();
  const hints = new Map<string, string>();
  for (const report of reports) {
    const note = assumptionLine(report, locale, options.verbose ?? false);
    if (note) lines.push(note);
    const path = escapeControls(report.path);
    for (const finding of report.findings) {
      counts[finding.severity]++;
      // A message is one line: a newline in it (from a quoted excerpt) would forge another finding's line.
      // Colours go on after the escaping, which would otherwise show their escape codes as text.
      const where = `${path}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
      const message = escapeControls(finding.message.includes('\n') ? finding.message.replace(/\n/g, '\\n') : finding.message);
      let rule = rules.get(finding.ruleId);
      if (rule === undefined) rules.set(finding.ruleId, (rule = paint.rule(`[${escapeControls(finding.ruleId)}]`)));
      lines.push(`${paint.path(where)}: ${paint.severity(finding.severity, finding.severity)}: ${message} ${rule}`);
      // The preferred fix (the first; the editor's quick fix offers the same), as rustc's `help:` lines do.
      const fix = finding.fixes?.[0];
      if (fix) {
        let hint = hints.get(fix.title);
        if (hint === undefined) hints.set(fix.title, (hint = escapeControls(`  ${translate(locale, 'cli.fixHint', { title: fix.title.replace(/\n/g, '\\n') })}`)));
        lines.push(hint);
      }
    }
  }
  let summary = translate(locale, 'cli.summary', { errors: counts.error, warnings: counts.warning, infos: counts.info, hints: counts.hint, files: reports.length });
  if (options.hidden && options.hidden.count > 0) summary += translate(locale, 'cli.hiddenBelow', { count: options.hidden.count, severity: options.hidden.severity });
  lines.push(summary);
  // A file name's bytes that are not UTF-8 as `\xE9` (engine/util/file-names.ts), not the U+FFFD a terminal shows.
  return showFileNameBytes(lines.join('\n') + '\n');
}

/**
 * What a file was read as: always with --verbose; otherwise only when it matters to the reader, a weak content
 * guess (the status bar shows the same in the editor) or a file that was not linted at all.
 */
function assumptionLine(report: FileReport, locale: Locale, verbose: boolean): string | undefined {
  const assumed = report.assumed;
  if (!assumed) return undefined;
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  if (assumed.format === 'unrecognized') return t(assumed.notLinted === undefined || assumed.notLinted === 'ini' ? 'cli.assumed.unrecognized' : `cli.assumed.unrecognized.${assumed.notLinted}`, { path: report.path });
  const format = t(`format.${assumed.format}` as MessageKey);
  if (!verbose) return assumed.weak ? t('cli.assumed.weak', { path: report.path, format }) : undefined;
  const reason = t(`hover.reason.${assumed.reason}` as MessageKey);
  const line = assumed.cron
    ? t('cli.assumed.standIn', { path: report.path, format, reason, cron: t(`install.cron.${assumed.cron}`), dialect: t(`dialect.${assumed.dialect ?? 'debian'}`) })
    : assumed.dialect
      ? t('cli.assumed.dialect', { path: report.path, format, reason, dialect: t(`dialect.${assumed.dialect}`), source: dialectSourceText(assumed, t) })
      : t('cli.assumed', { path: report.path, format, reason });
  const notes = [line];
  if (assumed.weak) notes.push(t('cli.assumed.weak', { path: report.path, format }));
  if (assumed.unchecked?.length) notes.push(t(assumed.unchecked.length === 1 ? 'cli.assumed.template.one' : 'cli.assumed.template.many', { path: report.path, lines: assumed.unchecked.map((at) => at + 1).join(t('cli.assumed.template.separator')) }));
  return notes.join('\n');
}

function dialectSourceText(assumed: Assumption, t: (key: MessageKey, params?: Record<string, string | number>) => string): string {
  if (assumed.dialectSource === 'install') return t('hover.reason.install');
  if (assumed.dialectSource === 'os-release') return t('hover.source.os-release', { distribution: assumed.distribution ?? '/etc/os-release' });
  if (assumed.dialectSource === 'setting') return t('cli.dialectSource.option');
  if (assumed.dialectSource === 'config') return t('hover.reason.config');
  return t('hover.source.default');
}

function diagnosticJson(finding: Finding, filePath: string) {
  return {
    rule: finding.ruleId,
    severity: finding.severity,
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
    message: finding.message,
    related: (finding.related ?? []).map((related) => ({
      path: related.path ?? filePath,
      line: related.range.start.line + 1,
      column: related.range.start.character + 1,
      endLine: related.range.end.line + 1,
      endColumn: related.range.end.character + 1,
      message: related.message,
    })),
    fixes: (finding.fixes ?? []).map((fix) => ({ title: fix.title })),
  };
}

export function formatJson(reports: FileReport[]): string {
  return JSON.stringify({ files: jsonFiles(reports) }, null, 2) + '\n';
}

/** The `files` array of the JSON output (also each host's `files` in `schedlint fleet --format json`). */
export function jsonFiles(reports: FileReport[]) {
  return reports.map((report) => ({ path: report.path, kind: report.kind, ...(report.assumed ? { assumed: assumedJson(report.assumed) } : {}), diagnostics: report.findings.map((finding) => diagnosticJson(finding, report.path)) }));
}

/** JSON `assumed`: the format and its reason, whether a content guess was weak, and for crontabs the cron and why. */
function assumedJson(assumed: Assumption) {
  return {
    format: assumed.format,
    reason: assumed.reason,
    weak: assumed.weak ?? false,
    ...(assumed.notLinted ? { notLinted: assumed.notLinted } : {}),
    ...(assumed.dialect ? { dialect: assumed.dialect, dialectReason: assumed.dialectSource, ...(assumed.distribution ? { distribution: assumed.distribution } : {}) } : {}),
    ...(assumed.cron ? { cron: assumed.cron } : {}),
    ...(assumed.unchecked?.length ? { unchecked: assumed.unchecked.map((line) => line + 1) } : {}),
  };
}
