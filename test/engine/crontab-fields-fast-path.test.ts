// The fast path for plain time fields (fields.ts parseSimpleField: numbers, `*`, ranges, steps and lists) must
// read every field it accepts exactly as the general parser does, in both dialects, and leave the rest to it.
// Random fields from the pieces crontabs are made of, valid and not (issue #20).
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { FIELD_SPECS, type ParsedField, parseFieldUncached, parseSimpleField } from '../../server/src/engine/crontab/fields';
import { parseCrontab } from '../../server/src/engine/crontab/parse';
import { canEverRunFields, searchForRun } from '../../server/src/engine/crontab/next-runs';
import { Random } from '../support/random';

const PIECES = ['0', '1', '2', '5', '7', '9', '12', '13', '23', '24', '30', '31', '32', '59', '60', '00', '007', '1234567890', '4294967301', '*', '-', '/', ',', ',', '-', '/', '~', 'jan', 'Mon', 'x', ';', '#', ' '];

function shape(field: ParsedField) {
  return { values: [...field.values], star: field.startsWithStar, problem: field.problem, empty: field.emptyRanges, suffix: field.ignoredSuffix, random: field.randomElements };
}

test('parseSimpleField reads what it accepts as the general parser does, and declines the rest', () => {
  const random = new Random(36);
  let accepted = 0;
  let declined = 0;
  for (let round = 0; round < 60_000; round++) {
    // Half from loose pieces (mostly invalid), half shaped like real fields (mostly valid, some out of range).
    const number = () => String(random.int(62));
    const element = () => random.pick([number(), `${number()}-${number()}`, '*', `*/${random.int(40)}`, `${number()}-${number()}/${random.int(40)}`]);
    const text = round % 2 === 0 ? random.times(1 + random.int(6), () => random.pick(PIECES)) : random.times(1 + random.int(4), element, ',');
    for (const spec of FIELD_SPECS) {
      const fast = parseSimpleField(text, spec);
      for (const dialect of ['debian', 'cronie'] as const) {
        const general = parseFieldUncached(text, spec, dialect);
        if (fast === undefined) continue;
        assert.deepEqual(shape(fast), shape(general), `${JSON.stringify(text)} as ${spec.name} (${dialect})`);
        assert.equal(general.problem, undefined, 'the fast path never accepts a field with a problem');
      }
      if (fast === undefined) declined++;
      else accepted++;
    }
  }
  assert.ok(accepted > 50_000 && declined > 50_000, `both paths taken (${accepted} accepted, ${declined} declined)`);
});

test('canEverRunFields (over field bits) answers as searchForRun (over the schedule) on random day and month fields', () => {
  const random = new Random(37);
  const days = ['*', '1', '29', '30', '31', '30,31', '*/10', '31-31', '28-31', '15-14'];
  const months = ['*', '2', '4', '2,4', 'feb', '*/2', '2-2', '11-12', '12-1'];
  const weekdays = ['*', '0', '7', '*/2', 'mon', '6-5'];
  let never = 0;
  for (let round = 0; round < 3000; round++) {
    const line = `0 ${random.pick(['*', '0', '5-4'])} ${random.pick(days)} ${random.pick(months)} ${random.pick(weekdays)} /bin/true\n`;
    const document = parseCrontab(line, 'crontab-user', random.pick(['debian', 'cronie'] as const));
    if (document.jobCount === 0 || !document.isAccepted(0)) continue;
    const expected = searchForRun(document.jobSchedule(0));
    const fields = [0, 1, 2, 3, 4].map((index) => document.jobField(0, index));
    assert.equal(canEverRunFields(fields[0], fields[1], fields[2], fields[3], fields[4]), expected, line);
    assert.equal(document.jobCanEverRun(0), expected, line);
    if (!expected) never++;
  }
  assert.ok(never > 100, `schedules that never run (${never})`);
});
