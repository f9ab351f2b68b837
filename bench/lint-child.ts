// A fresh process that lints one file with the engine directly (lintCrontab, as the server and the library
// call it), for bench/lint.ts to measure files past the CLI's 8 MiB read limit (host.ts MAX_FILE_BYTES).
// With SCHEDLINT_BENCH_MEMORY set, prints the heap at each step on stderr (where the bytes per line go).
import * as fs from 'node:fs';
import { HostFacts } from '../server/src/engine/host/facts';
import { MemoryHost } from '../server/src/engine/host/memory-host';
import { lintCrontab } from '../server/src/engine/lint';

const step = (label: string) => {
  if (!process.env.SCHEDLINT_BENCH_MEMORY) return;
  const usage = process.memoryUsage();
  process.stderr.write(`${label}: heap ${(usage.heapUsed / 1048576).toFixed(0)} MB, rss ${(usage.rss / 1048576).toFixed(0)} MB\n`);
};
const passwd = ['root:x:0:0', 'daemon:x:1:1', 'mail:x:8:8', 'www-data:x:33:33', 'backup:x:34:34', 'nobody:x:65534:65534'].map((user) => `${user}::/:/usr/sbin/nologin\n`).join('');
const host = new MemoryHost({ '/etc/passwd': passwd, '/etc/os-release': 'ID=debian\n' });
const text = fs.readFileSync(process.argv[2], 'utf8');
step('read');
const result = lintCrontab({ text, path: '/etc/crontab', facts: new HostFacts(host) });
step('linted');
process.stdout.write(`${result.findings.length}\n`);
