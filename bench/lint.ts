// Linting a large system crontab, measured the way users meet it (issue #20): a fresh `schedlint FILE`
// process (cold, start-up included; CPU time and peak RSS from bench/usage.cjs) beside the floor, a fresh
// node process that reads the same file and splits it into lines. The input is seeded but random and every
// line is distinct — schedule fields, user and command all vary — so no cache of equal lines can flatter it.
// Targets: 100,000 lines within 3× the floor's CPU; 1,000,000 lines under 300 MB peak RSS.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Random } from '../test/support/random';

const REPO = path.resolve(__dirname, '..', '..');
const CLI = path.join(REPO, 'dist', 'cli', 'schedlint.js');
const USAGE = path.join(REPO, 'bench', 'usage.cjs');
const TARGET_RATIO = 3;
const TARGET_MILLION_RSS_MB = 300;

// Accounts every Debian system has, so user fields are known on any machine the bench runs on.
const USERS = ['root', 'root', 'root', 'www-data', 'backup', 'nobody', 'daemon', 'mail'];
const PROGRAMS = ['/usr/local/bin/backup', 'php /var/www/html/cron.php', '/usr/bin/rsync -a', 'run-parts --report /etc/cron.', '/opt/app/bin/report', 'find /tmp -mtime +', 'curl -fsS https://example.com/ping?id=', 'test -x /usr/sbin/anacron || /usr/local/sbin/job', '/usr/lib/sysstat/debian-sa1 1 ', 'certbot -q renew --cert-name site'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** A cron field over [low, high]: `*` (with the given chance), a value, a list, a range or a step, as people write them. */
function field(random: Random, low: number, high: number, star: number, names?: string[]): string {
  const value = () => (names && random.chance(0.3) ? names[random.int(names.length)] : String(low + random.int(high - low + 1)));
  const roll = random.next();
  if (roll < star) return '*';
  if (roll < 0.35) return value();
  if (roll < 0.65) return value();
  if (roll < 0.75) return `*/${2 + random.int(Math.max(1, Math.floor((high - low) / 2)))}`;
  if (roll < 0.87) {
    const start = low + random.int(high - low);
    return `${start}-${start + 1 + random.int(high - start)}`;
  }
  const items = new Set<number>();
  for (let count = 2 + random.int(3); items.size < count; ) items.add(low + random.int(high - low + 1));
  return [...items].sort((a, b) => a - b).join(',');
}

/** A system crontab of `lines` distinct lines: jobs, with now and then a comment, a variable or an @-keyword. */
export function generateDistinctCrontab(lines: number, seed = 20): string {
  const random = new Random(seed);
  const out: string[] = ['SHELL=/bin/sh', 'PATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin'];
  for (let index = out.length; index < lines; index++) {
    const roll = random.next();
    const user = random.pick(USERS);
    const command = `${random.pick(PROGRAMS)}${index}${random.chance(0.4) ? ' > /dev/null 2>&1' : ''}`;
    if (roll < 0.03) out.push(`# job group ${index}: ${random.pick(PROGRAMS)}`);
    else if (roll < 0.04) out.push(`MAILTO=ops${index}@example.com`);
    else if (roll < 0.07) out.push(`${random.pick(['@daily', '@hourly', '@weekly', '@reboot', '@monthly'])} ${user} ${command}`);
    else out.push(`${field(random, 0, 59, 0.03)} ${field(random, 0, 23, 0.2)} ${field(random, 1, 31, 0.6)} ${field(random, 1, 12, 0.7, MONTHS)} ${field(random, 0, 6, 0.6, DAYS)}${random.chance(0.5) ? '\t' : ' '}${user} ${command}`);
  }
  return out.join('\n') + '\n';
}

interface Usage {
  cpuMs: number;
  /** Of cpuMs, on threads other than the main one (bench/usage.cjs). */
  helperCpuMs?: number;
  maxRssMb: number;
  status: number | null;
}

/** One fresh node process with bench/usage.cjs preloaded; its own CPU time and peak memory at exit. */
function runNode(args: string[]): Usage {
  // stdout goes nowhere (formatting the findings still counts: it is what users wait for).
  const child = spawnSync(process.execPath, ['--require', USAGE, ...args], { env: { ...process.env, TZ: 'Asia/Tokyo', SCHEDLINT_BENCH_MEMORY: '' }, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const line = child.stderr.split('\n').reverse().find((text) => text.startsWith('SCHEDLINT_BENCH_USAGE '));
  if (!line) throw new Error(`no usage line from node ${args.join(' ')} (exit ${child.status}): ${child.stderr.slice(-500)}`);
  const usage = JSON.parse(line.slice('SCHEDLINT_BENCH_USAGE '.length)) as { cpuMs: number; maxRssKb: number; helperCpuMs?: number };
  return { cpuMs: usage.cpuMs, helperCpuMs: usage.helperCpuMs, maxRssMb: usage.maxRssKb / 1024, status: child.status };
}

const FLOOR_SCRIPT = "require('fs').readFileSync(process.argv[1], 'utf8').split('\\n').length";


function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/**
 * The 100,000-line figure: three cold runs of each, interleaved so both see the same load, CPU medians
 * compared. `inProcessMs` is printed beside it, labelled, and never decides the verdict.
 */
export function benchLint(inProcess?: (text: string) => number): string[] {
  const lines: string[] = [];
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-bench-lint-'));
  const file = path.join(directory, 'crontab');
  const size = 100_000;
  fs.writeFileSync(file, generateDistinctCrontab(size));
  const ours: Usage[] = [];
  const floor: Usage[] = [];
  for (let round = 0; round < 3; round++) {
    ours.push(runNode([CLI, '--kind', 'crontab-system', '--exit-zero', file]));
    floor.push(runNode(['-e', FLOOR_SCRIPT, file]));
  }
  const oursCpu = median(ours.map((run) => run.cpuMs));
  // Where a cold run's CPU goes besides the work itself: V8 compiling the hot code on its helper threads.
  const helpers = ours.every((run) => run.helperCpuMs !== undefined) ? `, of which ${median(ours.map((run) => run.helperCpuMs!)).toFixed(0)} ms on V8's helper threads (optimizing compiler, GC)` : '';
  const floorCpu = median(floor.map((run) => run.cpuMs));
  const ratio = oursCpu / floorCpu;
  const failed = ours.some((run) => run.status !== 0);
  const ok = ratio <= TARGET_RATIO && !failed;
  lines.push(`lint ${size.toLocaleString('en')} distinct lines, whole process, cold: schedlint ${oursCpu.toFixed(0)} ms CPU${helpers}, ${median(ours.map((run) => run.maxRssMb)).toFixed(0)} MB peak; floor (fresh node reads + splits) ${floorCpu.toFixed(0)} ms CPU, ${median(floor.map((run) => run.maxRssMb)).toFixed(0)} MB: ratio ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×)${failed ? ` exit ${ours.find((run) => run.status !== 0)?.status}` : ''} ${ok ? 'ok' : 'OVER TARGET'}`);
  if (inProcess) {
    const text = fs.readFileSync(file, 'utf8');
    const first = inProcess(text);
    // Then four more files of other seeds (a file seen before would find its field texts parsed already): the
    // last is what the engine costs once V8 has compiled it, which a cold process never reaches.
    let warm = first;
    for (let seed = 21; seed <= 24; seed++) warm = inProcess(generateDistinctCrontab(size, seed));
    lines.push(`  (in-process, not the verdict: the same file, first call in a warm bench process ${first.toFixed(0)} ms; a fifth distinct file ${warm.toFixed(0)} ms)`);
  }

  const million = 1_000_000;
  fs.writeFileSync(file, generateDistinctCrontab(million));
  // 61 MiB: the CLI refuses it (file/too-large, over host.ts's 8 MiB read limit) and would pass for free, so
  // a fresh process lints it through the engine as the server and library do (bench/lint-child.ts).
  const big = runNode([path.join(__dirname, 'lint-child.js'), file]);
  const bigOk = big.maxRssMb < TARGET_MILLION_RSS_MB && big.status === 0;
  lines.push(`lint ${million.toLocaleString('en')} distinct lines (${(fs.statSync(file).size / 1048576).toFixed(0)} MiB, past the CLI's 8 MiB limit: the engine in a fresh process), cold: ${big.cpuMs.toFixed(0)} ms CPU, ${big.maxRssMb.toFixed(0)} MB peak RSS (target < ${TARGET_MILLION_RSS_MB} MB)${big.status !== 0 ? ` exit ${big.status}` : ''} ${bigOk ? 'ok' : 'OVER TARGET'}`);
  fs.rmSync(directory, { recursive: true, force: true });
  return lines;
}

if (require.main === module) {
  const lines = benchLint();
  lines.forEach((line) => console.log(line));
  if (lines.some((line) => line.includes('OVER TARGET'))) process.exitCode = 1;
}
