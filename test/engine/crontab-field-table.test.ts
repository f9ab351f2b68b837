// The parser's field cache (crontab/field-table.ts) keeps short field texts packed into numbers and the
// document's entry numbers beside them (issue #20). Held to a Map keyed by the text on random texts that make
// the packing's edge cases likely (12 and 13 characters, characters above U+00FF, NUL, texts that differ only
// late), and through the parser: a field looked up again, in the same document and the next, is the same
// entry with the same number, whatever the table did in between (grew, started over).
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { FieldTable } from '../../server/src/engine/crontab/field-table';
import { FIELD_SPECS, parseFieldUncached } from '../../server/src/engine/crontab/fields';
import { parseCrontab } from '../../server/src/engine/crontab/parse';
import { hashRange } from '../../server/src/engine/util/text-table';
import { Random } from '../support/random';

const CHARACTERS = ['0', '1', '5', '9', '*', '/', ',', '-', 'a', '\u0000', '\u00ff', '\u0100', '\u20ac', 'é', '~'];

function randomText(random: Random): string {
  const length = random.pick([1, 2, 3, 4, 5, 8, 11, 12, 13, 14, 20, 1 + random.int(30)]);
  return random.times(length, () => random.pick(CHARACTERS));
}

test('FieldTable finds exactly what a Map keyed by the text finds', () => {
  const random = new Random(2020);
  for (let round = 0; round < 20; round++) {
    const table = new FieldTable<{ text: string; field: { problem?: unknown } }>(100_000);
    const expected = new Map<string, { text: string; field: { problem?: unknown } }>();
    for (let step = 0; step < 3000; step++) {
      // Look the text up inside a longer line, as the parser does (start and end within it).
      let text = randomText(random);
      // Now and then a near twin of a stored text: the same but for one character.
      if (expected.size > 0 && random.chance(0.3)) {
        const known = [...expected.keys()][random.int(expected.size)];
        const at = random.int(known.length);
        text = random.chance(0.5) ? known : known.slice(0, at) + random.pick(CHARACTERS) + known.slice(at + 1);
      }
      const before = random.times(random.int(4), () => random.pick(CHARACTERS));
      const line = `${before}${text} rest`;
      const start = before.length;
      const end = start + text.length;
      // Half the rounds with a hash that is the same for most texts, so lookups compare the texts themselves.
      const hash = round % 2 === 0 ? hashRange(line, start, end) : text.length % 3;
      const slot = table.find(line, start, end, hash);
      const known = expected.get(text);
      if (known === undefined) {
        assert.equal(slot, -1, JSON.stringify(text));
        const entry = { text, field: random.chance(0.2) ? { problem: 'bad' } : {} };
        const added = table.add(entry, hash);
        assert.equal(table.entry(added), entry);
        expected.set(text, entry);
      } else {
        assert.ok(slot >= 0, `${JSON.stringify(text)} not found`);
        assert.equal(table.entry(slot), known, JSON.stringify(text));
      }
    }
    assert.equal(table.size, expected.size);
  }
});

test('a field keeps its entry and its number in the document through growth, later documents and a trimmed table', () => {
  const random = new Random(2021);
  const field = () => random.pick([String(random.int(60)), `${random.int(30)}-${30 + random.int(30)}`, `*/${1 + random.int(20)}`, `${random.int(60)},${random.int(60)},${random.int(60)}`, '*', 'jan', 'mon-fri', '5~9', '1;2', '99']);
  for (let document = 0; document < 8; document++) {
    // Enough distinct minutes to grow the table, and in the later documents to pass its limit (10,000).
    const lines: string[] = [];
    for (let index = 0; index < 4000; index++) lines.push(`${field()},${document * 4000 + index} ${field()} ${field()} ${field()} ${field()} root /bin/job`);
    const parsed = parseCrontab(lines.join('\n') + '\n', 'crontab-system', random.pick(['debian', 'cronie'] as const));
    for (let job = 0; job < parsed.jobCount; job++) {
      if (!parsed.isAccepted(job)) continue;
      const alone = parseCrontab(`${lines[parsed.jobLine(job)]}\n`, 'crontab-system', parsed.dialect);
      for (let index = 0; index < 5; index++) {
        const text = parsed.timeTokenText(job, index);
        assert.equal(text, alone.timeTokenText(0, index));
        // Held to the general parser itself: `alone` goes through the same table, and would hand back the same object.
        assert.deepEqual(parsed.jobField(job, index), parseFieldUncached(text, FIELD_SPECS[index], parsed.dialect), text);
        // One entry per distinct text of a field in a document: the same text, the same field object.
        const key = `${index} ${text}`;
        const field = parsed.jobField(job, index);
        for (let other = 0; other < job; other += 97) {
          if (parsed.isAccepted(other) && parsed.timeTokenText(other, index) === text) assert.equal(parsed.jobField(other, index), field, key);
        }
      }
    }
  }
});
