// A 10,000-file repository tree (mostly source files, some Dockerfiles, compose files, playbooks, scripts and
// crontabs): finding install steps and linting what they install, beside a bare walk of the same tree
// (list + lstat every entry). Target: within 3× of the walk.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { HostFacts } from '../server/src/engine/host/facts';
import { FsHost } from '../server/src/engine/host/fs-host';
import type { Host } from '../server/src/engine/host/host';
import { lintRepository } from '../server/src/engine/install/repository';

const FILES = 10_000;
const ROUNDS = 5;

export function generateRepository(root: string, files = FILES): void {
  let written = 0;
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
    written++;
  };
  for (let service = 0; written < files; service++) {
    const base = `services/svc${service}`;
    if (service % 10 === 0) {
      write(`${base}/Dockerfile`, `FROM debian:12\nRUN apt-get update && apt-get install -y cron\nCOPY docker/jobs /etc/cron.d/jobs\nRUN chmod 0644 /etc/cron.d/jobs \\\n && crontab /etc/cron.d/jobs\nCMD ["cron", "-f"]\n`);
      write(`${base}/docker/jobs`, `*/5 * * * * root /usr/local/bin/job${service} >/dev/null 2>&1\n`);
      write(`${base}/docker-compose.yml`, `services:\n  cron:\n    image: debian:12\n    volumes:\n      - ./docker/jobs:/etc/cron.d/jobs2:ro\n`);
      write(`${base}/roles/app/tasks/main.yml`, `- name: job\n  copy:\n    src: app.cron\n    dest: /etc/cron.d/app\n    mode: "0644"\n`);
      write(`${base}/roles/app/files/app.cron`, `0 3 * * * root /usr/local/bin/cleanup\n`);
      write(`${base}/entrypoint.sh`, `#!/bin/sh\nset -e\nexec "$@"\n`);
    }
    write(`${base}/config.yaml`, `name: svc${service}\nreplicas: 2\n`);
    for (let file = 0; file < 40 && written < files; file++) write(`${base}/src/module${file}.ts`, `export const value${file} = ${file};\n`);
  }
}

function walk(host: Host, folder: string): number {
  let count = 0;
  for (const name of host.list(folder)) {
    const child = `${folder}/${name}`;
    const stat = host.lstat(child);
    if (stat?.kind === 'directory') count += walk(host, child);
    else count++;
  }
  return count;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

export function benchRepository(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-repo-'));
  generateRepository(root);
  const host = new FsHost('/');
  const walkTimes: number[] = [];
  const lintTimes: number[] = [];
  let findings = 0;
  let files = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let start = performance.now();
    files = walk(host, root);
    walkTimes.push(performance.now() - start);
    start = performance.now();
    const result = lintRepository(root, { facts: new HostFacts(host, 'debian'), locale: 'en' });
    lintTimes.push(performance.now() - start);
    findings = result.reports.reduce((sum, report) => sum + report.findings.length, 0);
  }
  fs.rmSync(root, { recursive: true, force: true });
  const ratio = median(lintTimes) / median(walkTimes);
  return `repository of ${files.toLocaleString('en')} files: install steps + lint ${median(lintTimes).toFixed(1)} ms (${findings} findings); bare walk ${median(walkTimes).toFixed(1)} ms; ratio ${ratio.toFixed(2)}× (target ≤ 3×) ${ratio <= 3 ? 'OK' : 'OVER'}`;
}

if (require.main === module) console.log(benchRepository());
