// `npm run bench`: speed and memory targets, measured here and never in unit tests.
// 1. Lint a generated 100,000-line system crontab, beside the floor: reading the same file and splitting it
//    into lines. Target: within 3× of the floor.
// 2. Calendar events against systemd-analyze and cron schedules against cron-parser (bench/schedules.ts).
// 3. The language server: start → first diagnostics, and memory after 50 open files (bench/server.ts).
// 4. The host schedule at host scale, whole process and cold, 10 → 10,000 jobs × 1 → 1,000 timers in
//    Asia/Tokyo (bench/host-scale.ts).
// Every line with a target ends in `ok` or `OVER TARGET`; the run exits 1 when any target is missed, so a
// miss is never quiet (timings never gate `npm test`).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { HostFacts } from '../server/src/engine/host/facts';
import { MemoryHost } from '../server/src/engine/host/memory-host';
import { lintCrontab } from '../server/src/engine/lint';
import { benchServer } from './server';
import { benchCalendar, benchCron } from './schedules';
import { benchSchedule } from './schedule';
import { benchWindows } from './windows';
import { benchRepository } from './repo';
import { benchHostScale } from './host-scale';

const LINES = 100_000;
const ROUNDS = 7;

function generateCrontab(lines: number): string {
  const samples = [
    '17 *\t* * *\troot\tcd / && run-parts --report /etc/cron.hourly',
    '25 6\t* * *\troot\ttest -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.daily; }',
    '*/5 * * * * www-data php /var/www/html/cron.php > /dev/null 2>&1',
    '0 */12 * * * root test -x /usr/bin/certbot -a \\! -d /run/systemd/system && certbot -q renew',
    '30 2 1-7 * 1 backup /usr/local/bin/backup --full',
    '5-55/10 * * * * root command -v debian-sa1 > /dev/null && debian-sa1 1 1',
    '@daily root /usr/local/sbin/rotate-logs',
    '0 9 * jan-mar,dec mon-fri nobody /usr/bin/report',
    '# a comment line between jobs',
    'MAILTO=ops@example.com',
  ];
  const out: string[] = [];
  // Vary minutes, hours and commands so that no cache sees the same line twice in a row.
  for (let index = 0; index < lines; index++) {
    const sample = samples[index % samples.length];
    const varied = /^\d/.test(sample) ? sample.replace(/^\d+ \S+/, `${index % 60} ${index % 24}`) : sample;
    out.push(`${varied} # ${index}`.replace(/^(#|MAILTO).*# \d+$/, (line) => line.replace(/ # \d+$/, '')));
  }
  return out.join('\n') + '\n';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run: () => unknown): number {
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-bench-')), 'crontab');
fs.writeFileSync(file, generateCrontab(LINES));
const host = new MemoryHost({ '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\nwww-data:x:33:33::/var/www:/usr/sbin/nologin\nbackup:x:34:34::/var/backups:/usr/sbin/nologin\nnobody:x:65534:65534::/nonexistent:/usr/sbin/nologin\n', '/etc/os-release': 'ID=debian\n' });

const floor = time(() => fs.readFileSync(file, 'utf8').split('\n').length);
const lint = time(() => lintCrontab({ text: fs.readFileSync(file, 'utf8'), path: '/etc/crontab', facts: new HostFacts(host) }).findings.length);
const ratio = lint / floor;
const verdict = ratio <= 3 ? 'ok' : 'OVER TARGET';
console.log(`lint ${LINES.toLocaleString('en')}-line system crontab: ${lint.toFixed(1)} ms; floor (read + split): ${floor.toFixed(1)} ms; ratio ${ratio.toFixed(2)}× (target ≤ 3×) ${verdict}`);
fs.rmSync(path.dirname(file), { recursive: true, force: true });

const printed: string[] = [`lint ${LINES}: ${verdict}`];
const print = (line: string) => {
  printed.push(line);
  console.log(line);
};
print(benchCalendar());
print(benchCron());
benchSchedule().forEach(print);
benchWindows().forEach(print);
print(benchRepository());
benchHostScale().lines.forEach(print);
void benchServer().then((lines) => {
  lines.forEach(print);
  const missed = printed.filter((line) => line.includes('OVER TARGET')).length;
  console.log(missed === 0 ? 'every target met' : `${missed} line(s) OVER TARGET`);
  if (missed > 0) process.exitCode = 1;
});
