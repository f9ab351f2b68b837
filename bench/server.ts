// Language-server targets: start → first diagnostics for a crontab (target under 400 ms), and the server's
// resident memory after opening 50 crontabs (target under 60 MB). Measured through the same stdio harness
// the protocol tests use, against the bundled server.
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { withServer } from '../test/protocol/harness';
import { repoPath } from '../test/support/paths';

const SEED = '39 1,13 * * * root certbot renew --no-self-upgrade\n';
const SAMPLE = fs.readFileSync(repoPath('examples', 'host', 'etc', 'crontab'), 'utf8');

function residentMegabytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(status.match(/^VmRSS:\s+(\d+)\s+kB$/m)?.[1] ?? NaN);
  return kilobytes / 1024;
}

export async function benchServer(): Promise<string[]> {
  const lines: string[] = [];
  const startTimes: number[] = [];
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    await withServer({}, async (server) => {
      await server.open('file:///tmp/crontab.AbC123/crontab', SEED);
      await server.waitForDiagnostics('file:///tmp/crontab.AbC123/crontab', (diagnostics) => diagnostics.length > 0);
      startTimes.push(performance.now() - start);
    });
  }
  const median = [...startTimes].sort((a, b) => a - b)[Math.floor(startTimes.length / 2)];
  lines.push(`server start → first diagnostics: ${median.toFixed(0)} ms (median of 5; target < 400 ms) ${median < 400 ? 'ok' : 'OVER TARGET'}`);

  await withServer({}, async (server) => {
    for (let index = 0; index < 50; index++) {
      const uri = `file:///tmp/schedlint-bench/cron.d/job${index}`;
      await server.open(uri, `${SAMPLE}${index % 60} 3 * * * root /usr/local/bin/job${index}\n`);
      await server.waitForDiagnostics(uri, () => true);
    }
    const pid = server.pid;
    if (pid === undefined) throw new Error('no server pid');
    const megabytes = residentMegabytes(pid);
    lines.push(`server memory after opening 50 crontabs: ${megabytes.toFixed(1)} MB RSS (target < 60 MB) ${megabytes < 60 ? 'ok' : 'OVER TARGET'}`);
  });
  return lines;
}
