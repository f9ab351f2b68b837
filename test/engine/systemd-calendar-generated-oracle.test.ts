// The calendar and time-span engine against systemd-analyze 252 on generated input
// (test/oracles/systemd-calendar-generated.json, written by scripts/oracles/systemd-calendar-generated.mjs):
// every row's verdict, error, normalized form and next elapses, and that nothing we do with a row throws —
// parsing, searching, the message in English and Japanese, the systemd-analyze report, and linting it in a
// timer. Also: every error the calendar parser can report has its message in both catalogs, for every field.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { catalogs, type MessageKey } from '../../server/src/engine/i18n/catalog';
import { HostFacts } from '../../server/src/engine/host/facts';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import { parseCalendar } from '../../server/src/engine/systemd/calendar';
import { searchElapses } from '../../server/src/engine/systemd/calendar-search';
import { type CalendarError, calendarErrorMessage, type CalendarMessageField } from '../../server/src/engine/systemd/calendar-spec';
import { formatCalendarReport } from '../../server/src/engine/systemd/calendar-report';
import { lintUnit } from '../../server/src/engine/systemd/lint-unit';
import { formatTimespan, parseTimespan } from '../../server/src/engine/systemd/timespan';
import type { ZoneSource } from '../../server/src/engine/time/zone-rules';
import { tzifZoneSource } from '../../server/src/engine/time/zone-source';
import type { Locale } from '../../server/src/engine/types';
import { repoPath } from '../support/paths';

interface CalendarRow {
  expression: string;
  valid: boolean;
  /** systemd's strerror; null when its log line was cut at LINE_MAX before the reason. */
  error?: string | null;
  normalized?: string;
  /** Seconds since the epoch: the first absolute, the others as differences. */
  elapses?: number[];
  end?: 'never' | 'error';
}

interface TimespanRow {
  text: string;
  valid: boolean;
  error?: string | null;
  usec?: string;
  human?: string;
}

interface Table {
  oracle: string;
  tz: string;
  base: string;
  iterations: number;
  zones: Record<string, string>;
  calendar: CalendarRow[];
  timespans: TimespanRow[];
}

const table = JSON.parse(fs.readFileSync(repoPath('test', 'oracles', 'systemd-calendar-generated.json'), 'utf8')) as Table;
const handPicked = JSON.parse(fs.readFileSync(repoPath('test', 'oracles', 'systemd-calendar.json'), 'utf8')) as { calendar: { expression: string; tz: string }[] };
const ZONEINFO = '/usr/share/zoneinfo/';
const zones: ZoneSource = tzifZoneSource((path) => {
  const data = path.startsWith(ZONEINFO) ? table.zones[path.slice(ZONEINFO.length)] : undefined;
  return data === undefined ? undefined : new Uint8Array(Buffer.from(data, 'base64'));
});
const options = { zone: table.tz, zones };
const baseUsec = Date.parse(table.base.replace(' UTC', 'Z').replace(' ', 'T')) * 1000;
const STRERROR: Record<string, string> = { EINVAL: 'Invalid argument', ERANGE: 'Numerical result out of range', ENOBUFS: 'No buffer space available' };
const LOCALES: Locale[] = ['en', 'ja'];

/** A message is whole: no placeholder left, nothing undefined. */
function checkMessage(message: string, what: string): string | undefined {
  if (typeof message !== 'string' || message.length === 0) return `${what}: no message`;
  if (/\{\s*\w+\s*\}|undefined|NaN/.test(message)) return `${what}: unfilled message ${JSON.stringify(message)}`;
  return undefined;
}

function errorMessages(error: CalendarError, what: string): string[] {
  const problems: string[] = [];
  for (const locale of LOCALES) {
    const problem = checkMessage(calendarErrorMessage(locale, error), `${what} (${locale})`);
    if (problem) problems.push(problem);
  }
  return problems;
}

function compareRow(row: CalendarRow): string[] {
  const what = JSON.stringify(row.expression.length > 80 ? `${row.expression.slice(0, 80)}…` : row.expression);
  const parsed = parseCalendar(row.expression, options);
  if (parsed.ok !== row.valid) return [`${what}: systemd ${row.valid ? `accepts (${row.normalized})` : 'rejects'}, ours ${parsed.ok ? `accepts (${parsed.normalized})` : 'rejects'}`];
  // The report systemd-analyze prints (our `schedlint calendar`) must not throw either.
  formatCalendarReport(row.expression, { ...options, baseTime: baseUsec / 1000, iterations: table.iterations });
  if (!parsed.ok) {
    const problems = errorMessages(parsed.error, what);
    if (row.error !== null && row.error !== undefined && STRERROR[parsed.error.errno] !== row.error) problems.push(`${what}: systemd ${row.error}, ours ${STRERROR[parsed.error.errno]}`);
    return problems;
  }
  const problems: string[] = [];
  if (parsed.normalized !== row.normalized) problems.push(`${what}: normalized: systemd ${row.normalized}, ours ${parsed.normalized}`);
  const search = searchElapses(parsed.spec, baseUsec, table.iterations, options);
  const seconds = search.elapses.map((usec) => Math.floor(usec / 1_000_000));
  const ours = seconds.map((value, index) => (index === 0 ? value : value - seconds[index - 1]));
  if (JSON.stringify(ours) !== JSON.stringify(row.elapses)) problems.push(`${what}: elapses: systemd ${row.elapses?.join(' ')}, ours ${ours.join(' ')}`);
  const end = search.stop === 'never' ? 'never' : search.stop === undefined ? undefined : 'error';
  if (end !== row.end) problems.push(`${what}: end: systemd ${row.end ?? '-'}, ours ${end ?? '-'}`);
  return problems;
}

test(`generated calendar expressions: verdict, error, normalized form and next elapses equal ${table.oracle}'s, and nothing throws`, (t) => {
  const problems: string[] = [];
  for (const row of table.calendar) {
    try {
      problems.push(...compareRow(row));
    } catch (error) {
      problems.push(`${JSON.stringify(row.expression.slice(0, 80))}: threw ${(error as Error).stack}`);
    }
  }
  const valid = table.calendar.filter((row) => row.valid).length;
  const elapses = table.calendar.reduce((sum, row) => sum + (row.elapses?.length ?? 0), 0);
  t.diagnostic(`${table.calendar.length} expressions (${valid} valid, ${elapses} elapses; TZ=${table.tz}, base ${table.base}): ${problems.length} problems`);
  for (const problem of problems.slice(0, 50)) t.diagnostic(problem);
  assert.deepEqual(problems, []);
  assert.ok(table.calendar.length >= 2000 && valid >= 500, 'at least 2,000 expressions, 500 of them valid');
});

test(`generated time spans: verdict, microseconds and the human form equal ${table.oracle}'s, and nothing throws`, (t) => {
  const problems: string[] = [];
  for (const row of table.timespans) {
    const what = JSON.stringify(row.text.length > 80 ? `${row.text.slice(0, 80)}…` : row.text);
    try {
      const parsed = parseTimespan(row.text);
      if (parsed.ok !== row.valid) {
        problems.push(`${what}: systemd ${row.valid ? row.usec : row.error}, ours ${parsed.ok ? parsed.microseconds : parsed.error.errno}`);
        continue;
      }
      if (!parsed.ok) {
        if (row.error && STRERROR[parsed.error.errno] !== row.error) problems.push(`${what}: systemd ${row.error}, ours ${STRERROR[parsed.error.errno]}`);
        for (const locale of LOCALES) {
          const problem = checkMessage(catalogMessage(locale, parsed.error.id, parsed.error.params), `${what} (${locale})`);
          if (problem) problems.push(problem);
        }
        continue;
      }
      const human = parsed.infinite ? 'infinity' : formatTimespan(parsed.microseconds);
      if (String(parsed.microseconds) !== row.usec || human !== row.human) problems.push(`${what}: systemd ${row.usec} "${row.human}", ours ${parsed.microseconds} "${human}"`);
    } catch (error) {
      problems.push(`${what}: threw ${(error as Error).stack}`);
    }
  }
  const valid = table.timespans.filter((row) => row.valid).length;
  t.diagnostic(`${table.timespans.length} time spans (${valid} valid): ${problems.length} problems`);
  for (const problem of problems.slice(0, 50)) t.diagnostic(problem);
  assert.deepEqual(problems, []);
  assert.ok(table.timespans.length >= 500 && valid >= 200);
});

function catalogMessage(locale: Locale, id: MessageKey, params: Record<string, string | number>): string {
  const template = catalogs[locale][id];
  assert.ok(template !== undefined, `${id} in ${locale}`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

test('every rejected expression in a timer is a finding with a whole message in English and Japanese, never an internal error', () => {
  // As a unit file can carry them: one line (no newline, no `\` continuing it), trimmed, not empty.
  const rejected = table.calendar.filter((row) => !row.valid && !/[\n\r]/.test(row.expression) && !row.expression.endsWith('\\') && row.expression.trim() === row.expression && row.expression !== '');
  const text = `[Unit]\nDescription=generated\n\n[Timer]\n${rejected.map((row) => `OnCalendar=${row.expression}`).join('\n')}\n`;
  // The zone files systemd read, so zone names resolve as they did for systemd.
  const files: Record<string, string | { bytes: Uint8Array }> = { '/etc/timezone': `${table.tz}\n` };
  for (const [name, data] of Object.entries(table.zones)) files[`${ZONEINFO}${name}`] = { bytes: new Uint8Array(Buffer.from(data, 'base64')) };
  const facts = new HostFacts(new MemoryHost(files));
  for (const locale of LOCALES) {
    const findings = lintUnit({ text, path: '/etc/systemd/system/generated.timer', facts, locale }).findings.filter((finding) => finding.ruleId === 'systemd/invalid-calendar');
    const problems = findings.map((finding) => checkMessage(finding.message, `line ${finding.range.start.line + 1}`)).filter((problem) => problem !== undefined);
    assert.deepEqual(problems, [], locale);
    // One finding per line, none lost to an internal error (which is reported under the rule's id too).
    assert.equal(findings.length, rejected.length, locale);
    assert.ok(findings.every((finding) => !finding.message.includes('internal error')), locale);
  }
});

test('every rejected time span in a timer is a finding with a whole message in English and Japanese, never an internal error', () => {
  const rejected = table.timespans.filter((row) => !row.valid && !/[\n\r]/.test(row.text) && !row.text.endsWith('\\') && row.text.trim() === row.text && row.text !== '');
  const text = `[Timer]\nOnCalendar=daily\n${rejected.map((row) => `RandomizedDelaySec=${row.text}`).join('\n')}\n`;
  const facts = new HostFacts(new MemoryHost({ '/etc/timezone': `${table.tz}\n` }));
  for (const locale of LOCALES) {
    const findings = lintUnit({ text, path: '/etc/systemd/system/generated.timer', facts, locale }).findings.filter((finding) => finding.ruleId === 'systemd/invalid-timespan');
    assert.deepEqual(findings.map((finding) => checkMessage(finding.message, `line ${finding.range.start.line + 1}`)).filter((problem) => problem !== undefined), [], locale);
    assert.equal(findings.length, rejected.length, locale);
  }
});

test('every error the calendar parser reports has a message in both catalogs, for every field it may name', () => {
  // The ids in the source: fail('systemd-calendar.…') and the intents' ids.
  const sources = ['calendar.ts', 'calendar-parser.ts', 'calendar-normalize.ts', 'calendar-intent.ts'].map((file) => fs.readFileSync(repoPath('server', 'src', 'engine', 'systemd', file), 'utf8')).join('\n');
  const ids = new Set([...sources.matchAll(/'(systemd-calendar\.[a-z-]+)'/g)].map((match) => match[1]));
  assert.ok(ids.size >= 40, `${ids.size} ids found in the source`);
  // The field names a message may carry are exactly the catalog's calendar-field.* (CalendarMessageField).
  const fields = Object.keys(catalogs.en)
    .filter((key) => key.startsWith('calendar-field.'))
    .map((key) => key.slice('calendar-field.'.length) as CalendarMessageField);
  for (const locale of LOCALES) {
    for (const field of fields) assert.ok(catalogs[locale][`calendar-field.${field}` as MessageKey], `calendar-field.${field} in ${locale}`);
  }
  const problems: string[] = [];
  for (const id of ids) {
    for (const locale of LOCALES) {
      if (catalogs[locale][id as MessageKey] === undefined) problems.push(`${id}: no ${locale} message`);
    }
    if (catalogs.en[id as MessageKey] === undefined) continue;
    // `{name}`, and `{name, plural, …}` / `{name, list}` (counts get a number).
    const matches = [...catalogs.en[id as MessageKey].matchAll(/\{(\w+)(, *(\w+))?/g)];
    const names = matches.map((match) => match[1]);
    for (const field of names.includes('field') ? fields : [undefined]) {
      const params: Record<string, string | number> = Object.fromEntries(matches.map((match) => [match[1], match[3] === 'plural' ? 2 : 'x']));
      if (field !== undefined) params.field = field;
      problems.push(...errorMessages({ id: id as CalendarError['id'], params, start: 0, end: 0, errno: 'EINVAL' }, `${id} field ${field ?? '-'}`));
    }
  }
  assert.deepEqual(problems, []);

  // And the oracle tables reach every one of them, so each error path above is exercised with real input.
  const reached = new Map<string, string>();
  const visit = (expression: string, zone: string) => {
    const parsed = parseCalendar(expression, { zone, zones });
    if (!parsed.ok && !reached.has(parsed.error.id)) reached.set(parsed.error.id, expression);
  };
  for (const row of table.calendar) visit(row.expression, table.tz);
  for (const row of handPicked.calendar) visit(row.expression, row.tz);
  const unreached = [...ids].filter((id) => !reached.has(id));
  assert.deepEqual(unreached, [], 'error ids no oracle expression produces');
});
