// A document whose file name is not UTF-8, opened in the language server by the URI a client that keeps names
// as bytes sends (`…/caf%E9`): the server finds its path, so the path's findings and format apply, and
// publishes them to that same URI.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { stopAllServers, withServer } from './harness';

after(stopAllServers);

test('a file name that is not UTF-8: located from its URI, findings published to that URI', { timeout: 30_000 }, async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-uri-'));
  fs.mkdirSync(path.join(folder, 'etc/cron.d'), { recursive: true });
  const text = '0 4 * * * root /usr/local/bin/report\n';
  fs.writeFileSync(Buffer.concat([Buffer.from(path.join(folder, 'etc/cron.d') + '/'), Buffer.from([0x63, 0x61, 0x66, 0xe9])]), text);
  const uri = pathToFileURL(path.join(folder, 'etc/cron.d')).href + '/caf%E9';
  await withServer({ settings: { cron: { dialect: 'debian' } } }, async (server) => {
    await server.open(uri, text, 'crontab');
    // Debian's cron skips the file for its name (database.c): a finding only the path gives.
    const diagnostics = await server.waitForDiagnostics(uri, (items) => items.some((item) => item.code === 'crontab/ignored-filename'));
    // The name reads as the CLI writes it, not as a lone surrogate the editor would show as U+FFFD.
    const message = diagnostics.find((item) => item.code === 'crontab/ignored-filename')!.message;
    assert.match(message, /caf\\xE9/);
    assert.doesNotMatch(message, /[\uDC80-\uDCFF]/);
    const info = await server.waitForDocumentInfo(uri, () => true);
    assert.equal(info.kind, 'crontab-system', 'a system crontab by its folder');
  });
});
