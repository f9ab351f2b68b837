// The unified diffs of `schedlint --fix --diff`: on seeded random pairs of texts (lines from a small set, so
// that there is much to match, with and without final newlines and CRLF), applying the hunks as patch(1)
// does gives the new text, the hunk headers count their lines right, and context is at most 3 lines.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { unifiedDiff } from '../../server/src/cli/diff';
import { seeded } from '../support/random';

/** Applies a unified diff to `before`, checking every context and removed line and each header's counts. */
function applyPatch(before: string, diff: string): string {
  const old = before === '' ? [] : before.split(/(?<=\n)/);
  const lines = diff.split(/(?<=\n)/);
  assert.ok(lines[0].startsWith('--- ') && lines[1].startsWith('+++ '), 'headers');
  const out: string[] = [];
  let position = 0;
  let index = 2;
  while (index < lines.length) {
    const header = lines[index++].match(/^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n$/);
    assert.ok(header, `a hunk header at line ${index}`);
    const [oldStart, oldCount, , newCount] = [Number(header[1]), Number(header[2] ?? 1), Number(header[3]), Number(header[4] ?? 1)];
    const start = oldCount === 0 ? oldStart : oldStart - 1;
    assert.ok(start >= position, 'hunks in order, not overlapping');
    out.push(...old.slice(position, start));
    position = start;
    let seenOld = 0;
    let seenNew = 0;
    while (index < lines.length && !lines[index].startsWith('@@')) {
      const line = lines[index++];
      let text = line.slice(1);
      if (lines[index] === '\\ No newline at end of file\n') {
        text = text.slice(0, -1);
        index++;
      }
      if (line[0] === ' ' || line[0] === '-') {
        assert.equal(old[position], text, `context or removed line ${position + 1}`);
        position++;
        seenOld++;
      }
      if (line[0] === ' ' || line[0] === '+') {
        out.push(text);
        seenNew++;
      }
    }
    assert.deepEqual([seenOld, seenNew], [oldCount, newCount], 'hunk header counts');
  }
  out.push(...old.slice(position));
  return out.join('');
}

test('unified diffs apply back to the new text (seeded random texts)', () => {
  const random = seeded(25);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const words = ['0 3 * * * root a\n', 'MAILTO=""\n', '# comment\n', '\n', '* * * * * root b\r\n', 'PATH=/bin\n'];
  const text = () => {
    const count = Math.floor(random() * 30);
    const body = Array.from({ length: count }, () => pick(words)).join('');
    return random() < 0.3 ? body.replace(/\r?\n$/, '') : body;
  };
  for (let round = 0; round < 400; round++) {
    const before = text();
    const after = random() < 0.5 ? text() : before.replace(/MAILTO=""\n/, 'MAILTO=\n').replace(/\r\n/g, '\n');
    const diff = unifiedDiff('x', before, after);
    if (before === after) {
      assert.equal(diff, '');
      continue;
    }
    assert.equal(applyPatch(before, diff), after, JSON.stringify({ before, after, diff }));
    // At most 3 lines of context before the first change of a hunk.
    for (const hunk of diff.split(/^@@.*\n/m).slice(1)) assert.doesNotMatch(hunk, /^( .*\n){4}/, diff);
  }
});

test('a change past the edit-distance bound is one replaced block, still correct', () => {
  const before = Array.from({ length: 3000 }, (_, index) => `line ${index}\r\n`).join('');
  const after = before.replace(/\r\n/g, '\n');
  assert.equal(applyPatch(before, unifiedDiff('x', before, after)), after);
});
