// The host's schedule as a picture's data: one row per cron job (grouped by crontab) and per timer, with the
// cron runs of the coming hours as minute ticks, the timer windows as bands [elapse, elapse + RandomizedDelaySec
// + AccuracySec] (systemd.timer(5)), the next runs as text, and the places where a cron job and a timer that
// run the same program can meet. Plain data: renderTimelineSvg/renderTimelineText draw it, the CLI prints it
// as JSON, the editor's "Show host schedule" webview shows it. The shapes are in timeline-model.ts, the
// meetings in timeline-collisions.ts, labels and the hour axis in timeline-labels.ts.
import { nextRuns } from '../crontab/next-runs';
import { translate } from '../i18n/catalog';
import { parseCalendar } from '../systemd/calendar';
import { nextElapse } from '../systemd/calendar-search';
import type { CalendarSpec } from '../systemd/calendar-spec';
import type { ZoneSource } from '../time/zone-rules';
import { formatRunTime } from '../time/format-run';
import type { Locale } from '../types';
import type { CronJob, HostInventory, TimerEntry } from './model';
import { appendAll } from '../util/append';
import { findCollisions } from './timeline-collisions';
import { clock, commandName, formatSeconds, hourAxis, runPartsName } from './timeline-labels';
import type { Timeline, TimelineBand, TimelineGroup, TimelineRow } from './timeline-model';

export type { Timeline, TimelineBand, TimelineCollision, TimelineGroup, TimelineHour, TimelineRow, TimelineSpan } from './timeline-model';
// The CLI's Prometheus output labels its series with the same names as the picture.
export { commandName } from './timeline-labels';

const MINUTE = 60_000;
const HOUR = 3_600_000;
/** Beyond this many windows in the span (a timer firing every few seconds) overlapping windows are merged. */
const MAX_SEPARATE_WINDOWS = 200;
/** A guard against calendars that elapse every second: at most this many elapses are looked at per timer. */
const MAX_ELAPSES = 20_000;
const NEXT_COUNT = 3;

export interface TimelineOptions {
  /** Start of the picture (ms since the epoch). */
  from: number;
  /** How many hours it covers (default 24). */
  hours?: number;
  locale: Locale;
  /** The moment "next" runs are counted from and the now line is drawn at (default `from`). */
  now?: number;
  /** Where zone names in OnCalendar= are looked up (HostFacts.zoneSource()). Default: Intl. */
  zones?: ZoneSource;
}

export function hostTimeline(inventory: HostInventory, options: TimelineOptions): Timeline {
  const hours = options.hours ?? 24;
  const from = options.from;
  const to = from + hours * HOUR;
  const now = options.now ?? from;
  const { locale } = options;
  const zone = inventory.timeZone;
  const span = { from, to, now };

  const byFile = new Map<string, CronJob[]>();
  for (const job of inventory.jobs) {
    const list = byFile.get(job.path) ?? [];
    list.push(job);
    byFile.set(job.path, list);
  }
  const groups: TimelineGroup[] = [...byFile.entries()]
    .sort(([a], [b]) => crontabOrder(a) - crontabOrder(b) || a.localeCompare(b))
    .map(([path, jobs]) => ({
      title: path,
      kind: 'crontab' as const,
      rows: jobs.sort((a, b) => a.line - b.line || (a.script ?? '').localeCompare(b.script ?? '')).map((job) => cronRow(job, inventory, span, locale)),
    }));
  const timerRows = [...inventory.timers].sort((a, b) => a.unit.localeCompare(b.unit)).map((timer) => timerRow(timer, inventory.systemdHost, zone, span, locale, options.zones));
  if (timerRows.length > 0) groups.push({ title: translate(locale, 'timeline.group.timers'), kind: 'timers', rows: timerRows });

  const collisions = findCollisions(inventory, groups, locale, zone);
  return {
    from,
    to,
    hours,
    now,
    timeZone: zone,
    locale,
    systemdHost: inventory.systemdHost,
    title: translate(locale, 'timeline.title', { hours, zone }),
    subtitle: translate(locale, 'timeline.from', { time: formatRunTime(from, zone, locale) }),
    axis: hourAxis(from, to, zone, locale),
    groups,
    collisions,
    legend: {
      run: translate(locale, 'timeline.legend.run'),
      continuous: translate(locale, 'timeline.legend.continuous'),
      window: translate(locale, 'timeline.legend.window'),
      collision: translate(locale, 'timeline.legend.collision'),
      inactive: translate(locale, 'timeline.legend.inactive'),
      now: translate(locale, 'timeline.legend.now'),
    },
    ...(groups.length === 0 ? { empty: translate(locale, 'timeline.empty') } : {}),
  };
}

/** /etc/crontab first, then /etc/cron.d, then the user spool: the order cron reads them in. */
function crontabOrder(path: string): number {
  if (path === '/etc/crontab') return 0;
  if (path.startsWith('/etc/cron.d/')) return 1;
  return 2;
}

interface Span {
  from: number;
  to: number;
  now: number;
}

function cronRow(job: CronJob, inventory: HostInventory, span: Span, locale: Locale): TimelineRow {
  const zone = job.timeZone || inventory.timeZone;
  const script = job.source === 'run-parts' ? job.script : undefined;
  const label = `${job.user}: ${script ? runPartsName(script) : commandName(job)}`;
  const notes: string[] = [];
  const guardedOff = inventory.systemdHost && !job.runsOnSystemdHost;
  const guard = job.guards.find((candidate) => candidate.kind === 'without-systemd');
  let ticks: number[] = [];
  const bands: TimelineBand[] = [];
  let next: { at: number; text: string }[] = [];
  let nextText: string;
  if (job.schedule.reboot) {
    notes.push(translate(locale, 'timeline.note.reboot'));
    nextText = translate(locale, 'timeline.note.reboot');
  } else {
    // Runs in [from, to): nextRuns is strictly after its start, and runs fall on whole minutes.
    const maxRuns = Math.ceil((span.to - span.from) / MINUTE) + 1;
    const runs = nextRuns(job.schedule, span.from - 1, maxRuns, zone, span.to);
    const split = continuousBands(runs);
    ticks = split.ticks;
    bands.push(...split.bands);
    next = nextRuns(job.schedule, span.now, NEXT_COUNT, zone).map((at) => ({ at, text: formatRunTime(at, zone, locale) }));
    nextText = next.length === 0 ? translate(locale, 'timeline.next.never') : translate(locale, 'timeline.next', { times: next.map((run) => run.text) });
    if (job.runsVia === 'anacron') {
      // The inventory gives every minute of the hours anacron may start the folder in: a window where the
      // script starts once when it is due, not a job running every minute.
      ticks = [];
      for (const band of bands) band.kind = 'window';
      const hours = anacronHours(job.schedule.hours);
      nextText = translate(locale, 'timeline.next.anacron', { folder: runPartsName(script ?? job.path).split('/')[0], hours });
      next = next.slice(0, 1);
    }
  }
  return {
    id: `cron:${job.path}:${job.line}${script ? `:${script}` : ''}`,
    kind: 'cron',
    label,
    schedule: job.scheduleText,
    command: job.command,
    path: script ?? job.path,
    line: script ? 0 : job.line,
    active: !guardedOff,
    ...(guardedOff ? { inactiveReason: translate(locale, 'timeline.off.guard', { guard: guard?.text ?? '! -d /run/systemd/system' }) } : {}),
    ticks,
    bands,
    collisions: [],
    next,
    nextText,
    notes,
  };
}

/** `07:00–24:00` for the hours anacron may start jobs in. */
function anacronHours(hours: boolean[]): string {
  const first = hours.indexOf(true);
  const last = hours.lastIndexOf(true);
  if (first < 0) return '—';
  return `${String(first).padStart(2, '0')}:00–${String(last + 1).padStart(2, '0')}:00`;
}

/**
 * Consecutive minutes (three or more in a row) become one band; the rest stay ticks. `* * * * *` is one band
 * over the whole picture instead of 1,440 ticks.
 */
export function continuousBands(runs: number[]): { ticks: number[]; bands: TimelineBand[] } {
  const ticks: number[] = [];
  const bands: TimelineBand[] = [];
  let index = 0;
  while (index < runs.length) {
    let last = index;
    while (last + 1 < runs.length && runs[last + 1] - runs[last] === MINUTE) last++;
    if (last - index >= 2) bands.push({ kind: 'continuous', start: runs[index], end: runs[last] + MINUTE });
    else appendAll(ticks, runs.slice(index, last + 1));
    index = last + 1;
  }
  return { ticks, bands };
}

function timerRow(timer: TimerEntry, systemdHost: boolean, zone: string, span: Span, locale: Locale, zones: ZoneSource | undefined): TimelineRow {
  const notes: string[] = [];
  const widthMs = (timer.randomizedDelaySec + timer.accuracySec) * 1000;
  const specs: CalendarSpec[] = [];
  for (const calendar of timer.calendars) {
    const parsed = parseCalendar(calendar.text, { zone, ...(zones ? { zones } : {}) });
    if (parsed.ok) specs.push(parsed.spec);
    else notes.push(translate(locale, 'timeline.note.badCalendar', { text: calendar.text }));
  }
  if (timer.persistent) notes.push(translate(locale, 'timeline.note.persistent'));
  const bands = timerWindows(specs, widthMs, span.from, span.to, zone, zones);
  const nextElapses = mergeSorted(specs.map((spec) => nextElapse(spec, span.now, NEXT_COUNT, { zone, ...(zones ? { zones } : {}) }))).slice(0, NEXT_COUNT);
  const next = nextElapses.map((at) => {
    const start = formatRunTime(at, zone, locale);
    if (!Number.isFinite(widthMs)) return { at, text: start };
    return { at, text: widthMs > MINUTE ? translate(locale, 'timeline.timerRun', { start, end: clock(at + widthMs, zone) }) : start };
  });
  const nextText =
    timer.calendars.length === 0 ? translate(locale, 'timeline.note.noCalendar') : next.length === 0 ? translate(locale, 'timeline.next.never') : translate(locale, 'timeline.next', { times: next.map((run) => run.text) });
  const first = timer.calendars[0];
  const schedule = [...timer.calendars.map((calendar) => `OnCalendar=${calendar.text}`), ...(timer.randomizedDelaySec > 0 ? [`RandomizedDelaySec=${formatSeconds(timer.randomizedDelaySec)}`] : [])].join(' ');
  return {
    id: `timer:${timer.unit}`,
    kind: 'timer',
    label: timer.unit,
    schedule,
    command: timer.service.execStart.map((line) => line.text).join('\n'),
    path: first?.path ?? timer.path,
    line: first?.range.start.line ?? 0,
    active: timer.enabled && systemdHost,
    ...(!systemdHost
      ? { inactiveReason: translate(locale, 'timeline.off.noSystemd') }
      : timer.enabled
        ? {}
        : { inactiveReason: translate(locale, 'timeline.off.timer', { why: timer.enablement }) }),
    ticks: [],
    bands,
    collisions: [],
    next,
    nextText,
    notes,
  };
}

/**
 * The windows of the timer that reach into [from, to): elapses from `from - width` on, so a window opened
 * before the picture starts (12:00 yesterday, open until 00:01) is still drawn. Sorted by start.
 */
function timerWindows(specs: CalendarSpec[], widthMs: number, from: number, to: number, zone: string, zones: ZoneSource | undefined): TimelineBand[] {
  const windows: TimelineBand[] = [];
  const options = { zone, ...(zones ? { zones } : {}) };
  // RandomizedDelaySec=infinity: once elapsed, the timer may start at any later time; look a year back.
  const lookBack = Number.isFinite(widthMs) ? widthMs : 366 * 24 * HOUR;
  for (const spec of specs) {
    let after = from - lookBack - 1;
    let seen = 0;
    while (seen < MAX_ELAPSES) {
      const batch = nextElapse(spec, after, 64, options);
      let done = batch.length < 64;
      for (const elapse of batch) {
        if (elapse >= to) {
          done = true;
          break;
        }
        if (elapse + widthMs > from) windows.push({ kind: 'window', start: elapse, end: Math.min(elapse + widthMs, Number.isFinite(widthMs) ? Infinity : to), elapse });
        if (!Number.isFinite(widthMs) && elapse + widthMs > from) {
          done = true;
          break;
        }
      }
      seen += batch.length;
      if (done || batch.length === 0) break;
      after = batch[batch.length - 1];
    }
  }
  windows.sort((a, b) => a.start - b.start);
  if (windows.length <= MAX_SEPARATE_WINDOWS) return windows;
  const merged: TimelineBand[] = [];
  for (const window of windows) {
    const last = merged[merged.length - 1];
    if (last && window.start <= last.end) last.end = Math.max(last.end, window.end);
    else merged.push({ ...window });
  }
  return merged;
}

function mergeSorted(lists: number[][]): number[] {
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}

