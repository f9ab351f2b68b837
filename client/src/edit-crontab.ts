// "schedlint: Edit crontab…" (issue #23): reads a crontab with `crontab -l` into a file the engine reads as a
// user crontab (`crontab.XXXXXX/crontab` in the temporary folder, like Debian's crontab -e), and installs it on
// save with `crontab -` only when the server finds no errors (or the user says "Install anyway"). Also warns
// when crontab -e's own temporary file (EDITOR="code --wait") is saved with errors: closing the tab installs it.
// Runs only `crontab` (or `sudo -n crontab -u USER`), as argument vectors from engine/edit/crontab-command.ts,
// never anything read from a file, only in a trusted workspace, and says what it runs.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { crontabCommand, isValidUserName, listOutcome, type CrontabCommand } from '../../server/src/engine/edit/crontab-command';
import type { EditVerdictResult } from '../../server/src/engine/edit/edit-check';

interface Session {
  /** undefined: the user's own crontab. */
  user?: string;
  folder: string;
}

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

const isRoot = () => process.getuid?.() === 0;

export function registerEditCrontab(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  const sessions = new Map<string, Session>();
  const output = vscode.window.createOutputChannel('schedlint: crontab');
  context.subscriptions.push(output);

  const run = (command: CrontabCommand, input?: string): Promise<Ran> => {
    output.appendLine(`$ ${command.display}`);
    vscode.window.setStatusBarMessage(vscode.l10n.t('schedlint runs: {0}', command.display), 5000);
    return new Promise((resolve) => {
      const child = spawn(command.file, command.args, { stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      child.on('error', (error) => resolve({ status: null, stdout, stderr: stderr || error.message }));
      child.on('close', (status) => {
        if (stderr.trim() !== '') output.appendLine(stderr.trimEnd());
        resolve({ status, stdout, stderr });
      });
      child.stdin.on('error', () => undefined);
      child.stdin.end(input ?? '');
    });
  };

  const showProblems = () => void vscode.commands.executeCommand('workbench.actions.view.problems');

  const verdictOf = async (document: vscode.TextDocument): Promise<EditVerdictResult | null | undefined> => {
    const client = getClient();
    if (!client) return undefined;
    return client.sendRequest<EditVerdictResult | null>('schedlint/editVerdict', { uri: document.uri.toString() });
  };

  const install = async (document: vscode.TextDocument, session: Session) => {
    const verdict = await verdictOf(document);
    const who = session.user ?? os.userInfo().username;
    if (verdict && verdict.errors > 0) {
      const show = vscode.l10n.t('Show problems');
      const anyway = vscode.l10n.t('Install anyway');
      const picked = await vscode.window.showWarningMessage(
        vscode.l10n.t('The crontab of {0} has {1} error(s): it was not installed.', who, verdict.errors),
        { modal: true, detail: vscode.l10n.t('Fix them and save again, or install it as it is.') },
        show,
        anyway,
      );
      if (picked === show) showProblems();
      if (picked !== anyway) return;
    }
    const command = crontabCommand('install', session.user, { root: isRoot() });
    const result = await run(command, document.getText());
    if (result.status === 0) void vscode.window.showInformationMessage(vscode.l10n.t('Installed the crontab of {0} ({1}).', who, command.display));
    // crontab's own words (a missing newline, a bad line, not allowed): the document stays as typed.
    else void vscode.window.showErrorMessage(vscode.l10n.t('{0} refused the crontab; nothing was installed and your text is still here: {1}', command.display, result.stderr.trim() || `exit ${result.status}`));
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('schedlint.editCrontab', async (given?: unknown) => {
      if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Edit crontab runs crontab on this machine: trust the workspace first.'));
        return;
      }
      const me = os.userInfo().username;
      const answer =
        typeof given === 'string'
          ? given
          : await vscode.window.showInputBox({
              title: vscode.l10n.t('Edit crontab'),
              prompt: vscode.l10n.t('Whose crontab? Another user is read and installed through sudo -n.'),
              value: me,
              validateInput: (value) => (value.trim() === '' || isValidUserName(value.trim()) ? undefined : vscode.l10n.t('Not a user name.')),
            });
      if (answer === undefined) return;
      const user = answer.trim() === '' || answer.trim() === me ? undefined : answer.trim();
      if (user !== undefined && !isValidUserName(user)) return;
      const command = crontabCommand('list', user, { root: isRoot() });
      const result = await run(command);
      const outcome = listOutcome(result.status, result.stdout, result.stderr, command.file === 'sudo');
      if (outcome.kind === 'denied') {
        void vscode.window.showErrorMessage(vscode.l10n.t('Cannot read the crontab of {0}: {1} said "{2}". Allow it without a password in sudoers, or run sudo crontab -u {0} -e in a terminal.', user ?? me, command.display, outcome.detail));
        return;
      }
      if (outcome.kind === 'failed') {
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} failed: {1}', command.display, outcome.detail));
        return;
      }
      let text = outcome.kind === 'crontab' ? outcome.text : undefined;
      if (text === undefined) {
        const client = getClient();
        text = client ? await client.sendRequest<string>('schedlint/crontabHeader', { user: user ?? me, host: os.hostname() }) : '';
      }
      // crontab -e's layout (crontab/kind.ts reads `crontab.XXXXXX/crontab` as a user crontab); private to the user.
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crontab.'));
      const file = path.join(folder, 'crontab');
      fs.writeFileSync(file, text, { mode: 0o600 });
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      sessions.set(document.uri.toString(), { user, folder });
      await vscode.languages.setTextDocumentLanguage(document, 'crontab');
      await vscode.window.showTextDocument(document);
    }),
    vscode.workspace.onDidSaveTextDocument(async (document) => {
      const session = sessions.get(document.uri.toString());
      if (session) {
        await install(document, session);
        return;
      }
      // crontab -e's own temporary file: crontab installs it when the editor (code --wait) closes the tab.
      if (document.languageId !== 'crontab' && document.languageId !== 'crontab-system') return;
      const verdict = await verdictOf(document);
      if (!verdict || verdict.caller !== 'crontab' || verdict.errors === 0) return;
      const show = vscode.l10n.t('Show problems');
      const picked = await vscode.window.showWarningMessage(vscode.l10n.t('crontab -e installs this file when you close the tab, with {0} error(s) in it.', verdict.errors), show);
      if (picked === show) showProblems();
    }),
    // A language change closes and reopens the document (setTextDocumentLanguage): only a document still
    // closed a little later is gone, and its temporary folder with it.
    vscode.workspace.onDidCloseTextDocument((document) => {
      const uri = document.uri.toString();
      const session = sessions.get(uri);
      if (!session) return;
      setTimeout(() => {
        if (vscode.workspace.textDocuments.some((open) => open.uri.toString() === uri)) return;
        sessions.delete(uri);
        fs.rmSync(session.folder, { recursive: true, force: true });
      }, 5000);
    }),
  );
}
