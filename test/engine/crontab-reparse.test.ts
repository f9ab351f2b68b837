// An edited crontab parsed from its previous parse (crontab/reparse.ts) and linted from its previous lint (the
// content vote too) must read exactly as the text parsed and linted from nothing (issue #20: the language
// server reuses the last lint on every keystroke). Random files of every kind of line, random edits: inside a
// line (the reused path), and across lines, in comments and assignments (parsed whole).
import { strict as assert } from 'node:assert';
import { mock, test } from 'node:test';
import type { CrontabDocument } from '../../server/src/engine/crontab/document';
import { parseCrontab } from '../../server/src/engine/crontab/parse';
import { jobLineEdit, reparseCrontab } from '../../server/src/engine/crontab/reparse';
import { HostFacts } from '../../server/src/engine/host/facts';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import { lintCrontab } from '../../server/src/engine/lint';
import { crontabRules } from '../../server/src/engine/rules/crontab';
import { Random } from '../support/random';

const LINES = [
  '0 5 * * * root /usr/bin/backup',
  '*/15 * * * *\twww-data php /var/www/cron.php > /dev/null 2>&1',
  '30 2 1-7 * 1 root /usr/local/bin/first-monday',
  '@daily root run-parts /etc/cron.daily',
  '@reboot /opt/app/start',
  '-0 4 * * * root /usr/bin/quiet',
  '  7 3 * jan,feb mon-fri alice echo 100% done',
  '# a comment',
  '',
  'MAILTO=ops@example.com',
  'SHELL=/bin/bash',
  '61 * * * * root bad-minute',
  '5 4 * * *',
  '0 1 31 2 * root never',
  '* 9-17 * * * root systemctl restart nginx',
  '5;6 * * * * root skipped',
];

function randomText(random: Random): string {
  return random.times(1 + random.int(12), () => random.pick(LINES), '\n') + (random.chance(0.7) ? '\n' : '');
}

/** An edit as typing makes one: mostly a few characters inside a line, now and then across lines. */
function edit(text: string, random: Random): string {
  const at = random.int(text.length + 1);
  const removed = random.chance(0.8) ? random.int(Math.min(3, text.length - at) + 1) : random.int(Math.min(40, text.length - at) + 1);
  const inserted = random.pick(['', '1', '*', ' ', '\t', 'x', ',', '-', '/', '#', '=', '@', '0 ', 'root ', '\n', '%', 'jan', '9']);
  return text.slice(0, at) + inserted + text.slice(at + removed);
}

/** Everything the document tells, through its accessors and its line objects. */
function snapshot(document: CrontabDocument) {
  const jobs = [];
  for (let job = 0; job < document.jobCount; job++) {
    const count = document.timeTokenCount(job);
    jobs.push({
      line: document.jobLine(job),
      keyword: document.jobKeyword(job),
      texts: Array.from({ length: count }, (_, index) => document.timeTokenText(job, index)),
      tokens: Array.from({ length: count }, (_, index) => [document.timeTokenStart(job, index), document.timeTokenEnd(job, index)]),
      fields: count === 5 ? Array.from({ length: 5 }, (_, index) => [...document.jobField(job, index).values]) : [],
      canRun: document.jobCanEverRun(job),
      user: document.hasUser(job) ? [document.userText(job), document.userStart(job), document.userEnd(job)] : undefined,
      command: [document.commandStart(job), document.commandText(job)],
      problem: document.jobProblem(job),
      schedule: document.jobSchedule(job),
      environment: [...document.jobEnvironment(job)],
    });
  }
  const environment = Array.from({ length: document.environmentCount }, (_, index) => [
    document.environmentLine(index),
    document.environmentName(index),
    document.environmentValue(index),
    document.environmentValueStart(index),
    document.environmentValueEnd(index),
  ]);
  return { lines: document.lines, jobs, environment, comments: document.commentLines, missingFinalNewline: document.missingFinalNewline, lineCount: document.lineCount };
}

test('reparseCrontab after random edits reads as parseCrontab of the edited text', () => {
  const random = new Random(52);
  let reused = 0;
  for (let round = 0; round < 1500; round++) {
    const kind = random.pick(['crontab-system', 'crontab-user'] as const);
    const dialect = random.pick(['debian', 'cronie'] as const);
    let text = randomText(random);
    let document = parseCrontab(text, kind, dialect);
    for (let step = 0; step < 6; step++) {
      const next = edit(text, random);
      const again = reparseCrontab(document, next);
      const fresh = parseCrontab(next, kind, dialect);
      assert.deepEqual(snapshot(again), snapshot(fresh), JSON.stringify({ kind, dialect, text, next }));
      // Read again from the previous parse, not parsed whole: a reparse that always fell back would pass the
      // comparison above, so the rounds that took the one-line path are counted.
      if (jobLineEdit(again) !== undefined) reused++;
      text = next;
      document = again;
    }
  }
  assert.ok(reused > 1500, `edits re-read in one job line (${reused})`);
});

test('lintCrontab from the previous lint gives the findings and format of a lint from nothing', () => {
  const random = new Random(53);
  // A rule with checkJob is checked whole (check) unless the previous lint's findings are reused: counted, so a
  // reuse path that is never taken fails here even though every comparison passes.
  const rule = crontabRules.find((candidate) => candidate.id === 'crontab/wildcard-minute')!;
  const check = mock.method(rule, 'check');
  let reusedLints = 0;
  const facts = new HostFacts(new MemoryHost({ '/etc/passwd': 'root:x:0:0::/root:/bin/sh\nwww-data:x:33:33::/var/www:/usr/sbin/nologin\nalice:x:1000:1000::/home/alice:/bin/sh\n', '/etc/os-release': 'ID=debian\n' }));
  for (let round = 0; round < 300; round++) {
    // No path: the content decides the format, so the vote is counted from the previous one too.
    const path = random.pick([undefined, '/etc/cron.d/job', '/var/spool/cron/crontabs/alice']);
    let text = randomText(random);
    let previous = lintCrontab({ text, path, facts, incremental: true });
    for (let step = 0; step < 6; step++) {
      text = edit(text, random);
      const checked = check.mock.callCount();
      const incremental = lintCrontab({ text, path, facts, previous });
      if (jobLineEdit(incremental.document) !== undefined && check.mock.callCount() === checked) reusedLints++;
      const fresh = lintCrontab({ text, path, facts });
      assert.deepEqual(
        { kind: incremental.kind, reason: incremental.kindReason, weak: incremental.kindWeak, findings: incremental.findings },
        { kind: fresh.kind, reason: fresh.kindReason, weak: fresh.kindWeak, findings: fresh.findings },
        JSON.stringify({ path, text }),
      );
      previous = incremental;
    }
  }
  check.mock.restore();
  assert.ok(reusedLints > 200, `lints that kept the previous findings and checked one job (${reusedLints})`);
});
