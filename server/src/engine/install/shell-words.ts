// The words and simple commands of a shell text, as the POSIX shell command language splits them (XCU 2.2
// "Quoting", 2.3 "Token Recognition", 2.9.1 simple commands, 2.9.2–2.9.4 pipelines, lists and groups, 2.7
// redirections, 2.7.4 here-documents), with offsets into the text so a finding can point at a command and a
// fix can remove one. Only the lexing: install/shell.ts reads what the commands do to crontabs. Nothing is
// executed and nothing is expanded; a word with `$…` or backquotes is marked as such.
export interface Word {
  text: string;
  start: number;
  end: number;
  /** Contains `$…` or backquotes: the value is not known here. */
  expands: boolean;
  /** A redirection operator (`>`, `>>`, `<`, …), kept in the word list so commands see `> FILE`. */
  redirect?: string;
}

export interface SimpleCommand {
  words: Word[];
  start: number;
  end: number;
  /** Index of the pipeline it belongs to and its place in it. */
  pipeline: number;
  stage: number;
  /** Operator before/after it (`&&`, `||`, `;`, `|`, `&`, newline), with its span. */
  before?: Operator;
  after?: Operator;
  /** Inside `( … )` or `{ …; }`: a removal would have to edit the group, so none is offered. */
  grouped: boolean;
}

export interface Operator {
  text: string;
  start: number;
  end: number;
}

/** Splits shell text into simple commands with offsets into `text`. Never throws. */
export function splitCommands(text: string): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let words: Word[] = [];
  let word: Word | undefined;
  let pipeline = 0;
  let stage = 0;
  let depth = 0;
  let commandDepth = 0;
  let pendingOperator: Operator | undefined;
  const heredocs: { delimiter: string; strip: boolean }[] = [];
  let nextIsHeredocDelimiter: boolean | undefined;

  const endWord = () => {
    if (!word) return;
    if (nextIsHeredocDelimiter !== undefined && !word.redirect) {
      heredocs.push({ delimiter: word.text, strip: nextIsHeredocDelimiter });
      nextIsHeredocDelimiter = undefined;
    }
    words.push(word);
    word = undefined;
  };
  const endCommand = (operator: Operator | undefined) => {
    endWord();
    if (words.length > 0) {
      const command: SimpleCommand = { words, start: words[0].start, end: words[words.length - 1].end, pipeline, stage, before: pendingOperator, after: operator, grouped: commandDepth > 0 || depth > 0 };
      commands.push(command);
      pendingOperator = operator;
    } else if (operator) pendingOperator = operator;
    words = [];
    commandDepth = depth;
    if (operator?.text === '|') stage++;
    else if (operator) {
      pipeline++;
      stage = 0;
    }
  };
  const append = (index: number, chars: string, expands = false) => {
    if (!word) word = { text: '', start: index, end: index, expands: false };
    word.text += chars;
    word.end = index + 1;
    if (expands) word.expands = true;
  };

  let index = 0;
  const n = text.length;
  while (index < n) {
    const ch = text[index];
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      endWord();
      index++;
      continue;
    }
    if (ch === '\n') {
      endCommand({ text: '\n', start: index, end: index + 1 });
      index++;
      // Here-document bodies follow the line that opened them.
      while (heredocs.length > 0) {
        const heredoc = heredocs.shift()!;
        while (index < n) {
          const lineEnd = text.indexOf('\n', index);
          const line = text.slice(index, lineEnd < 0 ? n : lineEnd);
          index = lineEnd < 0 ? n : lineEnd + 1;
          if ((heredoc.strip ? line.replace(/^\t+/, '') : line) === heredoc.delimiter) break;
        }
      }
      continue;
    }
    if (ch === '#' && !word) {
      while (index < n && text[index] !== '\n') index++;
      continue;
    }
    if (ch === '\\') {
      if (text[index + 1] === '\n') index += 2;
      else {
        append(index, text[index + 1] ?? '');
        if (word) word.end = Math.min(n, index + 2);
        index += 2;
      }
      continue;
    }
    if (ch === "'") {
      const close = text.indexOf("'", index + 1);
      const end = close < 0 ? n : close;
      append(index, text.slice(index + 1, end));
      word!.end = Math.min(n, end + 1);
      index = end + 1;
      continue;
    }
    if (ch === '"') {
      let end = index + 1;
      let value = '';
      let expands = false;
      while (end < n && text[end] !== '"') {
        if (text[end] === '\\' && end + 1 < n && '$`"\\\n'.includes(text[end + 1])) {
          if (text[end + 1] !== '\n') value += text[end + 1];
          end += 2;
          continue;
        }
        if (text[end] === '$' || text[end] === '`') expands = true;
        value += text[end];
        end++;
      }
      append(index, value, expands);
      word!.end = Math.min(n, end + 1);
      index = end + 1;
      continue;
    }
    if (ch === '$' || ch === '`') {
      // Substitutions: skip to the matching close so their inner operators do not split the command.
      let end = index + 1;
      if (ch === '`') end = Math.max(end, text.indexOf('`', index + 1) + 1 || n);
      else if (text[index + 1] === '(' || text[index + 1] === '{') {
        const open = text[index + 1];
        const close = open === '(' ? ')' : '}';
        let level = 0;
        for (end = index + 1; end < n; end++) {
          if (text[end] === open) level++;
          else if (text[end] === close && --level === 0) break;
        }
        end = Math.min(n, end + 1);
      }
      append(index, text.slice(index, end), true);
      word!.end = end;
      index = end;
      continue;
    }
    const two = text.slice(index, index + 2);
    const three = text.slice(index, index + 3);
    if (two === '&&' || two === '||' || two === ';;') {
      endCommand({ text: two, start: index, end: index + 2 });
      index += 2;
      continue;
    }
    if (three === '<<-' || two === '<<') {
      if (word && /^\d+$/.test(word.text)) word = undefined;
      endWord();
      const op = three === '<<-' ? three : two;
      words.push({ text: op, start: index, end: index + op.length, expands: false, redirect: op });
      nextIsHeredocDelimiter = op === '<<-';
      index += op.length;
      continue;
    }
    if (ch === '>' || ch === '<' || two === '&>') {
      if (word && /^\d+$/.test(word.text)) word = undefined;
      endWord();
      const op = ['>>', '>|', '>&', '<&', '&>', '<>'].includes(two) ? two : ch;
      words.push({ text: op, start: index, end: index + op.length, expands: false, redirect: op });
      index += op.length;
      continue;
    }
    if (ch === ';' || ch === '|' || ch === '&') {
      endCommand({ text: ch, start: index, end: index + 1 });
      index++;
      continue;
    }
    // `(` and `)` are operators (XCU 2.3 rule 6, 2.9.4 grouping): they end a word in progress, as in
    // `(crontab -l; cat /etc/cron.d/job) | crontab -`. (`$(` was read as a substitution above.)
    if (ch === '(' || ch === ')') {
      endCommand(undefined);
      depth = Math.max(0, depth + (ch === '(' ? 1 : -1));
      commandDepth = Math.max(commandDepth, depth);
      index++;
      continue;
    }
    if ((ch === '{' || ch === '}') && !word && /[\s;]/.test(text[index + 1] ?? ' ')) {
      endCommand(undefined);
      depth = Math.max(0, depth + (ch === '{' ? 1 : -1));
      commandDepth = Math.max(commandDepth, depth);
      index++;
      continue;
    }
    append(index, ch);
    index++;
  }
  endCommand(undefined);
  return commands;
}
