// lintCrontab hands toEditorFindings the parsed document's line starts (CrontabDocument.lfLineStarts) so a
// long text is not scanned for its lines twice (issue #20). Held to toEditorFindings scanning the text itself,
// on random texts (blank lines, a final newline or none, empty, a "\r" now and then) and findings anywhere,
// off the ends of lines and of the text included. (Starts that made the quick check refuse more would only
// cost time: the general mapping then decides. Starts that made it accept a finding it must move fail here.)
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { toEditorFindings } from '../../server/src/engine/editor-positions';
import { parseCrontab } from '../../server/src/engine/crontab/parse';
import type { Finding } from '../../server/src/engine/types';
import { Random } from '../support/random';

test('line starts from the document check findings as the text scanned again does', () => {
  const random = new Random(2026);
  let moved = 0;
  let kept = 0;
  for (let round = 0; round < 3000; round++) {
    const lines = random.times(random.int(6), () => `${random.pick(['', '0 0 * * * root /bin/a', '# c', 'X=1', '  ', '@daily /bin/b'])}${random.chance(0.05) ? '\r' : ''}\n`);
    const text = random.chance(0.3) ? lines + random.pick(['', '0 1 * * * root x', '#']) : lines;
    const document = parseCrontab(text, random.pick(['crontab-system', 'crontab-user'] as const), 'debian');
    const lengths = text.split('\n').map((line) => line.length);
    // Mostly on a line and within it (or just past its end), now and then anywhere.
    const position = () => {
      if (random.chance(0.1)) return { line: random.int(lengths.length + 2) - 1, character: random.int(25) - 1 };
      const line = random.int(lengths.length);
      return { line, character: random.int(lengths[line] + 2) };
    };
    const findings: Finding[] = [];
    for (let count = 1 + random.int(2); count > 0; count--) {
      const start = position();
      const end = random.chance(0.7) ? { line: start.line, character: start.character + random.int(4) } : position();
      findings.push({ ruleId: 'test/rule', messageId: 'm', severity: 'info', range: { start, end }, message: 'm', ...(random.chance(0.3) ? { fixes: [{ title: 'f', edits: [{ range: { start, end: position() }, newText: '' }] }] } : {}) });
    }
    const scanned = toEditorFindings(text, findings, 'lf');
    const given = toEditorFindings(text, findings, 'lf', document.lfLineStarts());
    assert.deepEqual(given, scanned, JSON.stringify({ text, findings }));
    assert.equal(given === findings, scanned === findings, JSON.stringify({ text, findings }));
    if (scanned === findings) kept++;
    else moved++;
  }
  assert.ok(kept > 300 && moved > 300, `both outcomes (${kept} kept as they were, ${moved} moved)`);
});
