// The host's schedule as a picture's data: one row per cron job (grouped by crontab) and per timer, with the
// cron runs of the coming hours as minute ticks, the timer windows as bands [elapse, elapse + RandomizedDelaySec
// + AccuracySec] (systemd.timer(5)), the next runs as text, and the places where a cron job and a timer that
// run the same program can meet. Plain data: renderTimelineSvg/renderTimelineText draw it, the CLI prints it
// as JSON, the editor's "Show host schedule" webview shows it.
import { nextRuns } from '../crontab/next-runs';
import { translate } from '../i18n/catalog';
import { parseCalendar } from '../systemd/calendar';
import { nextElapse } from '../systemd/calendar-search';
import type { CalendarSpec } from '../systemd/calendar-spec';
import type { ZoneSource } from '../time/zone-rules';
import { formatRunTime } from '../time/format-run';
import { toLocal } from '../time/zone';
import type { Locale } from '../types';
import type { CronJob, HostInventory, TimerEntry } from './model';
import { trimEndOf } from '../util/trim';
import { appendAll } from '../util/append';

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

/** `cron.daily/logrotate` for a script run by run-parts. */
function runPartsName(script: string): string {
  return script.split('/').slice(-2).join('/');
}

/** What a cron line runs, as a reader names it: the first program seen through wrappers, else a guess from the text. */
export function commandName(job: CronJob): string {
  const viaScript = job.programs.find((use) => use.via.length > 0);
  if (viaScript) return basename(viaScript.via[0]);
  const direct = job.programs.find((use) => use.via.length === 0);
  if (direct) return direct.program === 'run-parts' ? runPartsLabel(direct.args) : basename(direct.written);
  return guessName(job.command);
}

// Words in front of the real command (guards, wrappers, jitter) that a label should look past.
const PRELUDE = new Set(['cd', 'test', '[', '[[', 'command', 'sleep', 'true', ':', 'perl']);
const WRAPPERS = new Set(['env', 'nice', 'ionice', 'flock', 'timeout', 'chronic', 'sudo', 'exec', 'nohup']);

/** Without the command model: the first chain element that is not a guard or a wait, past its wrappers. */
function guessName(command: string): string {
  const segments = command.split(/&&|\|\||;|\{|\}/).map((segment) => segment.trim()).filter(Boolean);
  for (const segment of segments) {
    const words = segment.split(/\s+/).filter((word) => !/^\w+=/.test(word));
    let index = 0;
    while (index < words.length && WRAPPERS.has(basename(words[index]))) {
      const wrapper = basename(words[index++]);
      // Their options and numbers (`-n 10`, timeout's `10m`), and the lock file flock takes first.
      while (index < words.length && (words[index].startsWith('-') || /^\d+[smhd]?$/.test(words[index]))) index++;
      if (wrapper === 'flock' && index < words.length - 1) index++;
    }
    const word = words[index];
    if (!word || PRELUDE.has(basename(word))) continue;
    if (basename(word) === 'run-parts') return runPartsLabel(words.slice(index + 1));
    return basename(word);
  }
  return basename(command.trim().split(/\s+/)[0] ?? '') || command.slice(0, 30);
}

/** `run-parts cron.hourly` for `run-parts --report /etc/cron.hourly`. */
function runPartsLabel(args: string[]): string {
  const folder = args.find((arg) => !arg.startsWith('-'));
  return folder ? `run-parts ${basename(folder)}` : 'run-parts';
}

const basename = (path: string) => trimEndOf(path, '/').split('/').pop() ?? path;

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

/**
 * Where a cron job and an enabled timer that run the same program can meet in the picture: a cron run inside
 * a timer window, or a continuous cron band overlapping one. Each meeting is put on both rows.
 */
function findCollisions(inventory: HostInventory, groups: TimelineGroup[], locale: Locale, zone: string): Timeline['collisions'] {
  const rows = new Map(groups.flatMap((group) => group.rows).map((row) => [row.id, row]));
  const collisions: Timeline['collisions'] = [];
  // Jobs by the programs they run: each timer asks only the jobs that share one of its programs (asking
  // every job made this jobs × timers: 10,000 × 1,000 took seconds).
  const jobsByProgram = new Map<string, number[]>();
  inventory.jobs.forEach((job, index) => {
    for (const use of job.programs) {
      const list = jobsByProgram.get(use.program);
      if (!list) jobsByProgram.set(use.program, [index]);
      else if (list[list.length - 1] !== index) list.push(index);
    }
  });
  for (const timer of inventory.timers) {
    const timerRowData = rows.get(`timer:${timer.unit}`);
    if (!timerRowData?.active) continue;
    const timerPrograms = new Set(timer.programs.map((use) => use.program));
    const candidates = new Set<number>();
    for (const program of timerPrograms) for (const index of jobsByProgram.get(program) ?? []) candidates.add(index);
    // In the jobs' own order, as before, so rows list their meetings the same way.
    for (const job of [...candidates].sort((a, b) => a - b).map((index) => inventory.jobs[index])) {
      const jobRow = rows.get(`cron:${job.path}:${job.line}${job.source === 'run-parts' && job.script ? `:${job.script}` : ''}`);
      if (!jobRow?.active) continue;
      // A script anacron runs does not meet the timer that starts anacron: that timer is how it runs.
      const sameWork = (name: string) => timerPrograms.has(name) && !COMMON_TOOLS.has(name) && !(name === 'anacron' && job.runsVia === 'anacron');
      const program = job.programs.map((use) => use.program).find(sameWork);
      if (program === undefined) continue;
      const meeting = firstMeeting(jobRow, timerRowData.bands);
      if (meeting === undefined) continue;
      collisions.push({ timer: timerRowData.id, job: jobRow.id, program, at: meeting });
      for (const at of meetings(jobRow, timerRowData.bands)) {
        jobRow.collisions.push({ at, with: timerRowData.id, program });
        timerRowData.collisions.push({ at, with: jobRow.id, program });
      }
      const time = formatRunTime(meeting, zone, locale);
      jobRow.notes.push(translate(locale, 'timeline.note.collision', { other: timerRowData.label, program, time }));
      timerRowData.notes.push(translate(locale, 'timeline.note.collision', { other: jobRow.label, program, time }));
    }
  }
  for (const row of rows.values()) row.collisions.sort((a, b) => a.at - b.at);
  return collisions;
}

/**
 * Programs that many scripts call along the way (a log line, a text filter): sharing one of them does not
 * make a job and a timer do the same work.
 */
const COMMON_TOOLS = new Set(
  'logger grep egrep fgrep sed awk gawk mawk cat echo printf find xargs rm mv cp ln mkdir rmdir touch chmod chown date head tail sort uniq wc cut tr tee basename dirname readlink realpath stat id hostname which command type test [ true false sleep nice ionice flock timeout env sh bash dash run-parts mail sendmail mktemp kill pgrep pidof systemctl invoke-rc.d'.split(' '),
);

function meetings(job: TimelineRow, windows: TimelineBand[]): number[] {
  const found: number[] = [];
  // Windows are half-open, [elapse, elapse + delay + accuracy), as in windows.ts.
  for (const tick of job.ticks) if (windows.some((window) => tick >= window.start && tick < window.end)) found.push(tick);
  for (const band of job.bands) {
    for (const window of windows) if (band.start < window.end && window.start < band.end) found.push(Math.max(band.start, window.start));
  }
  return [...new Set(found)].sort((a, b) => a - b);
}

function firstMeeting(job: TimelineRow, windows: TimelineBand[]): number | undefined {
  return meetings(job, windows)[0];
}

/** Local hour boundaries in [from, to], each with its label; the date at midnight and at the first one. */
function hourAxis(from: number, to: number, zone: string, locale: Locale): TimelineHour[] {
  const axis: TimelineHour[] = [];
  const startLocal = toLocal(from, zone);
  let at = from - ((startLocal.minute * 60 + startLocal.second) * 1000 + (((from % 1000) + 1000) % 1000));
  if (at < from) at += HOUR;
  for (let guard = 0; at <= to && guard < 24 * 400; guard++) {
    const local = toLocal(at, zone);
    // Zones with half-hour DST shifts (Lord Howe) move the boundary: snap back to the local hour.
    if (local.minute !== 0) {
      at -= local.minute * MINUTE;
      if (at < from) {
        at += HOUR;
        continue;
      }
    }
    const label = String(local.hour).padStart(2, '0');
    axis.push({ at, hour: local.hour, label, ...(local.hour === 0 || axis.length === 0 ? { day: formatDay(at, zone, locale) } : {}) });
    at += HOUR;
  }
  return axis;
}

const EN_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const JA_DAYS = ['日', '月', '火', '水', '木', '金', '土'];

/** `Thu 11-26` / `11月26日(木)`. */
export function formatDay(instant: number, zone: string, locale: Locale): string {
  const local = toLocal(instant, zone);
  if (locale === 'ja') return `${local.month}月${local.day}日(${JA_DAYS[local.weekday]})`;
  return `${EN_DAYS[local.weekday]} ${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`;
}

/** `12:01` in the zone. */
export function clock(instant: number, zone: string): string {
  const local = toLocal(instant, zone);
  return `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
}

/** 43200 → `12h`, 90 → `1min 30s`: systemd's way of writing a span. */
function formatSeconds(seconds: number): string {
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [unit, size] of [['d', 86_400], ['h', 3_600], ['min', 60], ['s', 1]] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join(' ') || '0';
}
