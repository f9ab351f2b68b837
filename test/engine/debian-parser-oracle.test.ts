// Our crontab parser against Debian cron's own (cron 3.0pl1 entry.c load_entry / env.c load_env), line by
// line, from the table test/oracles/debian-cron-parse.json that scripts/oracles/debian-cron-parse.sh builds.
// Each line is read as a user crontab and as a system crontab (user column), and the two programs must
// agree on what the line is (skipped, environment setting, job, rejected with which error) and, for jobs,
// on the bitsets, the DOM_STAR/DOW_STAR flags, the user and the command.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { test } from 'node:test';
import type { CrontabLine, LineProblem } from '../../server/src/engine/crontab/model';
import { parseCrontab } from '../../server/src/engine/crontab/parse';
import type { FileKind } from '../../server/src/engine/types';
import { repoPath } from '../support/paths';

interface OracleJob {
  result: 'job';
  minute: string;
  hour: string;
  dayOfMonth: string;
  month: string;
  dayOfWeek: string;
  dayOfMonthStar: boolean;
  dayOfWeekStar: boolean;
  flags: number;
  user: string;
  command: string;
}

type OracleResult =
  | { result: 'skipped' }
  | { result: 'env'; env: string }
  | { result: 'rejected'; error: string; username?: string }
  | OracleJob;

interface OracleCase {
  line: string;
  user: OracleResult;
  system: OracleResult;
}

interface OracleTable {
  oracle: string;
  cases: OracleCase[];
}

/** What a line is, in terms both programs can be compared in. */
type Verdict =
  | { kind: 'skipped' }
  | { kind: 'env'; env: string }
  | { kind: 'rejected'; error: string }
  /** A syntactically good system-crontab line whose user is not on the host (the oracle knows only root). */
  | { kind: 'unknown-user'; user: string }
  | {
      kind: 'job';
      reboot: boolean;
      minute: string;
      hour: string;
      dayOfMonth: string;
      month: string;
      dayOfWeek: string;
      dayOfMonthStar: boolean;
      dayOfWeekStar: boolean;
      user?: string;
      command: string;
    };

const table = JSON.parse(fs.readFileSync(repoPath('test', 'oracles', 'debian-cron-parse.json'), 'utf8')) as OracleTable;

// Debian's WHEN_REBOOT (cron.h): an @reboot entry has no time bits at all.
const WHEN_REBOOT = 0x04;

/** "1,2,5-9" → the set positions (the harness's compact bitset notation). */
function positions(text: string): number[] {
  if (text === '') return [];
  return text.split(',').flatMap((part) => {
    const [low, high] = part.split('-').map(Number);
    return high === undefined ? [low] : Array.from({ length: high - low + 1 }, (_, index) => low + index);
  });
}

/** Set positions back to the compact notation: runs of three or more as `a-b`. */
function compact(values: Iterable<number>): string {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let index = 0; index < sorted.length; ) {
    let end = index;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end++;
    if (end - index >= 2) parts.push(`${sorted[index]}-${sorted[end]}`);
    else parts.push(...sorted.slice(index, end + 1).map(String));
    index = end + 1;
  }
  return parts.join(',');
}

const setBits = (bits: boolean[]): number[] => bits.flatMap((on, value) => (on ? [value] : []));

function oracleVerdict(result: OracleResult, kind: FileKind): Verdict {
  switch (result.result) {
    case 'skipped':
      return { kind: 'skipped' };
    case 'env':
      return { kind: 'env', env: result.env };
    case 'rejected':
      // The harness knows only root, so "bad username" usually means "a user this host lacks", which our parser
      // accepts and leaves to the host-aware rules. A user starting with `*` (a sixth time field) can never
      // exist, and our parser rejects it itself.
      if (result.error === 'bad username' && !(result.username ?? '').startsWith('*')) return { kind: 'unknown-user', user: result.username ?? '' };
      return { kind: 'rejected', error: result.error };
    case 'job': {
      const reboot = (result.flags & WHEN_REBOOT) !== 0;
      return {
        kind: 'job',
        reboot,
        minute: result.minute,
        hour: result.hour,
        dayOfMonth: result.dayOfMonth,
        month: result.month,
        // Debian keeps Sunday in both bit 0 and bit 7; ours folds 7 into 0.
        dayOfWeek: compact(positions(result.dayOfWeek).map((day) => day % 7)),
        dayOfMonthStar: result.dayOfMonthStar,
        dayOfWeekStar: result.dayOfWeekStar,
        user: kind === 'crontab-system' ? result.user : undefined,
        command: result.command,
      };
    }
  }
}

// Our problem ids as load_entry's ecodes[] text. In a system crontab a `*` in the user column is Debian's
// "bad username"; in a user crontab the same `*` starts the command ("bad command").
function ecode(problem: LineProblem, kind: FileKind): string {
  if (problem.id === 'command-starts-with-star' && kind === 'crontab-system') return 'bad username';
  switch (problem.id) {
    case 'field':
    case 'too-few-fields': {
      const field = problem.id === 'field' ? problem.field : problem.params.field;
      const names: Record<string, string> = {
        minute: 'bad minute',
        hour: 'bad hour',
        dayOfMonth: 'bad day-of-month',
        month: 'bad month',
        dayOfWeek: 'bad day-of-week',
        user: 'bad command',
      };
      return names[String(field)] ?? `? ${String(field)}`;
    }
    case 'unknown-keyword':
      return 'bad time specifier';
    case 'command-starts-with-star':
    case 'no-command':
      return 'bad command';
    case 'command-too-long':
      return 'command too long';
  }
}

function ourVerdict(line: CrontabLine, kind: FileKind): Verdict {
  switch (line.type) {
    case 'blank':
    case 'comment':
      return { kind: 'skipped' };
    case 'environment':
      return { kind: 'env', env: `${line.name.text}=${line.value}` };
    case 'invalid':
      return { kind: 'rejected', error: ecode(line.problem, kind) };
    case 'job': {
      if (line.problem) return { kind: 'rejected', error: ecode(line.problem, kind) };
      if (kind === 'crontab-system' && line.user && line.user.text !== 'root') return { kind: 'unknown-user', user: line.user.text };
      const schedule = line.schedule;
      assert.ok(schedule, 'a job without a problem has a schedule');
      // An @reboot job is never matched against the clock; Debian leaves its bitsets empty, ours carries
      // @daily's. Compare the reboot flag instead of bits that neither program consults.
      const bits = (values: boolean[]) => (schedule.reboot ? '' : compact(setBits(values)));
      return {
        kind: 'job',
        reboot: schedule.reboot,
        minute: bits(schedule.minutes),
        hour: bits(schedule.hours),
        dayOfMonth: bits(schedule.daysOfMonth),
        month: bits(schedule.months),
        dayOfWeek: bits(schedule.daysOfWeek),
        dayOfMonthStar: schedule.reboot ? false : schedule.dayOfMonthStar,
        dayOfWeekStar: schedule.reboot ? false : schedule.dayOfWeekStar,
        user: kind === 'crontab-system' ? line.user?.text : undefined,
        command: line.command.text,
      };
    }
  }
}

const printable = (text: string): string => JSON.stringify(text.length > 80 ? `${text.slice(0, 60)}…(${text.length} chars)` : text);
const shorten = (verdict: Verdict): Verdict =>
  'command' in verdict && verdict.command.length > 80 ? { ...verdict, command: `${verdict.command.slice(0, 40)}…(${verdict.command.length} chars)` } : verdict;

interface Comparison {
  line: string;
  debian: Verdict;
  ours: Verdict;
}

function compare(kind: FileKind): Comparison[] {
  return table.cases.map((oracleCase) => {
    const document = parseCrontab(`${oracleCase.line}\n`, kind, 'debian');
    assert.equal(document.lines.length, 1, `one line parsed from ${printable(oracleCase.line)}`);
    return {
      line: oracleCase.line,
      debian: oracleVerdict(kind === 'crontab-user' ? oracleCase.user : oracleCase.system, kind),
      ours: ourVerdict(document.lines[0], kind),
    };
  });
}

/** The verdict without the command and user text, which the second test compares. */
function schedulePart(verdict: Verdict): Verdict {
  if (verdict.kind !== 'job') return verdict;
  const { command, user, ...rest } = verdict;
  return rest as Verdict;
}

const readable = (items: Comparison[]) =>
  items.map((item) => ({ line: printable(item.line), debian: shorten(item.debian), ours: shorten(item.ours) }));

const comparisonCache = new Map<FileKind, Comparison[]>();
function comparisonsFor(kind: FileKind): Comparison[] {
  let items = comparisonCache.get(kind);
  if (!items) {
    items = compare(kind);
    comparisonCache.set(kind, items);
  }
  return items;
}

for (const kind of ['crontab-user', 'crontab-system'] as const) {
  test(`Debian cron's parser: same verdict, bitsets and star flags (${kind})`, (t) => {
    assert.ok(table.cases.length >= 300, 'the table covers at least 300 lines');
    const comparisons = comparisonsFor(kind);
    const tally = { skipped: 0, env: 0, job: 0, rejected: 0, 'unknown-user': 0 };
    for (const item of comparisons) tally[item.debian.kind]++;
    const disagreements = comparisons.filter((item) => JSON.stringify(schedulePart(item.ours)) !== JSON.stringify(schedulePart(item.debian)));
    t.diagnostic(table.oracle);
    t.diagnostic(
      `${kind}: ${comparisons.length - disagreements.length}/${comparisons.length} lines agree (oracle: ${tally.job} jobs, ` +
        `${tally.rejected} rejected, ${tally['unknown-user']} unknown user, ${tally.env} environment, ${tally.skipped} skipped)`,
    );
    for (const item of readable(disagreements)) t.diagnostic(`disagree ${item.line}: debian ${JSON.stringify(item.debian)} ours ${JSON.stringify(item.ours)}`);
    assert.deepEqual(readable(disagreements), [], `${disagreements.length} lines where our parser differs from Debian cron's`);
  });

  test(`Debian cron's parser: same user and command text (${kind})`, (t) => {
    const jobs = comparisonsFor(kind).filter((item) => item.debian.kind === 'job' && item.ours.kind === 'job');
    const disagreements = jobs.filter((item) => JSON.stringify(item.ours) !== JSON.stringify(item.debian) && JSON.stringify(schedulePart(item.ours)) === JSON.stringify(schedulePart(item.debian)));
    t.diagnostic(`${kind}: ${jobs.length - disagreements.length}/${jobs.length} jobs with the same user and command`);
    for (const item of readable(disagreements)) {
      const debian = item.debian as { command: string; user?: string };
      const ours = item.ours as { command: string; user?: string };
      t.diagnostic(`disagree ${item.line}: debian user=${debian.user} command=${JSON.stringify(debian.command)} ours user=${ours.user} command=${JSON.stringify(ours.command)}`);
    }
    assert.deepEqual(readable(disagreements), [], `${disagreements.length} jobs whose user or command text differs from Debian cron's`);
  });
}
