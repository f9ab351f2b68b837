// Next run times from our engine (parseCrontab → schedule → nextRuns) against two independent schedulers:
// croniter 1.3.5, from the table test/oracles/croniter-next-runs.json (scripts/oracles/croniter-next-runs.py),
// and cron-parser 5, run here in-process. Neither is cron, so each is compared only on cases where its
// semantics are cron's; the rest are listed as known differences with the reason.
// The table also carries what Debian's cron does on each case, worked out mechanically from its source
// (entry.c bitsets, the cron.c day rule, and a replay of cron.c's minute loop on DST days); the last test
// holds our engine to that on every case, DST days included.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import type * as CronParser from 'cron-parser';
import { nextRuns } from '../../server/src/engine/crontab/next-runs';
import type { CronSchedule } from '../../server/src/engine/crontab/model';
import { parseCrontab } from '../../server/src/engine/crontab/parse';
import { formatIsoInZone } from '../../server/src/engine/time/zone';
import { repoPath } from '../support/paths';

interface OracleCase {
  id: number;
  group: string;
  expression: string;
  line: string;
  zone: string;
  base: string;
  /** Debian cron's runs, from its source (distinct instants). */
  cron: string[];
  cronRepeats?: boolean;
  /** The schedule hits a local time that a DST change skips or repeats. */
  dst?: boolean;
  croniter: string[];
  croniterError?: string;
  /** croniter with day_or=False, where cron ANDs the day fields and croniter would OR them. */
  croniterDayAnd?: string[];
  croniterAgrees: boolean;
  difference?: string;
  note?: string;
}

interface OracleTable {
  oracle: string;
  count: number;
  expressions: number;
  cases: OracleCase[];
}

// Resolved from the repository, so the compiled test also runs from an --outDir outside it.
const { CronExpressionParser } = createRequire(repoPath('package.json'))('cron-parser') as typeof CronParser;

const table = JSON.parse(fs.readFileSync(repoPath('test', 'oracles', 'croniter-next-runs.json'), 'utf8')) as OracleTable;

function scheduleOf(oracleCase: OracleCase): CronSchedule {
  const document = parseCrontab(`${oracleCase.line} true\n`, 'crontab-user', 'debian');
  const line = document.lines[0];
  assert.ok(line.type === 'job' && !line.problem && line.schedule, `schedlint reads ${JSON.stringify(oracleCase.line)} as a job`);
  return line.schedule;
}

const ours = new Map<number, number[]>();
function ourRuns(oracleCase: OracleCase): number[] {
  let runs = ours.get(oracleCase.id);
  if (!runs) {
    runs = nextRuns(scheduleOf(oracleCase), Date.parse(oracleCase.base), table.count, oracleCase.zone);
    ours.set(oracleCase.id, runs);
  }
  return runs;
}

const instants = (runs: string[]): number[] => runs.map((run) => Date.parse(run));
const show = (runs: number[], zone: string): string => runs.map((run) => formatIsoInZone(run, zone)).join(' ');
const same = (left: number[], right: number[]): boolean => left.length === right.length && left.every((value, index) => value === right[index]);
const label = (oracleCase: OracleCase): string => `#${oracleCase.id} ${JSON.stringify(oracleCase.line)} ${oracleCase.zone} after ${oracleCase.base}`;

interface Mismatch {
  case: string;
  expected: string;
  ours: string;
}

function mismatch(oracleCase: OracleCase, expected: number[]): Mismatch {
  return { case: label(oracleCase), expected: show(expected, oracleCase.zone), ours: show(ourRuns(oracleCase), oracleCase.zone) };
}

test('croniter: same next runs wherever croniter follows cron', (t) => {
  const compared = table.cases.filter((oracleCase) => oracleCase.croniterAgrees);
  const mismatches: Mismatch[] = [];
  for (const oracleCase of compared) {
    const expected = instants(oracleCase.croniterDayAnd ?? oracleCase.croniter);
    if (!same(ourRuns(oracleCase), expected)) mismatches.push(mismatch(oracleCase, expected));
  }
  const dayAnd = compared.filter((oracleCase) => oracleCase.croniterDayAnd).length;
  t.diagnostic(`${table.oracle}; ${table.cases.length} cases over ${table.expressions} expressions`);
  t.diagnostic(
    `compared ${compared.length} cases (${dayAnd} with croniter's day_or=False for cron's AND rule): ` +
      `${compared.length - mismatches.length} agree; ${table.cases.length - compared.length} known differences not compared`,
  );
  for (const item of mismatches) t.diagnostic(`disagree ${item.case}: croniter ${item.expected} | ours ${item.ours}`);
  assert.ok(compared.length >= 300, 'most cases are comparable');
  assert.deepEqual(mismatches, [], `${mismatches.length} cases where our next runs differ from croniter's`);
});

test('croniter: known differences from cron (listed, not compared)', (t) => {
  const known = table.cases.filter((oracleCase) => !oracleCase.croniterAgrees);
  const kinds = new Map<string, number>();
  for (const oracleCase of known) {
    const kind = (oracleCase.difference ?? 'unexplained').split(':')[0];
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    t.diagnostic(`${label(oracleCase)}: ${oracleCase.difference}`);
  }
  t.diagnostic(`known differences: ${[...kinds].map(([kind, count]) => `${kind} ${count}`).join(', ')}`);
  // Every exclusion must carry an explained reason; an unexplained one would need looking into.
  assert.deepEqual(
    known.filter((oracleCase) => !oracleCase.difference || oracleCase.difference.startsWith('unexplained')).map(label),
    [],
  );
});

// cron-parser 5 (node_modules/cron-parser/dist/CronExpression.js #matchDayOfMonth): a day field counts as
// unrestricted only when it is exactly `*` (or `?`), so `*/2` or `*,5` is restricted and the day fields are
// ORed, where cron ANDs them because the field starts with `*`. It also refuses some fields cron accepts
// (`SAT-SUN`, `5-0`, `*,15`, `30` in February), and shifts a job inside a skipped hour by the size of the gap.
function cronParserRuns(oracleCase: OracleCase): number[] | Error {
  try {
    const expression = CronExpressionParser.parse(oracleCase.expression, { currentDate: new Date(Date.parse(oracleCase.base)), tz: oracleCase.zone });
    const runs: number[] = [];
    while (runs.length < table.count && expression.hasNext()) runs.push(expression.next().getTime());
    return runs;
  } catch (error) {
    return error as Error;
  }
}

function cronParserDayRuleDiffers(expression: string): boolean {
  const [, , dayOfMonth, , dayOfWeek] = expression.split(/\s+/);
  const cronAnds = dayOfMonth.startsWith('*') || dayOfWeek.startsWith('*');
  const wildcard = (field: string) => field === '*' || field === '?';
  return cronAnds && !wildcard(dayOfMonth) && !wildcard(dayOfWeek);
}

test('cron-parser: same next runs wherever cron-parser follows cron', (t) => {
  const mismatches: Mismatch[] = [];
  const known: string[] = [];
  const kinds = new Map<string, number>();
  let compared = 0;
  for (const oracleCase of table.cases) {
    const runs = cronParserRuns(oracleCase);
    const cron = instants(oracleCase.cron);
    let reason: string | undefined;
    if (runs instanceof Error) reason = `rejects the expression (${runs.message}); cron accepts it`;
    else if (!same(runs, cron)) {
      if (cronParserDayRuleDiffers(oracleCase.expression)) reason = 'day rule: cron ANDs the day fields because one starts with `*`; cron-parser ORs them';
      else if (oracleCase.dst) reason = 'DST: the schedule hits a skipped or repeated local time, where cron-parser does not do what cron does';
    }
    if (reason) {
      const kind = reason.split(/[:(]/)[0].trim();
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      const theirs = runs instanceof Error ? 'error' : show(runs, oracleCase.zone);
      known.push(`${label(oracleCase)}: ${reason}; cron-parser ${theirs} | cron ${show(cron, oracleCase.zone)}`);
      continue;
    }
    compared++;
    const expected = runs as number[];
    if (!same(ourRuns(oracleCase), expected)) mismatches.push(mismatch(oracleCase, expected));
  }
  t.diagnostic(`cron-parser ${cronParserVersion()}: compared ${compared} cases, ${compared - mismatches.length} agree; ${known.length} known differences not compared`);
  t.diagnostic(`known differences: ${[...kinds].map(([kind, count]) => `${kind} ${count}`).join(', ')}`);
  for (const line of known) t.diagnostic(`known ${line}`);
  for (const item of mismatches) t.diagnostic(`disagree ${item.case}: cron-parser ${item.expected} | ours ${item.ours}`);
  assert.ok(compared >= 300, 'most cases are comparable');
  assert.deepEqual(mismatches, [], `${mismatches.length} cases where our next runs differ from cron-parser's`);
});

test("Debian cron (from its source, in the table): same next runs on every case, DST days included", (t) => {
  const mismatches: Mismatch[] = [];
  for (const oracleCase of table.cases) {
    const expected = instants(oracleCase.cron);
    if (!same(ourRuns(oracleCase), expected)) mismatches.push(mismatch(oracleCase, expected));
  }
  const repeats = table.cases.filter((oracleCase) => oracleCase.cronRepeats).length;
  t.diagnostic(`${table.cases.length - mismatches.length}/${table.cases.length} cases agree (${repeats} cases where cron starts a job twice in one minute, counted once)`);
  for (const item of mismatches) t.diagnostic(`disagree ${item.case}: cron ${item.expected} | ours ${item.ours}`);
  assert.deepEqual(mismatches, [], `${mismatches.length} cases where our next runs differ from Debian cron's`);
});

function cronParserVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(repoPath('node_modules', 'cron-parser', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '(version unknown)';
  }
}
