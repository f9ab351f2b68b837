// The host schedule at host scale, measured the way users meet it: a fresh `schedlint` process per run
// (cold: nothing cached, the CLI's own start-up included) on generated host roots on disk, in Asia/Tokyo.
// The roots are random but seeded: random schedules; most jobs and timers run a program of their own, one in
// twenty a program from a small shared pool (certbot, logrotate, a backup…), as on real hosts, so some pairs
// do overlap; timers with and without RandomizedDelaySec, enabled by links as `systemctl enable` leaves them.
// Nothing here was tuned for the engine.
// Targets (issue #20): `--root` and `schedule --root` at 10,000 cron jobs × 1,000 timers under 3 s of CPU
// each, and growth about linear: each 10× step in jobs (timers fixed) at most 15× the CPU of the one before.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { seeded } from '../test/support/random';

const REPO = path.resolve(__dirname, '..', '..');
const CLI = path.join(REPO, 'dist', 'cli', 'schedlint.js');
const ZONE = 'Asia/Tokyo';
const TARGET_CPU_MS = 3000;
const MAX_STEP_RATIO = 15;


/** The share of jobs and timers that run a program from the shared pool. */
const SHARED = 0.05;
const PROGRAMS = ['certbot -q renew', '/usr/local/bin/backup --full', 'php /var/www/html/cron.php', '/usr/bin/rsync -a /srv/ /mnt/backup/', 'logrotate /etc/logrotate.conf', '/usr/sbin/ntpdate -s pool.ntp.org', '/opt/app/bin/report --daily', 'find /tmp -mtime +7 -delete', '/usr/local/bin/db-dump', 'curl -fsS https://example.com/ping'];

/** A host root with `jobs` cron jobs (spread over /etc/crontab, /etc/cron.d and a spool) and `timers` enabled timers. */
export function generateHost(root: string, jobs: number, timers: number, seed = 1): void {
  const next = seeded(seed * 7919 + jobs * 31 + timers);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  write('/etc/os-release', 'ID=debian\nVERSION_ID="12"\n');
  write('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\nbackup:x:34:34:backup:/var/backups:/usr/sbin/nologin\n');
  write('/etc/timezone', `${ZONE}\n`);
  const minute = () => (next() < 0.15 ? `*/${pick([5, 10, 15, 30])}` : String(Math.floor(next() * 60)));
  const hour = () => (next() < 0.2 ? '*' : next() < 0.3 ? `${Math.floor(next() * 12)}-${12 + Math.floor(next() * 12)}` : String(Math.floor(next() * 24)));
  const day = () => (next() < 0.8 ? '* * *' : next() < 0.5 ? `${1 + Math.floor(next() * 28)} * *` : `* * ${Math.floor(next() * 7)}`);
  const system: string[] = [];
  const user: string[] = [];
  for (let index = 0; index < jobs; index++) {
    const command = `${next() < SHARED ? pick(PROGRAMS) : `/usr/local/bin/task-${index} --run`} # job ${index}`;
    if (index % 3 === 0) user.push(`${minute()} ${hour()} ${day()} ${command}`);
    else system.push(`${minute()} ${hour()} ${day()} ${pick(['root', 'www-data', 'backup'])} ${command}`);
  }
  const perFile = Math.max(1, Math.ceil(system.length / 20));
  for (let file = 0; file * perFile < system.length; file++) write(`/etc/cron.d/app${file}`, system.slice(file * perFile, (file + 1) * perFile).join('\n') + '\n');
  write('/var/spool/cron/crontabs/root', user.join('\n') + '\n');
  for (let index = 0; index < timers; index++) {
    const calendar = pick(['daily', 'hourly', 'weekly', `*-*-* ${Math.floor(next() * 24)}:${Math.floor(next() * 60)}:00`, `Mon..Fri ${Math.floor(next() * 24)}:00`, '*:0/15']);
    const delay = pick(['', 'RandomizedDelaySec=1h\n', 'RandomizedDelaySec=12h\n', 'AccuracySec=1h\n']);
    write(`/lib/systemd/system/job${index}.timer`, `[Unit]\nDescription=job ${index}\n\n[Timer]\nOnCalendar=${calendar}\n${delay}Persistent=true\n\n[Install]\nWantedBy=timers.target\n`);
    write(`/lib/systemd/system/job${index}.service`, `[Unit]\nDescription=job ${index}\n\n[Service]\nType=oneshot\nExecStart=${next() < SHARED ? `/usr/bin/${pick(PROGRAMS).replace(/^\/(usr|opt)\/[^ ]*\//, '')}` : `/usr/local/sbin/unit-task-${index}`}\n`);
    fs.mkdirSync(path.join(root, '/etc/systemd/system/timers.target.wants'), { recursive: true });
    fs.symlinkSync(`/lib/systemd/system/job${index}.timer`, path.join(root, `/etc/systemd/system/timers.target.wants/job${index}.timer`));
  }
}

interface Run {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  status: number | null;
}

/** One cold process; its CPU time and peak memory come from the child itself at exit (bench/usage.cjs). */
function run(args: string[]): Run {
  const usage = path.join(REPO, 'bench', 'usage.cjs');
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--require', usage, CLI, ...args], { env: { ...process.env, TZ: ZONE }, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const line = child.stderr.split('\n').reverse().find((text) => text.startsWith('SCHEDLINT_BENCH_USAGE '));
  if (!line) throw new Error(`no usage line from schedlint ${args.join(' ')} (exit ${child.status}): ${child.stderr.slice(-500)}`);
  const usageJson = JSON.parse(line.slice('SCHEDLINT_BENCH_USAGE '.length)) as { cpuMs: number; maxRssKb: number };
  return { wallMs, cpuMs: usageJson.cpuMs, maxRssMb: usageJson.maxRssKb / 1024, status: child.status };
}

export function benchHostScale(): { lines: string[]; missed: number } {
  const lines: string[] = [];
  let missed = 0;
  let stepMisses = 0;
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-host-scale-'));
  const sizes = { jobs: [10, 100, 1000, 10000], timers: [1, 10, 100, 1000] };
  for (const [label, args] of [['schedlint --root', (root: string) => ['--root', root, '--format', 'json', '--exit-zero']], ['schedlint schedule --root', (root: string) => ['schedule', '--root', root, '--format', 'json']]] as const) {
    lines.push(`${label} (whole process, cold, TZ=${ZONE}): CPU ms by cron jobs × timers, and the ratio to the step before`);
    lines.push(`  ${'jobs'.padStart(6)} | ${sizes.timers.map((timers) => `${timers} timers`.padStart(20)).join(' | ')}`);
    for (const jobs of sizes.jobs) {
      const cells: string[] = [];
      for (const timers of sizes.timers) {
        const root = path.join(base, `${jobs}x${timers}`);
        if (!fs.existsSync(root)) generateHost(root, jobs, timers);
        const result = run(args(root));
        const previous = jobs > sizes.jobs[0] ? previousCpu.get(`${label} ${jobs / 10}x${timers}`) : undefined;
        previousCpu.set(`${label} ${jobs}x${timers}`, result.cpuMs);
        const ratio = previous ? result.cpuMs / previous : undefined;
        if (ratio !== undefined && ratio > MAX_STEP_RATIO) {
          missed++;
          stepMisses++;
        }
        if (result.status !== 0 && result.status !== 1) {
          missed++;
          cells.push(`exit ${result.status}`.padStart(20));
          continue;
        }
        cells.push(`${result.cpuMs.toFixed(0)}${ratio !== undefined ? ` (${ratio.toFixed(1)}×)` : ''}`.padStart(20));
        if (jobs === 10000 && timers === 1000) {
          const ok = result.cpuMs < TARGET_CPU_MS;
          if (!ok) missed++;
          lines.push(`  → 10,000 × 1,000: ${result.cpuMs.toFixed(0)} ms CPU, ${result.wallMs.toFixed(0)} ms wall, ${result.maxRssMb.toFixed(0)} MB peak RSS (target < ${TARGET_CPU_MS} ms CPU) ${ok ? 'ok' : 'OVER TARGET'}`);
        }
      }
      lines.push(`  ${String(jobs).padStart(6)} | ${cells.join(' | ')}`);
    }
  }
  lines.push(`  (each 10× step in jobs: target ≤ ${MAX_STEP_RATIO}× the CPU of the step before; ${stepMisses === 0 ? 'all ok' : `${stepMisses} OVER TARGET`})`);
  fs.rmSync(base, { recursive: true, force: true });
  return { lines, missed };
}

const previousCpu = new Map<string, number>();

if (require.main === module) {
  const { lines, missed } = benchHostScale();
  lines.forEach((line) => console.log(line));
  if (missed > 0) process.exitCode = 1;
}
