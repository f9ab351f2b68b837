// Schedule engines against the tools people compare them with, in Asia/Tokyo:
// - `schedlint calendar` computing the next 1,000 elapses of every expression of a list, as a whole cold
//   process, beside `systemd-analyze calendar` doing the same work in the same run (target: at most half its
//   CPU time; peak memory printed beside). Lists: every OnCalendar= that Debian packages and test/corpus ship
//   (bench/lists/calendar.tsv, from scripts/bench/collect-schedules.sh), and 100 of the oracle table's.
// - 1,000 next runs of each cron expression in-process, beside cron-parser (target: 10× faster), on the real
//   cron schedules of bench/lists/cron.tsv and on 100 generated ones; and `schedlint cron` on the generated
//   ones as a whole cold process, beside processes printing cron-parser's and croniter's runs (bench/compare/).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { parseCrontab } from '../server/src/engine/crontab/parse';
import { nextRuns } from '../server/src/engine/crontab/next-runs';
import { repoPath } from '../test/support/paths';

const BASE = '2026-11-25 10:17:00 UTC';
const BASE_MS = Date.UTC(2026, 10, 25, 10, 17);

function calendarExpressions(): string[] {
  const table = JSON.parse(fs.readFileSync(repoPath('test', 'oracles', 'systemd-calendar.json'), 'utf8')) as { calendar: { expression: string; valid: boolean; tz: string; elapses?: string[] }[] };
  const seen = new Set<string>();
  for (const entry of table.calendar) {
    // Expressions that keep elapsing (1,000 iterations must not end early) and carry no zone of their own.
    if (!entry.valid || entry.tz !== 'UTC' || (entry.elapses?.length ?? 0) < 5 || /[A-Z][a-z]+\/|@/.test(entry.expression)) continue;
    seen.add(entry.expression);
    if (seen.size === 100) break;
  }
  return [...seen];
}

const ZONE = 'Asia/Tokyo';
const TIME = '/usr/bin/time';

/** The schedules of a list written by scripts/bench/collect-schedules.sh (schedule, a tab, its source). */
export function listedSchedules(name: 'calendar' | 'cron'): string[] {
  return fs
    .readFileSync(repoPath('bench', 'lists', `${name}.tsv`), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t')[0]);
}

/** A whole process's CPU time (user + system) and peak RSS, from GNU time, so a C tool and node are measured alike. */
function timeProcess(command: string, args: string[]): { cpuMs: number; maxRssMb: number; ok: boolean } {
  const run = spawnSync(TIME, ['-f', 'BENCH_TIME %U %S %M', command, ...args], { env: { ...process.env, TZ: ZONE }, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const line = run.stderr.split('\n').reverse().find((text) => text.startsWith('BENCH_TIME '));
  if (!line) throw new Error(`no time line from ${command} (exit ${run.status}): ${run.stderr.slice(-300)}`);
  const [user, system, maxRssKb] = line.split(' ').slice(1).map(Number);
  return { cpuMs: (user + system) * 1000, maxRssMb: maxRssKb / 1024, ok: run.status === 0 };
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

export function benchCalendar(): string[] {
  const hasSystemd = spawnSync('systemd-analyze', ['--version']).status === 0;
  const hasTime = fs.existsSync(TIME);
  const lists: [string, string[]][] = [
    ['OnCalendar= of Debian packages + corpus (bench/lists/calendar.tsv)', listedSchedules('calendar')],
    ['100 of the oracle table', calendarExpressions()],
  ];
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-bench-calendar-'));
  const lines = lists.map(([label, expressions]) => {
    const title = `next 1,000 elapses of ${expressions.length} calendar expressions, ${label}, whole process, cold, TZ=${ZONE}`;
    if (!hasSystemd || !hasTime) return `${title}: ${hasTime ? 'systemd-analyze' : TIME} not installed here, so no comparison (target ≤ 0.5×) — NOT CHECKED`;
    const args = [repoPath('dist', 'cli', 'schedlint.js'), 'calendar', '--iterations', '1000', '--base-time', BASE, ...expressions];
    // The floor of any Node.js program here: a fresh node that only writes the same output, read from a file
    // (no parsing, no search, no formatting). When it alone takes more than half of systemd-analyze's time,
    // no Node.js program meets the target on that list on this machine, however fast its calendar code is.
    const output = path.join(directory, 'output');
    fs.writeFileSync(output, spawnSync(process.execPath, args, { env: { ...process.env, TZ: ZONE }, maxBuffer: 256 * 1024 * 1024 }).stdout);
    const ours: ReturnType<typeof timeProcess>[] = [];
    const theirs: ReturnType<typeof timeProcess>[] = [];
    const floor: ReturnType<typeof timeProcess>[] = [];
    // Interleaved, so all see the same load on a busy machine; CPU time, not wall.
    for (let round = 0; round < 5; round++) {
      ours.push(timeProcess(process.execPath, args));
      theirs.push(timeProcess('systemd-analyze', ['calendar', '--iterations=1000', `--base-time=${BASE}`, ...expressions]));
      floor.push(timeProcess(process.execPath, ['-e', WRITE_FILE_SCRIPT, output]));
    }
    const oursCpu = median(ours.map((run) => run.cpuMs));
    const theirsCpu = median(theirs.map((run) => run.cpuMs));
    const floorCpu = median(floor.map((run) => run.cpuMs));
    const ratio = oursCpu / theirsCpu;
    const floorRatio = floorCpu / theirsCpu;
    const ok = ratio <= 0.5 && ours.every((run) => run.ok);
    const budget = theirsCpu / 2 - floorCpu;
    const floorNote = `; a node process that only writes this output (read from a file) ${floorCpu.toFixed(0)} ms, ${floorRatio.toFixed(2)}×: ${budget > 0 ? `${budget.toFixed(0)} ms left under the target for loading and computing` : 'no Node.js program meets the target on this list here'}`;
    return `${title}: schedlint ${oursCpu.toFixed(0)} ms CPU, ${median(ours.map((run) => run.maxRssMb)).toFixed(0)} MB peak; systemd-analyze ${theirsCpu.toFixed(0)} ms CPU, ${median(theirs.map((run) => run.maxRssMb)).toFixed(0)} MB peak: ratio ${ratio.toFixed(2)}× (target ≤ 0.5×)${floorNote}${ours.every((run) => run.ok) ? '' : ' (schedlint failed)'} ${ok ? 'ok' : 'OVER TARGET'}`;
  });
  fs.rmSync(directory, { recursive: true, force: true });
  return lines;
}

/** Writes the file named by its argument to stdout, as bytes read whole: the least a process printing it can do. */
const WRITE_FILE_SCRIPT = "process.stdout.write(require('fs').readFileSync(process.argv[1]))";

const CRON_EXPRESSIONS: string[] = (() => {
  const list: string[] = [];
  for (let index = 0; index < 100; index++) {
    const minute = [String(index % 60), `*/${(index % 12) + 1}`, `${index % 30}-${(index % 30) + 29}/5`, '*'][index % 4];
    const hour = [String(index % 24), '*', `${index % 12},${(index % 12) + 12}`, '9-17'][Math.floor(index / 4) % 4];
    const dayOfMonth = ['*', '1', '1-7', '*/2', '15'][index % 5];
    const dayOfWeek = ['*', '1-5', '0', '*', '6'][Math.floor(index / 5) % 5];
    list.push(`${minute} ${hour} ${dayOfMonth} * ${dayOfWeek}`);
  }
  return list;
})();

export function benchCron(): string[] {
  return [cronRatio('real-world (bench/lists/cron.tsv)', listedSchedules('cron').filter((expression) => expression !== '@reboot')), cronRatio('generated', CRON_EXPRESSIONS), cronWholeProcess(CRON_EXPRESSIONS)];
}

/**
 * `schedlint cron --iterations 1000` as a user runs it, beside a fresh node printing cron-parser's runs and
 * Debian's python3 printing croniter's (when python3-croniter is installed): whole processes, cold, CPU time,
 * 3 rounds interleaved (cron-parser takes seconds a round). Target: at least 10× faster than each.
 */
function cronWholeProcess(expressions: string[]): string {
  const title = `1,000 next runs of ${expressions.length} generated cron expressions, whole process, cold, TZ=${ZONE}`;
  if (!fs.existsSync(TIME)) return `${title}: ${TIME} not installed here — NOT CHECKED`;
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-bench-cron-'));
  const list = path.join(directory, 'expressions.json');
  fs.writeFileSync(list, JSON.stringify(expressions));
  const python = '/usr/bin/python3';
  const hasCroniter = fs.existsSync(python) && spawnSync(python, ['-c', 'import croniter']).status === 0;
  const runs = { ours: [] as ReturnType<typeof timeProcess>[], cronParser: [] as ReturnType<typeof timeProcess>[], croniter: [] as ReturnType<typeof timeProcess>[] };
  for (let round = 0; round < 3; round++) {
    runs.ours.push(timeProcess(process.execPath, [repoPath('dist', 'cli', 'schedlint.js'), 'cron', '--iterations', '1000', '--base-time', BASE, ...expressions]));
    runs.cronParser.push(timeProcess(process.execPath, [repoPath('bench', 'compare', 'cron-parser-runs.cjs'), list, '1000', String(BASE_MS)]));
    if (hasCroniter) runs.croniter.push(timeProcess(python, [repoPath('bench', 'compare', 'croniter-runs.py'), list, '1000', String(BASE_MS)]));
  }
  fs.rmSync(directory, { recursive: true, force: true });
  const ours = median(runs.ours.map((run) => run.cpuMs));
  const compared: [string, number][] = [['cron-parser', median(runs.cronParser.map((run) => run.cpuMs))]];
  if (hasCroniter) compared.push(['croniter', median(runs.croniter.map((run) => run.cpuMs))]);
  const failed = [...runs.ours, ...runs.cronParser, ...runs.croniter].some((run) => !run.ok);
  const ratios = compared.map(([name, cpuMs]) => `${name} ${cpuMs.toFixed(0)} ms: ${(cpuMs / ours).toFixed(1)}× faster`);
  const ok = !failed && compared.every(([, cpuMs]) => cpuMs / ours >= 10);
  return `${title}: schedlint ${ours.toFixed(0)} ms CPU; ${ratios.join('; ')}${hasCroniter ? '' : ' (croniter: python3-croniter not installed here, not compared)'} (target ≥ 10×)${failed ? ' (a run failed)' : ''} ${ok ? 'ok' : 'UNDER TARGET'}`;
}

function cronRatio(label: string, expressions: string[]): string {
  const cronParser = createRequire(repoPath('package.json'))('cron-parser') as typeof import('cron-parser');
  const schedules = expressions.map((expression) => {
    const [line] = parseCrontab(`${expression} /bin/true\n`, 'crontab-user', 'debian').lines;
    if (line.type !== 'job' || !line.schedule) throw new Error(`bench expression ${expression} does not parse`);
    return line.schedule;
  });
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round < 5; round++) {
    let start = performance.now();
    for (const schedule of schedules) nextRuns(schedule, BASE_MS, 1000, ZONE);
    ours.push(performance.now() - start);
    start = performance.now();
    for (const expression of expressions) {
      const iterator = cronParser.CronExpressionParser.parse(expression, { currentDate: new Date(BASE_MS), tz: ZONE });
      for (let run = 0; run < 1000; run++) iterator.next();
    }
    theirs.push(performance.now() - start);
  }
  const ratio = median(theirs) / median(ours);
  return `1,000 next runs of ${expressions.length} cron expressions, ${label}, in-process, TZ=${ZONE}: schedlint ${median(ours).toFixed(0)} ms, cron-parser ${median(theirs).toFixed(0)} ms: ${ratio.toFixed(1)}× faster (target ≥ 10×) ${ratio >= 10 ? 'ok' : 'UNDER TARGET'}`;
}

/**
 * Start-up, which every CLI run pays: `schedlint --kind crontab-system` on a one-line file, beside a bare
 * node process, both whole and cold, interleaved (no target of its own: the calendar and lint targets need it small).
 */
export function benchStartup(): string {
  if (!fs.existsSync(TIME)) return `one-line lint, whole process: ${TIME} not installed here — NOT MEASURED`;
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-bench-startup-'));
  const file = path.join(directory, 'crontab');
  fs.writeFileSync(file, '0 * * * * root /bin/true\n');
  const ours: ReturnType<typeof timeProcess>[] = [];
  const bare: ReturnType<typeof timeProcess>[] = [];
  for (let round = 0; round < 7; round++) {
    ours.push(timeProcess(process.execPath, [repoPath('dist', 'cli', 'schedlint.js'), '--kind', 'crontab-system', file]));
    bare.push(timeProcess(process.execPath, ['-e', '0']));
  }
  fs.rmSync(directory, { recursive: true, force: true });
  return `one-line lint (schedlint --kind crontab-system FILE), whole process, cold, TZ=${ZONE}: ${median(ours.map((run) => run.cpuMs)).toFixed(0)} ms CPU, ${median(ours.map((run) => run.maxRssMb)).toFixed(0)} MB peak; bare node (node -e 0) ${median(bare.map((run) => run.cpuMs)).toFixed(0)} ms CPU, ${median(bare.map((run) => run.maxRssMb)).toFixed(0)} MB${ours.every((run) => run.ok) ? '' : ' (schedlint failed)'}`;
}

// `node out/bench/schedules.js`: the calendar and cron lines alone, without the rest of `npm run bench`
// (build first: the calendar lines run dist/cli/schedlint.js).
if (require.main === module) {
  const lines = [benchStartup(), ...benchCalendar(), ...benchCron()];
  lines.forEach((line) => console.log(line));
  if (lines.some((line) => line.includes('OVER TARGET') || line.includes('UNDER TARGET'))) process.exitCode = 1;
}
