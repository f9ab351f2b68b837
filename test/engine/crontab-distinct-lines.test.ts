// A large crontab whose job lines rarely repeat their head (time fields and user) makes the parser stop
// caching heads part way through (parse.ts, HEAD_TRIAL); lines that repeat come after. Every job must read
// the same as the line parsed alone, before, at and after that switch.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parseCrontab } from '../../server/src/engine/crontab/parse';
import { Random } from '../support/random';

function describeJob(document: ReturnType<typeof parseCrontab>, job: number) {
  return {
    texts: document.jobTime(job).texts,
    schedule: document.jobSchedule(job),
    user: document.userText(job),
    userRange: [document.userStart(job), document.userEnd(job)],
    tokens: document.jobTime(job).texts.map((_, index) => [document.timeTokenStart(job, index), document.timeTokenEnd(job, index)]),
    command: document.commandText(job),
    problem: document.jobProblem(job),
  };
}

test('jobs of a file of distinct heads read as each line alone', () => {
  const random = new Random(99);
  const lines: string[] = [];
  for (let index = 0; index < 6000; index++) {
    // The first 5,000 lines all new heads (the cache gives up), then heads from a small set (cache hits would be).
    const minute = index < 5000 ? `${random.int(60)},${random.int(60)}` : String(random.int(3));
    const separator = random.chance(0.5) ? '\t' : ' ';
    lines.push(`${minute} ${random.int(24)}${separator}* * ${random.pick(['*', '1-5', 'mon'])}${separator}${random.pick(['root', 'www-data'])} /bin/job${index}`);
  }
  const document = parseCrontab(lines.join('\n') + '\n', 'crontab-system', 'debian');
  assert.equal(document.jobCount, lines.length);
  for (let job = 0; job < lines.length; job += 7) {
    const alone = parseCrontab(`${lines[job]}\n`, 'crontab-system', 'debian');
    assert.deepEqual(describeJob(document, job), describeJob(alone, 0), lines[job]);
  }
});
