// Stranger report 8, item 7, in the editor: a full-width space typed between a crontab's fields shows one
// diagnostic that names it (crontab/unicode-space), with the quick fix that replaces it by a space, and none of
// the misleading ones (missing-user-field's "Insert user `root`"), also when the space is typed into a clean line.
import { strict as assert } from 'node:assert';
import { after, test } from 'node:test';
import { actionsOf, applyEdits, editsFor, stopAllServers, withServer } from './harness';

after(stopAllServers);

const RULE = 'crontab/unicode-space';
const CRON_D = 'file:///etc/cron.d/backup';
const TEMP_CRONTAB = 'file:///tmp/crontab.Fw3000/crontab';

test('Japanese client: one diagnostic naming the full-width space, its quick fix, nothing left after it', { timeout: 15_000 }, async () => {
  await withServer({ locale: 'ja' }, async (server) => {
    const text = 'SHELL=/bin/sh\n0 3 * * *\u3000root /usr/local/bin/backup\n';
    await server.open(CRON_D, text);
    const diagnostics = await server.waitForDiagnostics(CRON_D, (list) => list.length > 0);
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), [RULE]);
    const [diagnostic] = diagnostics;
    assert.match(diagnostic.message, /^`U\+3000`（全角スペース）は cron にとって区切りではありません。/);
    assert.deepEqual(diagnostic.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 10 } });
    const fix = actionsOf(await server.codeActions(CRON_D, diagnostic.range, { diagnostics: [diagnostic] })).find((action) => action.isPreferred === true);
    assert.ok(fix);
    assert.equal(fix.title, 'U+3000 を半角スペースに置換');
    const fixed = applyEdits(text, editsFor(fix.edit, CRON_D));
    assert.equal(fixed, 'SHELL=/bin/sh\n0 3 * * * root /usr/local/bin/backup\n');
    await server.change(CRON_D, 2, fixed);
    await server.waitForDiagnostics(CRON_D, (list) => list.length === 0);
  });
});

test('typed into a clean line of a user crontab (a ranged change): the command is not offered for removal', { timeout: 15_000 }, async () => {
  await withServer({}, async (server) => {
    await server.open(TEMP_CRONTAB, '0 3 * * * /usr/local/bin/backup\n');
    await server.waitForDiagnostics(TEMP_CRONTAB, (list) => list.length === 0);
    await server.edit(TEMP_CRONTAB, 2, [{ range: { start: { line: 0, character: 9 }, end: { line: 0, character: 10 } }, text: '\u3000' }]);
    const diagnostics = await server.waitForDiagnostics(TEMP_CRONTAB, (list) => list.length > 0);
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), [RULE], JSON.stringify(diagnostics));
    assert.match(diagnostics[0].message, /`U\+3000` \(IDEOGRAPHIC SPACE, the full-width space\).*reads `\*<U\+3000>\/usr\/local\/bin\/backup` as one word/);
    const actions = actionsOf(await server.codeActions(TEMP_CRONTAB, diagnostics[0].range, { diagnostics }));
    assert.ok(!actions.some((action) => /Remove/.test(action.title)), JSON.stringify(actions.map((action) => action.title)));
  });
});
