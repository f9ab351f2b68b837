// The data of the host's schedule picture, which schedule/timeline.ts builds: rows with their runs and windows,
// the places a cron job and a timer meet, the hour axis. Apart from the builder so the modules that fill a part
// of it (timeline-collisions.ts, timeline-labels.ts) name the shapes without importing the builder.
import type { Locale } from '../types';

export interface TimelineSpan {
  start: number;
  end: number;
}

export interface TimelineBand extends TimelineSpan {
  /** `window`: a timer may start anywhere in it; `continuous`: a cron job running every minute. */
  kind: 'window' | 'continuous';
  /** For a window: the elapse it starts at. */
  elapse?: number;
}

export interface TimelineCollision {
  /** An instant in the picture where both can run: the cron run, or where the two spans start to overlap. */
  at: number;
  /** The other row's id. */
  with: string;
  program: string;
}

export interface TimelineRow {
  /** `cron:/etc/cron.d/certbot:17` (0-based line), `timer:certbot.timer`. */
  id: string;
  kind: 'cron' | 'timer';
  /** `root: renew-wildcard.sh`, `certbot.timer`. */
  label: string;
  /** `15 3 * * *`, `OnCalendar=*-*-* 00,12:00:00 RandomizedDelaySec=12h`. */
  schedule: string;
  /** The cron command, or the service's ExecStart= lines. */
  command: string;
  /** The file and 0-based line to open for this row (a run-parts script itself, a timer's OnCalendar= line). */
  path: string;
  line: number;
  /** False when it does not run on this host (guarded off on systemd, timer not enabled); then `inactiveReason`. */
  active: boolean;
  inactiveReason?: string;
  /** Cron runs in the picture (instants), minutes that are part of a continuous band left out. */
  ticks: number[];
  bands: TimelineBand[];
  collisions: TimelineCollision[];
  /** The next runs after `now`, with text in the timeline's locale (for a timer, its window). */
  next: { at: number; text: string }[];
  /** `next: …` ready to show. */
  nextText: string;
  notes: string[];
}

export interface TimelineGroup {
  /** The crontab's host path, or "systemd timers". */
  title: string;
  kind: 'crontab' | 'timers';
  rows: TimelineRow[];
}

export interface TimelineHour {
  at: number;
  /** Local hour 0–23 in the host zone. */
  hour: number;
  /** `03`. */
  label: string;
  /** Set at local midnight (and at the start): the date, `Thu 11-26` / `11月26日(木)`. */
  day?: string;
}

export interface Timeline {
  from: number;
  to: number;
  hours: number;
  now: number;
  timeZone: string;
  locale: Locale;
  systemdHost: boolean;
  title: string;
  /** `from Thu 2026-11-26 00:00`. */
  subtitle: string;
  axis: TimelineHour[];
  groups: TimelineGroup[];
  collisions: { timer: string; job: string; program: string; at: number }[];
  legend: { run: string; continuous: string; window: string; collision: string; inactive: string; now: string };
  /** Set when nothing is scheduled. */
  empty?: string;
}
