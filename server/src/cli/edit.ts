// `schedlint edit FILE…`: an editor wrapper in the manner of visudo. Set as the editor of `crontab -e`,
// `sudoedit` or `systemctl edit`, it runs the real editor, lints what was written, and lets the caller install
// it only when there are no errors (or the user says to keep it anyway). What each caller does with the
// wrapper's exit status, and the temporary paths they use, are in docs/edit.md.
//
// The wrapper never runs anything it read from the file: the only program it starts is the editor named by
// the environment, the way the callers start it (`/bin/sh -c '<editor> "$@"'`, as Debian's and cronie's
// crontab do with `sh -c "<editor> <file>"`).
import type * as ChildProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { applyPreferredFixes, editedFile, editVerdict } from '../engine/edit/edit-check';
import { HostFacts } from '../engine/host/facts';
import { FsHost } from '../engine/host/fs-host';
import { translate, type MessageKey, type MessageParams } from '../engine/i18n/catalog';
import { lintFileText, type FileReport } from '../engine/scan';
import type { Locale } from '../engine/types';
import { argumentLocale, checkOptionNames, UsageError, usageErrorLine } from './args';
import { formatText } from './output';
import type { CliIo } from './io';

// Set in the editor's environment: a `schedlint edit` started by it (an editor variable that names us through a
// script of its own) stops instead of starting editors forever.
const NESTED = 'SCHEDLINT_EDIT_ACTIVE';
const OPTIONS = { lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

/** What the wrapper needs of the process beyond CliIo: the terminal, and a line typed on it. */
export interface EditTerminal {
  isInteractive: boolean;
  readLine: () => string | undefined;
}

export function runEditCommand(argv: string[], io: CliIo, terminal: EditTerminal = processTerminal()): number {
  const locale = argumentLocale(argv, io.env);
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  let parsed;
  try {
    checkOptionNames(argv, OPTIONS);
    try {
      parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
    } catch (error) {
      throw new UsageError('cli.error.arguments', { detail: (error as Error).message });
    }
    if (!parsed.values.help && parsed.positionals.length === 0) throw new UsageError('edit.error.noFile');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(usageErrorLine(error, locale, 'schedlint edit'));
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(t('edit.usage') + '\n');
    return 0;
  }
  const editor = chooseEditor(io.env);
  if (io.env[NESTED] === '1' || isSchedlintEdit(editor)) {
    io.stderr(t('edit.loop', { editor }) + '\n');
    return 2;
  }
  const files = parsed.positionals.map((given) => path.resolve(given));
  const sudoeditPaths = sudoeditArguments(process.ppid);
  // What each file held before: put back when the edit is refused (sudoedit installs whatever the temporary
  // file holds, whatever the editor's exit status; see docs/edit.md).
  const before = files.map(snapshot);

  for (;;) {
    const status = runEditor(editor, files, io, t);
    if (status !== 0) {
      // An editor quit with an error (vim's :cq) means "abandon": crontab and systemctl edit install nothing
      // then, but sudoedit installs the file as it is, so it gets its old text back (and a copy is kept of
      // anything typed).
      if (files.some((file, index) => snapshot(file).text !== before[index].text)) refuse(files, before, io, t);
      return status;
    }
    const reports: FileReport[] = [];
    const typed: string[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (error) {
        // The editor quit without saving a file that did not exist: say so in our words, not Node's ENOENT.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') io.stderr(t('edit.missingAfterEdit', { path: file }) + '\n');
        else io.stderr(t('edit.unreadable', { path: file, detail: (error as Error).message }) + '\n');
        return 1;
      }
      typed.push(text);
      reports.push(lintEdited(file, text, locale, sudoeditPaths));
    }
    const verdicts = reports.map((report) => editVerdict(report.findings));
    const errors = verdicts.reduce((sum, verdict) => sum + verdict.errors, 0);
    const warnings = verdicts.reduce((sum, verdict) => sum + verdict.warnings, 0);
    if (errors === 0) {
      if (warnings > 0) io.stderr(formatText(reports, locale));
      return 0;
    }
    io.stderr(formatText(reports, locale));
    if (!terminal.isInteractive) {
      io.stderr(t('edit.refused', { errors }) + '\n');
      return refuse(files, before, io, t);
    }
    const fixable = verdicts.some((verdict) => verdict.fixable > 0);
    // While the question is open, the files hold what they held before and what was typed is in a copy and in
    // memory: a ^C, a hang-up or a killed terminal then ends the wrapper with nothing to install, even under
    // sudoedit, which installs whatever the file holds when its editor ends, whatever the status.
    const copies = files.map((file) => keepCopy(file, io.env));
    files.forEach((file, index) => putBack(file, before[index]));
    const answer = ask(terminal, io, t, fixable);
    if (answer === 'd') {
      io.stderr(t('edit.discarded') + '\n');
      copies.forEach((copy, index) => io.stderr((copy.ok ? t('edit.copyKept', { copy: copy.path }) : t('edit.copyFailed', { detail: copy.detail, path: files[index] })) + '\n'));
      return 1;
    }
    // Any other answer goes on with the typed text: back in the files, and no copy of it needed.
    files.forEach((file, index) => fs.writeFileSync(file, typed[index]));
    for (const copy of copies) if (copy.ok) fs.rmSync(copy.path, { force: true });
    if (answer === 'k') {
      io.stderr(t('edit.keptAnyway', { errors }) + '\n');
      return 0;
    }
    if (answer === 'f') {
      let count = 0;
      reports.forEach((report, index) => {
        const fixed = applyPreferredFixes(typed[index], report.findings);
        if (fixed.edits > 0) fs.writeFileSync(files[index], fixed.text);
        count += fixed.edits;
      });
      io.stderr(t('edit.fixesApplied', { count }) + '\n');
    }
  }
}

/**
 * The real editor: SCHEDLINT_EDITOR, else the first of VISUAL and EDITOR that is not schedlint itself, else
 * `editor` (Debian's alternative), else `vi`.
 */
export function chooseEditor(env: NodeJS.ProcessEnv): string {
  if (env.SCHEDLINT_EDITOR && env.SCHEDLINT_EDITOR.trim() !== '') return env.SCHEDLINT_EDITOR;
  for (const value of [env.VISUAL, env.EDITOR]) {
    if (value && value.trim() !== '' && !isSchedlintEdit(value)) return value;
  }
  return onPath('editor', env) ? 'editor' : 'vi';
}

/** `schedlint edit`, `/usr/bin/schedlint edit`, `node …/schedlint.js edit`: a value that would start us again. */
export function isSchedlintEdit(value: string): boolean {
  const words = value.trim().split(/[ \t]+/);
  const index = words.findIndex((word) => /^schedlint(\.js)?$/.test(path.posix.basename(word.replace(/^["']|["']$/g, ''))));
  return index >= 0 && words[index + 1] === 'edit';
}

function onPath(name: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '/usr/bin:/bin').split(':').some((folder) => folder !== '' && isExecutable(path.join(folder, name)));
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Runs the editor as the callers do: the value through `/bin/sh`, so `code --wait` and a quoted path work as
 * they do under crontab -e; the files as separate arguments ("$@"), never pasted into the command line.
 */
function runEditor(editor: string, files: string[], io: CliIo, t: (key: MessageKey, params?: MessageParams) => string): number {
  // Required here, not at the top: node:child_process (with node:net) costs every other run ~3 ms to load.
  const { spawnSync } = require('node:child_process') as typeof ChildProcess;
  const result = spawnSync('/bin/sh', ['-c', `${editor} "$@"`, 'sh', ...files], { stdio: 'inherit', env: { ...io.env, [NESTED]: '1' } });
  if (result.error) {
    io.stderr(t('edit.editorNotStarted', { editor, detail: result.error.message }) + '\n');
    return 1;
  }
  const status = result.status ?? 128 + (os.constants.signals[result.signal as NodeJS.Signals] ?? 0);
  if (status !== 0) io.stderr(t('edit.editorFailed', { editor, status }) + '\n');
  return status;
}

/** The file linted as what it will become: a user crontab for crontab -e's copy, a drop-in for systemctl edit's. */
function lintEdited(file: string, text: string, locale: Locale, sudoeditPaths: readonly string[]): FileReport {
  // The host's cron dialect (os-release) and users (/etc/passwd): the file is about to be installed here.
  const facts = new HostFacts(new FsHost('/'));
  const edited = editedFile(file, sudoeditPaths);
  const report = lintFileText(text, edited.lintPath, { facts, locale });
  return { ...report, path: file };
}

interface Snapshot {
  text: string | undefined;
  mtime?: Date;
  atime?: Date;
}

function snapshot(file: string): Snapshot {
  try {
    const stat = fs.statSync(file);
    return { text: fs.readFileSync(file, 'utf8'), mtime: stat.mtime, atime: stat.atime };
  } catch {
    return { text: undefined };
  }
}

/**
 * Keeps a copy of what was typed, puts each file back as it was before the editor ran (text and times: Debian's
 * crontab then says "No modification made", sudoedit "unchanged"), and exits 1, so no caller installs it.
 */
function refuse(files: string[], before: Snapshot[], io: CliIo, t: (key: MessageKey, params?: MessageParams) => string): number {
  files.forEach((file, index) => {
    const copy = keepCopy(file, io.env);
    if (copy.ok) io.stderr(t('edit.copyKept', { copy: copy.path }) + '\n');
    else io.stderr(t('edit.copyFailed', { detail: copy.detail, path: file }) + '\n');
    putBack(file, before[index]);
  });
  return 1;
}

/** The file as it was before the editor ran: its text and times. */
function putBack(file: string, old: Snapshot): void {
  try {
    if (old.text === undefined) fs.writeFileSync(file, '');
    else {
      fs.writeFileSync(file, old.text);
      if (old.atime && old.mtime) fs.utimesSync(file, old.atime, old.mtime);
    }
  } catch {
    // The caller still sees the non-zero status and installs nothing; a copy holds the text.
  }
}

/** Where discarded edits are kept: $XDG_STATE_HOME/schedlint/discarded, else ~/.local/state/schedlint/discarded. */
export function discardFolder(env: NodeJS.ProcessEnv): string {
  const state = env.XDG_STATE_HOME && path.isAbsolute(env.XDG_STATE_HOME) ? env.XDG_STATE_HOME : path.join(env.HOME || os.homedir(), '.local', 'state');
  return path.join(state, 'schedlint', 'discarded');
}

function keepCopy(file: string, env: NodeJS.ProcessEnv): { ok: true; path: string } | { ok: false; detail: string } {
  const kept = copyInto(file, () => {
    const folder = discardFolder(env);
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    return folder;
  });
  // A home that is not writable (sudo keeping another user's HOME): a private folder in the temp directory.
  return kept.ok ? kept : copyInto(file, () => fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-discarded-')));
}

function copyInto(file: string, makeFolder: () => string): { ok: true; path: string } | { ok: false; detail: string } {
  try {
    const folder = makeFolder();
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    // crontab -e's copy is always named `crontab`: the folder it sat in keeps two edits apart.
    const name = `${stamp}-${path.basename(path.dirname(file))}-${path.basename(file)}`.replace(/[^A-Za-z0-9._-]/g, '_');
    const copy = path.join(folder, name);
    fs.copyFileSync(file, copy, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(copy, 0o600);
    return { ok: true, path: copy };
  } catch (error) {
    return { ok: false, detail: (error as Error).message };
  }
}

type Answer = 'e' | 'f' | 'd' | 'k';

/** visudo's "What now?": one letter; end of input is a discard (nothing installed is the safe side). */
function ask(terminal: EditTerminal, io: CliIo, t: (key: MessageKey, params?: MessageParams) => string, fixable: boolean): Answer {
  for (;;) {
    io.stderr(t(fixable ? 'edit.prompt.withFixes' : 'edit.prompt.noFixes'));
    const line = terminal.readLine();
    if (line === undefined) {
      io.stderr('\n');
      return 'd';
    }
    const answer = line.trim().toLowerCase();
    if (answer === 'e' || answer === 'd' || answer === 'k' || (answer === 'f' && fixable)) return answer;
    io.stderr(t('edit.prompt.invalid') + '\n');
  }
}

/** The process's terminal: both standard input and standard error on one, as visudo requires to ask. */
function processTerminal(): EditTerminal {
  return {
    isInteractive: Boolean(process.stdin.isTTY && process.stderr.isTTY),
    readLine: () => readLineFrom(0),
  };
}

function readLineFrom(fd: number): string | undefined {
  const bytes: number[] = [];
  const buffer = Buffer.alloc(1);
  for (;;) {
    let read: number;
    try {
      read = fs.readSync(fd, buffer, 0, 1, null);
    } catch (error) {
      // A non-blocking terminal with nothing typed yet: wait a little instead of spinning.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
        continue;
      }
      return bytes.length > 0 ? Buffer.from(bytes).toString('utf8') : undefined;
    }
    if (read === 0) return bytes.length > 0 ? Buffer.from(bytes).toString('utf8') : undefined;
    if (buffer[0] === 0x0a) return Buffer.from(bytes).toString('utf8');
    bytes.push(buffer[0]);
  }
}

// sudo's options that take a value (sudo(8), sudo 1.9.13 src/parse_args.c), short and long, so that
// `sudoedit -u www-data FILE`, `sudo -nu backup -e FILE` and `sudoedit --user=backup FILE` do not read the user as a file.
const SUDO_VALUE_LETTERS = 'CDghpRrTtUu';
const SUDO_VALUE_LONG = new Set(['--close-from', '--chdir', '--group', '--host', '--prompt', '--chroot', '--role', '--command-timeout', '--type', '--other-user', '--user']);

/**
 * The files a `sudoedit` (or `sudo -e`) that started this process was given, read from its command line: the
 * editor's parent is that sudo process, and its /proc/PID/cmdline is readable by the user it runs the editor as
 * (checked with sudo 1.9.13 on Debian 12; its working folder is not, so a relative path is resolved against
 * ours, which is the folder sudoedit was run in). Empty when the parent is not sudo. Nothing is run.
 */
export function sudoeditArguments(parent: number, readCmdline = (pid: number) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8')): string[] {
  let argv: string[];
  try {
    argv = readCmdline(parent).split('\0').filter((word) => word !== '');
  } catch {
    return [];
  }
  const program = path.basename(argv[0] ?? '');
  if (program !== 'sudo' && program !== 'sudoedit') return [];
  let edits = program === 'sudoedit';
  const files: string[] = [];
  // As getopt_long reads them: a cluster of short flags ends at a letter that takes a value (the rest of the
  // word, else the next word); a long option takes `=value` or the next word; `--` ends the options.
  for (let index = 1; index < argv.length; index++) {
    const word = argv[index];
    if (word === '--') {
      files.push(...argv.slice(index + 1));
      break;
    }
    if (word.startsWith('--')) {
      const name = word.split('=')[0];
      if (name === '--edit') edits = true;
      else if (SUDO_VALUE_LONG.has(name) && !word.includes('=')) index++;
    } else if (word.startsWith('-') && word.length > 1) {
      for (let at = 1; at < word.length; at++) {
        if (word[at] === 'e') edits = true;
        if (SUDO_VALUE_LETTERS.includes(word[at])) {
          if (at === word.length - 1) index++;
          break;
        }
      }
    } else {
      files.push(word);
    }
  }
  return edits ? files.map((file) => path.resolve(file)) : [];
}