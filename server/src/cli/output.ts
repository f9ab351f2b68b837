// The three output formats of the CLI: compiler-style text, the JSON contract other tooling reads, SARIF 2.1.0.
import { translate, type MessageKey } from '../engine/i18n/catalog';
import { ALL_RULE_IDS, DEFAULT_SEVERITIES } from '../engine/rules';
import type { Assumption, FileReport } from '../engine/scan';
import type { Finding, Locale, Severity } from '../engine/types';
import { ruleDocsUrl } from '../engine/docs';
import { escapeControls } from '../engine/util/visible';

export { escapeControls } from '../engine/util/visible';

export function formatText(reports: FileReport[], locale: Locale, options: { verbose?: boolean } = {}): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const report of reports) {
    const note = assumptionLine(report, locale, options.verbose ?? false);
    if (note) lines.push(note);
    for (const finding of report.findings) {
      if (finding.severity === 'error') errors++;
      if (finding.severity === 'warning') warnings++;
      // A message is one line: a newline in it (from a quoted excerpt) would forge another finding's line.
      lines.push(escapeControls(`${report.path}:${finding.range.start.line + 1}:${finding.range.start.character + 1}: ${finding.severity}: ${finding.message.replace(/\n/g, '\\n')} [${finding.ruleId}]`));
      // The preferred fix (the first; the editor's quick fix offers the same), as rustc's `help:` lines do.
      const fix = finding.fixes?.[0];
      if (fix) lines.push(escapeControls(`  ${translate(locale, 'cli.fixHint', { title: fix.title.replace(/\n/g, '\\n') })}`));
    }
  }
  lines.push(translate(locale, 'cli.summary', { errors, warnings, files: reports.length }));
  return lines.join('\n') + '\n';
}

/**
 * What a file was read as: always with --verbose; otherwise only when it matters to the reader, a weak content
 * guess (the status bar shows the same in the editor) or a file that was not linted at all.
 */
function assumptionLine(report: FileReport, locale: Locale, verbose: boolean): string | undefined {
  const assumed = report.assumed;
  if (!assumed) return undefined;
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  if (assumed.format === 'unrecognized') return t('cli.assumed.unrecognized', { path: report.path });
  const format = t(`format.${assumed.format}`);
  if (!verbose) return assumed.weak ? t('cli.assumed.weak', { path: report.path, format }) : undefined;
  const reason = t(`hover.reason.${assumed.reason}` as MessageKey);
  const line = assumed.dialect
    ? t('cli.assumed.dialect', { path: report.path, format, reason, dialect: t(`dialect.${assumed.dialect}`), source: dialectSourceText(assumed, t) })
    : t('cli.assumed', { path: report.path, format, reason });
  return assumed.weak ? `${line}\n${t('cli.assumed.weak', { path: report.path, format })}` : line;
}

function dialectSourceText(assumed: Assumption, t: (key: MessageKey, params?: Record<string, string | number>) => string): string {
  if (assumed.dialectSource === 'install') return t('hover.reason.install');
  if (assumed.dialectSource === 'os-release') return t('hover.source.os-release', { distribution: assumed.distribution ?? '/etc/os-release' });
  if (assumed.dialectSource === 'setting') return t('cli.dialectSource.option');
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
    ...(assumed.dialect ? { dialect: assumed.dialect, dialectReason: assumed.dialectSource, ...(assumed.distribution ? { distribution: assumed.distribution } : {}) } : {}),
  };
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(reports: FileReport[], locale: Locale, version: string): string {
  const ruleIds = [...ALL_RULE_IDS];
  const defaults = DEFAULT_SEVERITIES as ReadonlyMap<string, Severity>;
  const uri = (filePath: string) => (filePath.startsWith('/') ? `file://${encodeURI(filePath)}` : encodeURI(filePath));
  const region = (range: Finding['range']) => ({ startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'schedlint',
            version,
            informationUri: 'https://github.com/schedlint/schedlint',
            rules: ruleIds.map((id) => ({
              id,
              shortDescription: { text: translate(locale, `rule.${id}.title` as MessageKey) },
              helpUri: ruleDocsUrl(id, locale),
              defaultConfiguration: { level: SARIF_LEVEL[defaults.get(id) ?? 'warning'] },
            })),
          },
        },
        results: reports.flatMap((report) =>
          report.findings.map((finding) => ({
            ruleId: finding.ruleId,
            ruleIndex: ruleIds.indexOf(finding.ruleId),
            level: SARIF_LEVEL[finding.severity],
            message: { text: finding.message },
            locations: [{ physicalLocation: { artifactLocation: { uri: uri(report.path) }, region: region(finding.range) } }],
            relatedLocations: (finding.related ?? []).map((related, index) => ({
              id: index,
              message: { text: related.message },
              physicalLocation: { artifactLocation: { uri: uri(related.path ?? report.path) }, region: region(related.range) },
            })),
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
