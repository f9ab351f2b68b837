// The programs a shell command really runs: a cron job's command, a unit's ExecStart=, or a local script
// one of them runs. A small reader of POSIX shell (XCU 2.9 "Shell Commands": lists, and-or lists,
// pipelines, compound commands) that never executes anything: it sees through `sh -c '…'`, wrappers (`env`,
// `nice`, `ionice`, `flock`, `timeout`, `chronic`, `exec`, `nohup`, `sudo`), jitter (`sleep`,
// `perl -e 'sleep …'`), `test`/`[` guards, `run-parts DIR` (left to the inventory, which knows the folder),
// and one level into a readable local script (read through the Host only).
// Guards understood (the packaged forms on Debian/Ubuntu and RHEL):
//   test -x /usr/bin/certbot -a \! -d /run/systemd/system && …   → … only without systemd
//   test -e /run/systemd/system || …  /  if [ ! -d /run/systemd/system ]; then …; fi
//   [ -d /run/systemd/system ] && exit 0  /  if [ -d /run/systemd/system ]; then exit 0; fi  (in a script:
//   everything after it only without systemd; also when the condition has more parts, as exim4-base's does)
//   test -x /usr/sbin/anacron || …  /  [ ! -f /etc/cron.hourly/0anacron ] && …   → … only without anacron
// This file walks the command. Long (about 510 lines) because the Walker is one recursive-descent class over
// XCU 2.9's grammar whose methods share the guards in force and the programs found so far. shell-tokens.ts
// splits the text into words, shell-guards.ts reads the conditions, shell-wrappers.ts sees through wrappers,
// snap-run.ts through `snap run SNAP.APP`, and shell-paths.ts finds the file a word names from where the job
// starts (its HOME, PATH and `cd`s: `./x`, `~/x`, `$HOME/x`, a bare name on PATH).
import type { Host } from '../host/host';
import type { Position, Range } from '../types';
import { lfLineStarts, positionAt } from '../util/line-starts';
import type { Guard, ProgramUse } from './model';
import { dedupe, type Meaning, NO_MEANING, other, restAfterExit, testMeaning } from './shell-guards';
import { type Operator, type Token, tokenize, type Word } from './shell-tokens';
import { basename, isPerlSleep, unwrap } from './shell-wrappers';
import { snapRun } from './snap-run';
import { type CommandStart, expandWord, hostPath, nextDirectory } from './shell-paths';

export type { CommandStart } from './shell-paths';

export interface RunPartsUse {
  /** The folder, as written (`/etc/cron.daily`). */
  directory: string;
  /** `--report`, `--lsbsysinit`, … as written. */
  options: string[];
  location: { path: string; range: Range };
  via: string[];
  guards: Guard[];
}

export interface CommandModel {
  programs: ProgramUse[];
  runParts: RunPartsUse[];
  /** Every guard met on the way, once each (for messages and the timeline). */
  guards: Guard[];
  /**
   * Guards in force after the last command: what a script's early exits leave (`if [ -d
   * /run/systemd/system ]; then exit 0; fi` at the top of Debian's cron.daily/logrotate → without-systemd).
   */
  endGuards: Guard[];
}

export interface CommandSource {
  /** The whole text the command is part of (a crontab line, a unit file, a script). */
  text: string;
  /** The command's extent in `text`. */
  start: number;
  end: number;
  /** Host path the text comes from (for locations). */
  path: string;
  /** Maps an offset in `text` to a position in that file. */
  position(offset: number): Position;
}

export interface CommandModelOptions {
  /** Reads local scripts the command runs; without it, scripts are programs like any other. */
  host?: Host;
  /** Scripts already passed through, outermost first (a script's own analysis gets its path here). */
  via?: string[];
  /** Guards in force around the command (e.g. the crontab line's, for the script it runs). */
  guards?: Guard[];
  /** Whether scripts may be read (false inside a script: one level only). */
  readScripts?: boolean;
  /** Where the command starts and what it sees; without it, only an absolute path names a host file. */
  start?: CommandStart;
}

/** The programs `source` runs, with the guards in front of each. */
export function modelCommand(source: CommandSource, options: CommandModelOptions = {}): CommandModel {
  const model: CommandModel = { programs: [], runParts: [], guards: [], endGuards: [] };
  const walker = new Walker(source, options, model);
  walker.run(options.guards ?? []);
  model.endGuards = walker.endGuards;
  return model;
}

/** Offsets → positions for a crontab line's command: `line` and the line's own character offsets. */
export function lineSource(lineText: string, line: number, start: number, end: number, path: string): CommandSource {
  return { text: lineText, start, end, path, position: (offset) => ({ line, character: offset }) };
}

/** Offsets → positions in a multi-line text (a script, a unit file). */
export function textSource(text: string, path: string, start = 0, end = text.length): CommandSource {
  const lineStarts = lfLineStarts(text);
  return {
    text,
    start,
    end,
    path,
    position: (offset) => positionAt(lineStarts, offset),
  };
}

// ---- Walker ----------------------------------------------------------------------------------------------

// Shell builtins and keywords that run no program of their own.
const BUILTINS = new Set([':', '.', 'source', 'true', 'false', 'cd', 'echo', 'printf', 'exit', 'return', 'export', 'set', 'unset', 'shift', 'local', 'read', 'eval', 'trap', 'umask', 'ulimit', 'wait', 'break', 'continue', 'readonly', 'declare', 'typeset', 'let', 'pushd', 'popd', 'getopts', 'hash', 'type', 'alias']);
const TESTS = new Set(['test', '[', '[[']);
const SHELLS = new Set(['sh', 'bash', 'dash', 'ksh', 'zsh', 'ash', 'busybox']);
const RESERVED_END = new Set(['then', 'fi', 'do', 'done', 'elif', 'else', 'esac', '}']);

class Walker {
  private tokens: Token[];
  private index = 0;
  /** Shell functions defined so far (`random_sleep()` in apt-compat). */
  private readonly functions = new Set<string>();
  /** The shell's working directory here, when known (after `cd /srv/app &&`); undefined once unknown. */
  private cwd: string | undefined;

  constructor(
    private readonly source: CommandSource,
    private readonly options: CommandModelOptions,
    private readonly model: CommandModel,
    cwd: string | undefined = options.start?.cwd,
  ) {
    this.tokens = tokenize(source.text, source.start, source.end);
    this.cwd = cwd;
  }

  /** Guards in force at the end of the text (after `C && exit` and the like at the top level). */
  endGuards: Guard[] = [];

  run(guards: Guard[]): void {
    this.list(guards, true);
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private isWord(token: Token | undefined, value: string): boolean {
    return token?.type === 'word' && token.value === value && !token.inner;
  }

  private isOp(token: Token | undefined, op: string): boolean {
    return token?.type === 'op' && token.op === op;
  }

  /** A list up to a closing word or `)`; returns the meaning of its last and-or list (for `if`/`while`). */
  private list(guards: Guard[], topLevel = false): Meaning {
    let current = guards;
    let last: Meaning = NO_MEANING;
    let onlyExits = true;
    let sawCommand = false;
    for (;;) {
      const token = this.peek();
      if (token === undefined) break;
      if (token.type === 'op' && (token.op === ';' || token.op === '\n' || token.op === '&' || token.op === ';;')) {
        this.index++;
        continue;
      }
      if (this.isOp(token, ')')) break;
      if (token.type === 'word' && !token.inner && RESERVED_END.has(token.value)) {
        if (topLevel) {
          // Unbalanced keyword (a fragment we cannot read): skip it rather than stop.
          this.index++;
          continue;
        }
        break;
      }
      const result = this.andOr(current);
      sawCommand = true;
      last = result.meaning;
      onlyExits = onlyExits && result.exits;
      if (result.rest.length > 0) current = [...current, ...result.rest];
      if (this.index < this.tokens.length && result.consumed === false) this.index++;
    }
    if (topLevel) this.endGuards = current;
    return { ...last, exits: sawCommand && onlyExits };
  }

  /** Pipelines joined by && and ||. `rest`: guards for what follows it in the list (after `C && exit`). */
  private andOr(guards: Guard[]): { meaning: Meaning; exits: boolean; rest: Guard[]; consumed: boolean } {
    const start = this.index;
    let chain = this.pipeline(guards);
    let exits = chain.exits === true;
    let rest: Guard[] = chain.rest ?? [];
    for (;;) {
      const token = this.peek();
      if (!this.isOp(token, '&&') && !this.isOp(token, '||')) break;
      this.index++;
      while (this.isOp(this.peek(), '\n')) this.index++;
      const and = (token as Operator).op === '&&';
      const next = this.pipeline([...guards, ...(and ? chain.whenTrue : chain.whenFalse)]);
      if (next.exits) {
        // `C && exit`: the rest runs when C failed; `C || exit`: when C succeeded.
        rest = and ? restAfterExit(chain) : chain.whenTrue.filter((guard) => guard.kind !== 'other');
      }
      exits = false;
      chain = and ? { whenTrue: [...chain.whenTrue, ...next.whenTrue], whenFalse: [] } : { whenTrue: [], whenFalse: [...chain.whenFalse, ...next.whenFalse] };
    }
    return { meaning: chain, exits, rest, consumed: this.index > start };
  }

  private pipeline(guards: Guard[]): Meaning {
    let negated = false;
    while (this.isWord(this.peek(), '!')) {
      negated = !negated;
      this.index++;
    }
    let meaning = this.command(guards);
    while (this.isOp(this.peek(), '|')) {
      this.index++;
      while (this.isOp(this.peek(), '\n')) this.index++;
      this.command(guards);
      meaning = NO_MEANING;
    }
    return negated ? { whenTrue: meaning.whenFalse, whenFalse: meaning.whenTrue } : meaning;
  }

  private command(guards: Guard[]): Meaning {
    const token = this.peek();
    if (token === undefined) return NO_MEANING;
    if (this.isOp(token, '(')) {
      this.index++;
      // A subshell's `cd` stays inside it.
      const cwd = this.cwd;
      const meaning = this.list(guards);
      this.cwd = cwd;
      if (this.isOp(this.peek(), ')')) this.index++;
      return { ...meaning, exits: false };
    }
    if (token.type !== 'word') {
      return NO_MEANING;
    }
    if (!token.inner) {
      switch (token.value) {
        case '{': {
          this.index++;
          const meaning = this.list(guards);
          if (this.isWord(this.peek(), '}')) this.index++;
          return meaning;
        }
        case 'if':
          return this.ifClause(guards);
        case 'while':
        case 'until': {
          this.index++;
          this.list(guards);
          if (this.isWord(this.peek(), 'do')) this.index++;
          this.list(guards);
          if (this.isWord(this.peek(), 'done')) this.index++;
          return NO_MEANING;
        }
        case 'for':
        case 'select': {
          this.index++;
          while (this.peek() && !this.isWord(this.peek(), 'do')) this.index++;
          if (this.isWord(this.peek(), 'do')) this.index++;
          this.list(guards);
          if (this.isWord(this.peek(), 'done')) this.index++;
          return NO_MEANING;
        }
        case 'case':
          return this.caseClause(guards);
      }
    }
    // A function definition: `name() compound-command`.
    if (this.isOp(this.tokens[this.index + 1], '(') && this.isOp(this.tokens[this.index + 2], ')')) {
      // Its body is read here, where it is defined; calls to it are not programs.
      this.functions.add(token.value);
      this.index += 3;
      while (this.isOp(this.peek(), '\n')) this.index++;
      this.command(guards);
      return NO_MEANING;
    }
    const words: Word[] = [];
    while (this.peek()?.type === 'word') words.push(this.tokens[this.index++] as Word);
    return this.simpleCommand(words, guards);
  }

  private ifClause(guards: Guard[]): Meaning {
    this.index++; // if
    let exitGuards: Guard[] | undefined;
    let elseGuards = guards;
    let first = true;
    for (;;) {
      const condition = this.list(elseGuards);
      if (this.isWord(this.peek(), 'then')) this.index++;
      const body = this.list([...elseGuards, ...condition.whenTrue]);
      if (first && body.exits) exitGuards = restAfterExit(condition);
      first = false;
      elseGuards = [...elseGuards, ...condition.whenFalse.filter((guard) => guard.kind !== 'other')];
      if (this.isWord(this.peek(), 'elif')) {
        this.index++;
        exitGuards = undefined;
        continue;
      }
      if (this.isWord(this.peek(), 'else')) {
        this.index++;
        this.list(elseGuards);
        exitGuards = undefined;
      }
      break;
    }
    if (this.isWord(this.peek(), 'fi')) this.index++;
    // An `if` whose only branch exits acts like `C && exit` for the rest of the list.
    return exitGuards && exitGuards.length > 0 ? { whenTrue: [], whenFalse: [], rest: exitGuards } : NO_MEANING;
  }

  private caseClause(guards: Guard[]): Meaning {
    this.index++; // case
    while (this.peek() && !this.isWord(this.peek(), 'in')) this.index++;
    if (this.isWord(this.peek(), 'in')) this.index++;
    for (;;) {
      while (this.isOp(this.peek(), '\n') || this.isOp(this.peek(), ';;')) this.index++;
      const token = this.peek();
      if (token === undefined || this.isWord(token, 'esac')) break;
      // Pattern list up to `)`.
      if (this.isOp(token, '(')) this.index++;
      while (this.peek() && !this.isOp(this.peek(), ')')) this.index++;
      this.index++;
      this.caseBody(guards);
    }
    if (this.isWord(this.peek(), 'esac')) this.index++;
    return NO_MEANING;
  }

  /** One `case` arm's commands, up to `;;` or `esac`. */
  private caseBody(guards: Guard[]): void {
    for (;;) {
      const token = this.peek();
      if (token === undefined || this.isOp(token, ';;') || this.isWord(token, 'esac')) return;
      if (token.type === 'op' && (token.op === ';' || token.op === '\n' || token.op === '&')) {
        this.index++;
        continue;
      }
      const before = this.index;
      this.andOr(guards);
      if (this.index === before) this.index++;
    }
  }

  private simpleCommand(words: Word[], guards: Guard[]): Meaning {
    let index = 0;
    while (index < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[index].value) && !words[index].inner) index++;
    return this.invocation(words.slice(index), guards);
  }

  /** A command's words after assignments: wrappers are stripped, the program recorded. */
  private invocation(words: Word[], guards: Guard[]): Meaning {
    if (words.length === 0) return NO_MEANING;
    const head = words[0];
    if (head.dynamic) {
      // `$IONICE $debsums`: unknown until run time; but `$HOME/bin/x` in a cron job is known.
      if (this.options.start && expandWord(head, this.source.text, this.options.start)?.includes('/')) this.record(head, words.slice(1), guards);
      return NO_MEANING;
    }
    const name = basename(head.value);
    const args = words.slice(1);
    const text = this.source.text.slice(head.start, words[words.length - 1].end);
    if (TESTS.has(head.value)) {
      const operands = head.value === 'test' ? args : args.slice(0, -1);
      return testMeaning(operands, text);
    }
    if (head.value === 'exit' || head.value === 'return') return { whenTrue: [], whenFalse: [], exits: true };
    if (head.value === 'command' && (args[0]?.value === '-v' || args[0]?.value === '-V')) return { whenTrue: [other(text)], whenFalse: [other(text)] };
    if ((head.value === 'cd' || head.value === 'pushd') && this.options.start) this.cwd = nextDirectory(args, this.source.text, this.options.start, this.cwd);
    if (BUILTINS.has(head.value) || this.functions.has(head.value)) return NO_MEANING;
    // `snap run certbot.renew` (the ExecStart= snapd writes for a snap's timer app) runs certbot renew.
    const snapped = name === 'snap' ? snapRun(args) : undefined;
    if (snapped !== undefined) return snapped.length === 0 ? NO_MEANING : this.invocation(snapped, guards);
    const wrapped = unwrap(name, args);
    if (wrapped !== undefined) return wrapped.length === 0 ? NO_MEANING : this.invocation(wrapped, guards);
    if (name === 'sleep') return NO_MEANING;
    if (name === 'perl' && isPerlSleep(args)) return NO_MEANING;
    if (SHELLS.has(name)) return this.shell(name, args, guards);
    if (name === 'run-parts') {
      this.runParts(args, guards);
      return NO_MEANING;
    }
    this.record(head, args, guards);
    return NO_MEANING;
  }

  /** `sh -c 'cmd'` → cmd; `bash script.sh` → the script; `sh` alone reads stdin (nothing to see). */
  private shell(name: string, args: Word[], guards: Guard[]): Meaning {
    let index = 0;
    while (index < args.length && args[index].value.startsWith('-') && args[index].value !== '-c' && !/^-[a-z]*c$/.test(args[index].value)) index++;
    const option = args[index];
    if (option && (option.value === '-c' || /^-[a-z]*c$/.test(option.value))) {
      const command = args[index + 1];
      if (!command || command.dynamic) return NO_MEANING;
      const range = command.inner ?? { start: command.start, end: command.end };
      const inner = new Walker({ ...this.source, start: range.start, end: range.end }, this.options, this.model, this.cwd);
      inner.run(guards);
      return NO_MEANING;
    }
    const script = args[index];
    if (script && !script.dynamic) {
      // bash looks for the script on PATH when it is not in the working directory (shell.c
      // open_shell_script); dash and the others open it from there only.
      this.record(script, args.slice(index + 1), guards, name === 'bash' ? 'file-then-path' : 'file');
      return NO_MEANING;
    }
    return NO_MEANING;
  }

  private runParts(args: Word[], guards: Guard[]): void {
    const options: string[] = [];
    let directory: Word | undefined;
    for (let index = 0; index < args.length; index++) {
      const value = args[index].value;
      if (value === '--') {
        directory = args[index + 1];
        break;
      }
      if (value.startsWith('-')) {
        options.push(value);
        // Options with a separate value (debianutils run-parts: -u, --arg, --regex …).
        if (['-u', '--umask', '-a', '--arg', '--regex'].includes(value)) index++;
        continue;
      }
      directory = args[index];
      break;
    }
    if (!directory || directory.dynamic) return;
    const use: RunPartsUse = { directory: directory.value, options, location: this.location(directory), via: this.options.via ?? [], guards: dedupe(guards) };
    this.model.runParts.push(use);
    this.noteGuards(guards);
  }

  /** `viaShell`: the word is a script handed to a shell (`bash x.sh`), and how that shell finds it. */
  private record(head: Word, args: Word[], guards: Guard[], viaShell?: 'file' | 'file-then-path'): void {
    const via = this.options.via ?? [];
    const use: ProgramUse = {
      program: basename(head.value),
      written: head.value,
      args: args.filter((word) => !word.dynamic || word.value !== '').map((word) => word.value),
      location: this.location(head),
      via,
      kind: 'program',
      guards: dedupe(guards),
    };
    const scriptPath = hostPath(head, this.source.text, this.options.start, this.cwd, this.options.host, viaShell ?? 'command');
    if (scriptPath) use.path = scriptPath;
    this.noteGuards(guards);
    const host = this.options.host;
    const start = this.options.start ? { ...this.options.start, cwd: this.cwd } : undefined;
    const expanded = host && this.options.readScripts !== false && scriptPath ? expandScript(host, use, viaShell !== undefined, start) : undefined;
    if (!expanded) {
      this.model.programs.push(use);
      return;
    }
    this.model.programs.push(...expanded.programs);
    this.model.runParts.push(...expanded.runParts);
    this.noteGuards(expanded.guards);
  }

  private noteGuards(guards: Guard[]): void {
    for (const guard of guards) {
      if (!this.model.guards.some((known) => known.kind === guard.kind && known.text === guard.text)) this.model.guards.push(guard);
    }
  }

  private location(word: Word): { path: string; range: Range } {
    return { path: this.source.path, range: { start: this.source.position(word.start), end: this.source.position(word.end) } };
  }
}

/**
 * A job's run of a local script, one level in: the script itself (marked `script`, with the guards of its
 * early exits added) followed by the programs it runs; undefined when `use` is no readable shell script.
 */
export function expandScript(host: Host, use: ProgramUse, viaShell = false, start?: CommandStart): CommandModel | undefined {
  if (!use.path) return undefined;
  const script = readScript(host, use.path, viaShell);
  if (script === undefined) return undefined;
  const outer = use.guards ?? [];
  // The script starts where its caller was (a `cd` before it), with the same HOME and PATH.
  const inner = modelCommand(textSource(script, use.path), { host, via: [...use.via, use.path], guards: outer, readScripts: false, ...(start ? { start } : {}) });
  // A script that exits on a systemd host before its end (Debian's cron.daily/logrotate) does nothing
  // there that matters: it is guarded like a job line with the same test in front.
  const exitGuards = inner.endGuards.filter((guard) => guard.kind !== 'other' && !outer.includes(guard));
  const self: ProgramUse = { ...use, kind: 'script', guards: dedupe([...outer, ...exitGuards]) };
  return { programs: [self, ...inner.programs], runParts: inner.runParts, guards: dedupe([...self.guards!, ...inner.guards]), endGuards: inner.endGuards };
}

const MAX_SCRIPT_BYTES = 256 * 1024;

/**
 * The text of a local shell script a job runs, when it is one: a readable regular file, not too large, not
 * binary, whose `#!` line names a POSIX-ish shell (or that has none: execve then fails with ENOEXEC and the
 * shell runs it as a script), or any text when it is handed to a shell (`bash x.sh`). Never executed.
 */
function readScript(host: Host, path: string, viaShell: boolean): string | undefined {
  const stat = host.stat(path);
  if (stat?.kind !== 'file' || stat.size > MAX_SCRIPT_BYTES) return undefined;
  const read = host.readText(path);
  if (!read.ok || read.text.includes('\0')) return undefined;
  if (viaShell) return read.text;
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(read.text);
  if (!shebang) return read.text.length > 0 ? read.text : undefined;
  const interpreter = basename(shebang[1]) === 'env' ? (shebang[2] ?? '') : basename(shebang[1]);
  return SHELLS.has(interpreter) ? read.text : undefined;
}
