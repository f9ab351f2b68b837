// `schedlint calendar|timespan|cron`: check a schedule before committing it, from the same engine the linter
// uses. `calendar` and `timespan` print what `systemd-analyze calendar|timespan` prints (minus its "From now"
// lines, which use the real clock), so the two can be diffed; `cron` does the same for a crontab schedule with
// the chosen cron's rules. `--format json` gives {"calendar"|"timespan"|"cron": [...]}.
// `schedule` draws the host's cron jobs and timers on a timeline (text, the Timeline data as JSON, or SVG).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeSchedule } from '../engine/crontab/describe';
import { lintCronExpression } from '../engine/crontab/lint-expression';
import { cronieZone } from '../engine/crontab/cron-tz';
import { nextRuns, SEARCH_YEARS } from '../engine/crontab/next-runs';
import { HostFacts } from '../engine/host/facts';
import { FsHost } from '../engine/host/fs-host';
import { translate, type MessageKey, type MessageParams } from '../engine/i18n/catalog';
import { hostTimelineAt } from '../engine/schedule/timeline-host';
import { renderTimelineSvg } from '../engine/schedule/timeline-svg';
import { renderTimelineText } from '../engine/schedule/timeline-text';
import { formatCalendarReport } from '../engine/systemd/calendar-report';
import { parseCalendar } from '../engine/systemd/calendar';
import { nextElapse } from '../engine/systemd/calendar-search';
import { calendarErrorMessage, resolveLocalZone } from '../engine/systemd/calendar-spec';
import { formatTimespan, parseTimespan, USEC_INFINITY } from '../engine/systemd/timespan';
import { safeAtou } from '../engine/systemd/safe-atou';
import { parseSystemdTimestamp } from '../engine/systemd/timestamp';
import { formatIsoInZone, fromLocal } from '../engine/time/zone';
import type { ZoneRules } from '../engine/time/zone-rules';
import type { CronDialect, Locale } from '../engine/types';
import { argumentLocale, parseOptions, UsageError, usageErrorLine } from './args';
import type { CliIo } from './io';
import { hostFactsAt } from './host-lint';
import { cronLabel, CronReport, ROW_BYTES as CRON_ROW_BYTES, type CronLabel } from './cron-text';
import { escapeControls } from './output';

export const SCHEDULE_COMMANDS = ['calendar', 'timespan', 'cron', 'schedule'] as const;
type ScheduleCommand = (typeof SCHEDULE_COMMANDS)[number];

interface ScheduleOptions {
  format: 'text' | 'json';
  iterations: number;
  baseTime: number;
  dialect: CronDialect;
  locale: Locale;
  expressions: string[];
  help: boolean;
}

const SCHEDULE_OPTIONS = { format: { type: 'string' }, iterations: { type: 'string' }, 'base-time': { type: 'string' }, dialect: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;
const USAGE_KEYS = { calendar: 'cli.calendar.usage', timespan: 'cli.timespan.usage', cron: 'cli.cron.usage' } as const;

function parseScheduleArgs(command: 'calendar' | 'timespan' | 'cron', argv: string[], env: NodeJS.ProcessEnv, zone: ZoneRules): ScheduleOptions {
  const parsed = parseOptions(argv, SCHEDULE_OPTIONS);
  const values = parsed.values;
  const locale = argumentLocale(argv, env);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError('cli.error.value', { option: '--format', value: format, allowed: 'text, json' });
  // As systemd-analyze reads --iterations (safe_atou); 0 prints no elapse there. A crontab schedule has no
  // such form: `cron` still wants a run.
  const fewest = command === 'cron' ? 1 : 0;
  const iterations = values.iterations === undefined ? 1 : safeAtou(values.iterations);
  if (!Number.isInteger(iterations) || iterations < fewest || iterations > 100_000) throw new UsageError('cli.error.value', { option: '--iterations', value: String(values.iterations), allowed: `${fewest}…100000` });
  const baseTime = values['base-time'] === undefined ? Date.now() : parseBaseTime(values['base-time'], zone);
  if (baseTime === undefined) throw new UsageError('cli.error.value', { option: '--base-time', value: String(values['base-time']), allowed: translate(locale, 'cli.schedules.baseTimeForms') });
  const dialect = values.dialect ?? 'debian';
  if (dialect !== 'debian' && dialect !== 'cronie') throw new UsageError('cli.error.value', { option: '--dialect', value: dialect, allowed: 'debian, cronie' });
  if (parsed.positionals.length === 0 && !values.help) throw new UsageError('cli.error.noExpression');
  return { format, iterations, baseTime, dialect, locale, expressions: parsed.positionals, help: values.help ?? false };
}

/**
 * A timestamp as systemd-analyze's --base-time reads it (timestamp.ts: `2026-11-25 10:17`, `@1800000000`,
 * `tomorrow`, `+1h`, `1h ago`, … without a zone in `zone`, the zone the output is in), or, beyond systemd,
 * ISO 8601 with a `T`: with an offset or `Z` as written, without one in `zone` too (not in Node's own TZ,
 * which can differ from glibc's reading of it).
 */
function parseBaseTime(text: string, zone: ZoneRules): number | undefined {
  const systemd = parseSystemdTimestamp(text, Date.now(), zone);
  if (systemd !== undefined) return systemd;
  const iso = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!iso) return undefined;
  if (iso[3] === undefined) return parseSystemdTimestamp(`${iso[1]} ${iso[2]}`, Date.now(), zone);
  const instant = Date.parse(text);
  return Number.isNaN(instant) ? undefined : instant;
}

/**
 * The rules of the zone a subcommand's output is in, so that --base-time is read in that same zone: for
 * `calendar` TZ as glibc reads it (zone file, POSIX string, else UTC: resolveLocalZone), for `cron` the zone
 * cron's localtime() gives (cronieZone), for `timespan` none is needed (UTC).
 */
function outputZone(command: 'calendar' | 'timespan' | 'cron', env: NodeJS.ProcessEnv): { zone: string; rules: ZoneRules; known: boolean } {
  const tz = localZone(env);
  const zones = new HostFacts(new FsHost('/')).zoneSource();
  if (command === 'cron') {
    const glibc = cronieZone(new FsHost('/'), tz);
    return { zone: glibc.zone, rules: resolveLocalZone({ zone: glibc.zone, ...(zones ? { zones } : {}) }), known: glibc.known };
  }
  return { zone: tz, rules: resolveLocalZone({ zone: tz, ...(zones ? { zones } : {}) }), known: true };
}

/** The zone systemd-analyze would use: $TZ, else this host's. */
function localZone(env: NodeJS.ProcessEnv): string {
  return env.TZ && env.TZ.length > 0 ? env.TZ.replace(/^:/, '') : new HostFacts(new FsHost('/')).timeZone();
}

export function runScheduleCommand(command: ScheduleCommand, argv: string[], io: CliIo): number {
  if (command === 'schedule') return hostSchedule(argv, io);
  let options: ScheduleOptions;
  const zone = outputZone(command, io.env);
  try {
    options = parseScheduleArgs(command, argv, io.env, zone.rules);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(usageErrorLine(error, argumentLocale(argv, io.env), `schedlint ${command}`));
    return 2;
  }
  if (options.help) {
    io.stdout(translate(options.locale, USAGE_KEYS[command]) + '\n');
    return 0;
  }
  if (command === 'calendar') return calendar(options, zone.zone, io);
  if (command === 'timespan') return timespan(options, io);
  // cron reads TZ through glibc (localtime): a POSIX string such as `JST-9` is a fixed offset, an unknown
  // name is UTC. The same here, instead of a zone Intl does not know and an internal error.
  if (!zone.known) io.stderr(`${escapeControls(translate(options.locale, 'cli.cron.unknownZone', { value: localZone(io.env) }))}\n`);
  return cron(options, zone.zone, io);
}

function calendar(options: ScheduleOptions, zone: string, io: CliIo): number {
  const facts = new HostFacts(new FsHost('/'));
  const zones = facts.zoneSource();
  const calendarOptions = { zone, ...(zones ? { zones } : {}) };
  let ok = true;
  const entries = options.expressions.map((expression) => {
    const parsed = parseCalendar(expression, calendarOptions);
    if (!parsed.ok) {
      ok = false;
      return { expression, valid: false, error: calendarErrorMessage(options.locale, parsed.error), normalized: null, next: [] as string[] };
    }
    // Text output prints formatCalendarReport's own elapses below; only JSON needs them here.
    if (options.format !== 'json') return { expression, valid: true, error: null, normalized: parsed.normalized, next: [] as string[] };
    const next = nextElapse(parsed.spec, options.baseTime, options.iterations, calendarOptions);
    return { expression, valid: true, error: null, normalized: parsed.normalized, next: next.length > 0 ? next.map((instant) => formatIsoInZone(Math.floor(instant), zone)) : ['never'] };
  });
  if (options.format === 'json') {
    io.stdout(JSON.stringify({ calendar: entries }, null, 2) + '\n');
  } else {
    const blocks = options.expressions.map((expression, index) => {
      const report = formatCalendarReport(expression, { ...calendarOptions, baseTime: options.baseTime, iterations: options.iterations });
      if (report.stderr) io.stderr(escapeControls(report.stderr.endsWith('\n') ? report.stderr : report.stderr + '\n'));
      if (!entries[index].valid) io.stderr(escapeControls(`${expression}: ${entries[index].error}`) + '\n');
      // The rows of elapses hold nothing to escape (the report says so): only the lines above them are scanned.
      const plainFrom = report.plainFrom ?? report.stdout.length;
      return escapeControls(report.stdout.slice(0, plainFrom)) + report.stdout.slice(plainFrom);
    });
    // Each block ends in its newline; systemd-analyze writes a newline before every expression but the first,
    // one it rejects included (src/analyze/analyze-calendar.c), and none after the last.
    const text = blocks.join('\n');
    if (text !== '') io.stdout(text);
  }
  return ok ? 0 : 1;
}

/** How much of `schedlint cron`'s text is written out at once. */
const CRON_CHUNK_BYTES = 4 << 20;

const STRERROR: Record<string, string> = { EINVAL: 'Invalid argument', ERANGE: 'Numerical result out of range' };

function timespan(options: ScheduleOptions, io: CliIo): number {
  let ok = true;
  const entries = options.expressions.map((expression) => {
    const parsed = parseTimespan(expression);
    if (!parsed.ok) {
      ok = false;
      return { expression, valid: false, error: translate(options.locale, parsed.error.id, parsed.error.params), errno: parsed.error.errno, microseconds: null, normalized: null };
    }
    const human = parsed.infinite ? 'infinity' : formatTimespan(parsed.microseconds);
    return { expression, valid: true, error: null, errno: null, microseconds: parsed.infinite ? 'infinity' : parsed.microseconds.toString(), normalized: human };
  });
  // systemd-analyze prints USEC_INFINITY's number as μs, and its table drops the blanks that end a line.
  const microsecondsLine = (entry: (typeof entries)[number]) => (entry.microseconds === 'infinity' ? USEC_INFINITY.toString() : entry.microseconds);
  if (options.format === 'json') {
    io.stdout(JSON.stringify({ timespan: entries.map(({ errno: _errno, ...entry }) => entry) }, null, 2) + '\n');
  } else {
    // As systemd-analyze prints them: a blank line before every span but the first (written before the span is
    // read), and nothing after the first span it cannot read, which ends the run.
    let text = '';
    for (const [index, entry] of entries.entries()) {
      if (index > 0) text += '\n';
      if (!entry.valid) {
        // systemd-analyze's own line (for diffing), then what is wrong in the chosen language, as for `calendar`.
        io.stderr(escapeControls(`Failed to parse time span '${entry.expression}': ${STRERROR[entry.errno ?? 'EINVAL']}\n${entry.expression}: ${entry.error}`) + '\n');
        break;
      }
      text += `Original: ${entry.expression.replace(/[ \t\n\r]+$/, '')}\n      μs: ${microsecondsLine(entry)}\n   Human: ${entry.normalized}\n`;
    }
    if (text !== '') io.stdout(escapeControls(text));
  }
  return ok ? 0 : 1;
}

function cron(options: ScheduleOptions, zone: string, io: CliIo): number {
  let ok = true;
  /** What `schedlint cron` finds out about one expression, for either output. */
  const examine = (expression: string) => {
    const checked = lintCronExpression(expression, options);
    if (!checked.valid) {
      ok = false;
      return checked;
    }
    const { schedule, findings } = checked;
    // An error of the lint on the line (`0 0 * * * root`: a user column in a user crontab) is said as one, and
    // fails the run as an invalid expression does; warnings are only said.
    if (findings.some((finding) => finding.severity === 'error')) ok = false;
    const warnings = findings.filter((finding) => finding.severity === 'warning').map((finding) => finding.message);
    const errors = findings.filter((finding) => finding.severity === 'error').map((finding) => finding.message);
    if (options.format !== 'json') for (const finding of findings) io.stderr(escapeControls(translate(options.locale, finding.severity === 'error' ? 'cli.cron.error' : 'cli.cron.warning', { expression, message: finding.message })) + '\n');
    const runs = nextRuns(schedule, options.baseTime, options.iterations, zone);
    const description = describeSchedule(schedule, options.locale);
    // Fewer runs than asked for: the search stopped at its horizon, not the schedule (`0 3 1 */3 *` × 1000).
    const horizonReached = !schedule.reboot && runs.length > 0 && runs.length < options.iterations;
    const none = schedule.reboot ? '@reboot' : runs.length === 0 ? 'never' : undefined;
    return { valid: true as const, runs, description, horizonReached, none, warnings, errors };
  };
  if (options.format === 'json') {
    const entries = options.expressions.map((expression) => {
      const found = examine(expression);
      if (!found.valid) return { expression, valid: false, error: found.error, description: null, next: [] as string[], horizonReached: false, warnings: [] as string[], errors: [] as string[] };
      const next = found.none !== undefined ? [found.none] : found.runs.map((instant) => formatIsoInZone(instant, zone));
      return { expression, valid: true, error: null, description: found.description, next, horizonReached: found.horizonReached, warnings: found.warnings, errors: found.errors };
    });
    io.stdout(JSON.stringify({ cron: entries }, null, 2) + '\n');
    return ok ? 0 : 1;
  }
  // An expression at a time, its runs searched and written as bytes before the next one's (cron-text.ts):
  // 100 expressions × 1,000 runs are 100,000 rows, and kept as strings they were garbage the collector copied
  // (issue #20). Written out in chunks of a few MiB, so that 100,000 runs of many expressions never need their
  // whole text in memory at once.
  const report = new CronReport(zone, options.locale, Math.min(CRON_CHUNK_BYTES, options.expressions.length * (256 + options.iterations * CRON_ROW_BYTES)));
  const write = () => {
    if (report.size === 0) return;
    if (io.stdoutBytes) io.stdoutBytes(report.takeBytes());
    else io.stdout(report.takeString());
  };
  options.expressions.forEach((expression, index) => {
    if (report.size > 0 && report.size + options.iterations * CRON_ROW_BYTES > CRON_CHUNK_BYTES) write();
    // A blank line between expressions.
    if (index > 0) report.lines('');
    const found = examine(expression);
    // The labels in --lang's language (`  Original form: `, `         元の式：`); the values are as in JSON.
    const label = (name: CronLabel) => cronLabel(options.locale, name);
    if (!found.valid) {
      report.lines(`${label('original')}${expression}`, `${label('error')}${found.error}`);
      return;
    }
    report.lines(`${label('original')}${expression}`, `${label('description')}${found.description}`, `${label('dialect')}${options.dialect}`, `${label('zone')}${zone}`);
    if (found.none !== undefined && found.runs.length === 0) report.lines(`${label('next')}${found.none}`);
    report.runs(found.runs);
    if (found.horizonReached) report.lines(`${label('note')}${translate(options.locale, 'cli.cron.horizon', { count: found.runs.length, iterations: options.iterations, years: SEARCH_YEARS })}`);
  });
  write();
  return ok ? 0 : 1;
}

/** `schedlint schedule`: the host's timeline. Usage errors print this subcommand's own usage. */
function hostSchedule(argv: string[], io: CliIo): number {
  const locale = argumentLocale(argv, io.env);
  const usage = translate(locale, 'timeline.cli.usage');
  // One line that points at this subcommand's --help, not the usage itself (args.ts usageErrorLine).
  const fail = (key: MessageKey, params: MessageParams = {}) => {
    io.stderr(usageErrorLine(new UsageError(key, params), locale, 'schedlint schedule'));
    return 2;
  };
  const options = {
    root: { type: 'string' },
    host: { type: 'boolean' },
    format: { type: 'string', short: 'f' },
    hours: { type: 'string' },
    lang: { type: 'string' },
    width: { type: 'string' },
    theme: { type: 'string' },
    'base-time': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  } as const;
  let parsed;
  try {
    parsed = parseOptions(argv, options);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return fail(error.key, error.params);
  }
  if (parsed.positionals.length > 0) return fail('cli.error.unexpectedArgument', { argument: parsed.positionals[0] });
  const values = parsed.values;
  if (values.help) {
    io.stdout(usage + '\n');
    return 0;
  }
  if (values.root !== undefined && values.host) return fail('cli.error.rootAndHost');
  if (values.root === '') return fail('cli.error.rootEmpty');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'svg') return fail('cli.error.value', { option: '--format', value: format, allowed: 'text, json, svg' });
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'ja') return fail('cli.error.value', { option: '--lang', value: values.lang, allowed: 'en, ja' });
  const hours = values.hours === undefined ? 24 : Number(values.hours);
  if (!Number.isInteger(hours) || hours < 1 || hours > 168) return fail('cli.error.value', { option: '--hours', value: String(values.hours), allowed: '1…168' });
  const width = values.width === undefined ? Number(io.env.COLUMNS) || 80 : Number(values.width);
  if (!Number.isInteger(width) || width < 20) return fail('cli.error.value', { option: '--width', value: String(values.width), allowed: '20…' });
  const theme = values.theme ?? 'light';
  if (theme !== 'light' && theme !== 'dark') return fail('cli.error.value', { option: '--theme', value: theme, allowed: 'light, dark' });
  const root = values.root === undefined ? '/' : path.resolve(values.root);
  if (!isFolder(root)) {
    io.stderr(translate(locale, 'cli.ioError', { path: values.root ?? root, detail: translate(locale, 'cli.io.notAFolder') }) + '\n');
    return 2;
  }
  // One run over a tree that stays as it is (host-lint.ts): the schedule model reads it through the same cache.
  const facts = hostFactsAt(root);
  const zone = facts.timeZone();
  const zones = facts.zoneSource();
  const now = values['base-time'] === undefined ? Date.now() : parseHostTime(values['base-time'], zone, resolveLocalZone({ zone, ...(zones ? { zones } : {}) }));
  if (Number.isNaN(now)) return fail('cli.error.value', { option: '--base-time', value: String(values['base-time']), allowed: 'YYYY-MM-DD HH:MM[:SS] [UTC], ISO 8601' });
  const timeline = hostTimelineAt(facts, locale, now, { hours });
  if (format === 'json') io.stdout(JSON.stringify(timeline, null, 2) + '\n');
  else if (format === 'svg') io.stdout(renderTimelineSvg(timeline, { theme }) + '\n');
  else io.stdout(escapeControls(renderTimelineText(timeline, width)));
  return 0;
}

/** Like --base-time of the other subcommands, but a time without a zone is read on the host's clock. */
function parseHostTime(text: string, zone: string, rules: ZoneRules): number {
  const plain = text.trim().match(/^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/);
  if (plain) {
    const [, year, month, day, hour, minute, second = '0'] = plain;
    return fromLocal(Number(year), Number(month), Number(day), Number(hour), Number(minute), zone, Number(second));
  }
  return parseBaseTime(text, rules) ?? Number.NaN;
}

function isFolder(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

export function isScheduleCommand(word: string | undefined): word is ScheduleCommand {
  return (SCHEDULE_COMMANDS as readonly string[]).includes(word ?? '');
}
