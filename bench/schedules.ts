// Schedule engines against the tools people compare them with:
// - `schedlint calendar` computing the next 1,000 elapses of 100 expressions, as a whole process, beside
//   `systemd-analyze calendar` doing the same work in the same run (target: at most half its time);
// - 1,000 next runs of 100 cron expressions in-process, beside cron-parser (target: 10× faster).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
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

function timeProcess(command: string, args: string[]): { ms: number; ok: boolean } {
  const start = performance.now();
  const run = spawnSync(command, args, { env: { ...process.env, TZ: 'UTC' }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { ms: performance.now() - start, ok: run.status === 0 || run.status === 1 };
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

export function benchCalendar(): string {
  const expressions = calendarExpressions();
  const ours: number[] = [];
  const theirs: number[] = [];
  const hasSystemd = spawnSync('systemd-analyze', ['--version']).status === 0;
  for (let round = 0; round < 3; round++) {
    ours.push(timeProcess(process.execPath, [repoPath('dist', 'cli', 'schedlint.js'), 'calendar', '--iterations', '1000', '--base-time', BASE, ...expressions]).ms);
    if (hasSystemd) theirs.push(timeProcess('systemd-analyze', ['calendar', '--iterations=1000', `--base-time=${BASE}`, ...expressions]).ms);
  }
  const label = `next 1,000 elapses of ${expressions.length} calendar expressions, whole process: schedlint ${median(ours).toFixed(0)} ms`;
  if (!hasSystemd) return `${label}; systemd-analyze not installed here, so no comparison (target ≤ 0.5× of it) — NOT CHECKED`;
  const ratio = median(ours) / median(theirs);
  return `${label}, systemd-analyze ${median(theirs).toFixed(0)} ms: ratio ${ratio.toFixed(2)}× (target ≤ 0.5×) ${ratio <= 0.5 ? 'ok' : 'OVER TARGET'}`;
}

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

export function benchCron(): string {
  const cronParser = createRequire(repoPath('package.json'))('cron-parser') as typeof import('cron-parser');
  const schedules = CRON_EXPRESSIONS.map((expression) => {
    const [line] = parseCrontab(`${expression} /bin/true\n`, 'crontab-user', 'debian').lines;
    if (line.type !== 'job' || !line.schedule) throw new Error(`bench expression ${expression} does not parse`);
    return line.schedule;
  });
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round < 5; round++) {
    let start = performance.now();
    for (const schedule of schedules) nextRuns(schedule, BASE_MS, 1000, 'UTC');
    ours.push(performance.now() - start);
    start = performance.now();
    for (const expression of CRON_EXPRESSIONS) {
      const iterator = cronParser.CronExpressionParser.parse(expression, { currentDate: new Date(BASE_MS), tz: 'UTC' });
      for (let run = 0; run < 1000; run++) iterator.next();
    }
    theirs.push(performance.now() - start);
  }
  const ratio = median(theirs) / median(ours);
  return `1,000 next runs of 100 cron expressions: schedlint ${median(ours).toFixed(0)} ms, cron-parser ${median(theirs).toFixed(0)} ms: ${ratio.toFixed(1)}× faster (target ≥ 10×) ${ratio >= 10 ? 'ok' : 'UNDER TARGET'}`;
}
