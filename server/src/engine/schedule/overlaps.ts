// Cron jobs and enabled timers that run the same program at moments that can coincide (seed 001: a
// packaged certbot.timer renewing before root's own renewal script). Jobs and timers are grouped by what
// they run first, so only pairs that share a program reach the firing-time math (windows.ts), and each
// distinct (schedule, zone, timer) question is asked once: 1,000 jobs × 100 timers stays cheap.
import { parseCalendar } from '../systemd/calendar';
import type { CalendarSpec } from '../systemd/calendar-spec';
import type { CronSchedule } from '../crontab/model';
import { Elapses, findCollision, type Collision, type TimerWindowSpec } from './windows';
import type { CronJob, HostInventory, ProgramUse, TimerEntry } from './model';

export interface Overlap {
  job: CronJob;
  timer: TimerEntry;
  /** What both run, as compared (`certbot`, or a script's path). */
  key: string;
  /** The job's use of it (in the crontab line, or in the script it runs) and the timer service's. */
  jobUse: ProgramUse;
  timerUse: ProgramUse;
  collision: Collision;
}

export interface OverlapOptions {
  /** Epoch ms to search from. */
  from: number;
  /** How far ahead to look (default: a year and a day, so yearly and leap-day schedules are met). */
  horizonDays?: number;
}

const DAY = 86_400_000;

// Programs so common, or so much a part of scheduling itself, that sharing them says nothing.
const HELPERS = new Set([
  'test', '[', '[[', 'sleep', 'true', 'false', 'sh', 'bash', 'dash', 'cd', 'flock', 'logger', 'run-parts', 'anacron', 'env', 'nice',
  'ionice', 'timeout', 'chronic', 'echo', 'printf', 'cat', 'grep', 'egrep', 'fgrep', 'sed', 'awk', 'gawk', 'mawk', 'tee', 'mail', 'mailx',
  'sendmail', 'rm', 'mv', 'cp', 'mkdir', 'rmdir', 'find', 'xargs', 'head', 'tail', 'wc', 'cut', 'sort', 'uniq', 'tr', 'date', 'basename',
  'dirname', 'hostname', 'id', 'whoami', 'which', 'touch', 'chmod', 'chown', 'chgrp', 'ln', 'ls', 'stat', 'readlink', 'realpath', 'gzip',
  'gunzip', 'zcat', 'kill', 'pgrep', 'pkill', 'sync', 'install', 'setsid', 'start-stop-daemon', 'savelog', 'on_ac_power', 'nocache',
  'mktemp', 'expr', 'seq', 'tput', 'stty', 'uname', 'df', 'du', 'getent', 'systemd-cat', 'wall', 'ps', 'nohup', 'time', 'yes',
]);

// Programs whose first arguments say what they do (`php /var/www/cron.php`, `systemctl restart nginx`).
const DISPATCHERS = new Set([
  'php', 'php-cli', 'python', 'python2', 'python3', 'perl', 'ruby', 'node', 'nodejs', 'java', 'docker', 'podman', 'kubectl',
  'systemctl', 'service', 'invoke-rc.d', 'curl', 'wget', 'mysql', 'psql', 'ssh', 'scp', 'su', 'runuser', 'make', 'npm', 'npx', 'composer',
  'wp', 'drush', 'artisan', 'rake', 'bundle',
]);

// certbot's verbs (certbot/_internal/cli/__init__.py VERBS and cli_constants): the ones that may obtain or
// renew a certificate, and so can race another renewal. With no verb certbot runs `run`.
const CERTBOT_RENEWING = new Set(['renew', 'certonly', 'run', 'auth', 'everything']);
const CERTBOT_VERBS = new Set([
  ...CERTBOT_RENEWING, 'certificates', 'delete', 'revoke', 'register', 'unregister', 'update_account', 'show_account', 'plugins',
  'update_symlinks', 'enhance', 'install', 'rollback', 'config_changes', 'reconfigure', 'reconfig',
]);
const CERTBOT_NAMES = new Set(['certbot', 'letsencrypt', 'certbot-auto', 'letsencrypt-auto']);

/**
 * What a use is compared by, or undefined when it says nothing: a script schedlint read by its path (two
 * jobs running /root/bin/renew.sh), certbot only when it may renew (`certbot certificates` does not, nor a
 * `--dry-run`), interpreters and dispatchers with their first arguments, other programs by base name.
 */
export function comparisonKey(use: ProgramUse): string | undefined {
  // certbot installed as a shell wrapper (pip or a vendor's /usr/bin/certbot stub) is still certbot: the
  // script is what renews, whatever the wrapper runs inside.
  if (use.kind === 'script' && use.path && !CERTBOT_NAMES.has(use.program)) return use.path;
  const name = use.program;
  if (name === '' || HELPERS.has(name) || name.includes('$')) return undefined;
  if (CERTBOT_NAMES.has(name)) {
    if (use.args.includes('--dry-run') || use.args.includes('--help') || use.args.includes('-h') || use.args.includes('--version')) return undefined;
    // certbot finds its verb anywhere on the command line (HelpfulArgumentParser).
    const verb = use.args.find((arg) => CERTBOT_VERBS.has(arg)) ?? 'run';
    return CERTBOT_RENEWING.has(verb) ? 'certbot' : undefined;
  }
  if (name === 'perl' && use.args.includes('-e')) return undefined;
  if (DISPATCHERS.has(name) || /^python[\d.]+$/.test(name) || /^php[\d.]+$/.test(name)) {
    const operands = use.args.filter((arg) => !arg.startsWith('-')).slice(0, 2);
    return operands.length === 0 ? undefined : `${name} ${operands.join(' ')}`;
  }
  return name;
}

/** Whether the use runs on this host, as far as its guards tell. */
function runsHere(use: ProgramUse, systemdHost: boolean): boolean {
  for (const guard of use.guards ?? []) {
    if (guard.kind === 'without-systemd' && systemdHost) return false;
    if (guard.kind === 'with-systemd' && !systemdHost) return false;
  }
  return true;
}

/**
 * Every pair of a cron job and an enabled timer that run the same program, where a run of the job can fall
 * in a window in which the timer may start its service; with the first such collision from `from`.
 * Skipped, and so never reported: timers that are not enabled (or masked, or fail to load), jobs and
 * programs guarded off on this host (Debian's /etc/cron.d/certbot on a systemd host), `@reboot` jobs, and
 * every timer of a host systemd does not run (a container whose first process is something else).
 */
export function findOverlaps(inventory: HostInventory, options: OverlapOptions): Overlap[] {
  const horizon = (options.horizonDays ?? 366) * DAY;
  // Without systemd as the service manager no timer fires, so nothing can collide with one.
  if (!inventory.systemdHost) return [];
  const byKey = new Map<string, { timer: TimerEntry; use: ProgramUse }[]>();
  for (const timer of inventory.timers) {
    if (!timer.enabled || timer.calendars.length === 0) continue;
    for (const use of timer.programs) {
      const key = comparisonKey(use);
      if (key === undefined) continue;
      const list = byKey.get(key) ?? [];
      if (!list.some((entry) => entry.timer === timer)) list.push({ timer, use });
      byKey.set(key, list);
    }
  }
  if (byKey.size === 0) return [];
  const specs = new Map<TimerEntry, TimerWindowSpec | null>();
  const answers = new Map<string, Collision | null>();
  const scheduleIds = new Map<CronSchedule, string>();
  // Jobs with equal schedules share one CronSchedule (windows.ts keeps clock-change runs per schedule), and
  // each timer one Elapses, so the questions about the same days are answered once.
  const schedules = new Map<string, CronSchedule>();
  const elapses = new Map<TimerWindowSpec, Elapses>();
  const coverage = new Map<TimerWindowSpec, Uint8Array | null>();
  const overlaps: Overlap[] = [];
  for (const job of inventory.jobs) {
    if (job.schedule.reboot) continue;
    const seen = new Set<TimerEntry>();
    for (const use of job.programs) {
      if (!runsHere(use, inventory.systemdHost)) continue;
      const key = comparisonKey(use);
      const candidates = key === undefined ? undefined : byKey.get(key);
      if (!candidates) continue;
      for (const { timer, use: timerUse } of candidates) {
        if (seen.has(timer)) continue;
        seen.add(timer);
        const spec = windowSpec(timer, inventory.timeZone, specs);
        if (!spec) continue;
        if (job.timeZone === spec.timeZone && !timesOfDayMeet(job.schedule, spec, coverage)) continue;
        const id = scheduleId(job.schedule, scheduleIds);
        const question = `${id}\0${job.timeZone}\0${timer.unit}`;
        let answer = answers.get(question);
        if (answer === undefined) {
          let schedule = schedules.get(id);
          if (!schedule) schedules.set(id, (schedule = job.schedule));
          let timerElapses = elapses.get(spec);
          if (!timerElapses) elapses.set(spec, (timerElapses = new Elapses(spec)));
          answer = findCollision({ schedule, timeZone: job.timeZone }, spec, options.from, horizon, timerElapses) ?? null;
          answers.set(question, answer);
        }
        if (answer) overlaps.push({ job, timer, key: key!, jobUse: use, timerUse, collision: answer });
      }
    }
  }
  return overlaps;
}

function windowSpec(timer: TimerEntry, timeZone: string, cache: Map<TimerEntry, TimerWindowSpec | null>): TimerWindowSpec | null {
  let spec = cache.get(timer);
  if (spec !== undefined) return spec;
  const calendars: CalendarSpec[] = [];
  for (const calendar of timer.calendars) {
    const parsed = parseCalendar(calendar.text);
    // An invalid OnCalendar= is ignored by systemd (and reported by systemd/invalid-calendar).
    if (parsed.ok) calendars.push(parsed.spec);
  }
  spec = calendars.length === 0 ? null : { calendars, randomizedDelaySec: timer.randomizedDelaySec, accuracySec: timer.accuracySec, persistent: timer.persistent, timeZone };
  cache.set(timer, spec);
  return spec;
}

/** One id per distinct schedule (jobs share CronSchedule objects and often equal ones). */
function scheduleId(schedule: CronSchedule, cache: Map<CronSchedule, string>): string {
  let id = cache.get(schedule);
  if (id === undefined) {
    const bits = (flags: boolean[]) => flags.map((flag) => (flag ? '1' : '0')).join('');
    id = [bits(schedule.minutes), bits(schedule.hours), bits(schedule.daysOfMonth), bits(schedule.months), bits(schedule.daysOfWeek), schedule.dayOfMonthStar ? 1 : 0, schedule.dayOfWeekStar ? 1 : 0].join('|');
    cache.set(schedule, id);
  }
  return id;
}

/**
 * A cheap test that rules out most pairs before the year-long search: the minutes of the day (host time)
 * the timer's windows can touch, from its calendars' hours and minutes, widened by the window's length and
 * an hour either side (a DST change moves a window by an hour), against the minutes of the day cron runs the
 * job at. Days, months and weekdays are ignored, so it only ever says "no" when no run can meet a window.
 */
function timesOfDayMeet(schedule: CronSchedule, spec: TimerWindowSpec, cache: Map<TimerWindowSpec, Uint8Array | null>): boolean {
  let minutes = cache.get(spec);
  if (minutes === undefined) {
    minutes = windowMinutes(spec);
    cache.set(spec, minutes);
  }
  if (minutes === null) return true;
  for (const minute of cronMinutes(schedule)) if (minutes[minute]) return true;
  return false;
}

const cronMinuteCache = new WeakMap<CronSchedule, number[]>();

/** The minutes of the day (0..1439) cron runs a schedule at, on the days it runs. */
function cronMinutes(schedule: CronSchedule): number[] {
  let list = cronMinuteCache.get(schedule);
  if (list === undefined) {
    list = [];
    for (let hour = 0; hour < 24; hour++) {
      if (!schedule.hours[hour]) continue;
      for (let minute = 0; minute < 60; minute++) if (schedule.minutes[minute]) list.push(hour * 60 + minute);
    }
    cronMinuteCache.set(schedule, list);
  }
  return list;
}

/** Minutes of the day a window may cover (1 = maybe), or null when that is every minute or unknown. */
function windowMinutes(spec: TimerWindowSpec): Uint8Array | null {
  const length = Math.ceil((spec.randomizedDelaySec + spec.accuracySec) / 60) + 1;
  if (!Number.isFinite(length) || length + 120 >= 1440) return null;
  const covered = new Uint8Array(1440);
  for (const calendar of spec.calendars) {
    // A calendar in its own zone elapses at other local times: no shortcut.
    if (calendar.utc || calendar.timezone !== undefined) return null;
    const hours = componentValues(calendar.hour, 24);
    const minutes = componentValues(calendar.minute, 60);
    for (const hour of hours) {
      for (const minute of minutes) {
        const start = hour * 60 + minute - 60;
        for (let offset = 0; offset < length + 120; offset++) covered[(((start + offset) % 1440) + 1440) % 1440] = 1;
      }
    }
  }
  return covered;
}

/** The values a calendar field takes (`null` = every value). */
function componentValues(components: CalendarSpec['hour'], size: number): number[] {
  if (components === null) return Array.from({ length: size }, (_, value) => value);
  const values = new Set<number>();
  for (const component of components) {
    const stop = component.stop === -1 ? (component.repeat > 0 ? size - 1 : component.start) : Math.min(component.stop, size - 1);
    for (let value = component.start; value <= stop; value += Math.max(1, component.repeat)) values.add(value);
  }
  return [...values];
}
