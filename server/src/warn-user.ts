// A warning the editor shows to the user, sent as LSP's `window/showMessage` notification. Not
// connection.window.showWarningMessage: that sends `window/showMessageRequest`, a request, and a client
// without it (the protocol test harness; editors that implement only the notification) answers with an
// error, whose rejected promise nobody awaits — an unhandled rejection, which ends a Node.js 20 process.
// No action is offered to the user, so the notification says all there is.
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';

export function warnUser(connection: Connection, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
}
