// Every host schedule rule (findings across files, from the host's schedule inventory).
import type { HostRule } from '../../schedule/host-findings';
import { timerOverlapsCron } from './timer-overlaps-cron';

export const hostRules: readonly HostRule[] = [timerOverlapsCron];
