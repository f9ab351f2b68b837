// The language server's view of a whole host and of repositories: the background host scan (seed 001 on
// both sides, with the terminal action and the comment-out fix), its off switches (untrusted workspace,
// setting), the host timeline request; certbot renewal files with a cross-file fix and the dry-run code lens;
// a repository whose Dockerfile installs one crontab both ways.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeLens, Diagnostic } from 'vscode-languageserver-protocol';
import { actionsOf, applyEdits, editsFor, stopAllServers, withServer } from './harness';
import { repoPath } from '../support/paths';

after(stopAllServers);

const TEST_OPTIONS = { timeout: 30_000 };
const SEED_ROOT = repoPath('test', 'fixtures', 'schedule', 'seed-001-ubuntu', 'root');
const uriOf = (...parts: string[]) => pathToFileURL(path.join(...parts)).href;
const CRONTAB_URI = uriOf(SEED_ROOT, 'var/spool/cron/crontabs/root');
const TIMER_URI = uriOf(SEED_ROOT, 'lib/systemd/system/certbot.timer');
const OVERLAP = 'schedule/timer-overlaps-cron';
const read = (uri: string) => fs.readFileSync(new URL(uri), 'utf8');

function tempFolder(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `schedlint-${name}-`));
}

test('seed 001: the host scan reports the timer and the cron job on both sides, with the way out on each', TEST_OPTIONS, async () => {
  await withServer({ workspaceFolders: [SEED_ROOT], initializationOptions: { trusted: true } }, async (server) => {
    const crontab = read(CRONTAB_URI);
    await server.open(CRONTAB_URI, crontab, 'crontab');
    const cronSide = await server.waitForDiagnostics(CRONTAB_URI, (items) => items.some((item) => item.code === OVERLAP), 15_000);
    const onCron = cronSide.find((item) => item.code === OVERLAP)!;
    assert.equal(onCron.range.start.line, 5, 'on the `15 3 * * *` line');
    assert.ok(server.progressEnds > 0, 'the scan reported its progress (and ended it)');
    assert.match(onCron.message, /certbot\.timer/);
    assert.ok(onCron.relatedInformation?.some((related) => related.location.uri === TIMER_URI), 'related information points at certbot.timer');
    const cronActions = actionsOf(await server.codeActions(CRONTAB_URI, onCron.range, { diagnostics: [onCron], only: ['quickfix'] }));
    const commentOut = cronActions.find((action) => action.edit && applyEdits(crontab, editsFor(action.edit, CRONTAB_URI)).includes('# 15 3 * * * /root/bin/renew-wildcard.sh'));
    assert.ok(commentOut, `a fix that comments the job out; got: ${cronActions.map((action) => action.title).join(' | ')}`);

    const timer = read(TIMER_URI);
    await server.open(TIMER_URI, timer, 'systemd-unit-file');
    const timerSide = await server.waitForDiagnostics(TIMER_URI, (items) => items.some((item) => item.code === OVERLAP));
    const onTimer = timerSide.find((item) => item.code === OVERLAP)!;
    assert.ok(onTimer.relatedInformation?.some((related) => related.location.uri === CRONTAB_URI), 'related information points at the crontab');
    const timerActions = actionsOf(await server.codeActions(TIMER_URI, onTimer.range, { diagnostics: [onTimer], only: ['quickfix'] }));
    const disable = timerActions.find((action) => action.command?.command === 'schedlint.openTerminal');
    assert.ok(disable, `a terminal action; got: ${timerActions.map((action) => action.title).join(' | ')}`);
    assert.equal((disable.command!.arguments![0] as { command: string }).command, 'sudo systemctl disable --now certbot.timer');
    assert.ok(!timerActions.some((action) => action.edit && editsFor(action.edit, TIMER_URI).length > 0), 'never an edit of the packaged unit under /lib');

    const timeline = await server.request<{ svg?: string; root?: string }>('schedlint/hostTimeline', { uri: CRONTAB_URI, hours: 24 });
    assert.ok(timeline.svg?.startsWith('<svg') && timeline.svg.includes('certbot.timer'), 'the timeline draws certbot.timer');
    assert.equal(timeline.root, SEED_ROOT);
  });
});

for (const [label, options] of [
  ['an untrusted workspace', { initializationOptions: { trusted: false } }],
  ['schedlint.hostScan.enabled: false', { settings: { hostScan: { enabled: false } }, initializationOptions: { trusted: true } }],
] as const) {
  test(`no host scan in ${label}: the file's own findings only, and the timeline says why`, TEST_OPTIONS, async () => {
    await withServer({ workspaceFolders: [SEED_ROOT], ...options }, async (server) => {
      await server.open(CRONTAB_URI, read(CRONTAB_URI), 'crontab');
      await server.waitForDiagnostics(CRONTAB_URI, () => true);
      const timeline = await server.request<{ unavailable?: string }>('schedlint/hostTimeline', { uri: CRONTAB_URI });
      assert.ok(timeline.unavailable && timeline.unavailable.length > 10, 'the timeline is refused with a reason');
      // A scan would have ended its progress report by now (the trusted test sees it within the same time).
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(server.progressEnds, 0, 'no host scan ran');
      const last = server.publicationsFor(CRONTAB_URI).at(-1)!;
      assert.ok(!last.diagnostics.some((item: Diagnostic) => item.code === OVERLAP));
    });
  });
}

test('certbot renewal file: standalone beside nginx, fix adds hooks to cli.ini (created), dry-run code lens', TEST_OPTIONS, async () => {
  const root = tempFolder('certbot');
  const renewal = path.join(root, 'etc/letsencrypt/renewal/example.com.conf');
  const text = fs.readFileSync(repoPath('test/fixtures/certbot/standalone-without-hooks/nginx-no-hooks.conf'), 'utf8').replace(/^# (fixture|expect):.*\n/gm, '');
  fs.mkdirSync(path.dirname(renewal), { recursive: true });
  fs.mkdirSync(path.join(root, 'etc/nginx'), { recursive: true });
  fs.writeFileSync(path.join(root, 'etc/nginx/nginx.conf'), 'events {}\n');
  fs.writeFileSync(renewal, text);
  try {
    await withServer({ workspaceFolders: [root], initializationOptions: { trusted: true } }, async (server) => {
      const uri = pathToFileURL(renewal).href;
      await server.open(uri, text, 'certbot-renewal');
      const diagnostics = await server.waitForDiagnostics(uri, (items) => items.some((item) => item.code === 'certbot/standalone-without-hooks'));
      const finding = diagnostics.find((item) => item.code === 'certbot/standalone-without-hooks')!;
      assert.match(finding.message, /nginx/);
      const actions = actionsOf(await server.codeActions(uri, finding.range, { diagnostics: [finding], only: ['quickfix'] }));
      const cliIni = pathToFileURL(path.join(root, 'etc/letsencrypt/cli.ini')).href;
      const addHooks = actions.find((action) => action.edit?.documentChanges?.some((change) => 'kind' in change && change.kind === 'create' && change.uri === cliIni));
      assert.ok(addHooks, `a fix that creates cli.ini; got: ${JSON.stringify(actions.map((action) => action.title))}`);
      const written = addHooks.edit!.documentChanges!.flatMap((change) => ('textDocument' in change && change.textDocument.uri === cliIni ? change.edits.map((edit) => edit.newText) : [])).join('');
      assert.match(written, /pre-hook = .*nginx/);
      assert.match(written, /post-hook = .*nginx/);

      const lenses = await server.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
      const dryRun = lenses.find((lens) => lens.command?.command === 'schedlint.openTerminal');
      assert.ok(dryRun, 'a dry-run code lens');
      assert.equal((dryRun.command!.arguments![0] as { command: string }).command, 'sudo certbot renew --dry-run --cert-name example.com');
    });
    await withServer({ workspaceFolders: [root], initializationOptions: { trusted: false } }, async (server) => {
      const uri = pathToFileURL(renewal).href;
      await server.open(uri, text, 'certbot-renewal');
      await server.waitForDiagnostics(uri, () => true);
      const lenses = await server.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
      assert.deepEqual(lenses, [], 'no dry run offered in an untrusted workspace');
    });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a repository that copies a crontab into /etc/cron.d and runs `crontab` on it: flagged on the file and on the Dockerfile', TEST_OPTIONS, async () => {
  const repo = tempFolder('repo');
  fs.cpSync(repoPath('test/fixtures/repos/copy-and-crontab'), repo, { recursive: true });
  fs.rmSync(path.join(repo, 'expected.json'));
  try {
    await withServer({ workspaceFolders: [repo] }, async (server) => {
      const crontabUri = pathToFileURL(path.join(repo, 'docker/hello-cron')).href;
      await server.open(crontabUri, fs.readFileSync(path.join(repo, 'docker/hello-cron'), 'utf8'), 'crontab');
      await server.waitForDiagnostics(crontabUri, (items) => items.some((item) => item.code === 'crontab/installed-both-ways'));
      const dockerfile = pathToFileURL(path.join(repo, 'Dockerfile')).href;
      const lines = await server.waitForDiagnostics(dockerfile, (items) => items.filter((item) => item.code === 'crontab/installed-both-ways').length === 2);
      assert.deepEqual(lines.map((item) => item.range.start.line).sort((a, b) => a - b), [4, 10]);
    });
  } finally {
    fs.rmSync(repo, { recursive: true, force: true });
  }
});
