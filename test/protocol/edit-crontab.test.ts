// Issue #23, the server's side of "schedlint: Edit crontab…": the client asks whether a saved document may be
// installed (errors or not, and whether it is crontab -e's temporary file) and what an empty crontab holds.
import { strict as assert } from 'node:assert';
import { after, test } from 'node:test';
import { stopAllServers, withServer } from './harness';

after(stopAllServers);

const SEED_000 = '39 1,13 * * * root certbot renew --no-self-upgrade\n';
const FIXED = '39 1,13 * * * certbot renew --no-self-upgrade\n';
const SESSION = 'file:///tmp/crontab.Xy12Ab/crontab';

test('editVerdict: the seed-000 line in a crontab -e copy is an error with a fix; without root it is clean', { timeout: 15_000 }, async () => {
  await withServer({}, async (server) => {
    await server.open(SESSION, SEED_000);
    await server.waitForDiagnostics(SESSION, () => true);
    const bad = await server.request<{ errors: number; fixable: number; caller: string }>('schedlint/editVerdict', { uri: SESSION });
    assert.deepEqual({ errors: bad.errors, fixable: bad.fixable, caller: bad.caller }, { errors: 1, fixable: 1, caller: 'crontab' });
    await server.change(SESSION, 2, FIXED);
    await server.waitForDiagnostics(SESSION, (diagnostics) => diagnostics.length === 0);
    const good = await server.request<{ errors: number }>('schedlint/editVerdict', { uri: SESSION });
    assert.equal(good.errors, 0);
    assert.equal(await server.request('schedlint/editVerdict', { uri: 'file:///not/open' }), null);
  });
});

test('crontabHeader: a commented header in the client language, and it lints clean as a user crontab', { timeout: 15_000 }, async () => {
  await withServer({ locale: 'ja' }, async (server) => {
    const header = await server.request<string>('schedlint/crontabHeader', { user: 'alice', host: 'web1' });
    assert.match(header, /^# web1 の alice の crontab/);
    assert.ok(header.split('\n').every((line) => line === '' || line.startsWith('#')), header);
    await server.open(SESSION, header);
    const published = await server.waitForDiagnostics(SESSION, () => true);
    assert.deepEqual(published, []);
  });
});
