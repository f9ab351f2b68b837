// Types a command into a new terminal once its shell is ready to read it, not before. Text sent while the shell
// still starts sits in the terminal's input queue: the terminal echoes it at once (it is still in canonical
// mode), then the line editor prints its prompt and the text a second time, and the user reads
// `sudo systemctl disable --now certbot.timeruser$ sudo systemctl disable --now certbot.timer`.
//
// Ready is the first of:
// - VS Code's shell integration reports the terminal (Terminal.shellIntegration and
//   window.onDidChangeTerminalShellIntegration, VS Code 1.93; our engine is ^1.82, so both are looked up at run
//   time). The injected scripts report from the prompt the shell is about to show.
// - The shell's line editor takes the terminal out of canonical mode (termios ICANON off): bash's readline,
//   zsh's ZLE, fish and PSReadLine do that when they start reading a line, and text typed from then on is
//   shown after the prompt. Read with `stty -a` on the shell's tty (Linux: /proc/<pid>/fd/0); no shell input
//   is touched.
// - READY_TIMEOUT_MS passed: typed anyway (a shell without a line editor, such as dash, never says; nor does a
//   terminal whose process we cannot see).
import { execFile } from 'node:child_process';
import { readlink } from 'node:fs/promises';
import * as vscode from 'vscode';

export const READY_TIMEOUT_MS = 8000;
const POLL_MS = 50;

export type Readiness = 'shell-integration' | 'line-editor' | 'timeout' | 'closed';

// The parts of the VS Code 1.93 API we use, for hosts that have it (@types/vscode is pinned to 1.82).
interface ShellIntegrationWindow {
  onDidChangeTerminalShellIntegration?: vscode.Event<{ terminal: vscode.Terminal }>;
}
interface ShellIntegrationTerminal {
  shellIntegration?: unknown;
}

/** Shows a new terminal's `text` at its prompt, without Enter: the user reads it and decides. */
export async function typeWhenReady(terminal: vscode.Terminal, text: string, timeoutMs = READY_TIMEOUT_MS): Promise<Readiness> {
  const readiness = await whenReady(terminal, timeoutMs);
  // A terminal closed meanwhile throws on sendText; there is no one left to read the command.
  if (readiness !== 'closed') terminal.sendText(text, false);
  return readiness;
}

/** Resolves when `terminal`'s shell is ready for input (see the header), at the latest after `timeoutMs`. */
export function whenReady(terminal: vscode.Terminal, timeoutMs = READY_TIMEOUT_MS): Promise<Readiness> {
  return new Promise((resolve) => {
    let settled = false;
    const subscriptions: vscode.Disposable[] = [];
    const settle = (readiness: Readiness) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const subscription of subscriptions) subscription.dispose();
      resolve(readiness);
    };
    const timer = setTimeout(() => settle('timeout'), timeoutMs);
    subscriptions.push(vscode.window.onDidCloseTerminal((closed) => closed === terminal && settle('closed')));
    const onShellIntegration = (vscode.window as ShellIntegrationWindow).onDidChangeTerminalShellIntegration;
    if (typeof onShellIntegration === 'function') {
      subscriptions.push(onShellIntegration((event) => event.terminal === terminal && settle('shell-integration')));
    }
    if ((terminal as ShellIntegrationTerminal).shellIntegration) settle('shell-integration');
    void lineEditorReady(terminal, () => settled).then((ready) => ready && settle('line-editor'));
  });
}

/**
 * Polls the shell's terminal until a line editor has turned canonical mode off. False when that cannot be known
 * here (not Linux, no process id, the process not on this machine, no stty) or when `stop()` says so.
 */
async function lineEditorReady(terminal: vscode.Terminal, stop: () => boolean): Promise<boolean> {
  if (process.platform !== 'linux') return false;
  const pid = await terminal.processId;
  if (!pid) return false;
  while (!stop()) {
    // Read every time: between fork and exec the child's stdin is not yet the terminal.
    const tty = await readlink(`/proc/${pid}/fd/0`).catch(() => undefined);
    if (tty === undefined) return false; // gone, or another machine's process
    if (/^\/dev\/(pts\/\d+|tty\w*)$/.test(tty)) {
      const flags = await sttyFlags(tty);
      if (flags === undefined) return false;
      if (flags.includes('-icanon')) return true;
    }
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
  return false;
}

/** The words of `stty -a` for `tty` (`icanon` or `-icanon` among them), or undefined when stty fails. */
function sttyFlags(tty: string): Promise<string[] | undefined> {
  return new Promise((resolve) => {
    execFile('stty', ['-F', tty, '-a'], { timeout: 2000 }, (error, stdout) => resolve(error ? undefined : stdout.split(/[\s;]+/)));
  });
}
