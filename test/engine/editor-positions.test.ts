// toEditorFindings skips the position lookups when the text has no "\r" and every position already lies
// inside its line (issue #20: the findings of a 1,000,000-line crontab were all copied). The shortcut must give
// exactly what mapping each finding gives: random texts and findings, in and out of bounds, ranges that run
// backwards, related locations and fix edits.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { EditorPositions, toEditorFindings } from '../../server/src/engine/editor-positions';
import type { Finding, Position, Range } from '../../server/src/engine/types';
import { Random } from '../support/random';

function position(random: Random, lines: number): Position {
  const line = random.chance(0.05) ? random.pick([-1, lines, lines + 3]) : random.int(lines);
  const character = random.chance(0.05) ? random.pick([-2, 200]) : random.int(12);
  return { line, character };
}

function someRange(random: Random, lines: number): Range {
  return { start: position(random, lines), end: position(random, lines) };
}

test('without "\\r", toEditorFindings gives what mapping every finding gives', () => {
  const random = new Random(20);
  let unchanged = 0;
  let moved = 0;
  for (let round = 0; round < 400; round++) {
    const text = random.times(1 + random.int(8), () => 'x'.repeat(random.int(10)), '\n') + (random.chance(0.5) ? '\n' : '');
    const lines = text.split('\n').length;
    const findings: Finding[] = random.times(1 + random.int(4), () => 'f', '').split('').map(() => {
      // Mostly in-bounds ranges written forwards (what rules report), so both paths get exercised.
      const inside = (): Range => {
        const line = random.int(lines);
        const length = text.split('\n')[line].length;
        const a = random.int(length + 1);
        const b = a + random.int(length - a + 1);
        return { start: { line, character: a }, end: { line, character: b } };
      };
      const pick = () => (random.chance(0.8) ? inside() : someRange(random, lines));
      return {
        ruleId: 'test/rule',
        messageId: 'message',
        severity: 'warning',
        message: 'm',
        range: pick(),
        ...(random.chance(0.3) ? { related: [{ range: pick(), message: 'r' }] } : {}),
        ...(random.chance(0.3) ? { fixes: [{ title: 'fix', edits: [{ range: pick(), newText: 'y' }] }] } : {}),
      };
    });
    const positions = new EditorPositions(text, 'lf');
    const expected = findings.map((finding) => positions.finding(finding));
    const actual = toEditorFindings(text, findings, 'lf');
    assert.deepEqual(actual, expected, JSON.stringify({ text, findings }));
    if (actual === findings) unchanged++;
    else moved++;
  }
  assert.ok(unchanged > 50 && moved > 50, `both paths taken (${unchanged} unchanged, ${moved} moved)`);
});
