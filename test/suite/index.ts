// Layer 2: the same checks as the browser tests, through VS Code's extension API, run by
// @vscode/test-electron inside a real VS Code (`npm run test:vscode`). A tiny runner instead of mocha:
// each case runs in order, and `run()` rejects when any fails, which fails the VS Code process.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

type Case = [name: string, body: () => Promise<void>];

const SEED = '39 1,13 * * * root certbot renew --no-self-upgrade\n';

function tempFile(relative: string, text: string): vscode.Uri {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-vscode-'));
  const file = path.join(folder, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return vscode.Uri.file(file);
}

async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Runs a provider command again when VS Code cancels it: the language client cancels requests in flight when
 * the document changes under them (the server switching the language id from crontab to crontab-system
 * re-opens it), which is the editor's normal behaviour, not a failure of ours.
 */
async function command<T>(name: string, ...args: unknown[]): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await vscode.commands.executeCommand<T>(name, ...args);
    } catch (error) {
      if (attempt >= 5 || !/Canceled/i.test(String((error as Error)?.message ?? error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'schedlint');
const codeOf = (diagnostic: vscode.Diagnostic) => (typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code));

async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

const CASES: Case[] = [
  [
    'seed 000: diagnostic, hover, preferred quick fix',
    async () => {
      const uri = tempFile('crontab.AbC123/crontab', SEED);
      await open(uri);
      const [diagnostic] = await waitFor('the seed-000 diagnostic', () => ours(uri).length > 0 && ours(uri));
      assert.equal(codeOf(diagnostic), 'crontab/user-field-in-user-crontab');
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      const hovers = await command<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, 2));
      const hoverText = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))).join('\n');
      assert.match(hoverText, /01:39/);
      const actions = await command<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const preferred = actions.find((action) => action.isPreferred);
      assert.ok(preferred?.edit, 'a preferred quick fix with an edit');
      assert.ok(await vscode.workspace.applyEdit(preferred.edit));
      const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
      assert.equal(document?.getText(), '39 1,13 * * * certbot renew --no-self-upgrade\n');
      await waitFor('the diagnostic to go', () => ours(uri).length === 0);
    },
  ],
  [
    'fix all',
    async () => {
      const uri = tempFile('crontab.FixAll/crontab', '* */12 * * * /usr/bin/certbot renew\n0 1 * * * tar czf /b/$(date +%F).tgz /etc\n' + SEED);
      await open(uri);
      await waitFor('three diagnostics', () => ours(uri).length >= 3);
      const actions = await command<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 2, 0), vscode.CodeActionKind.SourceFixAll.value);
      const fixAll = actions.find((action) => action.kind?.value.startsWith('source.fixAll'));
      assert.ok(fixAll?.edit);
      assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
      await waitFor('no diagnostics', () => ours(uri).length === 0);
    },
  ],
  [
    'switching the crontab format by command flips the verdict',
    async () => {
      const uri = tempFile('etc/crontab', 'SHELL=/bin/sh\n' + SEED.replace('39', '40'));
      await open(uri);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(ours(uri).length, 0, 'system format: no finding');
      await vscode.commands.executeCommand('schedlint.selectCrontabFormat', 'crontab-user');
      await waitFor('the user-format finding', () => ours(uri).some((diagnostic) => codeOf(diagnostic) === 'crontab/user-field-in-user-crontab'));
      await vscode.commands.executeCommand('schedlint.selectCrontabFormat', 'auto');
      await waitFor('the finding to go', () => ours(uri).length === 0);
    },
  ],
];

export async function run(): Promise<void> {
  const failures: string[] = [];
  for (const [name, body] of CASES) {
    try {
      await body();
      console.log(`ok - ${name}`);
    } catch (error) {
      failures.push(name);
      console.log(`not ok - ${name}\n${(error as Error).stack ?? error}`);
    }
  }
  console.log(`${CASES.length - failures.length} passed, ${failures.length} failed`);
  if (failures.length > 0) throw new Error(`${failures.length} editor test(s) failed: ${failures.join('; ')}`);
}
