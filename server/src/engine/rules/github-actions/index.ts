// The GitHub Actions workflow rules, in the order their findings are listed for one schedule.
import type { WorkflowRule } from '../../github-actions/rule';
import { dayOfMonthOrDayOfWeek } from './day-of-month-or-day-of-week';
import { invalidSchedule } from './invalid-schedule';
import { invalidYaml } from './invalid-yaml';
import { neverRuns } from './never-runs';
import { scheduleTooFrequent } from './schedule-too-frequent';
import { wildcardMinute } from './wildcard-minute';

export const githubActionsRules: readonly WorkflowRule[] = [invalidYaml, invalidSchedule, neverRuns, wildcardMinute, scheduleTooFrequent, dayOfMonthOrDayOfWeek];
