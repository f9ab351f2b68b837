// Findings' fixes and terminal actions as LSP code actions. A fix touching other files (a hook moved into
// cli.ini) becomes one workspace edit, creating the file when needed; a terminal action becomes a command the
// client runs by typing the text into a new terminal without pressing Enter (client/src/extension.ts,
// `schedlint.openTerminal`).
import { CodeAction, CodeActionKind, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { Finding, Fix, TerminalAction } from './engine/types';

export const OPEN_TERMINAL_COMMAND = 'schedlint.openTerminal';

export interface EditCapabilities {
  /** `workspace.workspaceEdit.documentChanges`. */
  documentChanges: boolean;
  /** `workspace.workspaceEdit.resourceOperations` includes `create`. */
  createFiles: boolean;
}

/** The workspace edit of one fix, or undefined when the client cannot apply it (a file to create, no support). */
export function fixEdit(fix: Fix, uri: string, uriOf: (hostPath: string) => string, capabilities: EditCapabilities): WorkspaceEdit | undefined {
  const others = fix.otherFiles ?? [];
  if (others.length === 0) return { changes: { [uri]: fix.edits } };
  if (others.some((other) => other.create) && !(capabilities.documentChanges && capabilities.createFiles)) return undefined;
  if (!capabilities.documentChanges) {
    const changes: Record<string, typeof fix.edits> = { [uri]: fix.edits };
    for (const other of others) changes[uriOf(other.path)] = [...(changes[uriOf(other.path)] ?? []), ...other.edits];
    return { changes };
  }
  const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = [];
  for (const other of others) {
    const otherUri = uriOf(other.path);
    if (other.create) documentChanges.push({ kind: 'create', uri: otherUri, options: { ignoreIfExists: true, overwrite: false } });
    documentChanges.push({ textDocument: { uri: otherUri, version: null }, edits: other.edits });
  }
  if (fix.edits.length > 0) documentChanges.push({ textDocument: { uri, version: null }, edits: fix.edits });
  return { documentChanges };
}

export function terminalAction(action: TerminalAction, diagnostic: Diagnostic): CodeAction {
  return {
    title: action.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: action.title, command: OPEN_TERMINAL_COMMAND, arguments: [{ command: action.command, name: 'schedlint' }] },
  };
}

export function fixActions(finding: Finding, diagnostic: Diagnostic, uri: string, uriOf: (hostPath: string) => string, capabilities: EditCapabilities, terminals: boolean): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const fix of finding.fixes ?? []) {
    const edit = fixEdit(fix, uri, uriOf, capabilities);
    if (edit) actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred, edit });
  }
  if (terminals) for (const action of finding.terminalActions ?? []) actions.push(terminalAction(action, diagnostic));
  return actions;
}
