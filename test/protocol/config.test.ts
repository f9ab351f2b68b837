// The project's .schedlint.yaml in the language server (the bundled server, spoken to over LSP): it applies to
// documents on disk below it, editor settings override it, it is read again when it changes (saved, or
// reported by the client's file watcher), and an invalid one is said and applies nothing, without a crash.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { hoverText, stopAllServers, withServer } from './harness';
import { repoPath } from '../support/paths';

after(stopAllServers);

const TEST_OPTIONS = { timeout: 15_000 };
const WILDCARD_MINUTE = 'crontab/wildcard-minute';
const EVERY_MINUTE = '* 3 * * * root /usr/local/bin/poll\n';
// LSP DiagnosticSeverity: 1 error, 2 warning, 3 information, 4 hint.
const severityOf = (diagnostics: Diagnostic[]) => diagnostics.find((diagnostic) => diagnostic.code === WILDCARD_MINUTE)?.severity;

function repository(config: string): { folder: string; uri: string; configPath: string } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-lsp-config-'));
  fs.mkdirSync(path.join(folder, '.git'));
  fs.mkdirSync(path.join(folder, 'etc/cron.d'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'etc/cron.d/poll'), EVERY_MINUTE);
  const configPath = path.join(folder, '.schedlint.yaml');
  fs.writeFileSync(configPath, config);
  return { folder, uri: pathToFileURL(path.join(folder, 'etc/cron.d/poll')).href, configPath };
}

test('the config applies to workspace documents, editor settings override it, a change is read again', TEST_OPTIONS, async () => {
  const { folder, uri, configPath } = repository(`rules:\n  ${WILDCARD_MINUTE}: error\n`);
  await withServer({ workspaceFolders: [folder], initializationOptions: { trusted: false } }, async (server) => {
    await server.open(uri, EVERY_MINUTE, 'crontab-system');
    assert.equal(severityOf(await server.waitForDiagnostics(uri, (list) => severityOf(list) !== undefined)), 1, 'error from .schedlint.yaml');

    await server.updateSettings({ rules: { [WILDCARD_MINUTE]: 'hint' } });
    assert.equal(severityOf(await server.waitForDiagnostics(uri, (list) => severityOf(list) === 4)), 4, 'schedlint.rules beats the config');

    await server.updateSettings({});
    await server.waitForDiagnostics(uri, (list) => severityOf(list) === 1);
    // Edited on disk: the client's watcher reports it, and the document is linted with the new text.
    fs.writeFileSync(configPath, `rules:\n  ${WILDCARD_MINUTE}: "off"\n`);
    await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configPath).href, type: 2 }] });
    assert.equal(severityOf(await server.waitForDiagnostics(uri, (list) => severityOf(list) === undefined)), undefined, 'off after the change');

    // A format override from the config: the status bar says where it came from.
    fs.writeFileSync(configPath, 'overrides:\n  - files: etc/cron.d/*\n    format: crontab-user\n');
    await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configPath).href, type: 2 }] });
    const info = await server.waitForDocumentInfo(uri, (item) => item.reason === 'config');
    assert.equal(info.kind, 'crontab-user');
  });
});

test('an invalid config is reported and applies nothing; the server keeps serving', TEST_OPTIONS, async () => {
  const { folder, uri } = repository(`rules:\n  ${WILDCARD_MINUTE}: loud\n`);
  await withServer({ workspaceFolders: [folder], initializationOptions: { trusted: false } }, async (server) => {
    await server.open(uri, EVERY_MINUTE, 'crontab-system');
    assert.equal(severityOf(await server.waitForDiagnostics(uri, (list) => severityOf(list) !== undefined)), 2, 'the default warning');
    assert.ok(server.logs.some((line) => /\.schedlint\.yaml:2:28: rules\.crontab\/wildcard-minute takes one of/.test(line)), server.logs.join('\n'));
    // Shown to the user as well, and the server still answers afterwards (a showMessageRequest the client
    // cannot answer once ended the server through an unhandled rejection).
    assert.ok(server.shown.some((message) => /rules\.crontab\/wildcard-minute takes one of/.test(message)), server.shown.join('\n'));
    assert.ok(await server.hover(uri, { line: 0, character: 2 }));
    assert.ok(server.alive);
  });
});

test("the repository scan's findings on installers (the Dockerfile) follow the config too, and its changes", TEST_OPTIONS, async () => {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-lsp-config-repo-'));
  fs.cpSync(repoPath('test/fixtures/repos/copy-and-crontab'), repo, { recursive: true });
  fs.rmSync(path.join(repo, 'expected.json'));
  fs.mkdirSync(path.join(repo, '.git'));
  const configPath = path.join(repo, '.schedlint.yaml');
  fs.writeFileSync(configPath, 'rules:\n  crontab/installed-both-ways: warning\n');
  const dockerfile = pathToFileURL(path.join(repo, 'Dockerfile')).href;
  const onDockerfile = (list: Diagnostic[]) => list.filter((item) => item.code === 'crontab/installed-both-ways');
  await withServer({ workspaceFolders: [repo] }, async (server) => {
    const lines = await server.waitForDiagnostics(dockerfile, (list) => onDockerfile(list).length === 2);
    assert.deepEqual(onDockerfile(lines).map((item) => item.severity), [2, 2], 'warning from the config (the default is error)');
    fs.writeFileSync(configPath, 'ignore:\n  - Dockerfile\n');
    await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configPath).href, type: 2 }] });
    assert.deepEqual(await server.waitForDiagnostics(dockerfile, (list) => list.length === 0), []);
  });
});

test("the config's dialect: reaches the lint and the hover, which says it came from the configuration file", TEST_OPTIONS, async () => {
  const { folder, uri } = repository('overrides:\n  - files: etc/cron.d/*\n    dialect: cronie\n');
  await withServer({ workspaceFolders: [folder], initializationOptions: { trusted: false } }, async (server) => {
    await server.open(uri, EVERY_MINUTE, 'crontab-system');
    await server.waitForDiagnostics(uri, () => true);
    const hover = hoverText(await server.hover(uri, { line: 0, character: 2 }));
    assert.match(hover, /cronie/);
    assert.match(hover, /set in the configuration file/);
    // The editor's setting beats the config, and says so.
    await server.updateSettings({ cron: { dialect: 'debian' } });
    await server.waitForDiagnostics(uri, () => true);
    const overridden = hoverText(await server.hover(uri, { line: 0, character: 2 }));
    assert.match(overridden, /Debian/i);
    assert.match(overridden, /set in settings/);
  });
});
