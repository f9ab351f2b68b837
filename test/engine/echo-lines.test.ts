// Crontab lines a Dockerfile writes with echo/printf (install/echo-lines.ts): findings sit on the characters
// inside the quotes, fixes edit them there only when no re-quoting is needed, `>` starts a file again and `>>`
// appends, and what the shells write differently (escapes, `-e`) is not read. The fixture repositories
// test/fixtures/repos/echo-* are checked against their expected.json by install-repos.test.ts.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { HostFacts } from '../../server/src/engine/host/facts';
import { FsHost } from '../../server/src/engine/host/fs-host';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import { lintRepository } from '../../server/src/engine/install/repository';
import type { Finding } from '../../server/src/engine/types';
import { applyEdits } from '../support/apply-edits';
import { repoPath } from '../support/paths';

const REPOS = repoPath('test', 'fixtures', 'repos');

function findingsOf(host: MemoryHost | FsHost, file = '/Dockerfile'): Finding[] {
  const { reports } = lintRepository('/', { facts: new HostFacts(host), locale: 'en' });
  return reports.find((report) => report.path === file)?.findings ?? [];
}

function textAt(text: string, finding: Finding): string {
  const line = text.split('\n')[finding.range.start.line];
  return line.slice(finding.range.start.character, finding.range.end.character);
}

test("seed 000: a user column echoed into Alpine's /etc/crontabs/root is found inside the quotes, and the fix removes it there", () => {
  const text = fs.readFileSync(path.join(REPOS, 'echo-alpine', 'Dockerfile'), 'utf8');
  const finding = findingsOf(new FsHost(path.join(REPOS, 'echo-alpine'))).find((item) => item.ruleId === 'crontab/install-target-mismatch')!;
  assert.ok(finding, 'the user column is found');
  assert.equal(textAt(text, finding), 'root');
  const fixed = applyEdits(text, finding.fixes!.find((fix) => fix.isPreferred)!.edits);
  assert.match(fixed, /^RUN echo "0 3 \* \* \* \/app\/backup\.sh" >> \/etc\/crontabs\/root$/m);
});

test('printf with %s reused, then >> in the same RUN: the third line is the one without a user, and the fix inserts it inside its quotes', () => {
  const text = fs.readFileSync(path.join(REPOS, 'echo-debian', 'Dockerfile'), 'utf8');
  const findings = findingsOf(new FsHost(path.join(REPOS, 'echo-debian')));
  const finding = findings.find((item) => item.range.start.line === 4)!;
  assert.equal(finding.ruleId, 'crontab/install-target-mismatch');
  assert.equal(finding.related?.[0].range.start.line, 3, 'installed by the printf on line 4');
  const fixed = applyEdits(text, finding.fixes!.find((fix) => fix.isPreferred)!.edits);
  assert.match(fixed, /&& echo '30 5 \* \* \* root \/app\/forgot-user\.sh' >> \/etc\/cron\.d\/app$/m);
});

test("`echo … | crontab -` is root's user crontab", () => {
  const text = "FROM debian:12\nRUN echo '0 6 * * * root /x' | crontab -\n";
  const finding = findingsOf(new MemoryHost({ '/Dockerfile': text })).find((item) => item.ruleId === 'crontab/install-target-mismatch')!;
  assert.equal(textAt(text, finding), 'root');
  assert.match(finding.related![0].message, /root's crontab/);
});

test('a finding on characters outside the quotes keeps its place but loses a fix that would need re-quoting', () => {
  // `'…'root' /x'`: `root` is unquoted, so deleting `root ` would also have to delete a quote.
  const text = "FROM alpine:3.20\nRUN echo '0 3 * * * 'root' /x' >> /etc/crontabs/root\n";
  const finding = findingsOf(new MemoryHost({ '/Dockerfile': text })).find((item) => item.ruleId === 'crontab/install-target-mismatch')!;
  assert.equal(textAt(text, finding), 'root');
  assert.equal(finding.fixes, undefined);
});

test('several RUN lines append in order; `>` starts the file again; tee -a appends', () => {
  const text = [
    'FROM alpine:3.20',
    "RUN echo '0 1 * * * /a' > /etc/crontabs/root",
    "RUN echo '0 2 * * * root /b' | tee -a /etc/crontabs/root",
    "RUN echo '0 3 * * * root /c' > /etc/crontabs/root2 && echo '0 4 * * * /d' > /etc/crontabs/root2",
    '',
  ].join('\n');
  const findings = findingsOf(new MemoryHost({ '/Dockerfile': text })).filter((item) => item.ruleId === 'crontab/install-target-mismatch');
  assert.deepEqual(findings.map((item) => `${item.range.start.line + 1}:${textAt(text, item)}`), ['3:root']);
});

test('what dash, bash and busybox write differently is not read: escapes, -e, -n, globs, parameters', () => {
  for (const run of [
    "echo -e '0 1 * * * /x\\n' > /etc/cron.d/x",
    "echo '0 1 * * * /x\\n' > /etc/cron.d/x",
    "echo -n '0 1 * * * /x' > /etc/cron.d/x",
    'echo 0 1 * * * /x > /etc/cron.d/x',
    'echo "0 1 * * * $USER /x" > /etc/cron.d/x',
    "printf '0 1 * * * /x\\r\\n' > /etc/cron.d/x",
    "printf '%d 1 * * * /x\\n' 0 > /etc/cron.d/x",
    "echo '0 1 * * * /x' > $DIR/x",
    "echo '0 1 * * * /x' | sed s/x/y/ | crontab -",
  ]) {
    const text = `FROM debian:12\nRUN ${run}\n`;
    assert.deepEqual(findingsOf(new MemoryHost({ '/Dockerfile': text })).filter((item) => item.severity === 'error'), [], run);
  }
  // The same line written plainly is read (so the cases above are silent because they are skipped).
  const plain = "FROM debian:12\nRUN printf '0 1 * * * /x\\n' > /etc/cron.d/x\n";
  assert.equal(findingsOf(new MemoryHost({ '/Dockerfile': plain })).filter((item) => item.severity === 'error').length, 1);
});

test('>> onto a file a COPY placed is not read as that file (its text would be the copy plus these lines)', () => {
  const host = new MemoryHost({
    '/Dockerfile': "FROM debian:12\nCOPY job /etc/cron.d/job\nRUN echo '0 1 * * * /x' >> /etc/cron.d/job\n",
    '/job': '0 2 * * * root /y\n',
  });
  assert.deepEqual(findingsOf(host).filter((item) => item.severity === 'error'), []);
});

test('printf without a final newline: the next write continues its line, and a file left without one is found (no fix: it would need a new escape)', () => {
  const text = "FROM alpine:3.20\nRUN printf '0 3 * * * ' > /etc/crontabs/root && echo 'root /x' >> /etc/crontabs/root\n";
  const finding = findingsOf(new MemoryHost({ '/Dockerfile': text })).find((item) => item.ruleId === 'crontab/install-target-mismatch')!;
  assert.equal(textAt(text, finding), 'root');
  const unended = "FROM debian:12\nRUN printf '0 3 * * * root /x' > /etc/cron.d/x\n";
  const missing = findingsOf(new MemoryHost({ '/Dockerfile': unended })).find((item) => item.ruleId === 'crontab/missing-final-newline')!;
  assert.ok(missing, 'the missing newline is found');
  assert.equal(missing.fixes, undefined);
});
