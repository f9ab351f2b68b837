// The words and operators of a POSIX shell command line (XCU 2.3 "Token Recognition", 2.2 "Quoting"), with
// their offsets, as command-model.ts reads them: quotes removed, `$…` and `` `…` `` kept as written and
// marked dynamic, `$(…)` and `(…)` matched to their closing parenthesis. Never expands or executes anything.

export interface Word {
  type: 'word';
  /** The word after quote removal (expansions kept as written). */
  value: string;
  start: number;
  end: number;
  /** Has an unquoted or double-quoted `$` or backquote: its value is only known at run time. */
  dynamic: boolean;
  /** The word is one quoted string: where its content is (for `sh -c '…'`). */
  inner?: { start: number; end: number };
}

export interface Operator {
  type: 'op';
  op: string;
  start: number;
}

export type Token = Word | Operator;

const OPERATORS = ['&&', '||', ';;', ';', '|', '&', '(', ')', '\n'];

/** Splits shell text into words and operators; drops comments and redirections (with their targets). */
export function tokenize(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  let pos = start;
  const heredocs: { delimiter: string; stripTabs: boolean }[] = [];
  while (pos < end) {
    const ch = text[pos];
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      pos++;
      continue;
    }
    if (ch === '\\' && text[pos + 1] === '\n') {
      pos += 2;
      continue;
    }
    if (ch === '#') {
      while (pos < end && text[pos] !== '\n') pos++;
      continue;
    }
    if (ch === '\n') {
      tokens.push({ type: 'op', op: '\n', start: pos });
      pos++;
      // Here-documents start on the next line: skip their bodies.
      while (heredocs.length > 0) {
        const doc = heredocs.shift()!;
        while (pos < end) {
          let lineEnd = text.indexOf('\n', pos);
          if (lineEnd === -1 || lineEnd > end) lineEnd = end;
          const line = text.slice(pos, lineEnd);
          pos = lineEnd + 1;
          if ((doc.stripTabs ? line.replace(/^\t+/, '') : line) === doc.delimiter) break;
        }
      }
      continue;
    }
    const redirection = /^(\d*)(<<-?|<<<|>>|>\||<>|>&|<&|&>>|&>|>|<)/.exec(text.slice(pos, Math.min(end, pos + 6)));
    if (redirection && (redirection[1] === '' || isWordStart(text, pos))) {
      pos += redirection[0].length;
      const operator = redirection[2];
      while (pos < end && (text[pos] === ' ' || text[pos] === '\t')) pos++;
      const target = readWord(text, pos, end);
      pos = target.end;
      if (operator.startsWith('<<') && operator !== '<<<') heredocs.push({ delimiter: target.value, stripTabs: operator === '<<-' });
      continue;
    }
    const operator = OPERATORS.find((candidate) => text.startsWith(candidate, pos));
    if (operator) {
      tokens.push({ type: 'op', op: operator, start: pos });
      pos += operator.length;
      continue;
    }
    const word = readWord(text, pos, end);
    if (word.end === pos) {
      pos++;
      continue;
    }
    tokens.push(word);
    pos = word.end;
  }
  return tokens;
}

function isWordStart(text: string, pos: number): boolean {
  return pos === 0 || /[\s;&|()]/.test(text[pos - 1]);
}

function readWord(text: string, start: number, end: number): Word {
  let pos = start;
  let value = '';
  let dynamic = false;
  let quotedParts = 0;
  let parts = 0;
  let inner: { start: number; end: number } | undefined;
  while (pos < end) {
    const ch = text[pos];
    if (/[\s;&|()<>]/.test(ch)) break;
    parts++;
    if (ch === '\\') {
      if (text[pos + 1] === '\n') pos += 2;
      else {
        value += text[pos + 1] ?? '';
        pos += 2;
      }
    } else if (ch === "'") {
      const close = text.indexOf("'", pos + 1);
      const stop = close === -1 || close >= end ? end : close;
      value += text.slice(pos + 1, stop);
      inner = { start: pos + 1, end: stop };
      quotedParts++;
      pos = stop + 1;
    } else if (ch === '"') {
      let index = pos + 1;
      while (index < end && text[index] !== '"') {
        if (text[index] === '\\' && index + 1 < end && '$`"\\\n'.includes(text[index + 1])) {
          if (text[index + 1] !== '\n') value += text[index + 1];
          index += 2;
          continue;
        }
        if (text[index] === '$' || text[index] === '`') {
          dynamic = true;
          if (text[index] === '$' && text[index + 1] === '(') {
            const close = matchParen(text, index + 1, end);
            value += text.slice(index, close);
            index = close;
            continue;
          }
        }
        value += text[index];
        index++;
      }
      inner = { start: pos + 1, end: Math.min(index, end) };
      quotedParts++;
      pos = index + 1;
    } else if (ch === '$' && (text[pos + 1] === '(' || text[pos + 1] === '{')) {
      dynamic = true;
      const close = text[pos + 1] === '(' ? matchParen(text, pos + 1, end) : Math.min(end, (text.indexOf('}', pos) + 1) || end);
      value += text.slice(pos, close);
      pos = close;
    } else if (ch === '`') {
      dynamic = true;
      const close = text.indexOf('`', pos + 1);
      const stop = close === -1 || close >= end ? end : close + 1;
      value += text.slice(pos, stop);
      pos = stop;
    } else {
      if (ch === '$') dynamic = true;
      value += ch;
      pos++;
    }
  }
  const word: Word = { type: 'word', value, start, end: Math.min(pos, end), dynamic };
  if (parts === 1 && quotedParts === 1 && inner) word.inner = inner;
  return word;
}

/** The offset just after the `)` matching the `(` at `open`, respecting quotes. */
function matchParen(text: string, open: number, end: number): number {
  let depth = 0;
  for (let index = open; index < end; index++) {
    const ch = text[index];
    if (ch === '\\') index++;
    else if (ch === "'") {
      const close = text.indexOf("'", index + 1);
      index = close === -1 ? end : close;
    } else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return index + 1;
  }
  return end;
}
