// A workspace repository whose nginx/Apache tree is laid out as a root (test/support/web-repository.ts), in the
// editor: the opened site file gets the web-server findings (certificate paths looked up inside the repository),
// and the hover on ssl_certificate reads the repository's certificate. (The background repository scan publishes
// installers' findings only; other files, units and certbot's too, are linted when opened.)
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { hasOpenssl } from '../support/certificates';
import { makeWebRepository } from '../support/web-repository';
import { hoverText, withServer } from './harness';

const summary = (list: Diagnostic[]) => list.map((item) => `${item.code}:${item.range.start.line + 1}`).sort();
const EXPECTED = ['certificate/key-mismatch:27', 'certificate/key-mismatch:6', 'certificate/name-not-covered:4'];

test("a workspace repository's nginx site, opened: findings on the directive lines; the hover reads the repository's certificate", hasOpenssl() ? {} : { skip: 'openssl is not installed (apt-get install openssl)' }, async () => {
  const repository = makeWebRepository();
  try {
    fs.mkdirSync(path.join(repository.folder, '.git'));
    const file = path.join(repository.folder, 'etc/nginx/sites-available/shop.conf');
    const uri = pathToFileURL(file).href;
    await withServer({ workspaceFolders: [repository.folder] }, async (server) => {
      await server.open(uri, fs.readFileSync(file, 'utf8'), 'nginx');
      assert.deepEqual(summary(await server.waitForDiagnostics(uri, (list) => list.length === EXPECTED.length)), EXPECTED);
      assert.match(hoverText(await server.hover(uri, { line: 11, character: 6 })), /www\.example\.com/);
    });
  } finally {
    repository.remove();
  }
});
