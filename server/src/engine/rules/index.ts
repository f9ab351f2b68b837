// Every rule schedlint ships, in the order their findings are listed for one line.
import type { CrontabRule } from '../rule';
import { unitRules } from './systemd';
import { hostRules } from './schedule';
import { certbotRules } from './certbot';
import { certbotHostRules } from './certbot/config-rules';
import { crlfLineEnding } from './crontab/crlf-line-ending';
import { dayOfMonthOrDayOfWeek } from './crontab/day-of-month-or-day-of-week';
import { filePermissions } from './crontab/file-permissions';
import { ignoredCharacters } from './crontab/ignored-characters';
import { ignoredFilename } from './crontab/ignored-filename';
import { invalidEnvironment } from './crontab/invalid-environment';
import { invalidSchedule } from './crontab/invalid-schedule';
import { missingFinalNewline } from './crontab/missing-final-newline';
import { missingUserField } from './crontab/missing-user-field';
import { neverRuns } from './crontab/never-runs';
import { timezoneVariable } from './crontab/timezone-variable';
import { unescapedPercent } from './crontab/unescaped-percent';
import { unknownUser } from './crontab/unknown-user';
import { userFieldInUserCrontab } from './crontab/user-field-in-user-crontab';
import { wildcardMinute } from './crontab/wildcard-minute';
import { installedBothWays } from './crontab/installed-both-ways';
import { installTargetMismatch } from './crontab/install-target-mismatch';
import { cronDMode } from './crontab/cron-d-mode';

export const crontabRules: readonly CrontabRule[] = [
  installedBothWays,
  installTargetMismatch,
  userFieldInUserCrontab,
  missingUserField,
  unknownUser,
  invalidSchedule,
  invalidEnvironment,
  neverRuns,
  wildcardMinute,
  unescapedPercent,
  missingFinalNewline,
  ignoredFilename,
  filePermissions,
  crlfLineEnding,
  timezoneVariable,
  dayOfMonthOrDayOfWeek,
  ignoredCharacters,
  cronDMode,
];

/** Crontab rules whose findings are about the whole file: their inline disable is `schedlint-disable-file`. */
export const FILE_SCOPED_RULE_IDS: ReadonlySet<string> = new Set(crontabRules.filter((rule) => rule.meta.scope === 'file').map((rule) => rule.id));

/** Rules that are not about a file's content: it could not be read or is too large to read (host.ts), is not UTF-8 text (text-check.ts), or checking it hit a bug (rule.ts). */
export const FILE_RULE_IDS = ['file/unreadable', 'file/too-large', 'file/not-text', 'file/not-utf8', 'file/byte-order-mark', 'internal/rule-error'] as const;

/** Default severity of each of them (the severity varies by format for not-utf8 and byte-order-mark: text-check.ts). */
export const FILE_RULE_SEVERITIES: Readonly<Record<(typeof FILE_RULE_IDS)[number], string>> = {
  'file/unreadable': 'warning',
  'file/too-large': 'warning',
  'file/not-text': 'error',
  'file/not-utf8': 'error',
  'file/byte-order-mark': 'error',
  'internal/rule-error': 'error',
};

export const ALL_RULE_IDS: readonly string[] = [
  ...crontabRules.map((rule) => rule.id),
  ...unitRules.map((rule) => rule.id),
  ...certbotRules.map((rule) => rule.id),
  ...certbotHostRules.map((rule) => rule.id),
  ...hostRules.map((rule) => rule.id),
  ...FILE_RULE_IDS,
];

/** Rules some of whose fixes `schedlint --fix` applies (RuleMeta.safeFix). */
export const SAFE_FIX_RULE_IDS: ReadonlySet<string> = new Set([...crontabRules, ...unitRules, ...certbotRules, ...certbotHostRules, ...hostRules].filter((rule) => rule.meta.safeFix).map((rule) => rule.id));

/** Default severity of every rule, for SARIF and docs. */
export const DEFAULT_SEVERITIES: ReadonlyMap<string, string> = new Map([
  ...[...crontabRules, ...unitRules, ...certbotRules, ...certbotHostRules, ...hostRules].map((rule): [string, string] => [rule.id, rule.meta.defaultSeverity]),
  ...Object.entries(FILE_RULE_SEVERITIES),
]);
