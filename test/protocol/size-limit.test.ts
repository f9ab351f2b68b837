// The language server's size limit (README, *Limits*): a document over MAX_FILE_BYTES of UTF-8 is not linted,
// as the CLI does not read such a file; it gets one file/too-large diagnostic, and lints again once it is
// back under the limit.
import { strict as assert } from 'node:assert';
import { after, test } from 'node:test';
import { MAX_FILE_BYTES } from '../../server/src/engine/host/host';
import { stopAllServers, withServer } from './harness';

after(stopAllServers);

const URI_PATH = 'file:///tmp/crontab.SiZe01/crontab';
// A job line that gives a finding (the user column in a user crontab), so a lint of the text would show.
const LINE = '39 1,13 * * * root certbot renew\n';

test('a document over 8 MiB gets one file/too-large diagnostic and no lint; under the limit it is linted again', { timeout: 60_000 }, async () => {
  await withServer({ timeoutMs: 50_000, history: false }, async (server) => {
    const big = LINE.repeat(Math.floor(MAX_FILE_BYTES / LINE.length) + 1);
    assert.ok(Buffer.byteLength(big) > MAX_FILE_BYTES);
    await server.open(URI_PATH, big);
    const diagnostics = await server.waitForDiagnostics(URI_PATH, (list) => list.length > 0);
    assert.deepEqual(
      diagnostics.map((diagnostic) => diagnostic.code),
      ['file/too-large'],
    );
    assert.match(diagnostics[0].message, /8(\.0)? MiB/);
    // Nothing was linted, so there is nothing to hover.
    assert.equal(await server.hover(URI_PATH, { line: 0, character: 20 }), null);

    await server.change(URI_PATH, 2, LINE);
    const linted = await server.waitForDiagnostics(URI_PATH, (list) => !list.some((diagnostic) => diagnostic.code === 'file/too-large'));
    assert.ok(linted.some((diagnostic) => diagnostic.code === 'crontab/user-field-in-user-crontab'), JSON.stringify(linted));
  });
});

test('the limit counts UTF-8 bytes: fewer characters than the limit, more bytes', { timeout: 60_000 }, async () => {
  await withServer({ timeoutMs: 50_000, history: false }, async (server) => {
    // Japanese comments: three bytes a character in UTF-8, one UTF-16 unit each.
    const comment = `# ${'証明書の更新'.repeat(20)}\n`;
    const text = LINE + comment.repeat(Math.floor(MAX_FILE_BYTES / Buffer.byteLength(comment)) + 1);
    assert.ok(text.length < MAX_FILE_BYTES && Buffer.byteLength(text) > MAX_FILE_BYTES);
    await server.open(URI_PATH, text);
    const diagnostics = await server.waitForDiagnostics(URI_PATH, (list) => list.length > 0);
    assert.deepEqual(
      diagnostics.map((diagnostic) => diagnostic.code),
      ['file/too-large'],
    );
  });
});
