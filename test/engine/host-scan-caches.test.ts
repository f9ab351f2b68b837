// The CLI's `--root` and `schedule --root` read a tree through caches made for one run (issue #20): a
// CachedHost over an FsHost with `fixedTree`, and the host schedule built on the lint's own cache and unit
// index. On seeded random host roots (test/support/random-host.ts) and the corpus roots, every report,
// finding, the schedule model and the timeline must be what the plain path gives: an FsHost asked afresh each
// time, as the language server reads a live host.
import { test, mock } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { hostFactsAt, lintHostTree } from '../../server/src/cli/host-lint';
import { HostFacts } from '../../server/src/engine/host/facts';
import { FsHost } from '../../server/src/engine/host/fs-host';
import { MAX_FILE_BYTES } from '../../server/src/engine/host/host';
import { CachedHost } from '../../server/src/engine/host/cached-host';
import { buildHostInventory } from '../../server/src/engine/schedule/inventory';
import { UnitIndex } from '../../server/src/engine/systemd/unit-paths';
import { resolveUnit } from '../../server/src/engine/systemd/unit-resolve';
import { mergedUnit } from '../../server/src/engine/systemd/unit-merge';
import { hostTimelineAt } from '../../server/src/engine/schedule/timeline-host';
import { CORPUS_ROOT, repoPath } from '../support/paths';
import { writeRandomHost } from '../support/random-host';
import { Random } from '../support/random';

// A Monday morning in Tokyo, and the findings' "next run" times are fixed with it.
const NOW = Date.UTC(2026, 11, 6, 23, 30);

/** Plain JSON: the two paths must agree on what is printed, not on object identity. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, item: unknown) => (item instanceof Error ? String(item) : item)));
}

function compareOn(root: string, label: string): void {
  const options = { locale: 'en' as const, severities: {} };
  const fastFacts = hostFactsAt(root);
  const fast = lintHostTree(fastFacts, options);
  const slow = lintHostTree(new HostFacts(new FsHost(root)), options);
  assert.deepEqual(plain(fast), plain(slow), `${label}: --root reports`);
  assert.ok(fast.length > 0, `${label}: the tree has files to lint`);
  // The schedule model on facts whose cache and unit index the lint above filled, and on a fresh plain host.
  assert.deepEqual(plain(buildHostInventory(fastFacts)), plain(buildHostInventory(new HostFacts(new FsHost(root)))), `${label}: inventory`);
  // resolveUnit's answers are kept by an index over a CachedHost: asked twice, and read by mergedUnit, they are
  // what an index over the plain host works out each time.
  const remembering = new UnitIndex(new CachedHost(new FsHost(root, MAX_FILE_BYTES, { fixedTree: true })));
  const asking = new UnitIndex(new FsHost(root));
  const names = [...asking.unitNames(), 'missing.service', 'tmpl@other.timer', 'bad name'];
  for (const name of names) {
    const first = resolveUnit(remembering, name);
    assert.equal(resolveUnit(remembering, name), first, `${label}: ${name} resolved once`);
    assert.deepEqual(plain(first), plain(resolveUnit(asking, name)), `${label}: ${name} resolution`);
    assert.deepEqual(plain(mergedUnit(remembering, name)), plain(mergedUnit(asking, name)), `${label}: ${name} merged`);
  }
  const timelineHost = new FsHost(root, MAX_FILE_BYTES, { fixedTree: true });
  assert.deepEqual(plain(hostTimelineAt(new HostFacts(timelineHost), 'en', NOW, { hours: 48 })), plain(hostTimelineAt(new HostFacts(new FsHost(root)), 'en', NOW, { hours: 48 })), `${label}: schedule`);
}

test('--root and schedule --root through the run caches give what the plain host gives, on random host roots', () => {
  mock.method(Date, 'now', () => NOW);
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-host-scan-'));
  try {
    let overlaps = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const random = new Random(seed * 101);
      const root = path.join(base, String(seed));
      writeRandomHost(root, seed, { jobs: 20 + random.int(150), timers: 3 + random.int(40) });
      compareOn(root, `seed ${seed}`);
      const reports = lintHostTree(hostFactsAt(root), { locale: 'en', severities: {} });
      overlaps += reports.flatMap((report) => report.findings).filter((finding) => finding.ruleId === 'schedule/timer-overlaps-cron').length;
    }
    // The roots are made so that jobs and timers share programs: the overlap search is part of what is held.
    assert.ok(overlaps > 0, 'some random root has a timer and a cron job that overlap');
  } finally {
    mock.restoreAll();
    fs.rmSync(base, { recursive: true, force: true });
  }
});

test('--root through the run caches gives what the plain host gives on the corpus and fixture roots', () => {
  mock.method(Date, 'now', () => NOW);
  try {
    const roots = [path.join(CORPUS_ROOT, 'debian-bookworm', 'root'), path.join(CORPUS_ROOT, 'rhel-cronie', 'root')];
    const fixtures = repoPath('test', 'fixtures', 'schedule');
    for (const name of fs.readdirSync(fixtures)) if (fs.existsSync(path.join(fixtures, name, 'root'))) roots.push(path.join(fixtures, name, 'root'));
    assert.ok(roots.length > 2, 'schedule fixture roots found');
    for (const root of roots) compareOn(root, path.relative(repoPath(), root));
  } finally {
    mock.restoreAll();
  }
});

test('the random host roots are written inside their root, never through their own absolute /lib link', () => {
  // A root's /lib may link to the absolute /usr/lib: to schedlint the root's usr/lib, to the file system this
  // machine's. Writing units through it once put generated timers on the machine that ran the tests.
  let absolute = 0;
  for (let seed = 1; seed <= 20; seed++) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-random-host-'));
    try {
      writeRandomHost(root, seed, { jobs: 3, timers: 6 });
      if (fs.lstatSync(path.join(root, 'lib'), { throwIfNoEntry: false })?.isSymbolicLink() && fs.readlinkSync(path.join(root, 'lib')) === '/usr/lib') {
        absolute++;
        assert.ok(fs.readdirSync(path.join(root, 'usr/lib/systemd/system')).some((name) => name.endsWith('.timer')));
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }
  assert.ok(absolute > 0, 'some roots link /lib to the absolute /usr/lib');
});
