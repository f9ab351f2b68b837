// The field bits rules read in their loops over every job (CrontabDocument.jobFieldFlags, issue #20), and
// jobCanEverRun's answer from those bits alone, held to the field objects and to searchForRun (over the
// schedule) on random files of many lines, in both dialects and both formats.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { FIELD_ANY, FIELD_DAY_IN_EVERY_MONTH, FIELD_IS_STAR, FIELD_STARTS_WITH_STAR } from '../../server/src/engine/crontab/document';
import { canEverRunFields, searchForRun } from '../../server/src/engine/crontab/next-runs';
import { parseCrontab } from '../../server/src/engine/crontab/parse';
import { Random } from '../support/random';

const MINUTES = ['*', '0', '*/15', '59', '5-4', '0-59/30', '7;8'];
const HOURS = ['*', '3', '*/12', '5-4', '8-17', '*/2,5'];
const DAYS = ['*', '1', '29', '30', '31', '30,31', '*/10', '31-31', '28-31', '15-14', '*/31', '30-31/1', '1~3'];
const MONTHS = ['*', '2', '4', '2,4', 'feb', '*/2', '2-2', '11-12', '12-1', '*/5'];
const WEEKDAYS = ['*', '0', '7', '*/2', 'mon', '6-5', '1-5', '*/7'];

test('field bits and jobCanEverRun agree with the field objects and searchForRun', () => {
  const random = new Random(2023);
  let never = 0;
  let runs = 0;
  for (let round = 0; round < 40; round++) {
    const system = random.chance(0.5);
    const dialect = random.pick(['debian', 'cronie'] as const);
    const lines: string[] = [];
    for (let index = 0; index < 300; index++) {
      const time = random.chance(0.05) ? random.pick(['@daily', '@reboot']) : [MINUTES, HOURS, DAYS, MONTHS, WEEKDAYS].map((list) => random.pick(list)).join(random.pick([' ', '\t']));
      lines.push(`${time}${system ? ' root' : ''} /bin/job${index}`);
    }
    const document = parseCrontab(lines.join('\n') + '\n', system ? 'crontab-system' : 'crontab-user', dialect);
    for (let job = 0; job < document.jobCount; job++) {
      // Keyword lines repeat: after the first, the parser takes them from its cache of heads.
      assert.equal(document.jobKeyword(job), /^@(\w+)/.exec(lines[document.jobLine(job)])?.[1]);
      if (document.jobKeyword(job) !== undefined) {
        for (let index = 0; index < 5; index++) assert.equal(document.jobFieldFlags(job, index), 0);
        assert.equal(document.jobCanEverRun(job), true);
        continue;
      }
      const fields = [0, 1, 2, 3, 4].map((index) => document.jobField(job, index));
      for (let index = 0; index < 5; index++) {
        const field = fields[index];
        const flags = document.jobFieldFlags(job, index);
        const line = lines[document.jobLine(job)];
        assert.equal((flags & FIELD_STARTS_WITH_STAR) !== 0, field.startsWithStar, line);
        assert.equal((flags & FIELD_IS_STAR) !== 0, document.timeTokenText(job, index) === '*', line);
        assert.equal((flags & FIELD_ANY) !== 0, field.any, line);
        assert.equal((flags & FIELD_DAY_IN_EVERY_MONTH) !== 0, [...Array(29).keys()].some((day) => field.has(day + 1)), line);
      }
      if (!document.isAccepted(job)) continue;
      const expected = searchForRun(document.jobSchedule(job));
      assert.equal(document.jobCanEverRun(job), expected, lines[document.jobLine(job)]);
      assert.equal(canEverRunFields(fields[0], fields[1], fields[2], fields[3], fields[4]), expected);
      if (expected) runs++;
      else never++;
    }
  }
  assert.ok(runs > 1000 && never > 1000, `both answers common (${runs} run, ${never} never)`);
});
