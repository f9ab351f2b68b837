// Hovers: the schedule in words, the next runs in the zone cron uses, the dialect's time zone rule, the
// user column, environment lines.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { hoverAt } from '../../server/src/engine/hover';
import { lintCrontab } from '../../server/src/engine/lint';
import { fixtureFacts } from '../support/fixture-host';

// 2026-11-25 10:17 in Tokyo.
const NOW = Date.UTC(2026, 10, 25, 1, 17);

function hover(text: string, path: string, line: number, character: number, locale: 'en' | 'ja' = 'en', dialect: 'debian' | 'cronie' = 'debian') {
  const facts = fixtureFacts(dialect);
  const result = lintCrontab({ text, path, facts, locale });
  return hoverAt(result, { line, character }, { facts, locale, now: NOW });
}

test('schedule hover: words, next 5 runs in the host zone, Debian has no per-crontab zone', () => {
  const found = hover('39 1,13 * * * certbot renew\n', '/var/spool/cron/crontabs/root', 0, 3);
  assert.ok(found);
  assert.match(found.markdown, /\*\*At 01:39 and 13:39\*\*/);
  assert.match(found.markdown, /Next runs \(Asia\/Tokyo\):\n- Wed 2026-11-25 13:39\n- Thu 2026-11-26 01:39\n- Thu 2026-11-26 13:39\n- Fri 2026-11-27 01:39\n- Fri 2026-11-27 13:39/);
  assert.match(found.markdown, /Debian's cron has no per-crontab time zone/);
  assert.match(found.markdown, /Hour \(0–23\)/);
  assert.match(found.markdown, /user crontab \(from its path\)/);
  assert.deepEqual(found.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 13 } });
});

test('schedule hover in Japanese, with the weekday in the date', () => {
  const found = hover('39 1,13 * * * certbot renew\n', '/var/spool/cron/crontabs/root', 0, 0, 'ja');
  assert.ok(found);
  assert.match(found.markdown, /\*\*毎日 01:39、13:39 に実行\*\*/);
  assert.match(found.markdown, /次回の実行（Asia\/Tokyo）：\n- 2026年11月25日\(水\) 13:39\n- 2026年11月26日\(木\) 01:39/);
  assert.match(found.markdown, /Debian の cron では crontab ごとにタイムゾーンを設定できません/);
});

test('cronie honours CRON_TZ in next runs', () => {
  const found = hover('CRON_TZ=America/New_York\n0 9 * * * /usr/bin/report\n', '/var/spool/cron/root', 1, 0, 'en', 'cronie');
  assert.ok(found);
  assert.match(found.markdown, /Next runs \(America\/New_York\):\n- Wed 2026-11-25 09:00/);
  assert.match(found.markdown, /CRON_TZ=America\/New_York/);
});

test('never-firing schedule says so; @reboot is explained', () => {
  assert.match(hover('0 0 30 2 * /bin/true\n', '/var/spool/cron/crontabs/root', 0, 0)?.markdown ?? '', /never fires/);
  assert.match(hover('@reboot /bin/true\n', '/var/spool/cron/crontabs/root', 0, 2)?.markdown ?? '', /Runs once when cron starts/);
});

test('user column, command, environment lines', () => {
  assert.match(hover('17 * * * * root cd /\n', '/etc/crontab', 0, 12)?.markdown ?? '', /`root` exists on this host \(uid 0\)/);
  assert.match(hover('17 * * * * nobody2 cd /\n', '/etc/crontab', 0, 12)?.markdown ?? '', /not in this host's \/etc\/passwd/);
  assert.match(hover('PATH=/usr/bin\n17 * * * * root cd /\n', '/etc/crontab', 1, 18)?.markdown ?? '', /`\/bin\/sh` with `PATH=\/usr\/bin`/);
  assert.match(hover('MAILTO=""\n', '/etc/crontab', 0, 2)?.markdown ?? '', /MAILTO=""` sends none/);
  assert.equal(hover('# comment\n', '/etc/crontab', 0, 2), undefined);
  assert.equal(hover('# comment\n', '/etc/crontab', 9, 2), undefined);
});
