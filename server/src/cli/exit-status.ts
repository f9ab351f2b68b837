// The exit status of `schedlint` lint runs, one rule for every way a run ends (README "Exit status"), in the
// manner of eslint and shellcheck: findings decide 0 or 1, anything that makes the result incomplete or
// untrustworthy is 2, whatever --exit-zero says.
import type { FileReport } from '../engine/scan';
import type { Finding } from '../engine/types';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILURE = 2;

/**
 * A finding that means schedlint itself failed on a file: a rule that threw (`internal/…` rule ids, and the
 * `internal-error` message a crashing rule is reported with) or a file it could not read.
 */
export function isFailureFinding(finding: Finding): boolean {
  return finding.ruleId.startsWith('internal/') || finding.messageId === 'internal-error' || finding.ruleId === 'file/unreadable';
}

/**
 * 2: a usage error (decided before linting), an input that is missing or unreadable, or an internal error;
 * else 1 when a finding is at error severity (unless --exit-zero); else 0.
 */
export function lintExitStatus(reports: readonly FileReport[], options: { missingInput: boolean; exitZero: boolean }): number {
  if (options.missingInput || reports.some((report) => report.findings.some(isFailureFinding))) return EXIT_FAILURE;
  if (options.exitZero) return EXIT_CLEAN;
  return reports.some((report) => report.findings.some((finding) => finding.severity === 'error')) ? EXIT_FINDINGS : EXIT_CLEAN;
}
