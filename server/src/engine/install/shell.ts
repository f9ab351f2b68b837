// Just enough of the POSIX shell command language (XCU 2.2–2.10: quoting, operators, redirections, here-documents)
// to find the commands that install a crontab in a Dockerfile RUN line or a script: cp/install/mv/cat > into
// cron's folders, `crontab FILE`, `… | crontab -`, `crontab - < FILE`, chmod/chown, supercronic and go-crond. Anything with a
// parameter or command substitution is left alone (its value is unknown), never guessed.
// The lexing (words, simple commands, operators) is in install/shell-words.ts; this file reads what the
// commands do.
import * as path from 'node:path';
import type { Position, Range, TextEdit } from '../types';
import type { SimpleCommand, Word } from './shell-words';

/** What one shell command does to crontabs, in image/host paths (resolved against the working folder). */
export type ShellAction =
  | { type: 'place'; source: string; target: string; targetIsFolder: boolean; mode?: number; owner?: string; command: SimpleCommand }
  /** `withoutOperand`: `crontab < FILE`, which only cronie reads as an install (see crontabAction). */
  | { type: 'crontab'; file: string; user?: string; command: SimpleCommand; stdin: boolean; withoutOperand?: boolean }
  | { type: 'mode'; paths: string[]; change: ModeChange; command: SimpleCommand }
  | { type: 'owner'; paths: string[]; owner: string; command: SimpleCommand }
  | { type: 'read'; program: 'supercronic' | 'go-crond'; file: string; user?: string; system: boolean; command: SimpleCommand };

export type ModeChange = (mode: number) => number;

// Wrappers that run the rest of the line as the command.
const PREFIXES = new Set(['sudo', 'exec', 'env', 'nohup', 'command', 'busybox', 'doas', 'time']);

/**
 * Reads the commands of a shell text. `cwd` is the working folder (WORKDIR) and changes with `cd`; relative
 * paths are resolved against it. Paths that contain substitutions are dropped.
 */
export function shellActions(commands: SimpleCommand[], cwd: string): ShellAction[] {
  const actions: ShellAction[] = [];
  const resolve = (file: string) => (file.startsWith('/') ? path.posix.normalize(file) : path.posix.join(cwd, file));
  for (const command of commands) {
    let words = command.words;
    while (words.length > 0 && (PREFIXES.has(words[0].text) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0].text))) {
      // `sudo -u www-data …`, `env -i …`: drop the wrapper's options too.
      const wrapper = words[0].text;
      words = words.slice(1);
      if (wrapper === 'sudo' || wrapper === 'env' || wrapper === 'doas') {
        while (words.length > 0 && words[0].text.startsWith('-')) words = words.slice(/^-[ugCchpDrt]$/.test(words[0].text) && words.length > 1 ? 2 : 1);
      }
    }
    if (words.length === 0) continue;
    const name = path.posix.basename(words[0].text);
    const args: Word[] = [];
    const redirects: { op: string; target?: Word }[] = [];
    for (let i = 1; i < words.length; i++) {
      if (words[i].redirect) redirects.push({ op: words[i].redirect!, target: words[++i] });
      else args.push(words[i]);
    }
    if (words[0].expands) continue;
    const known = args.every((arg) => !arg.expands);
    if (name === 'cd' && args.length === 1 && known) {
      cwd = resolve(args[0].text);
      continue;
    }
    if (name === 'crontab') {
      const action = crontabAction(args, redirects, resolve, command, commands);
      actions.push(...action);
      continue;
    }
    if ((name === 'cp' || name === 'mv' || name === 'install') && known) {
      const place = copyAction(name, args, resolve, command);
      if (place) actions.push(...place);
      continue;
    }
    if (name === 'cat' && known) {
      const out = redirects.find((redirect) => redirect.op === '>' || redirect.op === '>|');
      const sources = args.filter((arg) => !arg.text.startsWith('-'));
      if (out?.target && !out.target.expands && sources.length === 1) {
        actions.push({ type: 'place', source: resolve(sources[0].text), target: resolve(out.target.text), targetIsFolder: false, command });
      }
      continue;
    }
    if (name === 'chmod' && known) {
      const operands = args.filter((arg) => !/^-[RfvHLP]+$/.test(arg.text));
      const change = operands.length >= 2 ? parseModeChange(operands[0].text) : undefined;
      if (change) actions.push({ type: 'mode', paths: operands.slice(1).map((arg) => resolve(arg.text)), change, command });
      continue;
    }
    if (name === 'chown' && known) {
      const operands = args.filter((arg) => !arg.text.startsWith('-'));
      if (operands.length >= 2) actions.push({ type: 'owner', paths: operands.slice(1).map((arg) => resolve(arg.text)), owner: operands[0].text.split(/[:.]/)[0], command });
      continue;
    }
    if (name === 'supercronic') {
      // supercronic [flags] CRONTAB: the crontab is the last operand; flags like -split-logs take no value
      // except the ones below (README, `supercronic -help`).
      const operands: Word[] = [];
      for (let i = 0; i < args.length; i++) {
        if (/^--?(prometheus-listen-address|sentry-dsn|sentryDsn|sentry-environment|sentry-release|sentry-alias|overlapping|inotify|passthrough-logs|quiet|debug|json|split-logs|test|no-reap|reap-grace-period)=/.test(args[i].text)) continue;
        if (/^--?(prometheus-listen-address|sentry-dsn|sentryDsn|sentry-environment|sentry-release|reap-grace-period)$/.test(args[i].text)) {
          i++;
          continue;
        }
        if (args[i].text.startsWith('-')) continue;
        operands.push(args[i]);
      }
      const file = operands[operands.length - 1];
      if (file && !file.expands) actions.push({ type: 'read', program: 'supercronic', file: resolve(file.text), system: false, command });
      continue;
    }
    if (name === 'go-crond') {
      // go-crond FILE (system format, with user) or USER:FILE (user format run as USER); README "Examples".
      for (const arg of args) {
        if (arg.text.startsWith('-') || arg.expands) continue;
        const match = arg.text.match(/^([a-z_][a-z0-9_-]*):(.+)$/i);
        if (match) actions.push({ type: 'read', program: 'go-crond', file: resolve(match[2]), user: match[1], system: false, command });
        else actions.push({ type: 'read', program: 'go-crond', file: resolve(arg.text), system: true, command });
      }
    }
  }
  return actions;
}

function crontabAction(args: Word[], redirects: { op: string; target?: Word }[], resolve: (file: string) => string, command: SimpleCommand, commands: SimpleCommand[]): ShellAction[] {
  let user: string | undefined;
  const operands: Word[] = [];
  for (let i = 0; i < args.length; i++) {
    const text = args[i].text;
    if (text === '-u') {
      user = args[++i]?.text;
      continue;
    }
    if (text.startsWith('-u') && text.length > 2) {
      user = text.slice(2);
      continue;
    }
    // -l, -r, -e, -i: not an install. (Debian's -n, cronie's -n HOST, -c: not either.)
    if (/^-[lreiTsn]/.test(text) || text === '-c') return [];
    if (text === '-') {
      operands.push(args[i]);
      continue;
    }
    if (text.startsWith('-')) continue;
    operands.push(args[i]);
  }
  if (operands.length > 1 || operands.some((operand) => operand.expands)) return [];
  if (user !== undefined && /[$`]/.test(user)) user = undefined;
  const file = operands[0];
  if (file && file.text !== '-') return [{ type: 'crontab', file: resolve(file.text), user, command, stdin: false }];
  // `crontab - < FILE` reads FILE on every cron. `crontab < FILE` (no operand) reads it only on cronie 1.5.6
  // and later, or before 1.5.3, when stdin is not a terminal (cronie src/crontab.c parse_args); Debian's
  // crontab (3.0pl1-162 crontab.c parse_args) and busybox's (miscutils/crontab.c) stop with a usage error.
  const input = redirects.filter((redirect) => redirect.op === '<').pop()?.target;
  if (input) return input.expands ? [] : [{ type: 'crontab', file: resolve(input.text), user, command, stdin: false, withoutOperand: !file }];
  // `cat FILE | crontab -`, `(crontab -l; cat FILE) | crontab -`: the files cat feeds into the pipe.
  if (command.stage === 0) return [];
  const actions: ShellAction[] = [];
  for (const earlier of commands) {
    if (earlier.pipeline !== command.pipeline && !(earlier.grouped && earlier.pipeline < command.pipeline && sameGroupPipeline(earlier, command, commands))) continue;
    if (earlier === command || earlier.end > command.start) continue;
    if (earlier.words[0]?.text !== 'cat') continue;
    for (const arg of earlier.words.slice(1)) {
      if (arg.redirect || arg.text.startsWith('-') || arg.expands) break;
      actions.push({ type: 'crontab', file: resolve(arg.text), user, command, stdin: true });
    }
  }
  return actions;
}

// `(crontab -l; cat f) | crontab -`: the group's commands end their own pipelines with `;`, so also look at
// the grouped commands right before the pipe that feeds this crontab.
function sameGroupPipeline(earlier: SimpleCommand, command: SimpleCommand, commands: SimpleCommand[]): boolean {
  const index = commands.indexOf(command);
  const previous = commands[index - 1];
  if (!previous || previous.after?.text !== '|' || !previous.grouped) return false;
  for (let i = index - 1; i >= 0 && commands[i].grouped; i--) if (commands[i] === earlier) return true;
  return false;
}

function copyAction(name: string, args: Word[], resolve: (file: string) => string, command: SimpleCommand): ShellAction[] | undefined {
  const operands: string[] = [];
  let folder: string | undefined;
  let mode: number | undefined;
  let owner: string | undefined;
  let makeFolders = false;
  for (let i = 0; i < args.length; i++) {
    const text = args[i].text;
    if (name === 'install' && (text === '-m' || text === '--mode')) {
      mode = parseModeChange(args[++i]?.text ?? '')?.(0o755);
      continue;
    }
    if (name === 'install' && text.startsWith('--mode=')) {
      mode = parseModeChange(text.slice(7))?.(0o755);
      continue;
    }
    if (name === 'install' && (text === '-o' || text === '--owner')) {
      owner = args[++i]?.text;
      continue;
    }
    if (name === 'install' && (text === '-g' || text === '--group')) {
      i++;
      continue;
    }
    if (text === '-t' || text === '--target-directory') {
      folder = args[++i]?.text;
      continue;
    }
    if (text.startsWith('--target-directory=')) {
      folder = text.slice(19);
      continue;
    }
    if (name === 'install' && text === '-d') return undefined;
    if (name === 'install' && text === '-D') makeFolders = true;
    if (text.startsWith('-')) continue;
    operands.push(text);
  }
  if (folder === undefined && operands.length < 2) return undefined;
  const target = folder ?? operands.pop()!;
  const targetIsFolder = folder !== undefined || operands.length > 1 || target.endsWith('/');
  // `install` creates files with mode 0755 unless -m says otherwise (coreutils install(1)).
  if (name === 'install' && mode === undefined) mode = 0o755;
  void makeFolders;
  return operands.map((source) => ({ type: 'place' as const, source: resolve(source), target: resolve(target), targetIsFolder, mode, owner, command }));
}

/** `0644`, `644`, `u+x`, `go-w`, `a=r,u+w`: a function from the old mode to the new one; undefined when unreadable. */
export function parseModeChange(text: string): ModeChange | undefined {
  if (/^[0-7]{1,4}$/.test(text)) {
    const mode = parseInt(text, 8) & 0o7777;
    return () => mode;
  }
  const clauses = text.split(',');
  const parsed: { who: number; op: string; perm: number }[] = [];
  for (const clause of clauses) {
    const match = clause.match(/^([ugoa]*)([-+=])([rwxXst]*)$/);
    if (!match) return undefined;
    const whoText = match[1] || 'a';
    let who = 0;
    if (whoText.includes('u') || whoText.includes('a')) who |= 0o4700;
    if (whoText.includes('g') || whoText.includes('a')) who |= 0o2070;
    if (whoText.includes('o') || whoText.includes('a')) who |= 0o1007;
    let perm = 0;
    for (const bit of match[3]) {
      if (bit === 'r') perm |= 0o444;
      if (bit === 'w') perm |= 0o222;
      if (bit === 'x' || bit === 'X') perm |= 0o111;
      if (bit === 's') perm |= 0o6000;
      if (bit === 't') perm |= 0o1000;
    }
    parsed.push({ who, op: match[2], perm: perm & who });
  }
  return (mode) => {
    for (const clause of parsed) {
      if (clause.op === '+') mode |= clause.perm;
      else if (clause.op === '-') mode &= ~clause.perm;
      else mode = (mode & ~clause.who) | clause.perm;
    }
    return mode & 0o7777;
  };
}

/** Positions for offsets of a shell text that came from a file (maybe through joined continuation lines). */
export interface TextMap {
  position(offset: number): Position;
}

export function commandRange(command: SimpleCommand, map: TextMap): Range {
  return { start: map.position(command.start), end: map.position(command.end) };
}

/**
 * The edit that removes one command from a chain (`a && crontab f && b` → `a && b`), or undefined when the
 * command is the only one (the caller removes the whole instruction) or sits inside a group or pipeline.
 */
export function commandRemoval(command: SimpleCommand, commands: SimpleCommand[], map: TextMap): TextEdit | 'whole' | undefined {
  if (command.grouped || command.before?.text === '|' || command.after?.text === '|') return undefined;
  const index = commands.indexOf(command);
  const next = commands[index + 1];
  const previous = commands[index - 1];
  if (!next && !previous) return 'whole';
  if (next && command.after && (command.after.text === '&&' || command.after.text === ';' || command.after.text === '\n')) {
    return { range: { start: map.position(command.start), end: map.position(next.start) }, newText: '' };
  }
  if (previous && command.before && (command.before.text === '&&' || command.before.text === ';' || command.before.text === '\n')) {
    return { range: { start: map.position(previous.end), end: map.position(command.end) }, newText: '' };
  }
  return undefined;
}
