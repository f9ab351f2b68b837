// Hovers in unit files: the stock timers' deliberate choices appear as notes on [Timer], never as findings.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { HostFacts } from '../../server/src/engine/host/facts';
import { FsHost } from '../../server/src/engine/host/fs-host';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import { hoverUnitAt } from '../../server/src/engine/systemd/hover-unit';
import { lintUnit } from '../../server/src/engine/systemd/lint-unit';
import { CORPUS_ROOT } from '../support/paths';

const ROOT = path.join(CORPUS_ROOT, 'debian-bookworm', 'root');
const NOW = Date.UTC(2026, 10, 25, 10, 17);

function timerHover(name: string, locale: 'en' | 'ja' = 'en') {
  const facts = new HostFacts(new FsHost(ROOT));
  const file = `/lib/systemd/system/${name}`;
  const result = lintUnit({ text: fs.readFileSync(path.join(ROOT, file), 'utf8'), path: file, facts, locale });
  assert.deepEqual(result.findings.map((finding) => finding.ruleId), [], `${name} is clean`);
  const header = result.document.sections.find((section) => section.name === 'Timer');
  assert.ok(header);
  return hoverUnitAt(result, header.headerRange.start, { facts, locale, now: NOW })?.markdown ?? '';
}

test('certbot.timer: the 12 h random delay covering the 12 h interval is explained, not flagged', () => {
  const markdown = timerHover('certbot.timer');
  assert.match(markdown, /RandomizedDelaySec=43200` is as long as the interval between elapses \(12h\)/);
  assert.match(timerHover('certbot.timer', 'ja'), /起動の間隔（12h）と同じ長さです/);
});

test('systemd-tmpfiles-clean.timer (no [Install]), chkrootkit.timer (Persistent without OnCalendar), logrotate.timer (coarse AccuracySec)', () => {
  assert.match(timerHover('systemd-tmpfiles-clean.timer'), /No \[Install\] section/);
  assert.match(timerHover('chkrootkit.timer'), /`Persistent=` has no effect without `OnCalendar=`/);
  assert.match(timerHover('logrotate.timer'), /AccuracySec=1h`: systemd may start the unit up to 1h late/);
});

test('a timer on a live host without systemd running: the hover says it never fires there (issue #19)', () => {
  const timer = '[Unit]\nDescription=Periodic ext4 Online Metadata Check\n\n[Timer]\nOnCalendar=Sun *-*-* 03:10:00\nRandomizedDelaySec=60\n\n[Install]\nWantedBy=timers.target\n';
  const hover = (files: Record<string, string>, label: string, line: number) => {
    const host = new MemoryHost({ '/lib/systemd/system/e2scrub_all.timer': timer, ...files });
    host.label = label;
    const facts = new HostFacts(host);
    const result = lintUnit({ text: timer, path: '/lib/systemd/system/e2scrub_all.timer', facts, locale: 'en' });
    return hoverUnitAt(result, { line, character: 2 }, { facts, locale: 'en', now: NOW })?.markdown ?? '';
  };
  // A container whose first process is not systemd: /run/systemd/system is missing (sd_booted()).
  assert.match(hover({}, '/', 3), /systemd is not running on this host .*this timer never fires here/);
  assert.match(hover({}, '/', 4), /this timer never fires here/, 'on OnCalendar= too');
  // systemd running, or a copied root (which has no /run and cannot tell): no such note.
  assert.doesNotMatch(hover({ '/run/systemd/system/.keep': '' }, '/', 3), /never fires here/);
  assert.doesNotMatch(hover({}, 'memory', 3), /never fires here/);
});
