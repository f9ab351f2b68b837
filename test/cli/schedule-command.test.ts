// `schedlint schedule`: the host timeline over examples/host and the stock Debian 12 root of the corpus, as
// text, JSON (the Timeline data) and SVG, and its usage errors.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Timeline, TimelineRow } from '../../server/src/engine/schedule/timeline';
import { CORPUS_ROOT } from '../support/paths';
import { runSchedlint } from '../support/run-cli';

const DEBIAN = path.join(CORPUS_ROOT, 'debian-bookworm', 'root');
const BASE = ['--base-time', '2026-11-26 00:00'];

function rows(timeline: Timeline): TimelineRow[] {
  return timeline.groups.flatMap((group) => group.rows);
}

test('schedule --root examples/host: text rows on a 30-minute axis in the host zone', () => {
  const run = runSchedlint(['schedule', '--root', 'examples/host', ...BASE]);
  assert.equal(run.code, 0, run.stderr);
  const lines = run.stdout.split('\n');
  assert.equal(lines[0], 'Host schedule: the next 24 h in Asia/Tokyo, from Thu 2026-11-26 00:00');
  assert.equal(lines[2], `${' '.repeat(30)}00    03    06    09    12    15    18    21    00`);
  const rowLine = (label: string) => lines.find((line) => line.startsWith(`  ${label} `));
  // Seed 002: `* */12 * * *` runs every minute of hours 0 and 12: two bands, not 120 ticks.
  assert.equal(rowLine('root: renew-wildcard.sh'), `  root: renew-wildcard.sh     ==${'.'.repeat(22)}==${'.'.repeat(22)}`);
  assert.equal(rowLine('root: run-parts cron.hourly'), `  root: run-parts cron.hourly ${'|.'.repeat(24)}`);
  assert.equal(rowLine('root: tar'), `  root: tar                   .......|${'.'.repeat(40)}`);
  // No timer tree in examples/host: Debian's guarded certbot job does run there.
  assert.equal(rowLine('root: certbot'), `  root: certbot               |${'.'.repeat(23)}|${'.'.repeat(23)}`);
  assert.ok(lines.includes(`${' '.repeat(30)}next: Thu 2026-11-26 03:30, Fri 2026-11-27 03:30, Sat 2026-11-28 03:30`));
  assert.ok(!run.stdout.includes('backup.conf'), 'a file Debian cron never reads is not on the timeline');
});

test('schedule --format json: the Timeline data, host paths and lines to open', () => {
  const run = runSchedlint(['schedule', '--root', 'examples/host', '--format', 'json', '--hours', '12', ...BASE]);
  assert.equal(run.code, 0, run.stderr);
  const timeline = JSON.parse(run.stdout) as Timeline;
  assert.equal(timeline.timeZone, 'Asia/Tokyo');
  assert.equal(timeline.hours, 12);
  assert.equal(timeline.to - timeline.from, 12 * 3_600_000);
  assert.equal(timeline.from, Date.UTC(2026, 10, 25, 15), '00:00 in Tokyo');
  assert.equal(timeline.groups[0].title, '/etc/crontab');
  const renew = rows(timeline).find((row) => row.label === 'root: renew-wildcard.sh');
  assert.ok(renew);
  assert.deepEqual([renew.path, renew.line, renew.kind, renew.schedule], ['/var/spool/cron/crontabs/root', 4, 'cron', '* */12 * * *']);
  assert.deepEqual(
    renew.bands.map((band) => [band.kind, band.start - timeline.from, band.end - timeline.from]),
    [['continuous', 0, 3_600_000]],
    'within 12 hours only the 00:00–01:00 band',
  );
  assert.ok(rows(timeline).every((row) => row.active));
});

test('schedule --format svg: one SVG document', () => {
  const run = runSchedlint(['schedule', '--root', 'examples/host', '--format', 'svg', '--theme', 'dark', ...BASE]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*>\n/);
  assert.match(run.stdout, /<\/svg>\n$/);
  assert.match(run.stdout, /#1e1e1e/);
  const data = JSON.parse(runSchedlint(['schedule', '--root', 'examples/host', '--format', 'json', ...BASE]).stdout) as Timeline;
  const ids = [...run.stdout.matchAll(/<g class="row" data-id="([^"]+)"/g)].map((match) => match[1]);
  assert.deepEqual(ids, rows(data).map((row) => row.id), 'one lane per row of the data, in order');
  assert.ok(ids.includes('cron:/var/spool/cron/crontabs/root:4'));
});

test('schedule over a stock Debian 12 root: timers with their windows, guarded cron jobs greyed, no collision', () => {
  const run = runSchedlint(['schedule', '--root', DEBIAN, '--format', 'json', ...BASE]);
  assert.equal(run.code, 0, run.stderr);
  const timeline = JSON.parse(run.stdout) as Timeline;
  assert.equal(timeline.systemdHost, true);
  assert.deepEqual(timeline.collisions, [], 'a stock host has nothing to report');
  const all = rows(timeline);
  const certbotTimer = all.find((row) => row.id === 'timer:certbot.timer');
  assert.ok(certbotTimer?.active);
  assert.equal(certbotTimer.path, '/lib/systemd/system/certbot.timer');
  const hour = 3_600_000;
  assert.deepEqual(
    certbotTimer.bands.map((band) => [(band.start - timeline.from) / hour, (band.end - timeline.from) / hour]),
    [
      [-12, 1 / 60],
      [0, 12 + 1 / 60],
      [12, 24 + 1 / 60],
    ],
  );
  const certbotCron = all.find((row) => row.id.startsWith('cron:/etc/cron.d/certbot:'));
  assert.equal(certbotCron?.active, false);
  assert.match(certbotCron.inactiveReason!, /guarded off on systemd hosts/);
  assert.equal(all.find((row) => row.id === 'timer:systemd-tmpfiles-clean.timer')?.active, true, 'enabled by a link under /lib');
  assert.equal(all.find((row) => row.id === 'timer:sysstat-collect.timer')?.active, false);

  const japanese = runSchedlint(['schedule', '--root', DEBIAN, '--lang', 'ja', '--width', '132', ...BASE]);
  assert.equal(japanese.code, 0, japanese.stderr);
  assert.match(japanese.stdout, /^ホストのスケジュール：これから 24 時間（UTC）、2026年11月26日\(木\) 00:00 から\n/);
  assert.match(japanese.stdout, /\n {2}certbot\.timer {15}={96}\n {30}次回：2026年11月26日\(木\) 12:00〜00:01 のどこか/);
  assert.match(japanese.stdout, /\nsystemd タイマー\n/);
});

test('schedule: usage errors exit 2 with one line pointing at the subcommand\'s --help, --help exits 0', () => {
  const wrongFormat = runSchedlint(['schedule', '--root', 'examples/host', '--format', 'xml']);
  assert.equal(wrongFormat.code, 2);
  assert.equal(wrongFormat.stderr, "schedlint: --format does not take 'xml' (use one of: text, json, svg) (see schedlint schedule --help)\n");
  assert.equal(runSchedlint(['schedule', '--root', 'examples/host', '--host']).code, 2);
  assert.equal(runSchedlint(['schedule', '--root', 'examples/host', '--hours', '0']).code, 2);
  assert.equal(runSchedlint(['schedule', '--root', 'examples/host', '--base-time', 'soon']).code, 2);
  const missing = runSchedlint(['schedule', '--root', 'examples/no-such-host']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read examples\/no-such-host: not a folder/);
  const help = runSchedlint(['schedule', '--help', '--lang', 'ja']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^使い方: schedlint schedule /);
});

test('cron reads TZ as glibc does: a POSIX string is its fixed offset, an unknown name is UTC with a note; never an internal error', () => {
  const base = ['cron', '--iterations', '1', '--base-time', '2026-11-25 10:17 UTC', '0 0 * * *'];
  const posix = runSchedlint(base, { env: { TZ: 'JST-9' } });
  assert.equal(posix.code, 0, posix.stderr);
  assert.match(posix.stdout, /Zone: Etc\/GMT-9\n/);
  assert.match(posix.stdout, /Next run: Thu 2026-11-26 00:00\n/);
  for (const value of ['Nowhere/Land', 'asia/tokyo']) {
    const unknown = runSchedlint(base, { env: { TZ: value } });
    assert.equal(unknown.code, 0, unknown.stderr);
    assert.doesNotMatch(unknown.stderr, /internal error/);
    assert.match(unknown.stderr, new RegExp(`TZ=${value.replace('/', '\\/')} is not a time zone glibc can load`));
    assert.match(unknown.stdout, /Zone: UTC\n/);
    // 10:17 UTC on the 25th: the next UTC midnight.
    assert.match(unknown.stdout, /Next run: Thu 2026-11-26 00:00\n/);
  }
  const named = runSchedlint(base, { env: { TZ: 'Asia/Tokyo' } });
  assert.equal(named.stderr, '');
  assert.match(named.stdout, /Zone: Asia\/Tokyo\n/);
});
