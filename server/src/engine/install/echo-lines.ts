// Crontab lines a shell text writes itself (a Dockerfile RUN line, a script): `echo '0 3 * * * /x' >> /etc/crontabs/root`,
// `printf '…\n' > /etc/cron.d/x`, `echo '…' | tee -a FILE`, `echo '…' | crontab -`, several of them chained or
// over several RUN lines (`>` starts the file, `>>` appends). The text is built as sh would write it (XCU 2.2
// quote removal) and kept with the installer position of each character, like a ConfigMap's inline crontab
// (model.ts InlineCrontab), so findings point inside the Dockerfile's quotes. Nothing is run.
//
// Only what every /bin/sh a Dockerfile may run writes the same is read; the rest is skipped, never guessed:
// - echo: dash (Debian's and Ubuntu's /bin/sh) always reads backslash escapes and prints `-e` as text
//   (dash src/bltin/printf.c echocmd; checked with /usr/bin/dash); bash (RHEL's /bin/sh) and busybox ash
//   with FEATURE_FANCY_ECHO (Alpine) read escapes only after -e; busybox without it reads them always
//   (busybox coreutils/echo.c bb_echo). So an echo whose words hold a backslash, or whose first word starts
//   with `-`, is skipped.
// - printf: the format's `\n`, `\t`, `\\`, `%s` and `%%` are the same in dash, bash and busybox (POSIX
//   printf(1): the format is reused while arguments remain); any other escape or conversion is skipped.
// - a word with an unquoted `*`, `?`, `[` or a leading `~` is expanded by the shell (pathname and tilde
//   expansion, XCU 2.6): its value is not known here; nor is one with `$…` or backquotes.
import type { Position } from '../types';
import { crontabProgramDialect, type CronProgram, type InlineCrontab, type InlineLine, type InstallStep } from './model';
import type { ImageFiles } from './image';
import { targetFormat } from './image';
import type { TextMap } from './shell';
import { commandRange } from './shell';
import type { SimpleCommand, Word } from './shell-words';

/** Characters with the shell-text offset each came from; `safe`: quoted and written as itself, so a fix may edit it in place. */
interface Written {
  text: string;
  offsets: number[];
  safe: boolean[];
}

// The crontabs echo has written so far in each image (one per build stage), by target: a later `>>` appends
// to the same step's text, a later `>` starts it again.
const writtenFiles = new WeakMap<ImageFiles, Map<string, InstallStep>>();

/** What the shell reader knows where the commands run (shell-steps.ts ShellContext has these). */
export interface EchoContext {
  installer: string;
  image: ImageFiles;
  /** Who runs the commands: whose crontab `| crontab -` replaces. */
  user: string;
  cron?: CronProgram;
  steps: InstallStep[];
}

/** Reads the echo and printf commands of one shell text and records the crontabs they write as install steps. */
export function readEchoLines(source: string, commands: SimpleCommand[], map: TextMap, context: EchoContext): void {
  let files = writtenFiles.get(context.image);
  for (const command of commands) {
    const name = command.words[0]?.text;
    if (name === 'crontab' && files) {
      crontabOfWritten(command, files, map, context);
      continue;
    }
    if (name !== 'echo' && name !== 'printf') continue;
    const destination = destinationOf(command, commands);
    if (!destination) continue;
    const target = destination.target;
    const format = target === 'crontab' ? { format: 'crontab-user' as const, user: context.user } : targetFormat(target, context.cron);
    if (!format) continue;
    const args = command.words.slice(1).filter((word, index, words) => !word.redirect && !words[index - 1]?.redirect);
    const written = name === 'echo' ? echoOutput(source, args) : printfOutput(source, args);
    if (!written) continue;
    if (!files) writtenFiles.set(context.image, (files = new Map()));
    const key = target === 'crontab' ? `crontab:${format.user}` : target;
    const earlier = files.get(key);
    // `>>` onto a file a COPY put there: the result is that file plus these lines, which is not one text here.
    if (destination.append && !earlier && target !== 'crontab' && context.image.files.has(target)) continue;
    if (destination.append && earlier?.inline) {
      appendWritten(earlier.inline, written, map);
      continue;
    }
    const inline: InlineCrontab = { text: '', lines: [], written: true };
    appendWritten(inline, written, map);
    const step: InstallStep = {
      installer: context.installer,
      range: commandRange(command, map),
      source: `${context.installer}#${target === 'crontab' ? `crontab -u ${format.user}` : target}`,
      target,
      format: format.format,
      via: target === 'crontab' ? 'crontab' : 'copy',
      user: format.user,
      cron: target.startsWith('/etc/crontabs/') ? 'busybox' : context.cron === 'busybox' ? undefined : context.cron,
      dialect: crontabProgramDialect(context.cron),
      description: describe(command),
      inline,
    };
    if (earlier) {
      // `>` (or a new `| crontab -`) replaces what the earlier commands wrote.
      const index = context.steps.indexOf(earlier);
      if (index >= 0) context.steps.splice(index, 1);
    }
    files.set(key, step);
    context.steps.push(step);
  }
}

/**
 * `crontab FILE` of a file echo wrote: the same text installed a second time, as a user crontab (the classic
 * `echo … > /etc/cron.d/job && crontab /etc/cron.d/job`, which crontab/installed-both-ways reads from the two steps).
 */
function crontabOfWritten(command: SimpleCommand, files: Map<string, InstallStep>, map: TextMap, context: EchoContext): void {
  const words = command.words.slice(1);
  if (words.some((word) => word.expands || word.redirect)) return;
  let user = context.user;
  const operands: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i].text === '-u' && words[i + 1]) user = words[++i].text;
    else if (words[i].text.startsWith('-')) return;
    else operands.push(words[i].text);
  }
  if (operands.length !== 1 || !operands[0].startsWith('/')) return;
  const written = files.get(normalize(operands[0]));
  if (!written?.inline) return;
  context.steps.push({
    installer: context.installer,
    range: commandRange(command, map),
    source: written.source,
    target: 'crontab',
    format: 'crontab-user',
    via: 'crontab',
    user,
    cron: context.cron,
    dialect: crontabProgramDialect(context.cron),
    description: describe(command),
    inline: written.inline,
  });
}

function describe(command: SimpleCommand): string {
  const text = command.words.map((word) => word.text).join(' ');
  return text.length > 80 ? text.slice(0, 77) + '…' : text;
}

/** Where the command's output goes: one `>`/`>>` to an absolute path, or a pipe into `tee [-a] FILE` or `crontab -`. */
function destinationOf(command: SimpleCommand, commands: SimpleCommand[]): { target: string; append: boolean } | undefined {
  const outputs = command.words.map((word, index) => ({ word, target: command.words[index + 1] })).filter(({ word }) => word.redirect && /^(>|>>|>\||&>|>&)$/.test(word.redirect));
  if (command.stage !== 0 || command.grouped) return undefined;
  if (command.after?.text === '|') {
    if (outputs.length > 0) return undefined;
    const next = commands[commands.indexOf(command) + 1];
    // Only a two-stage pipeline: what a third command does to the text is not read.
    if (!next || next.pipeline !== command.pipeline || next.after?.text === '|' || next.grouped) return undefined;
    const words = next.words.map((word) => word.text);
    if (next.words.some((word) => word.expands || word.redirect)) return undefined;
    if (words[0] === 'crontab' && words.length === 2 && words[1] === '-') return { target: 'crontab', append: false };
    if (words[0] === 'tee') {
      const operands = words.slice(1).filter((word) => word !== '-a');
      if (operands.length === 1 && operands[0].startsWith('/') && !operands[0].startsWith('-')) return { target: normalize(operands[0]), append: words.includes('-a') };
    }
    return undefined;
  }
  if (outputs.length !== 1) return undefined;
  const { word, target } = outputs[0];
  if (word.redirect === '>&' || word.redirect === '&>' || !target || target.expands || !target.text.startsWith('/')) return undefined;
  return { target: normalize(target.text), append: word.redirect === '>>' };
}

function normalize(file: string): string {
  const parts: string[] = [];
  for (const part of file.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

/** A word's value after quote removal, each character with its offset in the shell text; undefined when the shell would expand it. */
export function wordValue(source: string, word: Word): Written | undefined {
  if (word.expands) return undefined;
  const value: Written = { text: '', offsets: [], safe: [] };
  const add = (ch: string, offset: number, safe: boolean) => {
    value.text += ch;
    value.offsets.push(offset);
    value.safe.push(safe);
  };
  let i = word.start;
  if (source[i] === '~') return undefined;
  while (i < word.end) {
    const ch = source[i];
    if (ch === "'") {
      const close = source.indexOf("'", i + 1);
      if (close < 0 || close >= word.end) return undefined;
      for (let k = i + 1; k < close; k++) add(source[k], k, true);
      i = close + 1;
    } else if (ch === '"') {
      let k = i + 1;
      for (; k < word.end && source[k] !== '"'; k++) {
        if (source[k] === '\\' && '$`"\\\n'.includes(source[k + 1] ?? '')) {
          if (source[k + 1] !== '\n') add(source[k + 1], k + 1, false);
          k++;
        } else add(source[k], k, true);
      }
      if (k >= word.end) return undefined;
      i = k + 1;
    } else if (ch === '\\') {
      if (i + 1 >= word.end) return undefined;
      if (source[i + 1] !== '\n') add(source[i + 1], i + 1, false);
      i += 2;
    } else {
      if ('*?['.includes(ch)) return undefined;
      add(ch, i, false);
      i++;
    }
  }
  return value;
}

function joined(source: string, args: Word[]): Written | undefined {
  const result: Written = { text: '', offsets: [], safe: [] };
  for (const [index, arg] of args.entries()) {
    const value = wordValue(source, arg);
    if (!value) return undefined;
    if (index > 0) {
      // The space echo puts between its arguments stands where the previous word ended.
      result.text += ' ';
      result.offsets.push(args[index - 1].end);
      result.safe.push(false);
    }
    result.text += value.text;
    result.offsets.push(...value.offsets);
    result.safe.push(...value.safe);
  }
  return result;
}

function echoOutput(source: string, args: Word[]): Written | undefined {
  const value = joined(source, args);
  if (!value || value.text.includes('\\') || (args.length > 0 && value.text.startsWith('-'))) return undefined;
  const end = args.length > 0 ? args[args.length - 1].end : 0;
  return { text: value.text + '\n', offsets: [...value.offsets, end], safe: [...value.safe, false] };
}

function printfOutput(source: string, args: Word[]): Written | undefined {
  if (args.length === 0) return undefined;
  const format = wordValue(source, args[0]);
  if (!format || format.text.startsWith('-')) return undefined;
  const operands: Written[] = [];
  for (const arg of args.slice(1)) {
    const value = wordValue(source, arg);
    if (!value) return undefined;
    operands.push(value);
  }
  const result: Written = { text: '', offsets: [], safe: [] };
  const add = (ch: string, offset: number, safe: boolean) => {
    result.text += ch;
    result.offsets.push(offset);
    result.safe.push(safe);
  };
  let used = 0;
  // POSIX printf(1): the format is used again while operands remain; with no conversion, operands are an error.
  for (let round = 0; round === 0 || used < operands.length; round++) {
    let conversions = 0;
    for (let i = 0; i < format.text.length; i++) {
      const ch = format.text[i];
      const next = format.text[i + 1];
      if (ch === '\\') {
        const escaped = next === 'n' ? '\n' : next === 't' ? '\t' : next === '\\' ? '\\' : undefined;
        if (escaped === undefined) return undefined;
        add(escaped, format.offsets[i], false);
        i++;
      } else if (ch === '%') {
        if (next === '%') add('%', format.offsets[i], false);
        else if (next === 's') {
          conversions++;
          const operand = operands[used++];
          if (operand) for (let k = 0; k < operand.text.length; k++) add(operand.text[k], operand.offsets[k], operand.safe[k]);
        } else return undefined;
        i++;
      } else add(ch, format.offsets[i], format.safe[i]);
    }
    if (conversions === 0 && operands.length > 0) return undefined;
    if (round > 1000) return undefined;
  }
  return result;
}

/** Adds written text to an inline crontab, one installer position per character (and one for each line's end). */
function appendWritten(inline: InlineCrontab, written: Written, map: TextMap): void {
  if (written.text.length === 0) return;
  const position = (offset: number): Position => map.position(offset);
  let current: InlineLine | undefined = inline.lines[inline.lines.length - 1];
  // A text that did not end its last line (printf without `\n`) is continued by the next write.
  const open = inline.text.length > 0 && !inline.text.endsWith('\n') && current?.characters;
  if (!open || !current) {
    current = undefined;
  } else current.characters!.pop();
  for (let k = 0; k < written.text.length; k++) {
    if (!current) {
      const start = position(written.offsets[k]);
      current = { line: start.line, character: start.character, characters: [], safe: [] };
      inline.lines.push(current);
    }
    if (written.text[k] === '\n') {
      current.characters!.push(position(written.offsets[k]));
      current = undefined;
      continue;
    }
    current.characters!.push(position(written.offsets[k]));
    current.safe!.push(written.safe[k] && (k + 1 >= written.text.length || written.offsets[k + 1] === written.offsets[k] + 1));
  }
  if (current) {
    const last = written.offsets[written.offsets.length - 1];
    current.characters!.push(position(last + 1));
  }
  inline.text += written.text;
}
