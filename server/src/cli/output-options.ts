// The options that choose what the lint output shows and how: `--min-severity`, `--quiet` (eslint's: errors
// only), `--color`, `--list-rules`. Kept apart from args.ts so the option table there only gains one line.
import type { Severity } from '../engine/types';
import type { ColorChoice } from './color';
import type { MessageKey, MessageParams } from '../engine/i18n/catalog';

export interface OutputOptions {
  /** Findings below this are left out of the output (not of the exit status: a hidden failure is still 2). */
  minSeverity: Severity;
  color: ColorChoice;
  listRules: boolean;
}

export const OUTPUT_OPTIONS = {
  'min-severity': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  color: { type: 'string' },
  'list-rules': { type: 'boolean' },
} as const;

export const SEVERITY_ORDER: readonly Severity[] = ['hint', 'info', 'warning', 'error'];

/** `fail` throws args.ts's UsageError (passed in, so this module and args.ts do not import each other). */
export function outputOptions(values: { 'min-severity'?: string; quiet?: boolean; color?: string; 'list-rules'?: boolean }, fail: (key: MessageKey, params?: MessageParams) => never): OutputOptions {
  const given = values['min-severity'];
  if (given !== undefined && !SEVERITY_ORDER.includes(given as Severity)) fail('cli.error.value', { option: '--min-severity', value: given, allowed: 'error, warning, info, hint' });
  if (given !== undefined && values.quiet) fail('cli.error.quietAndMinSeverity');
  const color = values.color ?? 'auto';
  if (color !== 'auto' && color !== 'always' && color !== 'never') fail('cli.error.value', { option: '--color', value: color, allowed: 'auto, always, never' });
  return { minSeverity: values.quiet ? 'error' : ((given as Severity | undefined) ?? 'hint'), color, listRules: values['list-rules'] ?? false };
}

/** The reports with only the findings at `minimum` or above, and how many were left out. */
export function atOrAbove<T extends { findings: { severity: Severity }[] }>(reports: T[], minimum: Severity): { reports: T[]; hidden: number } {
  const floor = SEVERITY_ORDER.indexOf(minimum);
  let hidden = 0;
  const kept = reports.map((report) => {
    const findings = report.findings.filter((finding) => SEVERITY_ORDER.indexOf(finding.severity) >= floor);
    hidden += report.findings.length - findings.length;
    return findings.length === report.findings.length ? report : { ...report, findings };
  });
  return { reports: kept, hidden };
}
