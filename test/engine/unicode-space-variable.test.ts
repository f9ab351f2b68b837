// crontab/unicode-space on environment lines (review 8 item 6): a Unicode space next to `=` is reported with
// the variable cron really sets, and the fix gives the line Debian's env.c reads as the writer meant.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { HostFacts } from '../../server/src/engine/host/facts';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import { lintCrontab } from '../../server/src/engine/lint';
import { applyEdits } from '../support/apply-edits';

const facts = new HostFacts(new MemoryHost({}));
const lint = (text: string, locale: 'en' | 'ja' = 'en') =>
  lintCrontab({ text, path: '/var/spool/cron/crontabs/alice', facts, locale, settings: { dialect: 'debian' } }).findings.filter((finding) => finding.ruleId === 'crontab/unicode-space');

test('MAILTO<U+3000>=…: the message names the variable cron sets, and the fix gives MAILTO', () => {
  const text = 'MAILTO\u3000=alice@example.com\n0 3 * * * /home/alice/bin/backup\n';
  const [finding, ...rest] = lint(text);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /cron sets `MAILTO<U\+3000>`, not `MAILTO`/);
  assert.equal(applyEdits(text, finding.fixes![0].edits), 'MAILTO =alice@example.com\n0 3 * * * /home/alice/bin/backup\n');
  assert.match(lint(text, 'ja')[0].message, /cron が設定するのは `MAILTO` ではなく `MAILTO<U\+3000>` です/);
});

test('MAILTO=<U+3000>…: the value cron keeps starts with U+3000', () => {
  const [finding] = lint('MAILTO=\u3000alice@example.com\n');
  assert.match(finding.message, /`MAILTO` is `<U\+3000>alice@example\.com`, not `alice@example\.com`/);
});

test('inside quotes or in the middle of a value the character is what was written: not reported', () => {
  assert.deepEqual(lint('GREETING="\u3000hello"\nSUBJECT=nightly\u3000backup\n'), []);
});
