// Which host file a command word names, given where a cron job starts: cron runs `$SHELL -c command` in
// the job's HOME with the job's environment (Debian cron do_command.c and cronie src/security.c
// `chdir(env_get("HOME", …))`; HOME is the passwd line's unless the crontab sets it: crontab(5), Debian
// entry.c, cronie src/env.c env_update_home; PATH is the crontab's PATH= or cron's default). So, as the
// shell reads them: `cd DIR` moves the working directory (XCU `cd`), `./x` and `bin/x` are found from it,
// `~/x`, `~user/x` (tilde expansion, XCU 2.6.1, unquoted only) and `$HOME/x` (parameter expansion, 2.6.2)
// from the home folders, a bare command name on PATH (XCU 2.9.1.1 "Command Search and Execution"), and the
// script of `bash x.sh` from the working directory, then on PATH (bash shell.c open_shell_script).
// A timer's service starts in WorkingDirectory= (default `/`) with systemd's fixed search path
// (serviceStart). Used by command-model.ts and inventory.ts; never runs anything, only asks the Host whether
// a file is there.
import * as posix from 'node:path/posix';
import { environmentPath } from '../crontab/command';
import type { HostFacts } from '../host/facts';
import { type Host, isExecutableFile } from '../host/host';
import type { Word } from './shell-tokens';

/** A cron job's starting point: cron's `chdir(HOME)` and the job's environment. */
export interface CommandStart {
  /** The job's HOME (the crontab's HOME=, else the user's home in /etc/passwd). */
  home?: string;
  /** The job's PATH (the crontab's PATH=, else cron's default). */
  path?: string;
  /** The working directory (HOME for a job; a script inherits its caller's). */
  cwd?: string;
  /** Home folders of other users, for `~user/x`. */
  homeOf?: (user: string) => string | undefined;
}

/**
 * Where cron starts a job: in its HOME (the crontab's HOME=, else the user's passwd home; crontab(5),
 * Debian entry.c, cronie src/env.c env_update_home) with its PATH (the crontab's PATH=, else cron's
 * default): Debian do_command.c and cronie src/security.c `chdir(env_get("HOME", …))` before `$SHELL -c`.
 */
export function jobStart(facts: HostFacts, user: string, environment: ReadonlyMap<string, string>): CommandStart {
  const users = facts.users();
  // Only an absolute folder is a place on the host (a relative one would be read from our own directory).
  const absolute = (folder: string | undefined) => (folder?.startsWith('/') ? folder : undefined);
  const homeOf = (name: string) => absolute(users?.get(name)?.home) ?? (name === 'root' && !users?.has('root') ? '/root' : undefined);
  const set = environment.get('HOME');
  const home = set ? absolute(set) : homeOf(user);
  return { home, cwd: home, path: environmentPath(environment, facts.dialect().dialect), homeOf };
}

/**
 * Where a system service's command starts, so that a bare name is found as on the cron side and both
 * sides compare a script by its path: systemd.service(5) "Command lines" resolves a bare ExecStart= name on
 * a fixed search path (`systemd-path search-binaries-default` on systemd 252:
 * /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin), which is also the $PATH it gives the
 * service (systemd.exec(5) "Environment Variables"); WorkingDirectory= defaults to `/` for the system
 * instance (`~`, the home of User=, is left unknown). No HOME: systemd sets it only for units with User=.
 */
export function serviceStart(workingDirectory: string | undefined): CommandStart {
  const folder = workingDirectory?.replace(/^-/, '');
  const cwd = folder === undefined || folder === '' ? '/' : folder.startsWith('/') ? folder : undefined;
  return { path: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', cwd };
}

/**
 * How a bare name is found: a `command` on PATH (an executable file); a script handed to a shell, from the
 * working directory only (`file`: dash and most shells), or from there and then on PATH (`file-then-path`:
 * bash's shell.c open_shell_script, any regular file).
 */
export type Lookup = 'command' | 'file' | 'file-then-path';

/**
 * The host path a word names: an absolute path; with a known start, also `~/x`, `~user/x`, `$HOME/x`, a
 * relative path from the working directory `cwd`, and, given a `host` to look in, a bare name as `lookup`
 * says. Without a start only an absolute path names a file: a bare name's folder is not ours to guess.
 */
export function hostPath(word: Word, text: string, start: CommandStart | undefined, cwd: string | undefined, host: Host | undefined, lookup: Lookup): string | undefined {
  const value = expandWord(word, text, start);
  if (value === undefined) return undefined;
  if (value.startsWith('/')) return start ? posix.normalize(value) : value;
  if (!start || value === '') return undefined;
  const here = fromDirectory(cwd, value);
  if (value.includes('/') || lookup === 'file') return here;
  if (lookup === 'file-then-path') {
    if (here !== undefined && (!host || host.stat(here) !== undefined)) return here;
    return host ? lookUpPath(host, value, start.path, cwd, (path) => host.stat(path)?.kind === 'file') : undefined;
  }
  return host ? lookUpPath(host, value, start.path, cwd, (path) => isExecutableFile(host, path)) : undefined;
}

/**
 * A word's value after the tilde and `$HOME` expansions the shell does at its start (`text` is what the word
 * was read from, to tell an unquoted `~`); undefined when it is only known at run time.
 */
export function expandWord(word: Word, text: string, start: CommandStart | undefined): string | undefined {
  const value = word.value;
  if (word.dynamic) {
    // `$HOME/bin/x`, `${HOME}/bin/x`, `"$HOME"/bin/x`: HOME is the one variable cron always sets that names a
    // folder; anything else is known only at run time.
    const home = /^\$(?:HOME|\{HOME\})(?=\/|$)/.exec(value);
    if (!home || start?.home === undefined) return undefined;
    const expanded = start.home + value.slice(home[0].length);
    return /[$`]/.test(expanded) ? undefined : expanded;
  }
  // A quoted `~` is taken literally: look at the word as written.
  if (value.startsWith('~') && text[word.start] === '~') {
    const slash = value.indexOf('/');
    const user = slash === -1 ? value.slice(1) : value.slice(1, slash);
    const home = user === '' ? start?.home : start?.homeOf?.(user);
    if (home === undefined) return undefined;
    return home + (slash === -1 ? '' : value.slice(slash));
  }
  return value;
}

/** The working directory after `cd ARGS` from `cwd`: `cd` alone goes HOME; `cd -`, `cd $DIR` make it unknown. */
export function nextDirectory(args: Word[], text: string, start: CommandStart, cwd: string | undefined): string | undefined {
  const operands = args.filter((word) => !/^-[LPe@]+$/.test(word.value));
  if (operands.length === 0) return start.home;
  const target = operands.length === 1 && operands[0].value !== '-' ? expandWord(operands[0], text, start) : undefined;
  if (target === undefined || target === '') return undefined;
  // A relative `cd` goes from the working directory (cron sets no CDPATH).
  if (target.startsWith('/')) return posix.normalize(target);
  return fromDirectory(cwd, target);
}

/** XCU 2.9.1.1: a name without a slash is looked for in each folder of PATH; the first file `found` wins. */
function lookUpPath(host: Host, name: string, path: string | undefined, cwd: string | undefined, found: (path: string) => boolean): string | undefined {
  if (path === undefined || name === '.' || name === '..') return undefined;
  for (const entry of path.split(':')) {
    // An empty or relative entry is taken from the working directory.
    const folder = entry.startsWith('/') ? entry : fromDirectory(cwd, entry || '.');
    if (folder === undefined) continue;
    const candidate = posix.join(folder, name);
    if (found(candidate)) return candidate;
  }
  return undefined;
}

/** `relative` taken from the folder `cwd`; undefined unless that folder is known and absolute (posix.resolve
 *  would otherwise fall back to our own process's directory, which is no place on the host). */
function fromDirectory(cwd: string | undefined, relative: string): string | undefined {
  return cwd?.startsWith('/') ? posix.resolve(cwd, relative) : undefined;
}
