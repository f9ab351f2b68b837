// Size limits of what schedlint reads (issue #18): a file over MAX_FILE_BYTES is refused unread and reported as
// file/too-large with its size; a cron folder of more than MAX_FOLDER_FILES files is read only in part, and the
// rest is reported; a certificate over the limit is reported on the renewal file instead of passing unchecked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FsHost } from '../../server/src/engine/host/fs-host';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import { HostFacts } from '../../server/src/engine/host/facts';
import { MAX_FILE_BYTES, MAX_FOLDER_FILES } from '../../server/src/engine/host/host';
import { cronFilePaths, lintHostFile } from '../../server/src/engine/scan';
import { buildHostInventory } from '../../server/src/engine/schedule/inventory';
import { runSchedlint } from '../support/run-cli';

function tempRoot(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-size-'));
}

test('a 2 GB sparse /etc/crontab is refused from its size, without reading it', () => {
  const root = tempRoot();
  try {
    fs.mkdirSync(path.join(root, 'etc'));
    const crontab = path.join(root, 'etc', 'crontab');
    fs.writeFileSync(crontab, '');
    fs.truncateSync(crontab, 2 * 1024 ** 3);
    const start = performance.now();
    const read = new FsHost(root).readText('/etc/crontab');
    // Old code: 16 s and 2.2 GB; a stat is well under a second even on a loaded machine.
    assert.ok(performance.now() - start < 1000);
    assert.deepEqual(read, { ok: false, reason: 'too-large', size: 2 * 1024 ** 3, limit: MAX_FILE_BYTES });
    assert.equal(new FsHost(root).readBytes('/etc/crontab'), undefined);

    const run = runSchedlint(['--root', root]);
    assert.match(run.stdout, /\/etc\/crontab:1:1: warning: \/etc\/crontab is 2 GiB, more than schedlint reads \(8 MiB\): it was not checked\..*\[file\/too-large\]/);
    const ja = runSchedlint(['--root', root, '--lang', 'ja']);
    assert.match(ja.stdout, /\/etc\/crontab は 2 GiB あり、schedlint が読む上限（8 MiB）を超える.*\[file\/too-large\]/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('the limit is exact: limit bytes are read, limit + 1 are not', () => {
  const root = tempRoot();
  try {
    fs.mkdirSync(path.join(root, 'etc'));
    fs.writeFileSync(path.join(root, 'etc', 'at-limit'), 'x'.repeat(1000));
    fs.writeFileSync(path.join(root, 'etc', 'over'), 'x'.repeat(1001));
    const host = new FsHost(root, 1000);
    assert.equal(host.readText('/etc/at-limit').ok, true);
    assert.deepEqual(host.readText('/etc/over'), { ok: false, reason: 'too-large', size: 1001, limit: 1000 });
    assert.equal(host.readBytes('/etc/at-limit')?.length, 1000);
    assert.equal(host.readBytes('/etc/over'), undefined);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a too-large file is a file/too-large finding with its size (memory host, small limit)', () => {
  const host = new MemoryHost({ '/etc/cron.d/big': `${'# padding\n'.repeat(300)}` });
  host.maxFileBytes = 1024;
  const report = lintHostFile('/etc/cron.d/big', { facts: new HostFacts(host), locale: 'en' });
  assert.deepEqual(
    report.findings.map((finding) => [finding.ruleId, finding.messageId, finding.severity]),
    [['file/too-large', 'file', 'warning']],
  );
  assert.match(report.findings[0].message, /is 2\.9 KiB, more than schedlint reads \(1 KiB\)/);
});

test('the host scan takes at most MAX_FOLDER_FILES files of /etc/cron.d and reports the rest', () => {
  const files: Record<string, string> = { '/etc/crontab': '' };
  const count = MAX_FOLDER_FILES + 25;
  for (let index = 0; index < count; index++) files[`/etc/cron.d/job${String(index).padStart(6, '0')}`] = '';
  const facts = new HostFacts(new MemoryHost(files), 'debian');
  const found = cronFilePaths(facts);
  assert.equal(found.files.length, 1 + MAX_FOLDER_FILES);
  assert.deepEqual(found.crowdedFolders, [{ path: '/etc/cron.d', count }]);
  assert.equal(found.files[found.files.length - 1], `/etc/cron.d/job${String(MAX_FOLDER_FILES - 1).padStart(6, '0')}`);
  assert.deepEqual(buildHostInventory(facts).crowdedFolders, [{ path: '/etc/cron.d', count }]);
});

test('schedlint - reads at most the limit of standard input', () => {
  const run = runSchedlint(['--kind', 'crontab-user', '-'], { input: '#'.repeat(MAX_FILE_BYTES + 10) });
  assert.match(run.stdout, /^-:1:1: warning: - is 8\.0 MiB, more than schedlint reads \(8 MiB\)/m);
});
