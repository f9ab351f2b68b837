// schedule/timer-overlaps-cron on fake host roots (test/fixtures/schedule/<host>/root, the expected findings
// in expected.json beside each root), on the real-world corpus (must stay silent), and on in-memory hosts for
// the policies: copied-tree stand-in links, anacron's cron.daily, guards, settings and the Japanese text.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FsHost } from '../../server/src/engine/host/fs-host';
import { HostFacts } from '../../server/src/engine/host/facts';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import { buildHostInventory } from '../../server/src/engine/schedule/inventory';
import { hostScheduleFindings } from '../../server/src/engine/schedule/host-findings';
import { comparisonKey, findOverlaps } from '../../server/src/engine/schedule/overlaps';
import type { Finding } from '../../server/src/engine/types';
import { repoPath, CORPUS_ROOT } from '../support/paths';

interface ExpectedFinding {
  path: string;
  line: number;
  covers: string;
  ruleId: string;
  messageId: string;
  severity: string;
  message?: string;
  related: string[];
  terminalCommand: string;
  fixedLine?: string;
}

const FIXTURES = repoPath('test', 'fixtures', 'schedule');

function findingsOf(root: string, from: number, locale: 'en' | 'ja' = 'en'): Map<string, Finding[]> {
  return hostScheduleFindings(buildHostInventory(new HostFacts(new FsHost(root))), { from, locale });
}

function rangeText(text: string, finding: Finding): string {
  const lines = text.split('\n');
  assert.equal(finding.range.start.line, finding.range.end.line);
  return lines[finding.range.start.line].slice(finding.range.start.character, finding.range.end.character);
}

for (const host of fs.readdirSync(FIXTURES).filter((name) => fs.existsSync(path.join(FIXTURES, name, 'expected.json')))) {
  test(`fixture host ${host}`, () => {
    const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, host, 'expected.json'), 'utf8')) as { from: string; findings: ExpectedFinding[] };
    const root = path.join(FIXTURES, host, 'root');
    const byPath = findingsOf(root, Date.parse(expected.from));
    const actual = [...byPath.entries()].flatMap(([file, findings]) => findings.map((finding) => ({ file, finding })));
    assert.equal(actual.length, expected.findings.length, actual.map(({ file, finding }) => `${file}:${finding.range.start.line} ${finding.message}`).join('\n'));
    for (const want of expected.findings) {
      const found = (byPath.get(want.path) ?? []).find((finding) => finding.range.start.line === want.line && finding.messageId === want.messageId);
      assert.ok(found, `${want.path}:${want.line} ${want.messageId}`);
      const text = fs.readFileSync(path.join(root, want.path), 'utf8');
      assert.equal(rangeText(text, found), want.covers);
      assert.equal(found.ruleId, want.ruleId);
      assert.equal(found.severity, want.severity);
      if (want.message) assert.equal(found.message, want.message);
      assert.deepEqual(found.related?.map((related) => related.path), want.related);
      // Each side points at the other's exact place.
      const other = byPath.get(want.related[0])?.find((finding) => finding.related?.[0].path === want.path);
      assert.ok(other);
      assert.deepEqual(found.related?.[0].range, other.range);
      assert.deepEqual(found.terminalActions?.map((action) => action.command), [want.terminalCommand]);
      if (want.fixedLine !== undefined) {
        assert.equal(found.fixes?.length, 1);
        const edit = found.fixes![0].edits[0];
        const lines = text.split('\n');
        const line = lines[edit.range.start.line];
        lines[edit.range.start.line] = line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.end.character);
        assert.equal(lines[want.line], want.fixedLine);
      } else {
        // The timer side never edits the unit (a packaged one under /lib is overwritten by upgrades).
        assert.equal(found.fixes, undefined);
      }
    }
  });
}

test('the stock Debian 12 corpus root and the cronie root: no finding at all', () => {
  for (const root of ['debian-bookworm', 'rhel-cronie']) {
    const byPath = findingsOf(path.join(CORPUS_ROOT, root, 'root'), Date.UTC(2026, 0, 5));
    assert.deepEqual([...byPath.entries()].map(([file, findings]) => `${file}: ${findings.map((finding) => finding.message).join(' | ')}`), []);
  }
});

test('the Debian corpus inventory: packaged guards understood, anacron runs cron.daily, stand-in links taken', () => {
  const inventory = buildHostInventory(new HostFacts(new FsHost(path.join(CORPUS_ROOT, 'debian-bookworm', 'root'))));
  assert.equal(inventory.systemdHost, true);
  const certbotJob = inventory.jobs.find((job) => job.path === '/etc/cron.d/certbot');
  assert.equal(certbotJob?.runsOnSystemdHost, false);
  assert.deepEqual(certbotJob?.programs.map((use) => use.program), ['certbot']);
  const logrotate = inventory.jobs.find((job) => job.script === '/etc/cron.daily/logrotate');
  assert.equal(logrotate?.runsVia, 'anacron');
  assert.equal(logrotate?.runsOnSystemdHost, false);
  assert.equal(logrotate?.scheduleText, 'anacron: cron.daily');
  // The cron.daily line itself is left to anacron (test -x /usr/sbin/anacron || …).
  assert.equal(inventory.jobs.some((job) => job.path === '/etc/crontab' && job.line === 19 && job.source === 'crontab'), false);
  const certbotTimer = inventory.timers.find((timer) => timer.unit === 'certbot.timer');
  assert.equal(certbotTimer?.enabled, true);
  assert.equal(certbotTimer?.enablement, 'stand-in:/etc/systemd/system/timers.target.wants/certbot.timer');
  assert.deepEqual(certbotTimer?.programs.map((use) => [use.program, ...use.args].join(' ')), ['certbot -q renew --no-random-sleep-on-renew']);
  assert.equal(certbotTimer?.randomizedDelaySec, 43200);
  // Pulled in by a link systemd itself ships under /lib (relative, as a copied file here).
  assert.equal(inventory.timers.find((timer) => timer.unit === 'systemd-tmpfiles-clean.timer')?.enabled, true);
  assert.equal(inventory.timers.find((timer) => timer.unit === 'sysstat-collect.timer')?.enabled, false);
});

function seedHost(extra: Record<string, string | { text: string; mode?: number; link?: string }> = {}): MemoryHost {
  return new MemoryHost({
    '/etc/os-release': 'ID=ubuntu\nID_LIKE=debian\n',
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\n',
    '/etc/timezone': 'Asia/Tokyo\n',
    '/lib/systemd/system/certbot.timer': '[Unit]\nDescription=Run certbot twice daily\n\n[Timer]\nOnCalendar=*-*-* 00,12:00:00\nRandomizedDelaySec=43200\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n',
    '/lib/systemd/system/certbot.service': '[Unit]\nDescription=Certbot\n[Service]\nType=oneshot\nExecStart=/usr/bin/certbot -q renew\nPrivateTmp=true\n',
    '/etc/systemd/system/timers.target.wants/certbot.timer': { text: '/lib/systemd/system/certbot.timer\n' },
    ...extra,
  });
}

const FROM = Date.UTC(2026, 0, 5);

test('copied trees: a stand-in file counts as its link under --root, never on the live host', () => {
  const extra = { '/var/spool/cron/crontabs/root': '15 3 * * * certbot renew --force-renewal\n' };
  const copied = seedHost(extra);
  assert.equal(hostScheduleFindings(buildHostInventory(new HostFacts(copied)), { from: FROM }).size, 2);
  const live = seedHost({ ...extra, '/run/systemd/system/.keep': '' });
  live.label = '/';
  const inventory = buildHostInventory(new HostFacts(live));
  assert.equal(inventory.timers[0].enabled, false);
  assert.equal(hostScheduleFindings(inventory, { from: FROM }).size, 0);
});

test('a script in cron.daily that anacron runs: reported in the script, no comment-out fix', () => {
  const host = seedHost({
    '/etc/crontab': 'SHELL=/bin/sh\n25 6\t* * *\troot\ttest -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.daily; }\n',
    '/etc/anacrontab': 'SHELL=/bin/sh\nSTART_HOURS_RANGE=3-22\n1\t5\tcron.daily\trun-parts --report /etc/cron.daily\n',
    '/etc/cron.daily/renew-certs': { text: '#!/bin/sh\n/usr/bin/certbot renew --deploy-hook "systemctl reload nginx"\n', mode: 0o755 },
    // Not run by run-parts: a dot in the name (debianutils run-parts).
    '/etc/cron.daily/renew.sh': { text: '#!/bin/sh\ncertbot renew\n', mode: 0o755 },
  });
  const inventory = buildHostInventory(new HostFacts(host));
  const jobs = inventory.jobs.filter((job) => job.source === 'run-parts');
  assert.deepEqual(jobs.map((job) => job.script), ['/etc/cron.daily/renew-certs']);
  assert.equal(jobs[0].runsVia, 'anacron');
  assert.deepEqual(jobs[0].schedule.hours.map((on, hour) => (on ? hour : -1)).filter((hour) => hour >= 0), [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
  const byPath = hostScheduleFindings(inventory, { from: FROM });
  const inScript = byPath.get('/etc/cron.daily/renew-certs');
  assert.equal(inScript?.length, 1);
  assert.equal(inScript[0].range.start.line, 1);
  assert.equal(inScript[0].fixes, undefined);
  assert.match(inScript[0].message, /^anacron \(through \/etc\/cron\.daily\/renew-certs\) runs certbot at /);
  assert.equal(byPath.get('/lib/systemd/system/certbot.timer')?.length, 1);
});

test('guards: a job guarded off on systemd never pairs; one guarded to systemd only does', () => {
  const host = seedHost({
    '/etc/cron.d/renew': '0 3 * * * root [ ! -d /run/systemd/system ] && certbot renew\n5 3 * * * root [ -d /run/systemd/system ] && certbot renew\n',
  });
  const overlaps = findOverlaps(buildHostInventory(new HostFacts(host)), { from: FROM });
  assert.deepEqual(overlaps.map((overlap) => overlap.job.line), [1]);
});

test('certbot counts only when it may renew', () => {
  const use = (args: string[]) => comparisonKey({ program: 'certbot', written: 'certbot', args, location: { path: '/x', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, via: [] });
  assert.equal(use(['-q', 'renew']), 'certbot');
  assert.equal(use(['certonly', '--manual', '-d', 'example.jp']), 'certbot');
  assert.equal(use(['--nginx', '-d', 'example.jp']), 'certbot');
  assert.equal(use(['certificates']), undefined);
  assert.equal(use(['renew', '--dry-run']), undefined);
  assert.equal(use(['delete', '--cert-name', 'renew']), undefined);
});

test('certbot installed as a shell wrapper script is still certbot (seed 001 with a /usr/bin/certbot stub)', () => {
  const host = seedHost({ '/usr/bin/certbot': { text: '#!/bin/sh\nexec /opt/certbot/bin/certbot "$@"\n', mode: 0o755 }, '/var/spool/cron/crontabs/root': '15 3 * * * /usr/bin/certbot renew --force-renewal\n' });
  const overlaps = findOverlaps(buildHostInventory(new HostFacts(host)), { from: FROM });
  assert.ok(overlaps.some((overlap) => overlap.key === 'certbot'), `overlaps: ${overlaps.map((overlap) => overlap.key).join(', ')}`);
});

test('a script named by a bare name on both sides is one script: found on the crontab PATH and on systemd\'s fixed search path', () => {
  const backup = {
    '/usr/local/bin/nightly-backup': { text: '#!/bin/sh\nrsync -a /srv/ backup:/srv/\n', mode: 0o755 },
    '/etc/systemd/system/backup.timer': '[Timer]\nOnCalendar=*-*-* 03:00:00\nRandomizedDelaySec=1h\n\n[Install]\nWantedBy=timers.target\n',
    // systemd.service(5): a bare ExecStart= name is looked up on /usr/local/sbin:/usr/local/bin:/usr/sbin:…
    '/etc/systemd/system/backup.service': '[Service]\nType=oneshot\nExecStart=nightly-backup\n',
    '/etc/systemd/system/timers.target.wants/backup.timer': { text: '/etc/systemd/system/backup.timer\n' },
  };
  const keys = (crontab: string) => findOverlaps(buildHostInventory(new HostFacts(seedHost({ ...backup, '/var/spool/cron/crontabs/root': crontab }))), { from: FROM }).map((overlap) => overlap.key);
  assert.deepEqual(keys('PATH=/usr/local/bin:/usr/bin:/bin\n30 3 * * * nightly-backup\n'), ['/usr/local/bin/nightly-backup']);
  assert.deepEqual(keys('30 3 * * * cd /usr/local/bin && ./nightly-backup\n'), ['/usr/local/bin/nightly-backup']);
  // Debian cron's default PATH (/usr/bin:/bin) has no /usr/local/bin: the job fails there, nothing to compare.
  assert.deepEqual(keys('30 3 * * * nightly-backup\n'), []);
});

test('settings: the rule can be turned off or its severity changed; messages in Japanese', () => {
  const host = seedHost({ '/var/spool/cron/crontabs/root': '15 3 * * * certbot renew --force-renewal\n' });
  const inventory = buildHostInventory(new HostFacts(host));
  assert.equal(hostScheduleFindings(inventory, { from: FROM, severities: { 'schedule/timer-overlaps-cron': 'off' } }).size, 0);
  const info = hostScheduleFindings(inventory, { from: FROM, severities: { 'schedule/timer-overlaps-cron': 'info' } });
  assert.deepEqual([...info.values()].flat().map((finding) => finding.severity), ['info', 'info']);
  const ja = hostScheduleFindings(inventory, { from: FROM, locale: 'ja' });
  assert.match(ja.get('/var/spool/cron/crontabs/root')![0].message, /^root の crontab は 2026年1月6日\(火\) 03:15 Asia\/Tokyo に certbot を実行しますが、certbot\.timer も 2026年1月6日\(火\) 00:00〜12:01 Asia\/Tokyo のどこかで/);
});

test('cronie reads /etc/cron.d/renew.conf (Debian would not): its job is part of the schedule there', () => {
  const job = { '/etc/cron.d/renew.conf': '15 3 * * * root certbot renew\n' };
  const cronie = seedHost({ ...job, '/etc/os-release': 'ID="rhel"\nID_LIKE="fedora"\n' });
  assert.deepEqual(findOverlaps(buildHostInventory(new HostFacts(cronie)), { from: FROM }).map((overlap) => overlap.job.path), ['/etc/cron.d/renew.conf']);
  assert.deepEqual(findOverlaps(buildHostInventory(new HostFacts(seedHost(job))), { from: FROM }), []);
});

test('a live host systemd does not run (a container): its timers never fire, so no cron job overlaps them (issue #19)', () => {
  // Debian 12's stock e2scrub_all pair: the cron job runs only where /run/systemd/system is missing.
  const stock = {
    '/etc/os-release': 'ID=debian\n',
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\n',
    '/etc/timezone': 'Asia/Tokyo\n',
    '/etc/cron.d/e2scrub_all': '30 3 * * 0 root test -e /run/systemd/system || SERVICE_MODE=1 /usr/lib/x86_64-linux-gnu/e2fsprogs/e2scrub_all_cron\n10 3 * * * root test -e /run/systemd/system || SERVICE_MODE=1 /sbin/e2scrub_all -A -r\n',
    '/lib/systemd/system/e2scrub_all.timer': '[Unit]\nDescription=Periodic ext4 Online Metadata Check for All Filesystems\n\n[Timer]\nOnCalendar=Sun *-*-* 03:10:00\nRandomizedDelaySec=60\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n',
    '/lib/systemd/system/e2scrub_all.service': '[Service]\nType=oneshot\nEnvironment=SERVICE_MODE=1\nExecStart=/sbin/e2scrub_all\n',
    '/etc/systemd/system/timers.target.wants/e2scrub_all.timer': { link: '/lib/systemd/system/e2scrub_all.timer' },
    // exim4-base: the cron.daily script steps aside on systemd, where the timer runs it with `systemd-timer`.
    '/etc/crontab': 'SHELL=/bin/sh\nPATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin\n25 6\t* * *\troot\ttest -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.daily; }\n',
    '/etc/cron.daily/exim4-base': { text: '#!/bin/sh\n\nEX4SYSTEMDTIMER=$1\n\n# skip in favour of systemd timer if called from cron.daily\nif [ -d /run/systemd/system ] && [ "$EX4SYSTEMDTIMER" != "systemd-timer" ]; then\n            exit 0\nfi\n\n/usr/sbin/exim_tidydb /var/spool/exim4 retry\n', mode: 0o755 },
    '/lib/systemd/system/exim4-base.timer': '[Unit]\nDescription=Daily exim4-base housekeeping\n\n[Timer]\nOnCalendar=daily\nAccuracySec=12h\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n',
    '/lib/systemd/system/exim4-base.service': '[Service]\nType=oneshot\nExecStart=/etc/cron.daily/exim4-base systemd-timer\n',
    '/etc/systemd/system/timers.target.wants/exim4-base.timer': { link: '/lib/systemd/system/exim4-base.timer' },
  };
  const live = (extra: Record<string, string>) => {
    const host = new MemoryHost({ ...stock, ...extra });
    host.label = '/';
    return buildHostInventory(new HostFacts(host));
  };
  const withoutSystemd = live({});
  assert.equal(withoutSystemd.systemdHost, false);
  assert.deepEqual(withoutSystemd.timers.map((timer) => [timer.unit, timer.enabled]), [['e2scrub_all.timer', true], ['exim4-base.timer', true]]);
  assert.deepEqual(findOverlaps(withoutSystemd, { from: FROM }), []);
  assert.equal(hostScheduleFindings(withoutSystemd, { from: FROM }).size, 0);
  // With systemd running, the stock jobs are guarded off; an unguarded one does overlap the timer.
  assert.deepEqual(findOverlaps(live({ '/run/systemd/system/.keep': '' }), { from: FROM }), []);
  const unguarded = { '/etc/cron.d/e2scrub_all': '10 3 * * * root /sbin/e2scrub_all -A -r\n' };
  assert.equal(findOverlaps(live({ ...unguarded, '/run/systemd/system/.keep': '' }), { from: FROM }).length, 1);
  assert.deepEqual(findOverlaps(live(unguarded), { from: FROM }), []);
});

test('one finding per place: a timer overlapping three cron jobs is one finding on the timer, counting and linking the others', () => {
  const host = seedHost({
    '/var/spool/cron/crontabs/root': '15 3 * * * certbot renew\n45 9 * * * certbot renew --quiet\n5 17 * * * certbot renew -q\n',
    '/etc/cron.d/renew': '30 6 * * * root certbot renew\n',
  });
  const byPath = hostScheduleFindings(buildHostInventory(new HostFacts(host)), { from: FROM });
  const onTimer = byPath.get('/lib/systemd/system/certbot.timer') ?? [];
  assert.equal(onTimer.length, 1, 'one finding on the timer, not one per pair');
  assert.match(onTimer[0].message, / 3 more cron jobs run certbot inside such windows too \(related locations\)\.$/);
  assert.deepEqual(onTimer[0].related?.map((related) => related.path).sort(), ['/etc/cron.d/renew', '/var/spool/cron/crontabs/root', '/var/spool/cron/crontabs/root', '/var/spool/cron/crontabs/root']);
  // Each cron line meets one timer: one finding each, with no count.
  const onCrontab = byPath.get('/var/spool/cron/crontabs/root') ?? [];
  assert.deepEqual(onCrontab.map((finding) => finding.range.start.line).sort(), [0, 1, 2]);
  for (const finding of onCrontab) assert.doesNotMatch(finding.message, /more (cron jobs|timers?)/);
  assert.equal(byPath.get('/etc/cron.d/renew')?.length, 1);
  // Japanese: the count reads as a sentence of its own.
  const ja = hostScheduleFindings(buildHostInventory(new HostFacts(host)), { from: FROM, locale: 'ja' }).get('/lib/systemd/system/certbot.timer') ?? [];
  assert.match(ja[0].message, /certbot を実行する cron ジョブがほかに 3 件あります/);
});
