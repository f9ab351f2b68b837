// Which crontab format a file is in (system: with a user column; user: without), decided in this order:
// an explicit choice, the path (where cron reads it from, or where `crontab -e` puts its temporary copy),
// then the content. Host paths match by their tail wherever the file sits (a copy of a host's
// `/var/spool/cron/root` under `./backup/var/spool/cron/root` is still a user crontab), so where a file was
// copied to never turns the headline case into a content guess. Paths verified against Debian cron 3.0pl1 crontab.c (mkdtemp "crontab.XXXXXX", then
// "/crontab" inside it) and cronie src/crontab.c ("crontab.XXXXXX" in $TMPDIR or /tmp).
import * as path from 'node:path';
import type { HostFacts } from '../host/facts';
import type { FileKind } from '../types';
import { isBlank, isJsWhitespace } from '../util/chars';
import { globToRegExp } from '../util/glob';
import { type LineEdit, singleLineEdit } from '../util/line-edit';
import type { InstallStep } from '../install/model';
import { binaryReason } from '../text-check';

export type KindReason = 'setting' | 'override' | 'path' | 'content' | 'cli' | 'install' | 'config';

export interface KindDecision {
  kind: FileKind;
  reason: KindReason;
  /** With reason `content`: the lines disagreed or were too few to be sure (the CLI and status bar say so). */
  weak?: boolean;
  /** With reason `install`: the step whose target decided the format. */
  install?: InstallStep;
}

export interface FormatOverride {
  glob: string;
  kind: FileKind;
}

const TEMP_NAME = /^crontab\.[A-Za-z0-9]{6}$/;
// Files under /var/spool/cron that belong to other programs (at's queue, Debian's own spool folder).
const SPOOL_NOT_CRONTABS = new Set(['atjobs', 'atspool', 'crontabs', 'lastrun', 'cron.allow', 'cron.deny']);

/**
 * The format a host path implies, or undefined when the path says nothing. Matched by the tail: the host's
 * folders may sit under any prefix (a `--root` tree, a backup, a repository's `files/var/spool/cron/…`).
 */
export function kindFromPath(hostPath: string): FileKind | undefined {
  const normalized = path.posix.normalize(hostPath);
  const directory = path.posix.dirname(normalized);
  const name = path.posix.basename(normalized);
  if (endsWithPath(normalized, '/etc/crontab')) return 'crontab-system';
  if (endsWithPath(directory, '/etc/cron.d')) return 'crontab-system';
  if (endsWithPath(directory, '/var/spool/cron/crontabs')) return 'crontab-user';
  if (endsWithPath(directory, '/var/spool/cron') && !SPOOL_NOT_CRONTABS.has(name) && !name.startsWith('.')) return 'crontab-user';
  if (name === 'crontab' && TEMP_NAME.test(path.posix.basename(directory))) return 'crontab-user';
  if (TEMP_NAME.test(name)) return 'crontab-user';
  return undefined;
}

/**
 * The user a spool crontab belongs to, from its path: cron names each user crontab after its user
 * (/var/spool/cron/crontabs/USER on Debian, /var/spool/cron/USER on cronie). Undefined elsewhere.
 */
export function spoolOwner(hostPath: string): string | undefined {
  const normalized = path.posix.normalize(hostPath);
  const directory = path.posix.dirname(normalized);
  const name = path.posix.basename(normalized);
  const spool = endsWithPath(directory, '/var/spool/cron/crontabs') || (endsWithPath(directory, '/var/spool/cron') && !SPOOL_NOT_CRONTABS.has(name));
  return spool && /^[A-Za-z0-9_][A-Za-z0-9_.-]*\$?$/.test(name) ? name : undefined;
}

/** `/etc/crontab` matches itself, `…/etc/crontab` and a relative `etc/crontab`; `/x/myetc/crontab` does not. */
function endsWithPath(full: string, tail: string): boolean {
  return full.endsWith(tail) || full === tail.slice(1);
}

// run-parts folders (Debian's /etc/crontab and anacrontab, cronie's 0hourly and anacrontab run them): their
// files are programs run-parts executes, never read as crontabs. Matched by the tail, as kindFromPath is.
const RUN_PARTS_FILE = /(^|\/)etc\/cron\.(hourly|daily|weekly|monthly)\/[^/]+$/;

/** Whether a host path is a file in one of the run-parts folders (`…/etc/cron.daily/logrotate`): a program, not a crontab. */
export function isRunPartsPath(hostPath: string): boolean {
  return RUN_PARTS_FILE.test(path.posix.normalize(hostPath));
}

/**
 * Why text is clearly no crontab whatever its lines look like: `script` (its first line starts with `#!`, as
 * the kernel's binfmt_script reads it) or `binary` (text-check.ts, as git tells binary files), else undefined.
 */
export function notACrontab(text: string): 'script' | 'binary' | undefined {
  if (binaryReason(text) !== undefined) return 'binary';
  return text.startsWith('#!') ? 'script' : undefined;
}

/** Whether a path is one cron reads or `crontab -e` writes (used to pick files inside a folder). */
export function isCrontabPath(hostPath: string): boolean {
  return kindFromPath(hostPath) !== undefined;
}

/** Whether a file name looks like a crontab kept outside the host's own locations (a repo's `files/crontab`). */
export function looksLikeCrontabName(filePath: string): boolean {
  const name = path.posix.basename(filePath);
  const parent = path.posix.basename(path.posix.dirname(filePath));
  return name === 'crontab' || /\.(cron|crontab)$/.test(name) || parent === 'cron.d' || parent === 'crontabs';
}

export function decideKind(options: {
  path?: string;
  text: string;
  facts: HostFacts;
  overrides?: FormatOverride[];
  explicit?: { kind: FileKind; reason: KindReason };
  /** How the repository installs this file: every step agreeing on one format decides it. */
  installs?: readonly InstallStep[];
  /** The votes of the previous version of the text, when it was decided by its content (guessKindFromContent). */
  previousVotes?: ContentVotes;
  /** singleLineEdit(previousVotes.text, text), when the caller has it already. */
  previousEdit?: LineEdit;
  /** Receives the votes when the content decides, for the next version of the text. */
  votes?: { counted?: ContentVotes };
}): KindDecision {
  if (options.explicit) return options.explicit;
  if (options.path) {
    for (const override of options.overrides ?? []) {
      if (globToRegExp(override.glob).test(options.path)) return { kind: override.kind, reason: 'setting' };
    }
  }
  // Installed both ways: no format is right for both copies (crontab/installed-both-ways says so); the
  // content decides which of the two the author meant.
  const installs = options.installs ?? [];
  if (installs.length > 0 && installs.every((step) => step.format === installs[0].format)) return { kind: installs[0].format, reason: 'install', install: installs[0] };
  if (options.path) {
    const byPath = kindFromPath(options.path);
    if (byPath) return { kind: byPath, reason: 'path' };
    if (path.posix.basename(path.posix.dirname(options.path)) === 'cron.d') return { kind: 'crontab-system', reason: 'path' };
  }
  const guess = guessKindFromContent(options.text, options.facts, options.previousVotes, options.previousEdit);
  if (options.votes) options.votes.counted = guess.votes;
  return { kind: guess.kind, reason: 'content', weak: guess.weak };
}

const HASH = 35;
const AT = 64;

/** `/^[A-Za-z_][A-Za-z0-9_]*\s*=/` on text.slice(start, end): a variable assignment, which casts no vote. */
function isAssignment(text: string, start: number, end: number): boolean {
  let pos = start;
  const first = text.charCodeAt(pos) | 32;
  if (!((first >= 97 && first <= 122) || text.charCodeAt(pos) === 95)) return false;
  for (pos++; pos < end; pos++) {
    const code = text.charCodeAt(pos);
    const lower = code | 32;
    if (!((lower >= 97 && lower <= 122) || (code >= 48 && code <= 57) || code === 95)) break;
  }
  while (pos < end && isJsWhitespace(text.charCodeAt(pos))) pos++;
  return pos < end && text.charCodeAt(pos) === 61;
}

// Accounts that packages create and that system crontabs commonly run as, for files read away from their host.
const COMMON_SYSTEM_USERS = new Set(['root', 'www-data', 'nobody', 'daemon', 'postgres', 'mysql', 'apache', 'nginx', 'backup', 'mail', 'news', 'www', 'ubuntu', 'admin', 'ec2-user', 'debian', 'nagios', 'zabbix', 'redis', 'git', 'jenkins', 'deploy', 'app']);

/** The votes of a text's lines, kept so that the next version of the text (one line edited) is counted from them. */
export interface ContentVotes {
  readonly text: string;
  readonly facts: HostFacts;
  readonly system: number;
  readonly user: number;
}

const SYSTEM_VOTE = 1;
const USER_VOTE = 2;

/**
 * The vote, and whether it was weak: fewer than two lines voted for the winner, or more than one line in five
 * voted the other way. A one-line copy of a spool file whose job starts with `root` reads as a system crontab
 * here, and the caller says that was a guess. With `previous` (the votes of the text before one line was
 * edited, with the same facts), only that line is counted again.
 */
export function guessKindFromContent(
  text: string,
  facts: HostFacts,
  previous?: ContentVotes,
  // Where `text` differs from previous.text inside one line (undefined: found here, or there is no such line).
  lineEdit?: LineEdit,
): { kind: FileKind; weak: boolean; votes: ContentVotes } {
  let systemVotes = 0;
  let userVotes = 0;
  // A change that left the text as it was (an edit undone, a no-op change from the editor) counts nothing again.
  if (previous !== undefined && previous.facts === facts && previous.text === text) return voteOutcome(text, facts, previous.system, previous.user);
  const edit = previous !== undefined && previous.facts === facts ? (lineEdit ?? singleLineEdit(previous.text, text)) : undefined;
  if (previous !== undefined && edit !== undefined) {
    systemVotes = previous.system;
    userVotes = previous.user;
    const before = lineVote(previous.text, edit.start, edit.oldEnd, facts);
    const after = lineVote(text, edit.start, edit.newEnd, facts);
    if (before === SYSTEM_VOTE) systemVotes--;
    else if (before === USER_VOTE) userVotes--;
    if (after === SYSTEM_VOTE) systemVotes++;
    else if (after === USER_VOTE) userVotes++;
  } else {
    // Read with character codes, without splitting the text or its lines: the language server asks on every
    // change of a file whose format its content decides (issue #20).
    for (let lineStart = 0; lineStart <= text.length; ) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = text.length;
      const vote = lineVote(text, lineStart, lineEnd, facts);
      if (vote === SYSTEM_VOTE) systemVotes++;
      else if (vote === USER_VOTE) userVotes++;
      lineStart = lineEnd + 1;
    }
  }
  return voteOutcome(text, facts, systemVotes, userVotes);
}

function voteOutcome(text: string, facts: HostFacts, systemVotes: number, userVotes: number): { kind: FileKind; weak: boolean; votes: ContentVotes } {
  const kind: FileKind = systemVotes > userVotes ? 'crontab-system' : 'crontab-user';
  const winner = Math.max(systemVotes, userVotes);
  const loser = Math.min(systemVotes, userVotes);
  return { kind, weak: winner < 2 || loser * 4 > winner, votes: { text, facts, system: systemVotes, user: userVotes } };
}

/** How one line votes: for a user column (SYSTEM_VOTE), against (USER_VOTE), or not at all (0). The line as trim() leaves it. */
function lineVote(text: string, lineStart: number, lineEnd: number, facts: HostFacts): number {
  let start = lineStart;
  let end = lineEnd;
  while (start < end && isJsWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isJsWhitespace(text.charCodeAt(end - 1))) end--;
  if (start === end || text.charCodeAt(start) === HASH || isAssignment(text, start, end)) return 0;
  // The word after the schedule: the 2nd after an @keyword, else the 6th, words split at spaces and tabs.
  const wordIndex = text.charCodeAt(start) === AT ? 1 : 5;
  let wordStart = start;
  for (let word = 0; word < wordIndex && wordStart < end; word++) {
    while (wordStart < end && !isBlank(text.charCodeAt(wordStart))) wordStart++;
    while (wordStart < end && isBlank(text.charCodeAt(wordStart))) wordStart++;
  }
  if (wordStart >= end) return 0;
  let wordEnd = wordStart;
  while (wordEnd < end && !isBlank(text.charCodeAt(wordEnd))) wordEnd++;
  const word = text.slice(wordStart, wordEnd);
  return facts.isUser(word) === true || COMMON_SYSTEM_USERS.has(word) ? SYSTEM_VOTE : USER_VOTE;
}
