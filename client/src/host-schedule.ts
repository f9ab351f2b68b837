// "schedlint: Show host schedule": a webview with the host's timeline (cron runs as ticks, timer windows as
// bands) drawn by the language server (`schedlint/hostTimeline`), its legend, and the list of jobs and timers;
// clicking one opens its file at its line. The page runs one script carrying a nonce and may load nothing
// (strict CSP, no local resource roots); the script only ever sends a row id, which is looked up here.
// In Restricted Mode the host is not read at all and the page says so.
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

// Types only (erased from the bundle): the client shares the server's shapes instead of copying them.
import type { Timeline, TimelineRow } from '../../server/src/engine/schedule/timeline';
import type { HostTimelineResult as ServerResult } from '../../server/src/engine/schedule/timeline-host';

/** Result of the `schedlint/hostTimeline` request, with `root`: the folder host paths are under (default `/`). */
type HostTimelineResult = (ServerResult & { root?: string }) | { unavailable: string };

export const SHOW_HOST_SCHEDULE = 'schedlint.showHostSchedule';

export function registerHostSchedule(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  let panel: vscode.WebviewPanel | undefined;
  let rows = new Map<string, TimelineRow>();
  let root = '/';

  const render = async () => {
    if (!panel) return;
    const webview = panel.webview;
    if (!vscode.workspace.isTrusted) {
      webview.html = page(webview, messagePage(vscode.l10n.t('Host scanning is off in Restricted Mode: schedlint does not read the cron jobs and timers of this machine until you trust the workspace.')));
      return;
    }
    const languageClient = client();
    if (!languageClient || !languageClient.isRunning()) {
      webview.html = page(webview, messagePage(vscode.l10n.t('The schedlint language server is not running.')));
      return;
    }
    webview.html = page(webview, messagePage(vscode.l10n.t('Reading the host schedule…')));
    try {
      const uri = vscode.window.activeTextEditor?.document.uri.toString();
      const result = await languageClient.sendRequest<HostTimelineResult>('schedlint/hostTimeline', { ...(uri ? { uri } : {}), hours: 24 });
      if (!panel) return;
      if ('unavailable' in result) {
        webview.html = page(webview, messagePage(result.unavailable));
        return;
      }
      rows = new Map(result.timeline.groups.flatMap((group) => group.rows).map((row) => [row.id, row]));
      root = result.root ?? '/';
      webview.html = page(webview, timelinePage(result));
    } catch (error) {
      if (panel) webview.html = page(webview, messagePage(vscode.l10n.t('Could not read the host schedule: {0}', (error as Error).message)));
    }
  };

  const open = async (id: unknown) => {
    const row = typeof id === 'string' ? rows.get(id) : undefined;
    if (!row) return;
    const file = vscode.Uri.file(root === '/' ? row.path : path.join(root, ...row.path.split('/')));
    const position = new vscode.Position(Math.max(0, row.line), 0);
    try {
      await vscode.window.showTextDocument(file, { viewColumn: vscode.ViewColumn.Beside, selection: new vscode.Range(position, position), preview: true });
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot open {0}: {1}', row.path, (error as Error).message));
    }
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_HOST_SCHEDULE, async () => {
      if (panel) {
        panel.reveal();
      } else {
        panel = vscode.window.createWebviewPanel('schedlint.hostSchedule', vscode.l10n.t('Host schedule'), vscode.ViewColumn.Active, {
          enableScripts: true,
          localResourceRoots: [],
        });
        panel.onDidDispose(() => (panel = undefined), undefined, context.subscriptions);
        panel.webview.onDidReceiveMessage(
          (message: { type?: unknown; id?: unknown }) => {
            if (message?.type === 'open') void open(message.id);
            else if (message?.type === 'refresh') void render();
          },
          undefined,
          context.subscriptions,
        );
      }
      await render();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void render()),
  );
  void vscode.commands.executeCommand('setContext', 'schedlint.active', true);
}

interface Body {
  title: string;
  html: string;
}

function messagePage(message: string): Body {
  return { title: vscode.l10n.t('Host schedule'), html: `<p class="message">${escape(message)}</p>` };
}

function timelinePage(result: { svg: string; timeline: Timeline }): Body {
  const { timeline } = result;
  const groups = timeline.groups
    .map((group) => {
      const items = group.rows
        .map((row) => {
          const state = row.active ? '' : `<div class="off">${escape(row.inactiveReason ?? '')}</div>`;
          const notes = row.notes.map((note) => `<div class="note">${escape(note)}</div>`).join('');
          return (
            `<tr class="item${row.active ? '' : ' inactive'}" data-id="${escape(row.id)}" tabindex="0" title="${escape(vscode.l10n.t('Open {0}', `${row.path}:${row.line + 1}`))}">` +
            `<td class="label">${escape(row.label)}</td><td><code>${escape(row.schedule)}</code></td>` +
            `<td>${state}<div>${escape(row.nextText)}</div>${notes}</td></tr>`
          );
        })
        .join('');
      return `<tbody><tr><th colspan="3" scope="rowgroup">${escape(group.title)}</th></tr>${items}</tbody>`;
    })
    .join('');
  return {
    title: timeline.title,
    html:
      `<header><div><h1>${escape(timeline.title)}</h1><p class="subtitle">${escape(timeline.subtitle)}</p></div>` +
      `<button id="refresh">${escape(vscode.l10n.t('Refresh'))}</button></header>` +
      `<div class="picture">${result.svg}</div>` +
      (timeline.empty ? `<p class="message">${escape(timeline.empty)}</p>` : `<table aria-label="${escape(vscode.l10n.t('Jobs and timers'))}">${groups}</table>`),
  };
}

function page(webview: vscode.Webview, body: Body): string {
  const nonce = randomBytes(16).toString('base64');
  // The SVG's own <style> needs the nonce too: style-src allows nothing else.
  const html = body.html.replace(/<style>/g, `<style nonce="${nonce}">`);
  return `<!DOCTYPE html>
<html lang="${escape(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${webview.cspSource} data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escape(body.title)}</title>
<style nonce="${nonce}">
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 16px 24px; }
header { display: flex; align-items: flex-start; justify-content: space-between; gap: 16px; }
h1 { font-size: 1.3em; font-weight: 600; margin: 16px 0 2px; }
th { text-align: left; font-weight: 600; padding: 16px 8px 4px; color: var(--vscode-descriptionForeground); font-family: var(--vscode-editor-font-family); }
.subtitle, .note, .off { color: var(--vscode-descriptionForeground); }
.off { font-style: italic; }
.message { margin-top: 24px; }
button { margin-top: 16px; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 12px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
.picture { overflow-x: auto; margin: 8px 0; }
.picture svg .bg { fill: transparent; }
.picture svg g.row { cursor: pointer; }
table { border-collapse: collapse; width: 100%; }
td { padding: 4px 8px; vertical-align: top; border-bottom: 1px solid var(--vscode-widget-border, rgba(128,128,128,.2)); }
td.label { white-space: nowrap; width: 1%; color: var(--vscode-textLink-foreground); }
tr.item { cursor: pointer; }
tr.item:hover, tr.item:focus { background: var(--vscode-list-hoverBackground); outline: none; }
tr.item:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
tr.inactive td.label { color: var(--vscode-disabledForeground); }
td:nth-child(2) { white-space: nowrap; width: 1%; }
code { font-family: var(--vscode-editor-font-family); }
</style>
</head>
<body>
${html}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
for (const element of document.querySelectorAll('[data-id]')) {
  const open = () => vscode.postMessage({ type: 'open', id: element.getAttribute('data-id') });
  element.addEventListener('click', open);
  element.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); open(); } });
}
document.getElementById('refresh')?.addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
</script>
</body>
</html>`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
