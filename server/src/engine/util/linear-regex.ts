// A regular-expression matcher whose time is linear in the input for a given pattern, for patterns we must
// keep exactly as another program writes them (configobj's) but cannot run on a backtracking engine: theirs
// backtrack exponentially on some lines (`a ,a ,a ,… "` against configobj's value pattern).
//
// It is RE2's "bit-state" backtracker (re2/bitstate.cc): the pattern is compiled to a small program and run
// depth-first in the same priority order as a backtracking engine, so it finds the same match with the same
// groups (leftmost-first, greedy/lazy as written), but each (instruction, position) pair is explored at most
// once — a second arrival has lower priority and the same future, so it can only fail again. Work is therefore
// at most program length × (input length + 1) steps.
//
// Syntax: literals and escapes, `.`, `\s` `\S` `\d` `\w`, classes `[...]`/`[^...]` with ranges, groups `(...)`
// `(?:...)`, one-character lookbehind `(?<!x)`/`(?<=x)`, `|`, and the quantifiers `* + ?` (each also lazy).
// No backreferences (they would break the linear bound). Unsupported syntax throws at construction: patterns
// are ours, so that is a programmer error.

// The pattern's syntax is read in linear-regex-syntax.ts; this file compiles the tree and runs it.
import { PatternParser, type LinearRegexOptions, type Node, type Test } from './linear-regex-syntax';

export { isPythonSpace, type LinearRegexOptions } from './linear-regex-syntax';

export interface LinearMatch {
  /** Group 0 is the whole match; undefined for a group that did not take part. */
  groups: (string | undefined)[];
  /** [start, end) of each group, like the `d` flag's indices. */
  indices: ([number, number] | undefined)[];
}

type Instruction =
  | { op: 'char'; test: Test }
  | { op: 'split'; first: number; second: number }
  | { op: 'jump'; to: number }
  | { op: 'save'; slot: number }
  | { op: 'start' }
  | { op: 'end' }
  | { op: 'behind'; test: Test; negate: boolean }
  | { op: 'match' };

function compile(node: Node, program: Instruction[]): void {
  switch (node.kind) {
    case 'char':
      program.push({ op: 'char', test: node.test });
      return;
    case 'start':
    case 'end':
      program.push({ op: node.kind });
      return;
    case 'behind':
      program.push({ op: 'behind', test: node.test, negate: node.negate });
      return;
    case 'seq':
      for (const item of node.items) compile(item, program);
      return;
    case 'group':
      if (node.index !== undefined) program.push({ op: 'save', slot: node.index * 2 });
      compile(node.body, program);
      if (node.index !== undefined) program.push({ op: 'save', slot: node.index * 2 + 1 });
      return;
    case 'alt': {
      const jumps: { op: 'jump'; to: number }[] = [];
      node.options.forEach((option, index) => {
        const last = index === node.options.length - 1;
        const split = { op: 'split' as const, first: program.length + 1, second: -1 };
        if (!last) program.push(split);
        compile(option, program);
        if (!last) {
          const jump = { op: 'jump' as const, to: -1 };
          jumps.push(jump);
          program.push(jump);
          split.second = program.length;
        }
      });
      for (const jump of jumps) jump.to = program.length;
      return;
    }
    case 'repeat': {
      if (node.max === 1) {
        // x? : split body, skip (lazy: skip first).
        const split = { op: 'split' as const, first: -1, second: -1 };
        program.push(split);
        const body = program.length;
        compile(node.body, program);
        const after = program.length;
        Object.assign(split, node.lazy ? { first: after, second: body } : { first: body, second: after });
        return;
      }
      if (node.min === 1) {
        // x+ : body; split back, on.
        const body = program.length;
        compile(node.body, program);
        const after = program.length + 1;
        program.push(node.lazy ? { op: 'split', first: after, second: body } : { op: 'split', first: body, second: after });
        return;
      }
      // x* : loop: split body, out; body; jump loop.
      const loop = program.length;
      const split = { op: 'split' as const, first: -1, second: -1 };
      program.push(split);
      const body = program.length;
      compile(node.body, program);
      program.push({ op: 'jump', to: loop });
      const after = program.length;
      Object.assign(split, node.lazy ? { first: after, second: body } : { first: body, second: after });
      return;
    }
  }
}

const OP_CHAR = 0;
const OP_SPLIT = 1;
const OP_JUMP = 2;
const OP_SAVE = 3;
const OP_START = 4;
const OP_END = 5;
const OP_BEHIND = 6;
const OP_MATCH = 7;

/** A character test as a table for ASCII (the common case) and a function for the rest. */
interface FastTest {
  ascii: Uint8Array;
  other: Test;
}

/** The program as parallel arrays: one shape for every instruction keeps the inner loop monomorphic. */
interface FlatProgram {
  ops: Int32Array;
  /** split: preferred branch; jump: target; save: slot; behind: 1 when negated. */
  first: Int32Array;
  /** split: other branch. */
  second: Int32Array;
  tests: FastTest[];
}

const NEVER: FastTest = { ascii: new Uint8Array(128), other: () => false };

function fastTest(test: Test): FastTest {
  const ascii = new Uint8Array(128);
  for (let code = 0; code < 128; code++) ascii[code] = test(code) ? 1 : 0;
  return { ascii, other: test };
}

function flatten(program: Instruction[]): FlatProgram {
  const flat: FlatProgram = { ops: new Int32Array(program.length), first: new Int32Array(program.length), second: new Int32Array(program.length), tests: [] };
  program.forEach((instruction, pc) => {
    let test = NEVER;
    switch (instruction.op) {
      case 'char':
        flat.ops[pc] = OP_CHAR;
        test = fastTest(instruction.test);
        break;
      case 'split':
        flat.ops[pc] = OP_SPLIT;
        flat.first[pc] = instruction.first;
        flat.second[pc] = instruction.second;
        break;
      case 'jump':
        flat.ops[pc] = OP_JUMP;
        flat.first[pc] = instruction.to;
        break;
      case 'save':
        flat.ops[pc] = OP_SAVE;
        flat.first[pc] = instruction.slot;
        break;
      case 'start':
        flat.ops[pc] = OP_START;
        break;
      case 'end':
        flat.ops[pc] = OP_END;
        break;
      case 'behind':
        flat.ops[pc] = OP_BEHIND;
        flat.first[pc] = instruction.negate ? 1 : 0;
        test = fastTest(instruction.test);
        break;
      case 'match':
        flat.ops[pc] = OP_MATCH;
        break;
    }
    flat.tests.push(test);
  });
  return flat;
}

interface Compiled {
  program: Instruction[];
  groupCount: number;
  flat: FlatProgram;
}

export class LinearRegex {
  // Compiled on first use: the patterns are module constants, and compiling all of them at start-up cost
  // every `schedlint` run a few milliseconds for formats it did not read (issue #20).
  private compiled: Compiled | undefined;
  /** Steps taken by the last call (one per instruction executed), for tests that check the bound. */
  lastSteps = 0;

  constructor(
    readonly source: string,
    private readonly options: LinearRegexOptions = {},
  ) {}

  private get code(): Compiled {
    if (this.compiled) return this.compiled;
    const parser = new PatternParser(this.source, { flavor: this.options.flavor ?? 'python' });
    const tree = parser.parse();
    const program: Instruction[] = [{ op: 'save', slot: 0 }];
    compile(tree, program);
    program.push({ op: 'save', slot: 1 }, { op: 'match' });
    return (this.compiled = { program, groupCount: parser.groupCount, flat: flatten(program) });
  }

  /** Python's re.match: a match starting at `from` (anchored there), or undefined. */
  match(text: string, from = 0): LinearMatch | undefined {
    this.lastSteps = 0;
    return this.run(text, from, from, new Visited(this.code.program.length, text.length));
  }

  /** Python's re.search: the leftmost match at or after `from`. */
  search(text: string, from = 0): LinearMatch | undefined {
    this.lastSteps = 0;
    return this.run(text, from, text.length, new Visited(this.code.program.length, text.length));
  }

  /** Python's re.finditer: successive non-overlapping matches. */
  all(text: string): LinearMatch[] {
    this.lastSteps = 0;
    const visited = new Visited(this.code.program.length, text.length);
    const found: LinearMatch[] = [];
    let from = 0;
    while (from <= text.length) {
      const match = this.run(text, from, text.length, visited);
      if (!match) break;
      found.push(match);
      const [start, end] = match.indices[0]!;
      // Failures stay failures (they depend on the position only), but the states of the successful path at its
      // end position were not failures: forget them before searching on from there.
      visited.clearPosition(end);
      from = end > start ? end : end + 1;
    }
    return found;
  }

  private run(text: string, firstStart: number, lastStart: number, visited: Visited): LinearMatch | undefined {
    const { flat, groupCount } = this.code;
    const { ops, first: firsts, second: seconds, tests } = flat;
    const length = text.length;
    const width = ops.length;
    const bits = visited.bits;
    let steps = 0;
    const slots = new Int32Array((groupCount + 1) * 2).fill(-1);
    // Jobs, two numbers each: a state to explore (pc, pos), or a capture to restore when backing out of a save
    // (-slot - 1, old value).
    const stack: number[] = [];
    for (let start = firstStart; start <= lastStart; start++) {
      stack.length = 0;
      stack.push(0, start);
      while (stack.length > 0) {
        const second = stack.pop()!;
        const first = stack.pop()!;
        if (first < 0) {
          slots[-first - 1] = second;
          continue;
        }
        let pc = first;
        let pos = second;
        for (;;) {
          // Visited.visit, inlined: this loop is the matcher's whole cost.
          const index = pos * width + pc;
          const word = index >>> 5;
          const bit = 1 << (index & 31);
          if (bits[word] & bit) break;
          bits[word] |= bit;
          steps++;
          const op = ops[pc];
          if (op === OP_CHAR) {
            if (pos >= length) break;
            const code = text.charCodeAt(pos);
            const test = tests[pc];
            if (!(code < 128 ? test.ascii[code] === 1 : test.other(code))) break;
            pc++;
            pos++;
          } else if (op === OP_SPLIT) {
            stack.push(seconds[pc], pos);
            pc = firsts[pc];
          } else if (op === OP_JUMP) {
            pc = firsts[pc];
          } else if (op === OP_SAVE) {
            const slot = firsts[pc];
            stack.push(-slot - 1, slots[slot]);
            slots[slot] = pos;
            pc++;
          } else if (op === OP_START) {
            if (pos !== 0) break;
            pc++;
          } else if (op === OP_END) {
            if (pos !== length) break;
            pc++;
          } else if (op === OP_BEHIND) {
            let holds = false;
            if (pos > 0) {
              const code = text.charCodeAt(pos - 1);
              const test = tests[pc];
              holds = code < 128 ? test.ascii[code] === 1 : test.other(code);
            }
            if (holds === (firsts[pc] === 1)) break;
            pc++;
          } else {
            this.lastSteps += steps;
            return this.result(text, slots);
          }
        }
      }
    }
    this.lastSteps += steps;
    return undefined;
  }

  private result(text: string, slots: Int32Array): LinearMatch {
    const groups: (string | undefined)[] = [];
    const indices: ([number, number] | undefined)[] = [];
    for (let group = 0; group <= this.code.groupCount; group++) {
      const start = slots[group * 2];
      const end = slots[group * 2 + 1];
      const taken = start >= 0 && end >= 0;
      groups.push(taken ? text.slice(start, end) : undefined);
      indices.push(taken ? [start, end] : undefined);
    }
    return { groups, indices };
  }
}

/** One bit per (instruction, position), laid out by position so one position's row can be cleared. */
class Visited {
  readonly bits: Uint32Array;

  constructor(
    private readonly width: number,
    length: number,
  ) {
    this.bits = new Uint32Array(Math.ceil((width * (length + 1)) / 32));
  }

  /** Marks the state; false when it was already marked. */
  visit(pc: number, pos: number): boolean {
    const index = pos * this.width + pc;
    const word = index >>> 5;
    const bit = 1 << (index & 31);
    if (this.bits[word] & bit) return false;
    this.bits[word] |= bit;
    return true;
  }

  clearPosition(pos: number): void {
    for (let pc = 0; pc < this.width; pc++) {
      const index = pos * this.width + pc;
      this.bits[index >>> 5] &= ~(1 << (index & 31));
    }
  }
}
