// A Unicode space (a full-width U+3000 typed with a Japanese input method, a no-break space pasted from a web
// page) where cron needs a blank between the fields of a line. Both crons split a line at spaces and tabs only:
// Debian cron 3.0pl1 and cronie (src/macros.h Skip_Blanks/Skip_Nonblanks test `' '` and `'\t'`; src/misc.c
// get_string reads the user up to " \t\n"), so the character is part of the word before or after it, and the
// line is read wrong: `0 3 * * *<U+3000>root …` gives the day-of-week `*` (Debian's get_list skips the rest of the
// word), the user `…` and an empty command. The other rules would explain that misreading in its own terms
// ("Insert user `root`", "`root` is not a day-of-week", "Remove `<U+3000>/bin/true`"), so their findings on such a
// line are dropped (dropUnicodeSpaceEchoes) and this one names the character and replaces it with a space.
// Which characters: Unicode's space separators (category Zs) other than the ASCII space, and U+200B ZERO
// WIDTH SPACE (names from Python's unicodedata). Debian's crontab -n (3.0pl1-162) accepts
// `0 3 * * *<U+3000>/bin/true` and rejects `0<U+3000>3 * * * /bin/true` ("bad day-of-week").
// On an environment line the name ends at `=` or an ASCII blank and only ASCII blanks are trimmed from the
// value (Debian env.c load_env, isspace() in the C locale cron runs in), so `MAILTO<U+3000>=root` sets a variable
// named `MAILTO<U+3000>` and `MAILTO=<U+3000>root` an address that starts with U+3000: crontab -n accepts both
// ("successfully checked", 3.0pl1-162) and mail silently goes elsewhere. Those next to `=` (ends of the name,
// start of an unquoted value) are reported too, with the same fix: blanks around `=` are fine (facts.md).
import { SHELL_WORDS } from '../../crontab/command';
import { FIELD_SPECS } from '../../crontab/fields';
import { looksLikeAssignment } from '../../crontab/lines';
import type { MessageKey } from '../../i18n/catalog';
import { range, type Finding, type TextEdit } from '../../types';
import type { CrontabContext, CrontabRule } from '../../rule';

export const UNICODE_SPACE_RULE_ID = 'crontab/unicode-space';

/** The characters, by code, with their Unicode names. */
const UNICODE_SPACES = new Map<number, string>([
  [0x00a0, 'NO-BREAK SPACE'],
  [0x1680, 'OGHAM SPACE MARK'],
  [0x2000, 'EN QUAD'],
  [0x2001, 'EM QUAD'],
  [0x2002, 'EN SPACE'],
  [0x2003, 'EM SPACE'],
  [0x2004, 'THREE-PER-EM SPACE'],
  [0x2005, 'FOUR-PER-EM SPACE'],
  [0x2006, 'SIX-PER-EM SPACE'],
  [0x2007, 'FIGURE SPACE'],
  [0x2008, 'PUNCTUATION SPACE'],
  [0x2009, 'THIN SPACE'],
  [0x200a, 'HAIR SPACE'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x202f, 'NARROW NO-BREAK SPACE'],
  [0x205f, 'MEDIUM MATHEMATICAL SPACE'],
  [0x3000, 'IDEOGRAPHIC SPACE'],
]);
const ANY_UNICODE_SPACE = /[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000]/g;
const ABOVE_LATIN1 = /[\u1680\u2000-\u200b\u202f\u205f\u3000]/;

/**
 * Whether the text may hold one, cheaply for the usual crontab of Latin-1 characters only (issue #20): V8 keeps
 * such a text one byte per character, finds U+00A0 there at memchr speed and answers a class of characters
 * above U+00FF at once, where a search for the whole class reads every character (20 ms for 15 MB).
 */
function mayHaveUnicodeSpace(text: string): boolean {
  return text.indexOf('\u00a0') >= 0 || ABOVE_LATIN1.test(text);
}

const isUnicodeSpace = (code: number): boolean => code >= 0xa0 && UNICODE_SPACES.has(code);
const isAsciiBlank = (code: number): boolean => code === 32 || code === 9;

export const unicodeSpace: CrontabRule = {
  id: UNICODE_SPACE_RULE_ID,
  meta: { defaultSeverity: 'error', fixable: true, safeFix: true },
  check(context) {
    const document = context.document;
    const text = document.text;
    // Most files have none; else one search of the text, and only the lines it finds are read.
    if (!mayHaveUnicodeSpace(text)) return;
    ANY_UNICODE_SPACE.lastIndex = 0;
    let line = 0;
    for (let match = ANY_UNICODE_SPACE.exec(text); match !== null; match = ANY_UNICODE_SPACE.exec(text)) {
      while (line + 1 < document.lineCount && document.lineOffset(line + 1) <= match.index) line++;
      checkLine(context, line);
      if (line + 1 >= document.lineCount) break;
      ANY_UNICODE_SPACE.lastIndex = document.lineOffset(line + 1);
    }
    ANY_UNICODE_SPACE.lastIndex = 0;
  },
};

interface Word {
  start: number;
  end: number;
}

function checkLine(context: CrontabContext, line: number): void {
  const document = context.document;
  const type = document.lineType(line);
  if (type === 'environment') return checkVariable(context, line);
  if (type !== 'job' && type !== 'invalid') return;
  const text = document.lineText(line);
  // The line as its writer saw it: words split at any space. A Unicode space in a gap before the command's
  // first word was meant as a blank; one inside the command is the shell's business (a quoted message).
  const words: Word[] = [];
  const gaps: number[][] = [];
  let pos = 0;
  for (;;) {
    const gap: number[] = [];
    while (pos < text.length && (isAsciiBlank(text.charCodeAt(pos)) || isUnicodeSpace(text.charCodeAt(pos)))) {
      if (isUnicodeSpace(text.charCodeAt(pos))) gap.push(pos);
      pos++;
    }
    if (pos >= text.length) break;
    gaps.push(gap);
    const start = pos;
    while (pos < text.length && !isAsciiBlank(text.charCodeAt(pos)) && !isUnicodeSpace(text.charCodeAt(pos))) pos++;
    words.push({ start, end: pos });
  }
  if (words.length === 0) return;
  const system = document.kind === 'crontab-system';
  const first = text.slice(words[0].start, words[0].end);
  // Words before the command: a comment or an assignment has none (only the gap before its first word counts).
  const headWords = first.startsWith('#') || looksLikeAssignment(text.slice(words[0].start)) ? 0 : (first.startsWith('@') ? 1 : 5) + (system ? 1 : 0);
  const flagged: number[] = [];
  for (let index = 0; index < gaps.length && index <= headWords; index++) {
    if (gaps[index].length === 0) continue;
    // The gap between a system line's user and its command: only when that word can be a user. Without a user
    // column (`0 3 * * * echo<U+3000>hi`), the gap is inside the command, and the user rules tell.
    if (system && index === headWords && headWords > 0 && !canBeUser(context, text.slice(words[index - 1].start, words[index - 1].end))) continue;
    flagged.push(...gaps[index]);
  }
  if (flagged.length === 0) return;
  report(context, line, text, flagged);
}

/** An environment line: Unicode spaces at the ends of the name, or at the start of a value not in quotes. */
function checkVariable(context: CrontabContext, line: number): void {
  const document = context.document;
  let index = 0;
  while (index < document.environmentCount && document.environmentLine(index) !== line) index++;
  if (index >= document.environmentCount) return;
  const text = document.lineText(line);
  const quote = (offset: number) => offset > 0 && (text[offset - 1] === '"' || text[offset - 1] === "'");
  const nameStart = document.environmentNameStart(index);
  const nameEnd = document.environmentNameEnd(index);
  const flaggedName: number[] = [];
  let from = nameStart;
  let to = nameEnd;
  if (!quote(nameStart)) {
    while (from < to && isUnicodeSpace(text.charCodeAt(from))) flaggedName.push(from++);
    while (to > from && isUnicodeSpace(text.charCodeAt(to - 1))) flaggedName.push(--to);
  }
  const valueStart = document.environmentValueStart(index);
  const flaggedValue: number[] = [];
  let valueFrom = valueStart;
  if (!quote(valueStart)) {
    for (; valueFrom < text.length; valueFrom++) {
      const code = text.charCodeAt(valueFrom);
      if (isUnicodeSpace(code)) flaggedValue.push(valueFrom);
      else if (!isAsciiBlank(code)) break;
    }
  }
  // A name of Unicode spaces only is no typo next to `=`: invalid-environment and the reader say what it is.
  if ((flaggedName.length === 0 || from === to) && flaggedValue.length === 0) return;
  const named = from < to ? flaggedName : [];
  const flagged = [...named, ...flaggedValue].sort((a, b) => a - b);
  const code = text.charCodeAt(flagged[0]);
  const codeText = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = document.environmentName(index);
  const params = {
    code: codeText,
    name: code === 0x3000 ? context.t('crontab/unicode-space.ideographic-space') : code === 0xa0 ? context.t('crontab/unicode-space.no-break-space') : (UNICODE_SPACES.get(code) ?? codeText),
    word: visible(named.length > 0 ? name : document.environmentValue(index)),
    intended: named.length > 0 ? text.slice(from, to) : text.slice(valueFrom, document.environmentValueEnd(index)),
    variable: visible(name),
  };
  context.report({
    messageId: named.length > 0 ? 'variable-name' : 'variable-value',
    params,
    // cron takes the file; the variable is wrong, not the jobs' schedule.
    severity: 'warning',
    range: range(line, flagged[0], flagged[flagged.length - 1] + 1),
    fixes: [{ title: context.t(flagged.length === 1 ? 'crontab/unicode-space.fix' : 'crontab/unicode-space.fix-many', { code: codeText, count: flagged.length }), edits: flagged.map((offset) => ({ range: range(line, offset, offset + 1), newText: ' ' })), isPreferred: true, safe: true }],
  });
}

function canBeUser(context: CrontabContext, word: string): boolean {
  if (context.facts.isUser(word) === true) return true;
  return !(word.includes('/') || /[;&|<>()$`"'\\={}[\]!*?%]/.test(word) || SHELL_WORDS.has(word));
}

function report(context: CrontabContext, line: number, text: string, flagged: number[]): void {
  const document = context.document;
  const at = flagged[0];
  const code = text.charCodeAt(at);
  // The word cron reads: from the blank before the character to the blank after it.
  let start = at;
  while (start > 0 && !isAsciiBlank(text.charCodeAt(start - 1))) start--;
  let end = at + 1;
  while (end < text.length && !isAsciiBlank(text.charCodeAt(end))) end++;
  const codeText = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const params = {
    code: codeText,
    name: code === 0x3000 ? context.t('crontab/unicode-space.ideographic-space') : code === 0xa0 ? context.t('crontab/unicode-space.no-break-space') : (UNICODE_SPACES.get(code) ?? codeText),
    word: visible(text.slice(start, end)),
    consequence: context.consequence(),
    field: '',
  };
  const verdict = verdictOf(context, line, flagged);
  if (verdict.field !== undefined) params.field = context.t(`field.${verdict.field}` as MessageKey);
  const edits: TextEdit[] = flagged.map((offset) => ({ range: range(line, offset, offset + 1), newText: ' ' }));
  context.report({
    messageId: verdict.messageId,
    params,
    severity: verdict.messageId === 'skipped' ? 'warning' : undefined,
    range: range(line, at, flagged[flagged.length - 1] + 1),
    fixes: [{ title: context.t(flagged.length === 1 ? 'crontab/unicode-space.fix' : 'crontab/unicode-space.fix-many', { code: codeText, count: flagged.length }), edits, isPreferred: true, safe: true }],
  });
}

/**
 * What cron makes of the line: `rejected` (a line problem, or a system line whose user cron reads is no user),
 * `skipped` (Debian: every character sits at the end of a time field and get_list skips it, so the line runs as
 * written; cronie ≥ 1.6 rejects such a field, which the parser reports as a line problem), else `misread`.
 */
function verdictOf(context: CrontabContext, line: number, flagged: number[]): { messageId: 'rejected' | 'skipped' | 'misread'; field?: string } {
  const document = context.document;
  if (document.lineType(line) === 'invalid') return { messageId: 'rejected' };
  const job = document.jobOf(line);
  if (!document.isAccepted(job)) return { messageId: 'rejected' };
  // A user cron cannot find (getpwnam): Debian's user.c drops the file, cronie the line.
  const user = document.userText(job);
  if (document.hasUser(job) && (user.includes('/') || [...user].some((char) => isUnicodeSpace(char.charCodeAt(0))) || context.facts.isUser(user) === false)) return { messageId: 'rejected' };
  if (document.jobKeyword(job) === undefined) {
    let field: string | undefined;
    const skipped = flagged.every((offset) => {
      for (let index = 0; index < 5; index++) {
        const tokenStart = document.timeTokenStart(job, index);
        const suffix = document.jobField(job, index).ignoredSuffix;
        if (offset < tokenStart || offset >= document.timeTokenEnd(job, index) || suffix === undefined) continue;
        field ??= FIELD_SPECS[index].name;
        return [...suffix.text].every((char) => isUnicodeSpace(char.charCodeAt(0)));
      }
      return false;
    });
    if (skipped) return { messageId: 'skipped', field };
  }
  return { messageId: 'misread' };
}

/** The text with each Unicode space shown as `<U+3000>`: in an editor or a terminal it looks like a blank. */
function visible(text: string): string {
  let result = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    result += isUnicodeSpace(code) ? `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>` : char;
  }
  return result;
}

// Rules whose findings on a line this rule reports explain cron's misreading of it as if it were the writer's
// intent (a missing user, an unknown user, a bad field, characters to delete): they would mislead, and their
// fixes would damage the line. Rules about the command or the file stay.
const ECHOES = new Set([
  'crontab/invalid-schedule',
  'crontab/invalid-environment',
  'crontab/ignored-characters',
  'crontab/missing-user-field',
  'crontab/unknown-user',
  'crontab/user-field-in-user-crontab',
  'crontab/never-runs',
  'crontab/wildcard-minute',
  'crontab/day-of-month-or-day-of-week',
]);

/** Drops the other rules' findings that echo this rule's on the same line (see ECHOES). */
export function dropUnicodeSpaceEchoes(findings: Finding[]): void {
  let lines: Set<number> | undefined;
  for (const finding of findings) if (finding.ruleId === UNICODE_SPACE_RULE_ID) (lines ??= new Set()).add(finding.range.start.line);
  if (lines === undefined) return;
  for (let index = findings.length - 1; index >= 0; index--) {
    const finding = findings[index];
    if (ECHOES.has(finding.ruleId) && lines.has(finding.range.start.line)) findings.splice(index, 1);
  }
}
