// The syntax half of util/linear-regex.ts: reads a pattern (the subset that file's header lists) into a tree
// of nodes that linear-regex.ts compiles to its program. Unsupported syntax throws here, at construction.
import { isJsWhitespace } from './chars';

export interface LinearRegexOptions {
  /**
   * Whose meaning of `\s` and `.` to use. Python (the default; the patterns we run are mostly Python's):
   * `\s` is str.isspace(), `.` is anything but "\n". JavaScript: `\s` is JavaScript's whitespace, `.` is
   * anything but "\n", "\r", U+2028 and U+2029.
   */
  flavor?: 'python' | 'javascript';
}

export type Test = (code: number) => boolean;

export type Node =
  | { kind: 'char'; test: Test }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'repeat'; body: Node; min: 0 | 1; max: 1 | typeof Infinity; lazy: boolean }
  | { kind: 'group'; index: number | undefined; body: Node }
  | { kind: 'start' }
  | { kind: 'end' }
  | { kind: 'behind'; test: Test; negate: boolean };

/** Python's str.isspace(): what `\s` matches in a str pattern. */
export function isPythonSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13) || (code >= 0x1c && code <= 0x1f);
  if (code < 0x85) return false;
  return code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;
}

export const isDigit: Test = (code) => code >= 48 && code <= 57;
export const isWord: Test = (code) => isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

export class PatternParser {
  private at = 0;
  groupCount = 0;

  constructor(
    private readonly source: string,
    private readonly options: Required<LinearRegexOptions>,
  ) {}

  parse(): Node {
    const node = this.alternation();
    if (this.at !== this.source.length) this.fail('unexpected )');
    return node;
  }

  private fail(what: string): never {
    throw new Error(`linear-regex: ${what} at ${this.at} in /${this.source}/`);
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.source[this.at] === '|') {
      this.at++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0] : { kind: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      let atom = this.atom();
      const quantifier = this.source[this.at];
      if (quantifier === '*' || quantifier === '+' || quantifier === '?') {
        this.at++;
        const lazy = this.source[this.at] === '?';
        if (lazy) this.at++;
        if (atom.kind === 'start' || atom.kind === 'end' || atom.kind === 'behind') this.fail('quantified assertion');
        atom = { kind: 'repeat', body: atom, min: quantifier === '+' ? 1 : 0, max: quantifier === '?' ? 1 : Infinity, lazy };
      } else if (quantifier === '{') {
        this.fail('counted repetition is not supported');
      }
      items.push(atom);
    }
    return items.length === 1 ? items[0] : { kind: 'seq', items };
  }

  private atom(): Node {
    const char = this.source[this.at++];
    switch (char) {
      case '^':
        return { kind: 'start' };
      case '$':
        return { kind: 'end' };
      case '.':
        return { kind: 'char', test: this.options.flavor === 'python' ? (code) => code !== 10 : (code) => code !== 10 && code !== 13 && code !== 0x2028 && code !== 0x2029 };
      case '[':
        return { kind: 'char', test: this.characterClass() };
      case '\\':
        return { kind: 'char', test: this.escape() };
      case '(': {
        if (this.source.startsWith('?:', this.at)) {
          this.at += 2;
          return this.closeGroup(undefined);
        }
        if (this.source.startsWith('?<!', this.at) || this.source.startsWith('?<=', this.at)) {
          const negate = this.source[this.at + 2] === '!';
          this.at += 3;
          const inner = this.atom();
          if (inner.kind !== 'char' || this.source[this.at] !== ')') this.fail('only one-character lookbehind is supported');
          this.at++;
          return { kind: 'behind', test: inner.test, negate };
        }
        if (this.source[this.at] === '?') this.fail('unsupported group');
        return this.closeGroup(++this.groupCount);
      }
      case '*':
      case '+':
      case '?':
      case '{':
      case ')':
      case '|':
      case undefined:
        return this.fail(`unexpected ${char ?? 'end'}`);
      default: {
        const code = char.charCodeAt(0);
        return { kind: 'char', test: (other) => other === code };
      }
    }
  }

  private closeGroup(index: number | undefined): Node {
    const body = this.alternation();
    if (this.source[this.at] !== ')') this.fail('missing )');
    this.at++;
    return { kind: 'group', index, body };
  }

  /** After a backslash, outside or inside a class. */
  private escape(): Test {
    const char = this.source[this.at++];
    const isSpace = this.options.flavor === 'python' ? isPythonSpace : isJsWhitespace;
    switch (char) {
      case 's':
        return isSpace;
      case 'S':
        return (code) => !isSpace(code);
      case 'd':
        return isDigit;
      case 'D':
        return (code) => !isDigit(code);
      case 'w':
        return isWord;
      case 'W':
        return (code) => !isWord(code);
      case 'n':
        return (code) => code === 10;
      case 'r':
        return (code) => code === 13;
      case 't':
        return (code) => code === 9;
      case undefined:
        return this.fail('trailing backslash');
      default:
        if (/[A-Za-z0-9]/.test(char)) this.fail(`unsupported escape \\${char}`);
        return (code) => code === char.charCodeAt(0);
    }
  }

  private characterClass(): Test {
    const negate = this.source[this.at] === '^';
    if (negate) this.at++;
    const tests: Test[] = [];
    let first = true;
    while (this.at < this.source.length && (this.source[this.at] !== ']' || first)) {
      first = false;
      const char = this.source[this.at++];
      if (char === '\\') {
        tests.push(this.escape());
        continue;
      }
      const low = char.charCodeAt(0);
      if (this.source[this.at] === '-' && this.source[this.at + 1] !== ']' && this.at + 1 < this.source.length) {
        const high = this.source.charCodeAt(this.at + 1);
        this.at += 2;
        tests.push((code) => code >= low && code <= high);
      } else {
        tests.push((code) => code === low);
      }
    }
    if (this.source[this.at] !== ']') this.fail('missing ]');
    this.at++;
    const any: Test = (code) => tests.some((test) => test(code));
    return negate ? (code) => !any(code) : any;
  }
}
