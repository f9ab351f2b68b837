// `npm run bench`: speed and memory targets, measured here and never in unit tests.
// 1. Lint a generated 100,000-line system crontab of distinct lines, a fresh `schedlint` process beside the
//    floor (a fresh node process reading the same file and splitting it into lines): within 3× of the floor's
//    CPU; and a 1,000,000-line one under 300 MB peak RSS (bench/lint.ts).
// 2. Calendar events against systemd-analyze and cron schedules against cron-parser, on real-world lists
//    (bench/lists/, scripts/bench/collect-schedules.sh) and generated ones, in Asia/Tokyo (bench/schedules.ts).
// 3. The language server with the host scan on: spawn → first diagnostics, didChange → diagnostics on a
//    5,000-line crontab, and memory after 50 open files (bench/server.ts, run last in a process of its own).
// 4. The host schedule at host scale, whole process and cold, 10 → 10,000 jobs × 1 → 1,000 timers in
//    Asia/Tokyo (bench/host-scale.ts).
// Every line with a target ends in `ok`, `OVER TARGET` or `UNDER TARGET`; the run exits 1 when any target is
// missed, so a miss is never quiet (timings never gate `npm test`).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { HostFacts } from '../server/src/engine/host/facts';
import { MemoryHost } from '../server/src/engine/host/memory-host';
import { lintCrontab } from '../server/src/engine/lint';
import { benchCalendar, benchCron, benchStartup } from './schedules';
import { benchSchedule } from './schedule';
import { benchWindows } from './windows';
import { benchRepository } from './repo';
import { benchHostScale } from './host-scale';
import { benchLint } from './lint';

/** The in-process figure, printed beside the whole-process verdict: one cold call in this process. */
function lintInProcess(text: string): number {
  const passwd = ['root:x:0:0', 'daemon:x:1:1', 'mail:x:8:8', 'www-data:x:33:33', 'backup:x:34:34', 'nobody:x:65534:65534'].map((user) => `${user}::/:/usr/sbin/nologin\n`).join('');
  const host = new MemoryHost({ '/etc/passwd': passwd, '/etc/os-release': 'ID=debian\n' });
  const start = performance.now();
  lintCrontab({ text, path: '/etc/crontab', facts: new HostFacts(host) });
  return performance.now() - start;
}

const printed: string[] = [];
const print = (line: string) => {
  printed.push(line);
  console.log(line);
};
benchLint(lintInProcess).forEach(print);
// No target of its own: what every CLI run pays before it works, which the lint and calendar verdicts include.
print(benchStartup());
benchCalendar().forEach(print);
benchCron().forEach(print);
benchSchedule().forEach(print);
benchWindows().forEach(print);
print(benchRepository());
benchHostScale().lines.forEach(print);
// The language server's client is a bench process: a fresh one (bench/server.ts alone), so that the heap the
// in-process parts above leave behind, and its garbage collection, are not in the server's latency.
const server = spawnSync(process.execPath, [path.join(__dirname, 'server.js')], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
server.stdout.split('\n').filter((line) => line !== '').forEach(print);
if (server.status !== 0 && server.status !== 1) print(`server bench failed (exit ${server.status}): ${server.stderr.slice(-500)} — OVER TARGET`);
// A time or size over its limit says OVER TARGET; a speed-up under its floor (cron: ≥ 10×) UNDER TARGET.
const missed = printed.filter((line) => line.includes('OVER TARGET') || line.includes('UNDER TARGET')).length;
console.log(missed === 0 ? 'every target met' : `${missed} line(s) missed their target`);
if (missed > 0) process.exitCode = 1;
