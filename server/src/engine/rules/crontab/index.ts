// Every crontab rule, in the order their findings are listed for one line.
import type { CrontabRule } from '../../rule';
import { crlfLineEnding } from './crlf-line-ending';
import { dayOfMonthOrDayOfWeek } from './day-of-month-or-day-of-week';
import { filePermissions } from './file-permissions';
import { ignoredCharacters } from './ignored-characters';
import { ignoredFilename } from './ignored-filename';
import { invalidEnvironment } from './invalid-environment';
import { invalidSchedule } from './invalid-schedule';
import { missingFinalNewline } from './missing-final-newline';
import { missingUserField } from './missing-user-field';
import { neverRuns } from './never-runs';
import { timezoneVariable } from './timezone-variable';
import { unescapedPercent } from './unescaped-percent';
import { unknownUser } from './unknown-user';
import { userFieldInUserCrontab } from './user-field-in-user-crontab';
import { wildcardMinute } from './wildcard-minute';
import { installedBothWays } from './installed-both-ways';
import { installTargetMismatch } from './install-target-mismatch';
import { cronDMode } from './cron-d-mode';
import { busyboxIgnoredVariable } from './busybox-ignored-variable';
import { busyboxHashInCommand } from './busybox-hash-in-command';
import { unicodeSpace } from './unicode-space';
import { spoolMode } from './spool-mode';

export const crontabRules: readonly CrontabRule[] = [
  unicodeSpace,
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
  spoolMode,
  busyboxIgnoredVariable,
  busyboxHashInCommand,
];
