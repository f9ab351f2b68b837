// The language server's side of "schedlint: Edit crontab…" (issue #23): the client asks here whether a saved
// document may be installed and what an empty crontab starts with, so those decisions are the engine's
// (engine/edit/edit-check.ts) and tested without VS Code. The client only runs `crontab` and shows dialogs.
import type { Connection } from 'vscode-languageserver/node';
import { editedFile, editVerdict, emptyCrontabText, type EditVerdictResult } from './engine/edit/edit-check';
import type { Finding, Locale } from './engine/types';

export interface EditVerdictParams {
  uri: string;
}

export interface CrontabHeaderParams {
  user: string;
  host: string;
}

export function registerEditRequests(
  connection: Connection,
  options: { findings: (uri: string) => { findings: Finding[]; hostPath?: string } | undefined; locale: () => Locale },
): void {
  connection.onRequest('schedlint/editVerdict', (params: EditVerdictParams): EditVerdictResult | null => {
    const outcome = options.findings(params.uri);
    if (!outcome) return null;
    return { ...editVerdict(outcome.findings), caller: outcome.hostPath ? editedFile(outcome.hostPath).caller : 'unknown' };
  });
  connection.onRequest('schedlint/crontabHeader', (params: CrontabHeaderParams): string => emptyCrontabText(params.user, params.host, options.locale()));
}
