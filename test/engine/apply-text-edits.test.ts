// The engine's applyTextEdits against the implementation editors use (vscode-languageserver-textdocument, through
// test/support/apply-edits.ts): the same text for random texts with every kind of line break and random
// non-overlapping edits, positions past line ends and past the end included; and the line starts they and the
// editor positions count (util/line-starts.ts editorLineStarts).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyTextEdits, type PlainTextEdit } from '../../server/src/engine/util/apply-text-edits';
import { editorLineStarts } from '../../server/src/engine/util/line-starts';
import { applyEdits } from '../support/apply-edits';
import { Random } from '../support/random';

const PIECES = ['a', 'bc', ' ', '\n', '\r\n', '\r', '日本', '#'];

function randomEdits(random: Random, lines: number): PlainTextEdit[] {
  // Points in increasing order, so that edits never overlap (the library throws on overlap).
  const points: { line: number; character: number }[] = [];
  for (let index = random.int(6) * 2; index > 0; index--) points.push({ line: random.int(lines + 2), character: random.int(8) });
  points.sort((a, b) => a.line - b.line || a.character - b.character);
  const edits: PlainTextEdit[] = [];
  for (let index = 0; index + 1 < points.length; index += 2) {
    const range = random.chance(0.2) ? { start: points[index + 1], end: points[index] } : { start: points[index], end: points[index + 1] };
    edits.push({ range, newText: random.times(random.int(3), () => random.pick(PIECES)) });
  }
  return random.chance(0.5) ? edits.reverse() : edits;
}

test('applyTextEdits gives what an editor gives on 3,000 random texts and edits', () => {
  const random = new Random(20261206);
  for (let round = 0; round < 3000; round++) {
    const text = random.times(random.int(30), () => random.pick(PIECES));
    const edits = randomEdits(random, text.split(/\r\n|\r|\n/).length);
    let expected: string;
    try {
      expected = applyEdits(text, edits);
    } catch {
      continue; // two edits that both collapse to one offset after clamping: the library calls that overlapping
    }
    assert.equal(applyTextEdits(text, edits), expected, JSON.stringify({ text, edits }));
  }
});

test('applyTextEdits leaves out an edit that starts inside an earlier one instead of throwing', () => {
  const edits = [
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, newText: 'X' },
    { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, newText: 'Y' },
  ];
  assert.equal(applyTextEdits('abcd', edits), 'Xd');
});

test('editorLineStarts (one copy for editor positions and applied edits) counts lines as the editors\' library does', () => {
  const random = new Random(7);
  for (let round = 0; round < 2000; round++) {
    const text = random.times(random.int(12), () => random.pick(PIECES));
    const document = TextDocument.create('file:///t', 'plaintext', 0, text);
    const expected = Array.from({ length: document.lineCount }, (_, line) => document.offsetAt({ line, character: 0 }));
    assert.deepEqual(editorLineStarts(text), expected, JSON.stringify(text));
  }
});
