// `schedlint REPO` over a repository whose nginx/Apache tree is laid out as a root (test/support/web-repository.ts):
// the web-server findings on the directive lines, in text and JSON; certificate paths not in the repository silent.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { test } from 'node:test';
import { hasOpenssl } from '../support/certificates';
import { runSchedlint } from '../support/run-cli';
import { makeWebRepository } from '../support/web-repository';

const needsOpenssl = hasOpenssl() ? {} : { skip: 'openssl is not installed (apt-get install openssl)' };

interface JsonOutput {
  files: { path: string; kind: string; diagnostics: { rule: string; severity: string; line: number }[] }[];
}

test('schedlint REPO: key-mismatch, name-not-covered and stale-reference on the site files; exit 1 on the error', needsOpenssl, () => {
  const repository = makeWebRepository();
  try {
    const run = runSchedlint(['--format', 'json', repository.folder]);
    assert.equal(run.code, 1, run.stderr);
    const output = JSON.parse(run.stdout) as JsonOutput;
    const sites = output.files
      .filter((file) => file.kind === 'web-server')
      .flatMap((file) => file.diagnostics.map((item) => `${path.relative(repository.folder, file.path)}:${item.line} ${item.rule} ${item.severity}`));
    assert.deepEqual(sites.sort(), [
      'etc/apache2/sites-available/shop-old.conf:4 certificate/stale-reference warning',
      'etc/nginx/sites-available/shop.conf:27 certificate/key-mismatch error',
      'etc/nginx/sites-available/shop.conf:4 certificate/name-not-covered warning',
      'etc/nginx/sites-available/shop.conf:6 certificate/key-mismatch error',
    ]);
    const text = runSchedlint(['--lang', 'ja', repository.folder]);
    assert.match(text.stdout, new RegExp(`${path.join(repository.folder, 'etc/nginx/sites-available/shop.conf').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:6:\\d+: error: .*\\[certificate/key-mismatch\\]`));
  } finally {
    repository.remove();
  }
});
