// The host timeline: its data for a hand-made inventory (the seed-001 host: certbot.timer's two 12-hour windows,
// root's 03:15 renewal script, Debian's guarded-off /etc/cron.d/certbot, a job running every minute), and the
// two renderers (SVG well-formed with the expected elements, ASCII rows exact), in English and Japanese.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parseCrontab } from '../../server/src/engine/crontab/parse';
import type { CronJob, HostInventory, ProgramUse, TimerEntry } from '../../server/src/engine/schedule/model';
import { continuousBands, hostTimeline, type Timeline, type TimelineRow } from '../../server/src/engine/schedule/timeline';
import { renderTimelineSvg } from '../../server/src/engine/schedule/timeline-svg';
import { displayWidth, renderTimelineText } from '../../server/src/engine/schedule/timeline-text';
import { fromLocal } from '../../server/src/engine/time/zone';
import type { FileKind } from '../../server/src/engine/types';

const ZONE = 'Asia/Tokyo';
const MIDNIGHT = fromLocal(2026, 11, 26, 0, 0, ZONE);
const at = (hour: number, minute = 0, day = 26) => fromLocal(2026, 11, day, hour, minute, ZONE);
const R = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 10 } });

function use(program: string, path: string, line: number, via: string[] = []): ProgramUse {
  return { program, written: program, args: [], location: { path, range: R(line) }, via, kind: program.endsWith('.sh') ? 'script' : 'program', guards: [] };
}

function job(path: string, line: number, text: string, extra: Partial<CronJob> = {}): CronJob {
  const kind: FileKind = path.startsWith('/var/spool') ? 'crontab-user' : 'crontab-system';
  const parsed = parseCrontab(text + '\n', kind, 'debian').lines[0];
  assert.ok(parsed.type === 'job' && parsed.schedule, `${text} parses`);
  const user = kind === 'crontab-user' ? path.split('/').pop()! : parsed.user!.text;
  return {
    path,
    line,
    range: R(line),
    commandRange: R(line),
    user,
    schedule: parsed.schedule,
    scheduleText: parsed.timeTokens.map((token) => token.text).join(' '),
    command: parsed.command.text,
    timeZone: ZONE,
    dialect: 'debian',
    source: 'crontab',
    programs: [],
    guards: [],
    runsOnSystemdHost: true,
    ...extra,
  };
}

function timer(unit: string, calendars: string[], extra: Partial<TimerEntry> = {}): TimerEntry {
  const path = `/lib/systemd/system/${unit}`;
  return {
    unit,
    path,
    dropIns: [],
    calendars: calendars.map((text, index) => ({ text, path, range: R(4 + index) })),
    randomizedDelaySec: 0,
    accuracySec: 60,
    persistent: false,
    fixedRandomDelay: false,
    enabled: true,
    enablement: 'linked in /etc/systemd/system/timers.target.wants',
    service: { unit: unit.replace(/\.timer$/, '.service'), execStart: [] },
    programs: [],
    ...extra,
  };
}

/** The seed-001 host: certbot.timer enabled, root's crontab runs a script that calls certbot at 03:15. */
function seedInventory(): HostInventory {
  const renew = '/var/spool/cron/crontabs/root';
  return {
    timeZone: ZONE,
    systemdHost: true,
    jobs: [
      job(renew, 2, '15 3 * * * /root/bin/renew-wildcard.sh', {
        programs: [use('renew-wildcard.sh', renew, 2), use('certbot', '/root/bin/renew-wildcard.sh', 3, ['/root/bin/renew-wildcard.sh'])],
      }),
      job('/etc/cron.d/certbot', 13, "0 */12 * * * root test -x /usr/bin/certbot -a \\! -d /run/systemd/system && perl -e 'sleep int(rand(43200))' && certbot -q renew --no-random-sleep-on-renew", {
        programs: [use('certbot', '/etc/cron.d/certbot', 13)],
        guards: [{ kind: 'without-systemd', text: 'test -x /usr/bin/certbot -a \\! -d /run/systemd/system' }],
        runsOnSystemdHost: false,
      }),
      job(renew, 4, '* 9 * * * /usr/local/bin/poll-queue'),
    ],
    timers: [
      timer('certbot.timer', ['*-*-* 00,12:00:00'], {
        randomizedDelaySec: 43200,
        persistent: true,
        service: { unit: 'certbot.service', path: '/lib/systemd/system/certbot.service', execStart: [{ text: '/usr/bin/certbot -q renew --no-random-sleep-on-renew', path: '/lib/systemd/system/certbot.service', range: R(6) }] },
        programs: [use('certbot', '/lib/systemd/system/certbot.service', 6)],
      }),
      timer('fstrim.timer', ['weekly'], { enabled: false, enablement: 'no link in any .wants folder', randomizedDelaySec: 6000, accuracySec: 3600 }),
    ],
  };
}

function row(timeline: Timeline, id: string): TimelineRow {
  const found = timeline.groups.flatMap((group) => group.rows).find((candidate) => candidate.id === id);
  assert.ok(found, `row ${id}`);
  return found;
}

const clock = (instant: number) => new Date(instant + 9 * 3_600_000).toISOString().slice(11, 16);

test('timeline data: certbot.timer windows, the 03:15 tick, every minute as a band, guarded off greyed', () => {
  const timeline = hostTimeline(seedInventory(), { from: MIDNIGHT, locale: 'en' });
  assert.equal(timeline.to - timeline.from, 24 * 3_600_000);
  assert.deepEqual(
    timeline.groups.map((group) => [group.title, group.rows.map((candidate) => candidate.label)]),
    [
      ['/etc/cron.d/certbot', ['root: certbot']],
      ['/var/spool/cron/crontabs/root', ['root: renew-wildcard.sh', 'root: poll-queue']],
      ['systemd timers', ['certbot.timer', 'fstrim.timer']],
    ],
  );

  const certbotTimer = row(timeline, 'timer:certbot.timer');
  // The window opened at 12:00 the day before reaches 00:01 into the picture, then 00:00–12:01 and 12:00–00:01.
  assert.deepEqual(
    certbotTimer.bands.map((band) => [band.kind, clock(band.start), clock(band.end)]),
    [
      ['window', '12:00', '00:01'],
      ['window', '00:00', '12:01'],
      ['window', '12:00', '00:01'],
    ],
  );
  assert.equal(certbotTimer.bands[1].start, MIDNIGHT);
  assert.equal(certbotTimer.bands[1].end, at(12, 1));
  assert.equal(certbotTimer.bands[2].start, at(12));
  assert.equal(certbotTimer.bands[2].end, at(0, 1, 27));
  assert.equal(certbotTimer.path, '/lib/systemd/system/certbot.timer');
  assert.equal(certbotTimer.line, 4);
  assert.equal(certbotTimer.schedule, 'OnCalendar=*-*-* 00,12:00:00 RandomizedDelaySec=12h');
  assert.ok(certbotTimer.notes.some((note) => note.startsWith('Persistent=true')));

  const renew = row(timeline, 'cron:/var/spool/cron/crontabs/root:2');
  assert.deepEqual(renew.ticks, [at(3, 15)]);
  assert.deepEqual(renew.bands, []);
  assert.equal(renew.nextText, 'next: Thu 2026-11-26 03:15, Fri 2026-11-27 03:15, Sat 2026-11-28 03:15');
  assert.deepEqual([renew.path, renew.line, renew.active], ['/var/spool/cron/crontabs/root', 2, true]);

  // The 03:15 run lies in the 00:00–12:01 window of a timer that also runs certbot: marked on both rows.
  assert.deepEqual(renew.collisions, [{ at: at(3, 15), with: 'timer:certbot.timer', program: 'certbot' }]);
  assert.deepEqual(certbotTimer.collisions, [{ at: at(3, 15), with: 'cron:/var/spool/cron/crontabs/root:2', program: 'certbot' }]);
  assert.deepEqual(timeline.collisions, [{ timer: 'timer:certbot.timer', job: 'cron:/var/spool/cron/crontabs/root:2', program: 'certbot', at: at(3, 15) }]);

  const poll = row(timeline, 'cron:/var/spool/cron/crontabs/root:4');
  assert.deepEqual(poll.ticks, [], 'sixty runs in a row are one band, not sixty ticks');
  assert.deepEqual(poll.bands, [{ kind: 'continuous', start: at(9), end: at(10) }]);

  // Debian's /etc/cron.d/certbot on a systemd host: greyed with the reason, its would-be runs still drawn, never a collision.
  const guarded = row(timeline, 'cron:/etc/cron.d/certbot:13');
  assert.equal(guarded.active, false);
  assert.equal(guarded.inactiveReason, 'not running: guarded off on systemd hosts (test -x /usr/bin/certbot -a \\! -d /run/systemd/system)');
  assert.deepEqual(guarded.ticks, [at(0), at(12)]);
  assert.deepEqual(guarded.collisions, []);

  const fstrim = row(timeline, 'timer:fstrim.timer');
  assert.equal(fstrim.active, false);
  assert.equal(fstrim.inactiveReason, 'not running: the timer is not enabled (no link in any .wants folder)');
  assert.deepEqual(fstrim.bands, [], 'weekly elapses on Monday 00:00; 2026-11-26 is a Thursday');
  assert.equal(fstrim.nextText, 'next: Mon 2026-11-30 00:00 (anywhere until 02:40), Mon 2026-12-07 00:00 (anywhere until 02:40), Mon 2026-12-14 00:00 (anywhere until 02:40)');

  assert.deepEqual(
    timeline.axis.slice(0, 3).map((hour) => [hour.label, hour.day]),
    [
      ['00', 'Thu 11-26'],
      ['01', undefined],
      ['02', undefined],
    ],
  );
  assert.equal(timeline.axis.length, 25);
  assert.equal(timeline.axis[24].day, 'Fri 11-27');
});

test('a timer without random delay is still a window of AccuracySec; a disabled host without systemd lets the guarded job run', () => {
  const inventory: HostInventory = {
    timeZone: 'UTC',
    systemdHost: false,
    jobs: [job('/etc/cron.d/certbot', 0, "0 */12 * * * root test -x /usr/bin/certbot -a \\! -d /run/systemd/system && certbot -q renew", { runsOnSystemdHost: false, timeZone: 'UTC' })],
    timers: [timer('backup.timer', ['*-*-* 02:30:00'])],
  };
  const from = Date.UTC(2026, 10, 26);
  const timeline = hostTimeline(inventory, { from, hours: 6, locale: 'en' });
  assert.equal(row(timeline, 'cron:/etc/cron.d/certbot:0').active, true, 'without systemd the guard lets it run');
  assert.deepEqual(row(timeline, 'timer:backup.timer').bands, [{ kind: 'window', start: from + 2.5 * 3_600_000, end: from + 2.5 * 3_600_000 + 60_000, elapse: from + 2.5 * 3_600_000 }]);
  assert.equal(row(timeline, 'timer:backup.timer').nextText, 'next: Thu 2026-11-26 02:30, Fri 2026-11-27 02:30, Sat 2026-11-28 02:30');
  assert.equal(timeline.axis.length, 7);
});

test('continuous runs: three or more minutes in a row become a band, the rest stay ticks', () => {
  const m = (minute: number) => minute * 60_000;
  assert.deepEqual(continuousBands([m(0), m(1), m(5), m(6), m(7), m(8), m(20)]), {
    ticks: [m(0), m(1), m(20)],
    bands: [{ kind: 'continuous', start: m(5), end: m(9) }],
  });
  const everyMinute = job('/etc/crontab', 0, '* * * * * root /usr/lib/sysstat/debian-sa1 1 1', { timeZone: 'UTC' });
  const timeline = hostTimeline({ timeZone: 'UTC', systemdHost: true, jobs: [everyMinute], timers: [] }, { from: Date.UTC(2026, 10, 26, 0, 0, 30), locale: 'en' });
  const only = timeline.groups[0].rows[0];
  assert.deepEqual(only.ticks, []);
  assert.equal(only.bands.length, 1, 'one band for 1,440 runs');
  assert.deepEqual([only.bands[0].start, only.bands[0].end], [Date.UTC(2026, 10, 26, 0, 1), Date.UTC(2026, 10, 27, 0, 1)]);
  assert.equal(only.label, 'root: debian-sa1');
});

test('Japanese labels, notes and axis', () => {
  const timeline = hostTimeline(seedInventory(), { from: MIDNIGHT, locale: 'ja' });
  assert.equal(timeline.title, 'ホストのスケジュール：これから 24 時間（Asia/Tokyo）');
  assert.equal(timeline.subtitle, '2026年11月26日(木) 00:00 から');
  assert.equal(timeline.groups[2].title, 'systemd タイマー');
  assert.equal(row(timeline, 'cron:/var/spool/cron/crontabs/root:2').nextText, '次回：2026年11月26日(木) 03:15、2026年11月27日(金) 03:15、2026年11月28日(土) 03:15');
  assert.equal(row(timeline, 'timer:certbot.timer').next[0].text, '2026年11月26日(木) 12:00〜00:01 のどこか');
  assert.match(row(timeline, 'cron:/etc/cron.d/certbot:13').inactiveReason!, /^実行されません：systemd のホストでは条件で止まります/);
  assert.equal(timeline.axis[0].day, '11月26日(木)');
  assert.equal(timeline.legend.window, 'タイマーの実行幅（開始 + ランダム遅延 + 精度）');
  assert.match(row(timeline, 'cron:/var/spool/cron/crontabs/root:2').notes[0], /^certbot\.timer と同時に動くことがあります（どちらも certbot を実行）。例：2026年11月26日\(木\) 03:15$/);
});

test('labels look past guards, waits and wrappers when the command model has nothing', () => {
  const jobs = [
    job('/etc/crontab', 1, '25 6 * * * root test -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.daily; }'),
    job('/etc/crontab', 2, "0 */12 * * * root test -x /usr/bin/certbot -a \\! -d /run/systemd/system && perl -e 'sleep int(rand(43200))' && certbot -q renew"),
    job('/etc/crontab', 3, '5-55/10 * * * * root command -v debian-sa1 > /dev/null && debian-sa1 1 1'),
    job('/etc/crontab', 4, '0 4 * * * root env LANG=C flock -n /run/backup.lock /usr/local/sbin/backup.sh'),
    job('/etc/crontab', 5, '0 5 * * * root timeout 2h nice -n 10 /usr/local/bin/reindex --all'),
  ];
  const timeline = hostTimeline({ timeZone: 'UTC', systemdHost: true, jobs, timers: [] }, { from: 0, locale: 'en' });
  assert.deepEqual(timeline.groups[0].rows.map((candidate) => candidate.label), ['root: run-parts cron.daily', 'root: certbot', 'root: debian-sa1', 'root: backup.sh', 'root: reindex']);
});

test('an empty host says so', () => {
  const timeline = hostTimeline({ timeZone: 'UTC', systemdHost: true, jobs: [], timers: [] }, { from: 0, locale: 'en' });
  assert.deepEqual(timeline.groups, []);
  assert.match(timeline.empty!, /Nothing is scheduled/);
  assert.match(renderTimelineText(timeline), /Nothing is scheduled on this host/);
  assertWellFormed(renderTimelineSvg(timeline));
});

/**
 * A small XML well-formedness check (no DOM in Node): tags balance, attributes are quoted, no raw `&` or `<`
 * in text. Returns the element names in document order.
 */
function assertWellFormed(svg: string): string[] {
  const names: string[] = [];
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let position = 0;
  while (position < svg.length) {
    const open = svg.indexOf('<', position);
    const text = svg.slice(position, open < 0 ? svg.length : open);
    assert.doesNotMatch(text, /&(?!(amp|lt|gt|quot|#\d+);)|>/, `raw character in text: ${text.slice(0, 60)}`);
    if (open < 0) break;
    tag.lastIndex = open;
    const match = tag.exec(svg);
    assert.ok(match, `malformed tag at ${open}: ${svg.slice(open, open + 80)}`);
    const [, closing, name, , selfClosing] = match;
    if (closing) assert.equal(stack.pop(), name, `closing </${name}> at ${open}`);
    else {
      names.push(name);
      if (!selfClosing) stack.push(name);
    }
    position = tag.lastIndex;
  }
  assert.deepEqual(stack, [], 'every element is closed');
  assert.equal(names[0], 'svg');
  return names;
}

test('SVG: well-formed, theme variables with fallbacks, one lane per row, ticks, bands, collision, greyed rows', () => {
  const timeline = hostTimeline(seedInventory(), { from: MIDNIGHT, locale: 'en' });
  for (const theme of ['light', 'dark'] as const) {
    const svg = renderTimelineSvg(timeline, { theme });
    assertWellFormed(svg);
    assert.match(svg, /var\(--vscode-foreground, #[0-9a-f]{6}\)/);
    assert.match(svg, /var\(--vscode-charts-orange, #[0-9a-f]{6}\)/);
  }
  const svg = renderTimelineSvg(timeline, { width: 1100 });
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1100" height="\d+" viewBox="0 0 1100 \d+"/);
  const rows = [...svg.matchAll(/<g class="row( off)?" data-id="([^"]+)" data-kind="(cron|timer)">/g)].map((match) => [match[2], match[1] === ' off']);
  assert.deepEqual(rows, [
    ['cron:/etc/cron.d/certbot:13', true],
    ['cron:/var/spool/cron/crontabs/root:2', false],
    ['cron:/var/spool/cron/crontabs/root:4', false],
    ['timer:certbot.timer', false],
    ['timer:fstrim.timer', true],
  ]);
  // Axis: 1100 px wide, labels end at 260 px, 24 px right margin: 816 px for 24 h, 34 px an hour.
  const hourX = (hours: number) => String(Math.round((260 + (hours / 24) * 816) * 10) / 10);
  const renewGroup = svg.match(/<g class="row" data-id="cron:\/var\/spool\/cron\/crontabs\/root:2"[^]*?<\/g>/)![0];
  assert.match(renewGroup, new RegExp(`<line class="tick" x1="${hourX(3.25)}"`), 'the 03:15 tick');
  assert.match(renewGroup, new RegExp(`<line class="collision-tick" x1="${hourX(3.25)}"`), 'marked as a collision');
  const timerGroup = svg.match(/<g class="row" data-id="timer:certbot\.timer"[^]*?<\/g>/)![0];
  const windows = [...timerGroup.matchAll(/<rect class="window" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((match) => [Number(match[1]), Number(match[2])]);
  assert.equal(windows.length, 3);
  assert.deepEqual(windows[1], [Number(hourX(0)), Math.round((12 + 1 / 60) * 34 * 10) / 10]);
  assert.equal(windows[2][0], Number(hourX(12)));
  const pollGroup = svg.match(/<g class="row" data-id="cron:\/var\/spool\/cron\/crontabs\/root:4"[^]*?<\/g>/)![0];
  assert.match(pollGroup, new RegExp(`<rect class="continuous" x="${hourX(9)}" y="[\\d.]+" width="34"`));
  assert.doesNotMatch(pollGroup, /class="tick"/);
  assert.equal((svg.match(/<text class="hour"/g) ?? []).length, 25, 'an hour label every hour at 34 px an hour');
  assert.match(svg, /<text class="day" [^>]*>Thu 11-26<\/text>/);
  for (const legend of Object.values(timeline.legend)) assert.ok(svg.includes(`>${legend.replace(/&/g, '&amp;')}</text>`), `legend ${legend}`);
  assert.match(svg, /<title>root: certbot\n0 \*\/12 \* \* \*\ntest -x \/usr\/bin\/certbot -a \\! -d \/run\/systemd\/system &amp;&amp; perl -e &#39;sleep int\(rand\(43200\)\)&#39;/);
});

test('SVG escapes labels and wraps a long Japanese legend', () => {
  const inventory = seedInventory();
  inventory.jobs[2] = job('/var/spool/cron/crontabs/root', 4, '* 9 * * * /opt/a&b/<poll>"q"');
  const svg = renderTimelineSvg(hostTimeline(inventory, { from: MIDNIGHT, locale: 'ja' }), { theme: 'dark', width: 700 });
  assertWellFormed(svg);
  assert.match(svg, />root: &lt;poll&gt;&quot;q&quot;<\/text>/);
  assert.match(svg, /#1e1e1e/);
  const bare = renderTimelineSvg(hostTimeline(inventory, { from: MIDNIGHT, locale: 'ja' }), { heading: false });
  assertWellFormed(bare);
  assert.doesNotMatch(bare, /class="title"/, 'a page with its own heading leaves the title out');
});

test('ASCII timeline: exact rows on 48 and 96 columns', () => {
  const timeline = hostTimeline(seedInventory(), { from: MIDNIGHT, locale: 'en' });
  const text = renderTimelineText(timeline, 80);
  const lines = text.split('\n');
  assert.deepEqual(lines.slice(0, 4), ['Host schedule: the next 24 h in Asia/Tokyo, from Thu 2026-11-26 00:00', '', '                              00    03    06    09    12    15    18    21    00', '/etc/cron.d/certbot']);
  const rowLine = (label: string) => lines.find((line) => line.startsWith(`  ${label} `))!;
  assert.equal(rowLine('root: certbot'), `  root: certbot${' '.repeat(15)}:${'.'.repeat(23)}:${'.'.repeat(23)}  not running: guarded off on systemd hosts (test -x /usr/bin/certbot -a \\! -d /run/systemd/system)`);
  assert.equal(rowLine('root: renew-wildcard.sh'), `  root: renew-wildcard.sh     ......!.........................................`);
  assert.equal(rowLine('root: poll-queue'), `  root: poll-queue            ..................==............................`);
  assert.equal(rowLine('certbot.timer'), `  certbot.timer               ${'='.repeat(48)}`);
  assert.equal(rowLine('fstrim.timer'), `  fstrim.timer                ${'.'.repeat(48)}  not running: the timer is not enabled (no link in any .wants folder)`);
  assert.ok(lines.includes(`${' '.repeat(30)}next: Thu 2026-11-26 03:15, Fri 2026-11-27 03:15, Sat 2026-11-28 03:15`));
  assert.match(text, /\n\| cron run   = timer window \(start \+ random delay \+ accuracy\) \/ runs every minute   ! same program in a timer window   : ~ does not run on this host\n$/);

  const wide = renderTimelineText(timeline, 132).split('\n');
  assert.equal(wide[2], `${' '.repeat(30)}00  01  02  03  04  05  06  07  08  09  10  11  12  13  14  15  16  17  18  19  20  21  22  23  00`);
  assert.equal(wide.find((line) => line.startsWith('  root: renew-wildcard.sh')), `  root: renew-wildcard.sh     .............!${'.'.repeat(82)}`);
  assert.equal(wide.find((line) => line.startsWith('  root: poll-queue')), `  root: poll-queue            ${'.'.repeat(36)}====${'.'.repeat(56)}`);
});

test('ASCII timeline in Japanese: wide characters keep the columns aligned', () => {
  const inventory = seedInventory();
  inventory.jobs[2] = job('/var/spool/cron/crontabs/root', 4, '* 9 * * * /usr/local/bin/バックアップ.sh');
  const lines = renderTimelineText(hostTimeline(inventory, { from: MIDNIGHT, locale: 'ja' }), 80).split('\n');
  assert.equal(lines[0], 'ホストのスケジュール：これから 24 時間（Asia/Tokyo）、2026年11月26日(木) 00:00 から');
  const wideRow = lines.find((line) => line.startsWith('  root: バックアップ.sh'))!;
  assert.equal(displayWidth(wideRow.slice(0, wideRow.indexOf('.....'))), 30);
  assert.ok(lines.includes('systemd タイマー'));
  assert.ok(lines.some((line) => line.startsWith(' '.repeat(30) + '次回：2026年11月26日(木) 12:00〜00:01 のどこか')));
});

test('a host systemd does not run (a container): every timer row is greyed with the reason, and no collision is drawn', () => {
  const timeline = hostTimeline({ ...seedInventory(), systemdHost: false }, { from: MIDNIGHT, locale: 'en' });
  for (const timer of ['timer:certbot.timer', 'timer:fstrim.timer']) {
    assert.equal(row(timeline, timer).active, false);
    assert.match(row(timeline, timer).inactiveReason ?? '', /systemd is not running on this host \(\/run\/systemd\/system is missing\)/);
  }
  assert.deepEqual(timeline.collisions, []);
  const ja = hostTimeline({ ...seedInventory(), systemdHost: false }, { from: MIDNIGHT, locale: 'ja' });
  assert.match(row(ja, 'timer:certbot.timer').inactiveReason ?? '', /systemd が動いていないため/);
});
