// "schedlint: Compare Certificate With…": asks for the other file (the certificate this one replaces), lets the
// server compare them through the document's format (`schedlint/compare`), and shows its markdown beside the
// editor (an untitled markdown document). The comparison itself lives in the engine (certificate/compare.ts); this only picks and shows.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

type CompareAnswer = { title: string; markdown: string } | { unavailable: string };

export function registerCompareCertificate(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    // With a file URI as argument it compares without asking: for the editor tests and keybindings.
    vscode.commands.registerCommand('schedlint.compareCertificate', async (other?: vscode.Uri | string) => {
      const editor = vscode.window.activeTextEditor;
      const running = client();
      if (!editor || !running) return undefined;
      let target = typeof other === 'string' ? vscode.Uri.parse(other) : other;
      if (!target) {
        const picked = await vscode.window.showOpenDialog({
          canSelectMany: false,
          defaultUri: vscode.Uri.joinPath(editor.document.uri, '..'),
          openLabel: vscode.l10n.t('Compare'),
          title: vscode.l10n.t('The certificate this one replaces'),
          filters: { [vscode.l10n.t('Certificates')]: ['crt', 'pem', 'cer', 'der'], '*': ['*'] },
        });
        target = picked?.[0];
      }
      if (!target) return undefined;
      const answer = await running.sendRequest<CompareAnswer>('schedlint/compare', { uri: editor.document.uri.toString(), other: target.toString() });
      if ('unavailable' in answer) {
        void vscode.window.showWarningMessage(answer.unavailable);
        return answer;
      }
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: `# ${answer.title}\n\n${answer.markdown}\n` });
      // A markdown document beside the certificate: readable as it is, and Ctrl+Shift+V previews it.
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
      return answer;
    }),
  );
}
