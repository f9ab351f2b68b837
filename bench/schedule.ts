// The host schedule: inventory (crontabs, timers, enablement, command model) plus the overlap analysis
// over a year, for 10/100/1,000 cron jobs and 1/10/100 timers in an in-memory host. Targets: under 200 ms
// for 1,000 jobs and 100 timers, and growing about linearly: each step (10× the jobs and the timers) at most
// 15× the time of the one before. Times are wall-clock medians; the CPU time beside them tells a slow run
// on a busy machine from a slow engine.
import { performance } from 'node:perf_hooks';
import { HostFacts } from '../server/src/engine/host/facts';
import { MemoryHost } from '../server/src/engine/host/memory-host';
import { buildHostInventory } from '../server/src/engine/schedule/inventory';
import { findOverlaps } from '../server/src/engine/schedule/overlaps';

const PROGRAMS = ['certbot renew', '/usr/local/bin/backup --full', 'php /var/www/cron.php', '/usr/bin/rsync -a /srv/ /mnt/', 'logrotate /etc/logrotate.conf'];

function host(jobs: number, timers: number): MemoryHost {
  const files: Record<string, string | { text: string; link: string }> = {
    '/etc/os-release': 'ID=debian\n',
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\n',
    '/etc/timezone': 'Europe/Berlin\n',
  };
  const lines: string[] = [];
  for (let index = 0; index < jobs; index++) {
    const program = PROGRAMS[index % PROGRAMS.length];
    lines.push(`${index % 60} ${index % 24} * * ${index % 7} test -x /usr/bin/x && nice -n 10 ${program} # job ${index}`);
  }
  files['/var/spool/cron/crontabs/root'] = lines.join('\n') + '\n';
  for (let index = 0; index < timers; index++) {
    const program = PROGRAMS[index % PROGRAMS.length];
    files[`/lib/systemd/system/t${index}.timer`] = `[Timer]\nOnCalendar=*-*-* ${index % 24}:${index % 60}:00\nRandomizedDelaySec=${(index % 4) * 900}\n[Install]\nWantedBy=timers.target\n`;
    files[`/lib/systemd/system/t${index}.service`] = `[Service]\nType=oneshot\nExecStart=/usr/bin/${program.replace(/^\/usr\/(local\/)?bin\//, '')}\n`;
    files[`/etc/systemd/system/timers.target.wants/t${index}.timer`] = { text: '', link: `/lib/systemd/system/t${index}.timer` };
  }
  return new MemoryHost(files);
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

const TARGET_MS = 200;
const MAX_STEP_RATIO = 15;

export function benchSchedule(): string[] {
  const out: string[] = [];
  const from = Date.UTC(2026, 0, 5);
  let previous: number | undefined;
  for (const [jobs, timers] of [[10, 1], [100, 10], [1000, 100]]) {
    const memory = host(jobs, timers);
    const samples: number[] = [];
    const cpuSamples: number[] = [];
    let found = 0;
    for (let round = 0; round < 5; round++) {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      const inventory = buildHostInventory(new HostFacts(memory));
      found = findOverlaps(inventory, { from, horizonDays: 366 }).length;
      const cpu = process.cpuUsage(cpuStart);
      samples.push(performance.now() - start);
      cpuSamples.push((cpu.user + cpu.system) / 1000);
    }
    const ms = median(samples);
    const verdicts: string[] = [];
    if (jobs === 1000) verdicts.push(`target < ${TARGET_MS} ms ${ms < TARGET_MS ? 'ok' : 'OVER TARGET'}`);
    if (previous !== undefined) {
      const ratio = ms / previous;
      verdicts.push(`${ratio.toFixed(1)}× the step before (target ≤ ${MAX_STEP_RATIO}×, about linear) ${ratio <= MAX_STEP_RATIO ? 'ok' : 'OVER TARGET'}`);
    }
    previous = ms;
    const verdict = verdicts.length > 0 ? `; ${verdicts.join('; ')}` : '';
    out.push(`schedule inventory + overlaps, ${jobs} cron jobs × ${timers} timers over a year: ${ms.toFixed(1)} ms (CPU ${median(cpuSamples).toFixed(1)} ms), ${found} overlaps${verdict}`);
  }
  return out;
}

if (require.main === module) benchSchedule().forEach((line) => console.log(line));
