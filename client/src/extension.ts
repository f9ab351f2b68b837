// The VS Code side: starts the language server, shows the detected crontab format in the status bar and
// lets the user switch it. Everything else lives in the server and the engine.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { registerHostSchedule } from './host-schedule';
import { registerEditCrontab } from './edit-crontab';
import { registerCompareCertificate } from './compare-certificate';
import { typeWhenReady } from './terminal-input';

interface DocumentInfo {
  uri: string;
  kind: 'crontab-system' | 'crontab-user';
  reason: string;
  label: string;
  tooltip: string;
}

const FORMAT_CHOICES_KEY = 'schedlint.formatChoices';
// One grammar per language id, so the two formats are two ids; the server decides the format and the client
// keeps the id (and so the colouring of the user column) in step with it.
const LANGUAGE_FOR_KIND: Record<DocumentInfo['kind'], string> = { 'crontab-system': 'crontab-system', 'crontab-user': 'crontab' };
const isCrontab = (document: vscode.TextDocument) => document.languageId === 'crontab' || document.languageId === 'crontab-system';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'crontab' },
      { scheme: 'file', language: 'crontab-system' },
      { scheme: 'untitled', language: 'crontab' },
      { scheme: 'untitled', language: 'crontab-system' },
      // Unit files, under our language id and those of the popular systemd extensions, whichever owns the file.
      { scheme: 'file', language: 'systemd-unit-file' },
      { scheme: 'file', language: 'systemd-conf' },
      { scheme: 'untitled', language: 'systemd-unit-file' },
      // certbot's renewal files and cli.ini (package.json contributes the two languages for letsencrypt/ paths).
      { scheme: 'file', language: 'certbot-renewal' },
      { scheme: 'file', language: 'certbot-cli-ini' },
      { scheme: 'untitled', language: 'certbot-renewal' },
      { scheme: 'untitled', language: 'certbot-cli-ini' },
      // Certificate and key files, and the web servers' configuration that names them (the popular nginx and
      // Apache extensions' ids, which package.json also contributes for the files those servers read).
      { scheme: 'file', language: 'pem' },
      { scheme: 'untitled', language: 'pem' },
      { scheme: 'file', language: 'nginx' },
      { scheme: 'file', language: 'apacheconf' },
      // GitHub Actions workflows: YAML only in the folder GitHub reads them from (the server lints no other YAML),
      // and the id GitHub's own extension gives them.
      { scheme: 'file', language: 'yaml', pattern: '**/.github/workflows/*.{yml,yaml}' },
      { scheme: 'file', language: 'github-actions-workflow' },
      // Kubernetes CronJob manifests, when the user picks the language (YAML files are the YAML extension's).
      { scheme: 'file', language: 'kubernetes-cronjob' },
    ],
    // The project's .schedlint.yaml: the server lints open documents again when one changes on disk.
    synchronize: { configurationSection: 'schedlint', fileEvents: vscode.workspace.createFileSystemWatcher('**/.schedlint.{yaml,yml,json}') },
    // Host scanning reads the machine's cron jobs and timers: only in a trusted workspace.
    initializationOptions: { locale: vscode.env.language, trusted: vscode.workspace.isTrusted },
  };
  client = new LanguageClient('schedlint', 'schedlint', serverOptions, clientOptions);
  registerHostSchedule(context, () => client);
  registerEditCrontab(context, () => client);
  registerCompareCertificate(context, () => client);

  const infos = new Map<string, DocumentInfo>();
  const choices = context.workspaceState.get<Record<string, DocumentInfo['kind']>>(FORMAT_CHOICES_KEY, {});
  const status = vscode.window.createStatusBarItem('schedlint.crontabFormat', vscode.StatusBarAlignment.Right, 100);
  status.name = vscode.l10n.t('schedlint: crontab format');
  status.command = 'schedlint.selectCrontabFormat';
  context.subscriptions.push(status);

  const updateStatus = () => {
    const editor = vscode.window.activeTextEditor;
    const info = editor && isCrontab(editor.document) ? infos.get(editor.document.uri.toString()) : undefined;
    if (!info) {
      status.hide();
      return;
    }
    status.text = `$(clock) ${info.label}`;
    status.tooltip = info.tooltip;
    status.show();
  };

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    // With an argument ('crontab-system', 'crontab-user' or 'auto') it switches without asking: for keybindings,
    // tasks and the editor tests.
    vscode.commands.registerCommand('schedlint.selectCrontabFormat', async (format?: DocumentInfo['kind'] | 'auto') => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !isCrontab(editor.document) || !client) return;
      const uri = editor.document.uri.toString();
      if (format === 'crontab-system' || format === 'crontab-user' || format === 'auto') {
        if (format === 'auto') delete choices[uri];
        else choices[uri] = format;
        await context.workspaceState.update(FORMAT_CHOICES_KEY, choices);
        await client.sendNotification('schedlint/setFormat', { uri, kind: format === 'auto' ? null : format });
        return;
      }
      const items: (vscode.QuickPickItem & { format: DocumentInfo['kind'] | null })[] = [
        { label: vscode.l10n.t('System crontab'), description: vscode.l10n.t('/etc/crontab, /etc/cron.d: a user column after the schedule'), format: 'crontab-system' },
        { label: vscode.l10n.t('User crontab'), description: vscode.l10n.t('crontab -e, /var/spool/cron: no user column'), format: 'crontab-user' },
        { label: vscode.l10n.t('Detect automatically'), description: vscode.l10n.t('from the path, else from the content'), format: null },
      ];
      const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Which crontab format is this file?') });
      if (!picked) return;
      if (picked.format) choices[uri] = picked.format;
      else delete choices[uri];
      await context.workspaceState.update(FORMAT_CHOICES_KEY, choices);
      await client.sendNotification('schedlint/setFormat', { uri, kind: picked.format });
    }),
    vscode.commands.registerCommand('schedlint.restartServer', async () => {
      await client?.restart();
    }),
    // Code lenses and code actions from the server: a command typed into a new terminal, never run here; the
    // user reads it and presses Enter. Typed once the shell is ready for it (terminal-input.ts). Refused in an
    // untrusted workspace (the server does not offer it there).
    vscode.commands.registerCommand('schedlint.openTerminal', async (args?: { command?: unknown; name?: unknown }) => {
      if (!vscode.workspace.isTrusted || typeof args?.command !== 'string' || args.command === '') return;
      const terminal = vscode.window.createTerminal({ name: typeof args.name === 'string' && args.name !== '' ? args.name : 'schedlint' });
      terminal.show();
      await typeWhenReady(terminal, args.command);
    }),
  );

  await client.start();
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification('schedlint/trust', { trusted: true })));
  client.onNotification('schedlint/documentInfo', (info: DocumentInfo) => {
    infos.set(info.uri, info);
    updateStatus();
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === info.uri);
    const wanted = LANGUAGE_FOR_KIND[info.kind];
    if (document && isCrontab(document) && document.languageId !== wanted) void vscode.languages.setTextDocumentLanguage(document, wanted);
  });
  for (const [uri, kind] of Object.entries(choices)) await client.sendNotification('schedlint/setFormat', { uri, kind });
  updateStatus();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
