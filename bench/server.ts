// Language-server targets (issue #20), through the same stdio harness the protocol tests use, against the
// bundled server, with the host scan on (the default: this machine's schedule is read in the background):
// - spawn → first diagnostics for a crontab: median of 5 fresh servers, target under 300 ms;
// - didChange → diagnostics on a 5,000-line crontab of distinct lines (bench/lint.ts's generator), one line
//   edited per change, 60 changes after the scan has finished: p95 under 15 ms (p50 printed beside), once with
//   the whole text sent per change and once with ranged edits (what VS Code sends), each in a fresh server;
// - resident memory after opening 50 crontabs, the scan finished: under 60 MB.
// Latency on a loaded machine is noisy: each latency line says how many samples it took; memory is not.
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { withServer, type LanguageServer } from '../test/protocol/harness';
import { repoPath } from '../test/support/paths';
import { generateDistinctCrontab } from './lint';

const SEED = '39 1,13 * * * root certbot renew --no-self-upgrade\n';
const SAMPLE = fs.readFileSync(repoPath('examples', 'host', 'etc', 'crontab'), 'utf8');

function residentMegabytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(status.match(/^VmRSS:\s+(\d+)\s+kB$/m)?.[1] ?? NaN);
  return kilobytes / 1024;
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

/** Waits until the background host scan has reported its end (one work-done progress per scan). */
async function scanFinished(server: LanguageServer): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (server.progressEnds === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

/**
 * didChange → diagnostics on a 5,000-line crontab of distinct lines, 60 changes of one line each. `whole`: each
 * change sends the whole text (as a client with full sync does); `ranged`: each sends the edited range only,
 * as VS Code does for a server that asks for incremental sync (this one does).
 */
async function benchChanges(sync: 'whole' | 'ranged'): Promise<string> {
  // The client keeps the latest diagnostics of the document, as an editor does (see StartOptions.history).
  return withServer({ timeoutMs: 30_000, history: false }, async (server) => {
    await scanFinished(server);
    const uri = 'file:///tmp/schedlint-bench/crontab';
    const text = generateDistinctCrontab(5000, 7);
    await server.open(uri, text);
    await server.waitForDiagnostics(uri, () => true);
    const rows = text.split('\n');
    const latencies: number[] = [];
    for (let version = 2; version < 62; version++) {
      // An edit as a user makes one: a job's minute changed somewhere in the file (none on a line without one).
      const row = (version * 83) % 5000;
      const minute = /^\d+/.exec(rows[row])?.[0] ?? '';
      const replacement = minute === '' ? '' : String(version % 60);
      rows[row] = replacement + rows[row].slice(minute.length);
      const start = performance.now();
      if (sync === 'whole') await server.change(uri, version, rows.join('\n'));
      else await server.edit(uri, version, [{ range: { start: { line: row, character: 0 }, end: { line: row, character: minute.length } }, text: replacement }]);
      await server.waitForDiagnostics(uri, () => true);
      latencies.push(performance.now() - start);
    }
    const p95 = percentile(latencies, 0.95);
    const how = sync === 'whole' ? 'the whole text per change' : 'ranged edits, as VS Code sends them';
    return `server didChange → diagnostics, 5,000-line crontab, host scan on, ${how}: p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (60 changes; target p95 < 15 ms) ${p95 < 15 ? 'ok' : 'OVER TARGET'}`;
  });
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
  const median = percentile(startTimes, 0.5);
  lines.push(`server spawn → first diagnostics, host scan on: ${median.toFixed(0)} ms (median of 5; target < 300 ms) ${median < 300 ? 'ok' : 'OVER TARGET'}`);

  for (const sync of ['whole', 'ranged'] as const) lines.push(await benchChanges(sync));

  await withServer({ timeoutMs: 30_000 }, async (server) => {
    await scanFinished(server);
    for (let index = 0; index < 50; index++) {
      const uri = `file:///tmp/schedlint-bench/cron.d/job${index}`;
      await server.open(uri, `${SAMPLE}${index % 60} 3 * * * root /usr/local/bin/job${index}\n`);
      await server.waitForDiagnostics(uri, () => true);
    }
    const pid = server.pid;
    if (pid === undefined) throw new Error('no server pid');
    const megabytes = residentMegabytes(pid);
    lines.push(`server memory after opening 50 crontabs, host scan on (${server.progressEnds > 0 ? 'finished' : 'NOT finished'}): ${megabytes.toFixed(1)} MB RSS (target < 60 MB) ${megabytes < 60 ? 'ok' : 'OVER TARGET'}`);
  });
  return lines;
}

if (require.main === module) {
  void benchServer().then((lines) => {
    lines.forEach((line) => console.log(line));
    if (lines.some((line) => line.includes('OVER TARGET'))) process.exitCode = 1;
  });
}
