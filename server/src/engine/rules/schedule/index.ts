// Every host schedule rule (findings across files, from the host's schedule inventory).
import type { HostRule } from '../../schedule/host-rule';
import { timerOverlapsCron } from './timer-overlaps-cron';

export const hostRules: readonly HostRule[] = [timerOverlapsCron];
