// Everything scheduled on a host, as one model (model.ts): the jobs of /etc/crontab, /etc/cron.d/* and the
// users' spool crontabs, the scripts of the run-parts folders those jobs run (and that anacron runs in
// their place), and every timer of the systemd search path with its drop-ins, its enablement and the
// ExecStart= of the service it starts. Read through the Host only; nothing is executed.
// References: Debian cron database.c (cron.d names), debianutils run-parts(8) (name rules), the crontabs
// package's run-parts (cronie hosts), anacrontab(5), systemd.timer(5), systemd 252 load-dropin.c (links).
//
// Copied trees: `cp -r`, tarballs made without links and rsync without -l turn the links of
// `timers.target.wants/` into regular files holding the target path. systemd ignores such files ("is not a
// symlink, ignoring"), and so does enablement.ts. For a `--root` tree (not the live `/`), a regular file
// whose whole content is one absolute path to a unit of the same name is taken as the link it stands in for,
// because that is what the machine it was copied from had. On the live host, systemd's view is kept.
import * as posix from 'node:path/posix';
import { cronieZone } from '../crontab/cron-tz';
import { decideKind } from '../crontab/kind';
import type { CronSchedule } from '../crontab/model';
import { parseCrontab } from '../crontab/parse';
import { CachedHost } from '../host/cached-host';
import { HostFacts } from '../host/facts';
import { type Host, isExecutableFile, isLiveHost, joinHostPath, MAX_FOLDER_FILES } from '../host/host';
import { cronFilePaths } from '../crontab/host-files';
import { parseCalendar } from '../systemd/calendar';
import { EnablementIndex } from '../systemd/enablement';
import { effectiveValue, effectiveValues, type MergedUnit, mergedUnit } from '../systemd/unit-merge';
import { UnitIndex, unitIndexOf } from '../systemd/unit-paths';
import { parseTimespan } from '../systemd/timespan';
import type { CronDialect, Range } from '../types';
import { expandScript, lineSource, modelCommand, type CommandSource, type CommandStart, type RunPartsUse } from './command-model';
import { jobStart, serviceStart } from './shell-paths';
import type { CronJob, Guard, HostInventory, InventoryFailure, ProgramUse, TimerEntry } from './model';
import { inspectText } from '../text-check';

export type { AnacronFacts } from './model';
import type { AnacronFacts } from './model';
import { trimEndOf } from '../util/trim';
import { appendAll } from '../util/append';


export function buildHostInventory(hostFacts: HostFacts): HostInventory {
  // One inventory asks about the same paths many times: through a cache, with the caller's dialect choice.
  // Facts whose host remembers already (the CLI's, for one run) are used as they are, with the unit index
  // their lint built: a second cache over the first and a second index cost a tenth of a 1,000-timer --root.
  const facts = hostFacts.host instanceof CachedHost ? hostFacts : hostFacts.withHost(new CachedHost(hostFacts.host));
  const host = facts.host;
  const dialect = facts.dialect().dialect;
  const timeZone = facts.timeZone();
  const units = unitIndexOf(facts);
  const failures: InventoryFailure[] = [];
  const timers = hostTimers(facts, units, failures);
  const anacron = anacronFacts(host, units, dialect);
  const jobs: CronJob[] = [];
  const cronFiles = cronFilePaths(facts);
  for (const file of cronFiles.files) {
    if (posix.dirname(file) === '/etc/cron.d' && !cronReadsName(posix.basename(file), dialect)) continue;
    // One crontab's bug is reported on it (host-findings.ts); the other files still make the schedule.
    try {
      appendAll(jobs, crontabJobs(facts, file, anacron));
    } catch (error) {
      failures.push({ path: file, step: 'buildHostInventory', error });
    }
  }
  // A copied root cannot tell (it has no /run): one that carries timers is taken to boot with systemd, as the
  // machine it came from most likely did, so its timers and cron jobs are compared as that machine runs them.
  const systemdHost = facts.systemdRunning() ?? timers.length > 0;
  return { jobs, timers, timeZone, systemdHost, anacron, failures, ...(cronFiles.crowdedFolders ? { crowdedFolders: cronFiles.crowdedFolders } : {}) };
}

// ---- Cron ----------------------------------------------------------------------------------------------

/** Debian cron database.c: only `^[A-Za-z0-9_-]+$` in /etc/cron.d; cronie: not `.`/`#`-led, `~`/rpm-ended. */
export function cronReadsName(name: string, dialect: CronDialect): boolean {
  if (dialect === 'debian') return /^[A-Za-z0-9_-]+$/.test(name);
  return !/^[.#]/.test(name) && !/(~|\.rpmsave|\.rpmorig|\.rpmnew)$/.test(name);
}

function crontabJobs(facts: HostFacts, file: string, anacron: AnacronFacts): CronJob[] {
  const host = facts.host;
  const read = host.readText(file);
  if (!read.ok) return [];
  // A binary file has no jobs cron could run (file/not-text reports it).
  if (inspectText(read.text, read.utf8).some((problem) => problem.kind === 'binary')) return [];
  const dialect = facts.dialect().dialect;
  const kind = decideKind({ path: file, text: read.text, facts }).kind;
  const document = parseCrontab(read.text, kind, dialect);
  // Debian's cron drops the whole file for one bad line or a missing final newline (user.c): none of its
  // jobs run, and the crontab rules say why.
  if (dialect === 'debian' && (document.invalidLines.length > 0 || document.jobsWithProblems.length > 0 || document.missingFinalNewline)) return [];
  const owner = posix.basename(file);
  const jobs: CronJob[] = [];
  for (let index = 0; index < document.jobCount; index++) {
    if (!document.isAccepted(index)) continue;
    const line = document.jobLine(index);
    const lineText = document.lineText(line);
    const commandStart = document.commandStart(index);
    const commandText = document.commandText(index);
    // An unescaped % ends the command (the rest is its stdin): crontab(5), Debian do_command.c.
    const percent = firstUnescapedPercent(commandText);
    const commandEnd = commandStart + (percent === -1 ? commandText.length : percent);
    const environment = document.jobEnvironment(index);
    const time = document.jobTime(index);
    const tokenCount = time.tokenCount;
    const job: CronJob = {
      path: file,
      line,
      range: { start: { line, character: 0 }, end: { line, character: lineText.length } },
      commandRange: { start: { line, character: commandStart }, end: { line, character: commandEnd } },
      user: document.hasUser(index) ? document.userText(index) : owner,
      schedule: document.jobSchedule(index),
      scheduleText: Array.from({ length: tokenCount }, (_, token) => document.timeTokenText(index, token)).join(' '),
      command: lineText.slice(commandStart, commandEnd),
      timeZone: jobZone(facts, environment),
      dialect,
      source: 'crontab',
      programs: [],
      guards: [],
      runsOnSystemdHost: true,
    };
    const model = modelCommand(lineSource(lineText, line, commandStart, commandEnd, file), { host, start: jobStart(facts, job.user, environment) });
    job.programs = model.programs;
    job.guards = model.guards;
    job.runsOnSystemdHost = runsOnSystemd(job.programs, model.runParts);
    const anacronGuarded = model.runParts.length > 0 && model.runParts.every((use) => hasGuard(use.guards, 'without-anacron'));
    if (!(anacronGuarded && anacron.installed)) jobs.push(job);
    for (const use of model.runParts) appendAll(jobs, runPartsJobs(facts, job, use, anacron));
  }
  return jobs;
}

function firstUnescapedPercent(text: string): number {
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === '%') return index;
  }
  return -1;
}

/** The zone a job's schedule is computed in: cronie honours CRON_TZ=, Debian's cron only the host's zone. */
function jobZone(facts: HostFacts, environment: ReadonlyMap<string, string>): string {
  const value = environment.get('CRON_TZ');
  if (facts.dialect().dialect === 'cronie' && value) {
    const zone = cronieZone(facts.host, value);
    if (zone.known) return zone.zone;
  }
  return facts.timeZone();
}

function hasGuard(guards: readonly Guard[] | undefined, kind: Guard['kind']): boolean {
  return (guards ?? []).some((guard) => guard.kind === kind);
}

/** False when everything the job runs is guarded off on a systemd host. */
function runsOnSystemd(programs: readonly ProgramUse[], runParts: readonly RunPartsUse[]): boolean {
  const all = [...programs.map((use) => use.guards), ...runParts.map((use) => use.guards)];
  if (all.length === 0) return true;
  return all.some((guards) => !hasGuard(guards, 'without-systemd'));
}

/**
 * One job per script `run-parts DIR` would run: regular executable files (links followed) whose names pass
 * run-parts' rules, in its (C locale) order. When the crontab line only runs the folder without anacron and
 * anacron is installed, anacron runs it instead: its schedule is then the hours anacron may start it in.
 */
function runPartsJobs(facts: HostFacts, job: CronJob, use: RunPartsUse, anacron: AnacronFacts): CronJob[] {
  const host = facts.host;
  const byAnacron = hasGuard(use.guards, 'without-anacron') && anacron.installed;
  if (byAnacron && !anacron.folders.includes(trimEndOf(use.directory, '/'))) return [];
  if (hasGuard(use.guards, 'with-anacron') && !anacron.installed) return [];
  const jobs: CronJob[] = [];
  for (const name of runPartsNames(host, use.directory, use.options, facts.dialect().dialect)) {
    const script = joinHostPath(use.directory, name);
    const guards = byAnacron ? use.guards.filter((guard) => guard.kind !== 'without-anacron') : use.guards;
    const head: ProgramUse = { program: name, written: script, args: [], location: use.location, via: use.via, kind: 'program', path: script, guards };
    const expanded = expandScript(host, head);
    const programs = expanded ? expanded.programs : [head];
    const scriptJob: CronJob = {
      ...job,
      source: 'run-parts',
      script,
      programs,
      guards: expanded ? expanded.guards : guards,
      runsOnSystemdHost: runsOnSystemd(programs, []),
    };
    if (byAnacron) {
      scriptJob.runsVia = 'anacron';
      scriptJob.schedule = anacronSchedule(anacron.hours, job.dialect);
      scriptJob.scheduleText = `anacron: ${posix.basename(use.directory)}`;
      scriptJob.timeZone = facts.timeZone();
    }
    jobs.push(scriptJob);
  }
  return jobs;
}

/**
 * The scripts run-parts runs in `directory`. debianutils run-parts(8): names of `^[a-zA-Z0-9_-]+$` only
 * (with --lsbsysinit: LSB names, not `*.dpkg-*`); the crontabs package's run-parts (cronie hosts): every
 * name but `*~`, `*,`, `*.rpmsave`, `*.rpmorig`, `*.rpmnew`, `*.swp`, `*.cfsaved`, `*,v` and dot files.
 * Both run only executable regular files (a link to one counts).
 */
export function runPartsNames(host: Host, directory: string, options: readonly string[], dialect: CronDialect): string[] {
  const names = host.list(directory).slice(0, MAX_FOLDER_FILES).filter((name) => {
    if (dialect === 'cronie') return !/^\./.test(name) && !/(~|,|\.rpmsave|\.rpmorig|\.rpmnew|\.swp|\.cfsaved|,v)$/.test(name);
    if (options.includes('--lsbsysinit')) return /^([a-z0-9][a-z0-9-]*|_?[a-zA-Z0-9_.-]+)$/.test(name) && !/\.dpkg-/.test(name) && !/^[.]/.test(name);
    return /^[a-zA-Z0-9_-]+$/.test(name);
  });
  return names.filter((name) => isExecutableFile(host, joinHostPath(directory, name)));
}

/** Every minute of anacron's hours, every day: when anacron may start a folder's scripts. */
function anacronSchedule(hours: readonly number[], dialect: CronDialect): CronSchedule {
  const text = `* ${hours.length === 24 || hours.length === 0 ? '*' : hours.join(',')} * * * x\n`;
  return parseCrontab(text, 'crontab-user', dialect).jobSchedule(0);
}

/**
 * Whether anacron is installed, when it may start jobs and which folders it runs. Installed: its program,
 * /etc/anacrontab, cronie's /etc/cron.hourly/0anacron, or its systemd units (a `--root` tree has no
 * binaries, but Debian's anacron package ships anacron.timer).
 */
export function anacronFacts(host: Host, units: UnitIndex, dialect: CronDialect): AnacronFacts {
  const anacrontab = host.readText('/etc/anacrontab');
  const installed =
    host.stat('/usr/sbin/anacron')?.kind === 'file' ||
    anacrontab.ok ||
    host.stat('/etc/cron.hourly/0anacron')?.kind === 'file' ||
    units.entry('anacron.timer') !== undefined ||
    units.entry('anacron.service') !== undefined;
  let hours: number[] | undefined;
  let folders: string[] = ['/etc/cron.daily', '/etc/cron.weekly', '/etc/cron.monthly'];
  if (anacrontab.ok) {
    // `[^\S\n\r\u2028\u2029]*`, not `\s*`, after `^`: the same lines match, without rescanning runs of blank lines from each one (quadratic).
    const range = /^[^\S\n\r\u2028\u2029]*START_HOURS_RANGE\s*=\s*(\d+)-(\d+)\s*$/m.exec(anacrontab.text);
    // anacron starts jobs only while START_HOURS_RANGE's first hour <= hour < its last (anacron main.c).
    if (range) hours = hoursBetween(Number(range[1]), Number(range[2]) - 1);
    const listed: string[] = [];
    for (const line of anacrontab.text.split('\n')) {
      const match = /^\s*(@\w+|\d+)\s+\d+\s+\S+\s+(.+)$/.exec(line);
      if (!match) continue;
      const model = modelCommand({ text: match[2], start: 0, end: match[2].length, path: '/etc/anacrontab', position: (character) => ({ line: 0, character }) });
      listed.push(...model.runParts.map((use) => trimEndOf(use.directory, '/')));
    }
    folders = listed;
  }
  if (hours === undefined && units.entry('anacron.timer') !== undefined) {
    // Debian: anacron.timer `OnCalendar=*-*-* 07..23:30` starts anacron once an hour in those hours.
    const merged = mergedUnit(units, 'anacron.timer');
    const found = new Set<number>();
    for (const assignment of effectiveValues(merged, 'Timer', 'OnCalendar')) {
      const parsed = parseCalendar(assignment.directive.value);
      if (!parsed.ok) continue;
      if (parsed.spec.hour === null) hoursBetween(0, 23).forEach((hour) => found.add(hour));
      else for (const component of parsed.spec.hour) componentHours(component).forEach((hour) => found.add(hour));
    }
    if (found.size > 0) hours = [...found].sort((a, b) => a - b);
  }
  void dialect;
  return { installed, hours: hours ?? hoursBetween(0, 23), folders };
}

function hoursBetween(first: number, last: number): number[] {
  const hours: number[] = [];
  for (let hour = Math.max(0, first); hour <= Math.min(23, last); hour++) hours.push(hour);
  return hours;
}

function componentHours(component: { start: number; stop: number; repeat: number }): number[] {
  const stop = component.stop === -1 ? (component.repeat > 0 ? 23 : component.start) : component.stop;
  const hours: number[] = [];
  for (let hour = component.start; hour <= Math.min(23, stop); hour += Math.max(1, component.repeat)) hours.push(hour);
  return hours;
}

// ---- systemd -------------------------------------------------------------------------------------------

function hostTimers(facts: HostFacts, units: UnitIndex, failures: InventoryFailure[]): TimerEntry[] {
  const enablement = new EnablementIndex(units);
  const timers: TimerEntry[] = [];
  for (const name of units.unitNames('timer')) {
    // One timer's bug is reported on its file (host-findings.ts); the other timers are still read.
    try {
      const timer = hostTimer(facts, units, enablement, name);
      if (timer) timers.push(timer);
    } catch (error) {
      failures.push({ path: units.entry(name)?.path ?? name, step: 'buildHostInventory', error });
    }
  }
  return timers;
}

function hostTimer(facts: HostFacts, units: UnitIndex, enablement: EnablementIndex, name: string): TimerEntry | undefined {
  const host = facts.host;
  if (name.includes('@')) return undefined; // templates run only as instances, which a link would name
  const merged = enablement.merged(name);
  const state = enablement.enablement(name, merged.resolution);
  if (!merged.resolution.fragmentPath && !merged.masked) return undefined;
  const timer: TimerEntry = {
    unit: name,
    path: merged.resolution.fragmentPath ?? merged.masked?.path ?? '',
    dropIns: merged.resolution.dropIns.map((dropIn) => dropIn.path),
    calendars: [],
    randomizedDelaySec: 0,
    accuracySec: 60,
    persistent: false,
    fixedRandomDelay: false,
    enabled: false,
    enablement: 'disabled',
    service: { unit: name.replace(/\.timer$/, '.service'), execStart: [] },
    programs: [],
  };
  if (merged.masked) {
    timer.enablement = `masked:${merged.masked.path}`;
    return timer;
  }
  const link = state.reasons[0];
  if (state.state === 'enabled' || state.state === 'enabled-runtime') {
    timer.enabled = true;
    timer.enablement = link.kind === 'directive' ? `directive:${link.by}:${link.path}` : `link:${link.path}`;
  } else if (!isLiveHost(host)) {
    const standIn = state.ignored.find((entry) => entry.reason === 'not-a-symlink' && isStandIn(host, entry.path, [name, ...merged.resolution.aliases]));
    if (standIn) {
      timer.enabled = true;
      timer.enablement = `stand-in:${standIn.path}`;
    }
  }
  if (merged.loadError) {
    // systemd cannot load the timer at all: it never fires (systemd/* rules report the line).
    timer.enabled = false;
    timer.enablement = `load-error:${merged.loadError.file.path}`;
  }
  readTimerSettings(timer, merged);
  const explicit = effectiveValues(merged, 'Timer', 'Unit')[0];
  if (explicit) timer.service.unit = explicit.directive.value;
  readService(host, units, timer);
  return timer;
}

/**
 * A regular file standing in for a link: its whole content is one path to a unit of this name, absolute
 * (`systemctl enable` writes those) or relative to its folder and existing there (the links packages ship,
 * like Debian's `../systemd-tmpfiles-clean.timer`).
 */
function isStandIn(host: Host, path: string, names: readonly string[]): boolean {
  const read = host.readText(path);
  if (!read.ok) return false;
  const target = read.text.trim();
  if (!/^\S+$/.test(target) || !names.includes(posix.basename(target))) return false;
  return target.startsWith('/') || host.stat(posix.join(posix.dirname(path), target))?.kind === 'file';
}

function readTimerSettings(timer: TimerEntry, merged: MergedUnit): void {
  for (const assignment of effectiveValues(merged, 'Timer', 'OnCalendar')) {
    timer.calendars.push({ text: assignment.directive.value, path: assignment.file.path, range: assignment.directive.valueRange });
  }
  const delay = effectiveValue(merged, 'Timer', 'RandomizedDelaySec');
  if (delay && delay.directive.value !== '') {
    const parsed = parseTimespan(delay.directive.value);
    if (parsed.ok) {
      timer.randomizedDelaySec = parsed.infinite ? Infinity : Number(parsed.microseconds) / 1e6;
      timer.randomizedDelay = { path: delay.file.path, range: delay.directive.valueRange };
    }
  }
  const accuracy = effectiveValue(merged, 'Timer', 'AccuracySec');
  if (accuracy && accuracy.directive.value !== '') {
    const parsed = parseTimespan(accuracy.directive.value);
    // systemd: AccuracySec=0 is taken as 1µs (timer.c); infinity is capped by the event loop, keep it.
    if (parsed.ok) timer.accuracySec = parsed.infinite ? Infinity : Math.max(Number(parsed.microseconds) / 1e6, 0.000001);
  }
  timer.persistent = parseBoolean(effectiveValue(merged, 'Timer', 'Persistent')?.directive.value) ?? false;
  timer.fixedRandomDelay = parseBoolean(effectiveValue(merged, 'Timer', 'FixedRandomDelay')?.directive.value) ?? false;
}

/** systemd's parse_boolean(). */
function parseBoolean(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (['1', 'yes', 'y', 'true', 't', 'on'].includes(lower)) return true;
  if (['0', 'no', 'n', 'false', 'f', 'off'].includes(lower)) return false;
  return undefined;
}

function readService(host: Host, units: UnitIndex, timer: TimerEntry): void {
  const merged = mergedUnit(units, timer.service.unit);
  if (merged.masked || !merged.resolution.fragmentPath) return;
  timer.service.path = merged.resolution.fragmentPath;
  const start = serviceStart(effectiveValue(merged, 'Service', 'WorkingDirectory')?.directive.value);
  for (const assignment of effectiveValues(merged, 'Service', 'ExecStart')) {
    const directive = assignment.directive;
    timer.service.execStart.push({ text: directive.value, path: assignment.file.path, range: directive.valueRange });
    timer.programs.push(...execStartPrograms(host, directive.value, assignment.file.path, directive.valueRange, start));
  }
}

/** The programs an ExecStart= runs: its command line (after the `-@:+!` prefixes), one level into scripts. */
export function execStartPrograms(host: Host, value: string, path: string, range: Range, start?: CommandStart): ProgramUse[] {
  const prefix = /^[-@:+!]*/.exec(value)?.[0].length ?? 0;
  const source: CommandSource = { text: value, start: prefix, end: value.length, path, position: (character) => ({ line: range.start.line, character: range.start.character + character }) };
  // On the timer's side, guards say nothing about whether it runs (it is systemd that starts it).
  return modelCommand(source, { host, ...(start ? { start } : {}) }).programs.map((use) => ({ ...use, guards: [] }));
}
