// Protocol tests: the bundled language server (dist/server/server.js --stdio), started as an editor would
// start it, fed documents and asked for diagnostics, hovers and code actions over LSP.
import { strict as assert } from 'node:assert';
import { after, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { actionsOf, applyEdits, editsFor, hoverText, stopAllServers, withServer, type LanguageServer } from './harness';

after(stopAllServers);

const TEST_OPTIONS = { timeout: 10_000 };

const USER_FIELD = 'crontab/user-field-in-user-crontab';
const WILDCARD_MINUTE = 'crontab/wildcard-minute';
const UNESCAPED_PERCENT = 'crontab/unescaped-percent';

// Seed 000: certbot's renewal line copied from /etc/cron.d into `crontab -e`, user column and all.
const SEED_000 = '39 1,13 * * * root certbot renew --no-self-upgrade\n';
const SEED_000_FIXED = '39 1,13 * * * certbot renew --no-self-upgrade\n';
// Debian's `crontab -e` edits a copy at /tmp/crontab.XXXXXX/crontab (cron 3.0pl1 crontab.c).
const TEMP_CRONTAB = 'file:///tmp/crontab.AbC123/crontab';

const withRule = (ruleId: string) => (diagnostics: Diagnostic[]) => diagnostics.some((diagnostic) => diagnostic.code === ruleId);
const withoutRule = (ruleId: string) => (diagnostics: Diagnostic[]) => !diagnostics.some((diagnostic) => diagnostic.code === ruleId);
const only = (diagnostics: Diagnostic[], ruleId: string) => diagnostics.filter((diagnostic) => diagnostic.code === ruleId);

/** Applies a code action's edit to `text`, sends the result as the next version and returns it. */
async function applyAction(server: LanguageServer, uri: string, text: string, version: number, action: CodeAction): Promise<string> {
  const edits = editsFor(action.edit, uri);
  assert.ok(edits.length > 0, `"${action.title}" carries edits for ${uri}: ${JSON.stringify(action.edit)}`);
  const next = applyEdits(text, edits);
  await server.change(uri, version, next);
  return next;
}

test('seed 000 in a `crontab -e` file: diagnostic, hover with next runs, preferred quick fix', TEST_OPTIONS, async () => {
  await withServer({}, async (server) => {
    await server.open(TEMP_CRONTAB, SEED_000);
    const diagnostics = await server.waitForDiagnostics(TEMP_CRONTAB, withRule(USER_FIELD));
    assert.equal(diagnostics.length, 1, `exactly one diagnostic: ${JSON.stringify(diagnostics)}`);
    const [diagnostic] = diagnostics;
    assert.equal(diagnostic.code, USER_FIELD);
    assert.equal(diagnostic.severity, 1);
    assert.equal(diagnostic.source, 'schedlint');
    assert.match(diagnostic.codeDescription?.href ?? '', /docs\/rules\/crontab\/user-field-in-user-crontab\.md$/);
    assert.deepEqual(diagnostic.range, { start: { line: 0, character: 14 }, end: { line: 0, character: 18 } });
    assert.equal(SEED_000.slice(14, 18), 'root');
    assert.match(diagnostic.message, /`root`/);

    const info = await server.waitForDocumentInfo(TEMP_CRONTAB, () => true);
    assert.equal(info.kind, 'crontab-user');
    assert.equal(info.reason, 'path');

    const hover = await server.hover(TEMP_CRONTAB, { line: 0, character: 2 });
    assert.ok(hover, 'a hover on the schedule');
    const markdown = hoverText(hover);
    assert.match(markdown, /^- .*\b(01|13):39$/m, `next runs listed:\n${markdown}`);
    const zone = markdown.match(/Next runs \(([^)]+)\)/)?.[1];
    assert.ok(zone, `the next runs name their zone:\n${markdown}`);
    assert.doesNotThrow(() => new Intl.DateTimeFormat('en', { timeZone: zone }), `${zone} is a time zone`);
    assert.ok(markdown.includes(`zone, ${zone}.`), `the zone sentence names ${zone}:\n${markdown}`);
    assert.deepEqual(hover.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 13 } }, 'the hover covers the five time fields');

    const actions = actionsOf(await server.codeActions(TEMP_CRONTAB, diagnostic.range, { diagnostics: [diagnostic] }));
    const fix = actions.find((action) => action.kind === 'quickfix' && action.isPreferred === true);
    assert.ok(fix, `a preferred quick fix among ${JSON.stringify(actions.map((action) => action.title))}`);
    assert.match(fix.title, /Remove `root`/);
    assert.deepEqual(fix.diagnostics?.map((item) => item.code), [USER_FIELD]);

    const fixed = await applyAction(server, TEMP_CRONTAB, SEED_000, 2, fix);
    assert.equal(fixed, SEED_000_FIXED);
    await server.waitForDiagnostics(TEMP_CRONTAB, (list) => list.length === 0);
  });
});

test('/etc/crontab is a system crontab; schedlint/setFormat switches to user format and back', TEST_OPTIONS, async () => {
  const uri = 'file:///etc/crontab';
  await withServer({}, async (server) => {
    await server.open(uri, SEED_000);
    const system = await server.waitForDiagnostics(uri, () => true);
    assert.deepEqual(only(system, USER_FIELD), [], 'a user column is right in /etc/crontab');
    let info = await server.waitForDocumentInfo(uri, () => true);
    assert.equal(info.kind, 'crontab-system');
    assert.equal(info.reason, 'path');

    await server.setFormat(uri, 'crontab-user');
    const user = await server.waitForDiagnostics(uri, withRule(USER_FIELD));
    assert.deepEqual(only(user, USER_FIELD)[0].range, { start: { line: 0, character: 14 }, end: { line: 0, character: 18 } });
    info = await server.waitForDocumentInfo(uri, (item) => item.reason === 'override');
    assert.equal(info.kind, 'crontab-user');

    await server.setFormat(uri, null);
    await server.waitForDiagnostics(uri, withoutRule(USER_FIELD));
    info = await server.waitForDocumentInfo(uri, (item) => item.reason === 'path');
    assert.equal(info.kind, 'crontab-system');
  });
});

test('Japanese client: message, quick fix, hover and docs link in Japanese', TEST_OPTIONS, async () => {
  await withServer({ locale: 'ja' }, async (server) => {
    await server.open(TEMP_CRONTAB, SEED_000);
    const [diagnostic] = only(await server.waitForDiagnostics(TEMP_CRONTAB, withRule(USER_FIELD)), USER_FIELD);
    assert.match(diagnostic.message, /ユーザー crontab/);
    assert.match(diagnostic.codeDescription?.href ?? '', /docs\/rules\/crontab\/user-field-in-user-crontab\.ja\.md$/);

    const actions = actionsOf(await server.codeActions(TEMP_CRONTAB, diagnostic.range, { diagnostics: [diagnostic] }));
    const fix = actions.find((action) => action.kind === 'quickfix' && action.isPreferred === true);
    assert.ok(fix, `a preferred quick fix among ${JSON.stringify(actions.map((action) => action.title))}`);
    assert.match(fix.title, /`root` を削除/);
    const disable = actions.find((action) => action.title.includes('無効'));
    assert.ok(disable, `the disable action is Japanese too: ${JSON.stringify(actions.map((action) => action.title))}`);

    const markdown = hoverText(await server.hover(TEMP_CRONTAB, { line: 0, character: 2 }));
    assert.match(markdown, /次回の実行/);
    assert.doesNotMatch(markdown, /Next runs/);
  });
});

test('English is the default when the client sends no locale', TEST_OPTIONS, async () => {
  await withServer({}, async (server) => {
    await server.open(TEMP_CRONTAB, SEED_000);
    const [diagnostic] = only(await server.waitForDiagnostics(TEMP_CRONTAB, withRule(USER_FIELD)), USER_FIELD);
    assert.match(diagnostic.message, /^User crontabs have no user column/);
    assert.doesNotMatch(diagnostic.codeDescription?.href ?? '', /\.ja\.md$/);
    assert.match(hoverText(await server.hover(TEMP_CRONTAB, { line: 0, character: 2 })), /Next runs/);
  });
});

test('fix all (source.fixAll and source.fixAll.schedlint) fixes every preferred fix in one edit', TEST_OPTIONS, async () => {
  const uri = 'file:///tmp/crontab.FixAll/crontab';
  const text = '* */12 * * * /usr/bin/certbot renew\n0 1 * * * tar czf /b/$(date +%F).tgz /etc\n39 1,13 * * * root certbot renew\n';
  const expected = '0 */12 * * * /usr/bin/certbot renew\n0 1 * * * tar czf /b/$(date +\\%F).tgz /etc\n39 1,13 * * * certbot renew\n';
  const rules = [WILDCARD_MINUTE, UNESCAPED_PERCENT, USER_FIELD];
  await withServer({}, async (server) => {
    await server.open(uri, text);
    const before = await server.waitForDiagnostics(uri, (list) => rules.every((ruleId) => list.some((diagnostic) => diagnostic.code === ruleId)));
    assert.deepEqual(
      rules.map((ruleId) => only(before, ruleId)[0].range.start.line),
      [0, 1, 2],
      'one problem per line',
    );

    // A fix-all request comes with the cursor's range, as on save; it must still cover the whole file.
    const cursor = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    let chosen: CodeAction | undefined;
    for (const kind of ['source.fixAll', 'source.fixAll.schedlint']) {
      const actions = actionsOf(await server.codeActions(uri, cursor, { diagnostics: [], only: [kind] }));
      assert.equal(actions.length, 1, `one action for only=[${kind}]: ${JSON.stringify(actions.map((action) => action.title))}`);
      assert.equal(actions[0].kind, 'source.fixAll.schedlint');
      assert.equal(applyEdits(text, editsFor(actions[0].edit, uri)), expected, `text after the ${kind} action`);
      chosen = actions[0];
    }

    await applyAction(server, uri, text, 2, chosen!);
    const afterFix = await server.waitForDiagnostics(uri, () => true);
    assert.deepEqual(afterFix.filter((diagnostic) => rules.includes(String(diagnostic.code))), [], 'none of the fixed rules fire again');
  });
});

test('rule severities come from workspace/configuration and are pulled again on didChangeConfiguration', TEST_OPTIONS, async () => {
  const uri = 'file:///tmp/crontab.Sett1n/crontab';
  const text = '* */12 * * * /usr/bin/certbot renew\n';
  await withServer({ settings: { rules: { [WILDCARD_MINUTE]: 'off' } } }, async (server) => {
    await server.open(uri, text);
    const off = await server.waitForDiagnostics(uri, () => true);
    assert.deepEqual(only(off, WILDCARD_MINUTE), [], 'turned off in the settings');

    await server.updateSettings({ rules: { [WILDCARD_MINUTE]: 'error' } });
    const error = await server.waitForDiagnostics(uri, withRule(WILDCARD_MINUTE));
    assert.equal(only(error, WILDCARD_MINUTE)[0].severity, 1);

    await server.updateSettings({});
    const byDefault = await server.waitForDiagnostics(uri, (list) => only(list, WILDCARD_MINUTE)[0]?.severity === 2);
    assert.equal(only(byDefault, WILDCARD_MINUTE).length, 1, 'back to the default warning');
  });
});

test('nested settings: language, crontab.formatOverrides, cron.dialect and docsBaseUrl', TEST_OPTIONS, async () => {
  const uri = 'file:///srv/app/cron/crontab';
  const settings = {
    language: 'ja',
    crontab: { formatOverrides: { '/srv/*/cron/*': 'user' } },
    cron: { dialect: 'cronie' },
    docsBaseUrl: 'https://docs.example.com/rules/',
  };
  await withServer({ locale: 'en', settings }, async (server) => {
    await server.open(uri, SEED_000);
    const [diagnostic] = only(await server.waitForDiagnostics(uri, withRule(USER_FIELD)), USER_FIELD);
    assert.match(diagnostic.message, /ユーザー crontab/, 'schedlint.language wins over the client locale');
    assert.equal(diagnostic.codeDescription?.href, `https://docs.example.com/rules/${USER_FIELD}.ja.md`);
    const info = await server.waitForDocumentInfo(uri, () => true);
    assert.deepEqual([info.kind, info.reason, info.dialect], ['crontab-user', 'setting', 'cronie']);

    // Malformed values fall back to their defaults instead of breaking the server.
    await server.updateSettings({ language: 42, crontab: 'user', cron: null, rules: [] });
    const fallback = await server.waitForDocumentInfo(uri, (item) => item.reason === 'content');
    assert.equal(fallback.kind, 'crontab-system', '`root` after the schedule reads as a user column');
    assert.ok(server.alive);
  });
});

test('ranged (incremental) changes are applied to the server\'s copy of the text', TEST_OPTIONS, async () => {
  await withServer({}, async (server) => {
    await server.open(TEMP_CRONTAB, SEED_000);
    const [diagnostic] = only(await server.waitForDiagnostics(TEMP_CRONTAB, withRule(USER_FIELD)), USER_FIELD);
    const actions = actionsOf(await server.codeActions(TEMP_CRONTAB, diagnostic.range, { diagnostics: [diagnostic] }));
    const fix = actions.find((action) => action.isPreferred === true);
    assert.ok(fix);
    // Sent as the ranged change an editor makes when it applies the edit.
    await server.edit(TEMP_CRONTAB, 2, editsFor(fix.edit, TEMP_CRONTAB).map((edit) => ({ range: edit.range, text: edit.newText })));
    await server.waitForDiagnostics(TEMP_CRONTAB, (list) => list.length === 0);
    await server.edit(TEMP_CRONTAB, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } }, text: '*' }]);
    const diagnostics = await server.waitForDiagnostics(TEMP_CRONTAB, withRule(WILDCARD_MINUTE));
    assert.deepEqual(only(diagnostics, WILDCARD_MINUTE)[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
  });
});

/** Deterministic junk: control characters, NULs, stray cron syntax, lone surrogates, very long lines. */
function garbage(length: number): string {
  const alphabet = ['\u0000', '\u0001', '\u001b', '\t', ' ', '\n', '\r', '\r\n', '*', '/', ',', '-', '~', '@', '%', '\\', '=', '"', "'", '#', '7', '99', 'root', 'é', '\ud800', '\udfff', '🕐', '\ufffd', '\u00ff'];
  let seed = 12345;
  let text = '';
  while (text.length < length) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    text += alphabet[seed % alphabet.length];
    if (seed % 97 === 0) text += 'x'.repeat(5000);
  }
  return text;
}

function bigCrontab(lines: number): string {
  const patterns = [
    (i: number) => `${i % 60} ${i % 24} * * * /usr/local/bin/job-${i} --flag\n`,
    (i: number) => `* */${(i % 11) + 1} * * * /usr/bin/true # ${i}\n`,
    (i: number) => `# comment ${i}\n`,
    (i: number) => `VAR_${i}=value-${i}\n`,
    (i: number) => `${i % 60} 1,13 * * * root certbot renew\n`,
    (i: number) => `0 0 31 2 * date +%F-${i}\n`,
    (i: number) => `@daily /opt/backup.sh ${i}\n`,
    (i: number) => `61 25 32 13 8 broken ${i}\n`,
  ];
  let text = '';
  for (let index = 0; index < lines; index++) text += patterns[index % patterns.length](index);
  return text;
}

test('robustness: binary-ish text and a 5,000-line crontab are linted; hover past the end is null', TEST_OPTIONS, async () => {
  await withServer({}, async (server) => {
    const junkUri = 'file:///tmp/crontab.Junk01/crontab';
    await server.open(junkUri, garbage(20_000));
    const junk = await server.waitForDiagnostics(junkUri, () => true);
    assert.ok(Array.isArray(junk));
    assert.equal(await server.hover(junkUri, { line: 100_000, character: 0 }), null);
    await server.hover(junkUri, { line: 0, character: 1 });
    await server.codeActions(junkUri, { start: { line: 0, character: 0 }, end: { line: 50, character: 0 } }, { diagnostics: [] });

    const bigUri = 'file:///tmp/crontab.Big001/crontab';
    const big = bigCrontab(5000);
    const started = Date.now();
    await server.open(bigUri, big);
    const diagnostics = await server.waitForDiagnostics(bigUri, (list) => list.length > 0, 8000);
    const elapsed = Date.now() - started;
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === USER_FIELD && diagnostic.range.start.line >= 4000), 'findings reach the end of the file');
    assert.equal(await server.hover(bigUri, { line: 5000, character: 0 }), null, 'the line after the last one');
    assert.equal(await server.hover(bigUri, { line: 7000, character: 3 }), null);
    assert.match(hoverText(await server.hover(bigUri, { line: 4992, character: 0 })), /Next runs/);
    const fixAll = actionsOf(await server.codeActions(bigUri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [], only: ['source.fixAll'] }));
    assert.equal(fixAll.length, 1);

    const all = [...junk, ...diagnostics];
    assert.deepEqual(all.filter((diagnostic) => diagnostic.code === 'internal/rule-error'), [], 'no rule threw');
    assert.deepEqual(server.logs.filter((message) => message.includes('failed')), [], 'linting never failed');
    assert.ok(server.alive, `the server is still running (stderr: ${server.stderrText})`);
    assert.ok(elapsed < 5000, `5,000 lines linted in ${elapsed} ms`);
  });
});

test('an untitled document is linted by its content', TEST_OPTIONS, async () => {
  const uri = 'untitled:Untitled-1';
  await withServer({}, async (server) => {
    await server.open(uri, '* */12 * * * /usr/bin/certbot renew\n', 'crontab');
    const diagnostics = await server.waitForDiagnostics(uri, withRule(WILDCARD_MINUTE));
    assert.deepEqual(only(diagnostics, WILDCARD_MINUTE)[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
    const info = await server.waitForDocumentInfo(uri, () => true);
    assert.equal(info.reason, 'content');
    assert.equal(info.kind, 'crontab-user');
    assert.match(hoverText(await server.hover(uri, { line: 0, character: 0 })), /Next runs/);
    assert.ok(server.alive);
  });
});

test('"disable for this line" quick fix inserts a directive that silences the diagnostic', TEST_OPTIONS, async () => {
  const uri = 'file:///tmp/crontab.Disabl/crontab';
  const text = `MAILTO=ops@example.com\n${SEED_000}`;
  await withServer({}, async (server) => {
    await server.open(uri, text);
    const [diagnostic] = only(await server.waitForDiagnostics(uri, withRule(USER_FIELD)), USER_FIELD);
    assert.equal(diagnostic.range.start.line, 1);
    const actions = actionsOf(await server.codeActions(uri, diagnostic.range, { diagnostics: [diagnostic], only: ['quickfix'] }));
    const disable = actions.find((action) => action.title === `Disable ${USER_FIELD} for this line`);
    assert.ok(disable, `a disable action among ${JSON.stringify(actions.map((action) => action.title))}`);
    assert.equal(disable.kind, 'quickfix');
    assert.notEqual(disable.isPreferred, true, 'silencing is never the preferred fix');

    const silenced = await applyAction(server, uri, text, 2, disable);
    assert.equal(silenced, `MAILTO=ops@example.com\n# schedlint-disable-next-line ${USER_FIELD}\n${SEED_000}`);
    await server.waitForDiagnostics(uri, withoutRule(USER_FIELD));
  });
});

test('shutdown then exit ends the server with code 0', TEST_OPTIONS, async () => {
  let server: LanguageServer | undefined;
  await withServer({}, async (started) => {
    server = started;
    assert.ok(started.initializeResult?.capabilities.hoverProvider);
  });
  assert.equal(server!.alive, false);
  assert.equal(server!.code, 0);
});
