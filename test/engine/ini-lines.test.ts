// iniLines finds `[section]` names without splitting the text, and firstSignificantLine reads only up to the
// first line that counts (issue #20: every content claim asks on every change). Both against the
// split-trim-filter reference they replaced, on random texts.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { firstSignificantLine, iniLines } from '../../server/src/engine/formats/ini-lines';
import { Random } from '../support/random';

function reference(text: string): { lines: string[]; sections: string[] } {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith(';'));
  return { lines, sections: lines.flatMap((line) => /^\s*\[([^\]\n]+)\]\s*$/.exec(line)?.[1].trim() ?? []) };
}

test('iniLines and firstSignificantLine agree with the split-trim-filter reference', () => {
  const random = new Random(14);
  const pieces = ['[', ']', 'Unit', 'renewalparams', ' ', '\t', '\r', '\u00a0', '\u3000', '#', ';', 'a = b', 'x', '=', ' [Timer] ', '[]'];
  let withSections = 0;
  for (let round = 0; round < 4000; round++) {
    const text = random.times(random.int(7), () => random.times(random.int(5), () => random.pick(pieces)), '\n') + (random.chance(0.3) ? '\n' : '');
    const expected = reference(text);
    const actual = iniLines(text);
    assert.deepEqual(actual.sections, expected.sections, JSON.stringify(text));
    assert.deepEqual(actual.lines, expected.lines, JSON.stringify(text));
    assert.equal(firstSignificantLine(text), expected.lines[0], JSON.stringify(text));
    if (expected.sections.length > 0) withSections++;
  }
  assert.ok(withSections > 200, `texts with sections (${withSections})`);
});
