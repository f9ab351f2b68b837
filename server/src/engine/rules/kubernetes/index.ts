// Every Kubernetes rule, in the order their findings are listed for one line.
import type { KubernetesRule } from '../../kubernetes/rule';
import { dayOfMonthOrDayOfWeek } from './day-of-month-or-day-of-week';
import { invalidSchedule } from './invalid-schedule';
import { neverRuns } from './never-runs';
import { shortStartingDeadline } from './short-starting-deadline';
import { unknownTimeZone } from './unknown-time-zone';
import { wildcardMinute } from './wildcard-minute';

export const kubernetesRules: readonly KubernetesRule[] = [invalidSchedule, unknownTimeZone, neverRuns, wildcardMinute, dayOfMonthOrDayOfWeek, shortStartingDeadline];
