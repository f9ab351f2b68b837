// The systemd unit-file layer: parsing (src/shared/conf-parser.c), finding a unit and its drop-ins
// (path-lookup.c, unit-file.c, dropin.c), merging them, enablement (load-dropin.c), and the directive
// table (load-fragment-gperf.gperf.in). Real files from test/corpus/debian-bookworm/root, in-memory
// hosts for the cases Debian does not ship, and — where systemd 252 is installed — systemd itself
// (`systemd-analyze verify`, `systemd-analyze unit-paths`) as the oracle.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { FsHost } from '../../server/src/engine/host/fs-host';
import { HostFacts } from '../../server/src/engine/host/facts';
import { lintUnit } from '../../server/src/engine/systemd/lint-unit';
import { MemoryHost, type MemoryFile } from '../../server/src/engine/host/memory-host';
import {
  checkDirectives,
  directivesOf,
  lookupDirective,
  sectionsForUnitType,
  suggestDirective,
} from '../../server/src/engine/systemd/directives';
import { EnablementIndex, unitEnablement } from '../../server/src/engine/systemd/enablement';
import { parseUnitFile, type UnitFileDocument } from '../../server/src/engine/systemd/unit-file';
import { effectiveValue, effectiveValues, mergedUnit } from '../../server/src/engine/systemd/unit-merge';
import { parseUnitName } from '../../server/src/engine/systemd/unit-names';
import { realPath, SYSTEM_UNIT_PATH, UnitIndex } from '../../server/src/engine/systemd/unit-paths';
import { resolveUnit } from '../../server/src/engine/systemd/unit-resolve';
import { repoPath, CORPUS_ROOT } from '../support/paths';

const DEBIAN_ROOT = path.join(CORPUS_ROOT, 'debian-bookworm', 'root');
const UNIT_FOLDER = path.join(DEBIAN_ROOT, 'lib', 'systemd', 'system');

function corpusUnitFiles(): string[] {
  return fs
    .readdirSync(UNIT_FOLDER, { withFileTypes: true })
    .filter((entry) => entry.isFile() && parseUnitName(entry.name) !== undefined)
    .map((entry) => entry.name)
    .sort();
}

function parseAs(text: string, type: string): UnitFileDocument {
  return parseUnitFile(text, { sections: sectionsForUnitType(type) });
}

function memoryHost(files: Record<string, string | MemoryFile>): MemoryHost {
  return new MemoryHost(files);
}

function values(host: MemoryHost | UnitIndex, name: string, section: string, key: string): string[] {
  return effectiveValues(mergedUnit(host, name), section, key).map((assignment) => assignment.directive.value);
}

/** systemd-analyze from systemd 252, when this machine has it. */
function systemdAnalyze(args: string[]): { stdout: string; stderr: string } | undefined {
  const version = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0 || !/^systemd 252\b/m.test(version.stdout)) return undefined;
  const result = spawnSync('systemd-analyze', args, { encoding: 'utf8', timeout: 60_000 });
  if (result.error) return undefined;
  return { stdout: result.stdout, stderr: result.stderr };
}

/** `systemctl --root=ROOT is-enabled NAME` from systemd 252 (works offline), when this machine has it. */
function systemctlIsEnabled(root: string, name: string): string | undefined {
  const version = spawnSync('systemctl', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0 || !/^systemd 252\b/m.test(version.stdout)) return undefined;
  const result = spawnSync('systemctl', [`--root=${root}`, 'is-enabled', name], { encoding: 'utf8', timeout: 60_000 });
  return result.error ? undefined : result.stdout.trim();
}

/**
 * What systemctl should say for a unit we call `state`: the same, except that a unit without an
 * [Install] section is "static" to systemctl whatever pulls it in (facts.md counts links under /lib).
 */
function systemctlEquivalent(state: string, hasInstall: boolean): string {
  return hasInstall ? state : 'static';
}

// ---- parseUnitFile ---------------------------------------------------------------------------------------

test('every unit file in the Debian corpus parses without a problem', () => {
  const names = corpusUnitFiles();
  assert.ok(names.length >= 40, `expected the corpus units, found ${names.length}`);
  for (const name of names) {
    const type = parseUnitName(name)?.type as string;
    const document = parseAs(fs.readFileSync(path.join(UNIT_FOLDER, name), 'utf8'), type);
    assert.deepEqual(document.problems, [], name);
    assert.ok(document.sections.length > 0, name);
    assert.ok(document.sections.every((section) => section.known), name);
  }
});

test('positions: section header, key and value ranges, whitespace around =, empty values', () => {
  const text = '[Unit]\nDescription = Run certbot twice daily \n\n[Timer]\n  OnCalendar=*-*-* 00,12:00:00\nPersistent=\n';
  const document = parseUnitFile(text);
  assert.deepEqual(document.problems, []);
  assert.deepEqual(
    document.sections.map((section) => section.name),
    ['Unit', 'Timer'],
  );
  const timer = document.sections[1];
  assert.deepEqual(timer.headerRange, { start: { line: 3, character: 0 }, end: { line: 3, character: 7 } });
  assert.deepEqual(timer.nameRange, { start: { line: 3, character: 1 }, end: { line: 3, character: 6 } });
  const [description, onCalendar, persistent] = document.directives;
  assert.equal(description.key, 'Description');
  assert.equal(description.value, 'Run certbot twice daily');
  assert.deepEqual(description.keyRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 11 } });
  assert.deepEqual(description.valueRange, { start: { line: 1, character: 14 }, end: { line: 1, character: 37 } });
  assert.equal(onCalendar.section, 'Timer');
  assert.deepEqual(onCalendar.keyRange, { start: { line: 4, character: 2 }, end: { line: 4, character: 12 } });
  assert.equal(onCalendar.value, '*-*-* 00,12:00:00');
  assert.equal(onCalendar.reportedLine, 5);
  assert.equal(persistent.value, '');
  assert.equal(persistent.rawValue, '');
  assert.deepEqual(persistent.valueRange, { start: { line: 5, character: 11 }, end: { line: 5, character: 11 } });
});

test('continuations: the backslash becomes a space, comment lines inside are dropped, systemd reports the last line', () => {
  const text = '[Timer]\nOnCalendar=foo \\\n# a comment\n  ; another\n   bar\\\\\nOnCalendar=a\\\\\\\n b\n';
  const document = parseUnitFile(text);
  assert.deepEqual(document.problems, []);
  const [first, second] = document.directives;
  // Checked with systemd-analyze verify: "t2.timer:7: Failed to parse calendar specification, ignoring: foo     bar\\"
  assert.equal(first.value, 'foo     bar\\\\');
  assert.equal(first.rawValue, 'foo \\\n# a comment\n  ; another\n   bar\\\\');
  assert.equal(first.continued, true);
  assert.equal(first.reportedLine, 5);
  assert.deepEqual(first.valueRange, { start: { line: 1, character: 11 }, end: { line: 4, character: 8 } });
  assert.equal(second.value, 'a\\\\  b');
  assert.equal(second.reportedLine, 7);
  assert.equal(document.comments.length, 2);
});

test('problems: keys without =, = without key, assignments before any section, a continuation at the end', () => {
  const document = parseUnitFile('Description=early\nnoequals\n[Timer]\nFoo\n=v\nOnCalendar=tail \\');
  assert.deepEqual(
    document.problems.map((problem) => [problem.id, problem.reportedLine, problem.fatal]),
    [
      ['assignment-outside-section', 1, false],
      ['assignment-outside-section', 2, false],
      ['missing-equals', 4, false],
      ['missing-key', 5, false],
      ['continuation-at-end', 7, false],
    ],
  );
  assert.deepEqual(
    document.outside.map((directive) => directive.key),
    ['Description'],
  );
  assert.equal(document.outside[0].ignored, true);
  const tail = document.directives.find((directive) => directive.key === 'OnCalendar');
  assert.equal(tail?.value, 'tail');
  // systemd parses what is pending at the end of the file under a line number one past the last.
  assert.equal(tail?.reportedLine, 7);
});

test('an invalid section header is fatal: systemd stops reading, later lines are marked', () => {
  const document = parseUnitFile('[Unit]\nDescription=x\n[Timer\nOnCalendar=daily\n[Bad"Name]\n');
  assert.equal(document.fatal?.id, 'invalid-section-header');
  assert.equal(document.fatal?.reportedLine, 3);
  const onCalendar = document.directives.find((directive) => directive.key === 'OnCalendar');
  assert.equal(onCalendar?.afterFatal, true);
  assert.equal(document.directives[0].afterFatal, false);
  const bad = document.problems.find((problem) => problem.id === 'bad-section-characters');
  assert.equal(bad?.afterFatal, true);
  // No comments after a header: the line must end with `]`.
  assert.equal(parseUnitFile('[Timer] # daily\n').fatal?.id, 'invalid-section-header');
});

test('sections: unknown ones swallow their lines silently, X- ones too, names are not trimmed', () => {
  const document = parseAs('[Unit]\nDescription=x\n[Service]\nExecStart=/bin/true\nno equals here\n[X-Mine]\nA=b\n[ Timer ]\nOnCalendar=daily\n[Timer]\nOnCalendar=daily\n', 'timer');
  assert.deepEqual(
    document.problems.map((problem) => [problem.id, problem.params.name]),
    [
      ['unknown-section', 'Service'],
      ['unknown-section', ' Timer '],
    ],
  );
  assert.deepEqual(
    document.sections.map((section) => [section.name, section.known]),
    [
      ['Unit', true],
      ['Service', false],
      ['X-Mine', false],
      [' Timer ', false],
      ['Timer', true],
    ],
  );
  assert.equal(document.directives.filter((directive) => directive.ignored).length, 3);
});

test('line ends: CRLF, a lone CR, and systemd taking \\n\\r as one line end', () => {
  const crlf = parseUnitFile('[Timer]\r\nOnCalendar=daily\r\nPersistent=true\r\n');
  assert.deepEqual(crlf.problems, []);
  assert.deepEqual(
    crlf.directives.map((directive) => [directive.value, directive.valueRange.start.line, directive.reportedLine]),
    [
      ['daily', 1, 2],
      ['true', 2, 3],
    ],
  );
  // read_line_full(): "\n\r" ends one line for systemd, two for an editor.
  const mixed = parseUnitFile('[Timer]\n\rOnCalendar=daily\n');
  assert.equal(mixed.directives[0].reportedLine, 2);
  assert.equal(mixed.directives[0].keyRange.start.line, 2);
});

test('a byte order mark is dropped from the first line', () => {
  const document = parseUnitFile('\uFEFF[Unit]\nDescription=x\n');
  assert.deepEqual(document.problems, []);
  assert.equal(document.sections[0].name, 'Unit');
});

test('oracle: systemd-analyze verify reports the same lines as the parser and the directive check', (context) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-units-'));
  try {
    const text = [
      'OnCalendar=daily',
      '[Unit]',
      'Description=oracle',
      'Foo',
      '=bar',
      '[Timer]',
      'OnCalendar=daily',
      'Persistant=true',
      'OnCalender=weekly',
      'X-Extension=1',
      '  AccuracySec = 1h',
      'OnBootSec=\\',
      '# comment inside',
      '  10min',
      '[Service]',
      'ExecStart=/bin/true',
      'nothing here either',
      '[Install]',
      'WantedBy=timers.target',
      '',
    ].join('\n');
    const file = path.join(folder, 'oracle.timer');
    fs.writeFileSync(file, text);
    const result = systemdAnalyze(['verify', '--man=no', file]);
    if (!result) {
      context.skip('systemd-analyze from systemd 252 is not installed');
      return;
    }
    const reported = new Map<number, string>();
    for (const line of result.stderr.split('\n')) {
      const match = line.match(/^.*oracle\.timer:(\d+): (.*)$/);
      if (match) reported.set(Number(match[1]), match[2]);
    }
    const document = parseAs(text, 'timer');
    const ours = new Map<number, string>();
    for (const problem of document.problems) ours.set(problem.reportedLine, problem.id);
    for (const problem of checkDirectives(document, 'timer')) ours.set(problem.range.start.line + 1, problem.id);
    assert.deepEqual([...ours.keys()].sort((a, b) => a - b), [...reported.keys()].sort((a, b) => a - b), result.stderr);
    assert.match(reported.get(1) ?? '', /Assignment outside of section/);
    assert.match(reported.get(4) ?? '', /Missing '='/);
    assert.match(reported.get(5) ?? '', /Missing key name/);
    assert.match(reported.get(8) ?? '', /Unknown key 'Persistant' in section \[Timer\]/);
    assert.match(reported.get(15) ?? '', /Unknown section 'Service'/);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

// ---- The directive table -------------------------------------------------------------------------------

test('every directive the corpus units use is in the table, and none is removed', () => {
  for (const name of corpusUnitFiles()) {
    const type = parseUnitName(name)?.type as string;
    const document = parseAs(fs.readFileSync(path.join(UNIT_FOLDER, name), 'utf8'), type);
    for (const directive of document.directives) {
      const info = lookupDirective(directive.section as string, directive.key);
      assert.ok(info, `${name}: [${directive.section}] ${directive.key}= is not in the table`);
      assert.ok(info.status === 'supported', `${name}: ${directive.key}= is ${info.status}`);
    }
    assert.deepEqual(checkDirectives(document, type), [], name);
  }
});

test('the table: timer keys, what lists do, resets, fatal keys, [Install] for systemctl', () => {
  assert.deepEqual(directivesOf('Timer'), [
    'OnCalendar',
    'OnActiveSec',
    'OnBootSec',
    'OnStartupSec',
    'OnUnitActiveSec',
    'OnUnitInactiveSec',
    'OnClockChange',
    'OnTimezoneChange',
    'Persistent',
    'WakeSystem',
    'RemainAfterElapse',
    'FixedRandomDelay',
    'AccuracySec',
    'RandomizedDelaySec',
    'Unit',
  ]);
  for (const key of ['OnCalendar', 'OnActiveSec', 'OnBootSec', 'OnStartupSec', 'OnUnitActiveSec', 'OnUnitInactiveSec']) {
    assert.deepEqual(
      [lookupDirective('Timer', key)?.list, lookupDirective('Timer', key)?.empty, lookupDirective('Timer', key)?.resetGroup],
      [true, 'reset', 'Timer.triggers'],
      key,
    );
  }
  assert.equal(lookupDirective('Timer', 'Persistent')?.empty, 'invalid');
  assert.equal(lookupDirective('Timer', 'AccuracySec')?.empty, 'invalid');
  assert.deepEqual([lookupDirective('Unit', 'Wants')?.list, lookupDirective('Unit', 'Wants')?.empty], [true, 'no-op']);
  assert.deepEqual([lookupDirective('Service', 'ExecStart')?.list, lookupDirective('Service', 'ExecStart')?.empty], [true, 'reset']);
  assert.equal(lookupDirective('Service', 'DynamicUser')?.fatal, true);
  assert.equal(lookupDirective('Service', 'User')?.fatal, undefined);
  assert.deepEqual([lookupDirective('Install', 'WantedBy')?.handledBy, lookupDirective('Install', 'WantedBy')?.list], ['systemctl', true]);
  assert.equal(lookupDirective('Unit', 'IgnoreOnSnapshot')?.status, 'removed');
  assert.equal(lookupDirective('Service', 'MemoryLimit')?.replacement, 'MemoryMax');
  assert.equal(lookupDirective('Timer', 'persistent'), undefined, 'lookups are case-sensitive, as in systemd');
  assert.deepEqual(sectionsForUnitType('timer'), ['Unit', 'Timer', 'Install']);
  assert.deepEqual(sectionsForUnitType('service'), ['Unit', 'Service', 'Install']);
  // [Service] carries the shared exec, kill and cgroup directives.
  for (const key of ['Environment', 'PrivateTmp', 'KillMode', 'MemoryMax', 'LimitNOFILE', 'SystemCallFilter']) assert.ok(lookupDirective('Service', key), key);
});

test('the committed table is what the script extracts (needs SYSTEMD_SOURCE: a systemd 252 source tree)', (context) => {
  const source = process.env.SYSTEMD_SOURCE;
  if (!source) {
    context.skip('SYSTEMD_SOURCE is not set');
    return;
  }
  const table = JSON.parse(fs.readFileSync(repoPath('server/src/engine/systemd/directives-table.json'), 'utf8'));
  const script = repoPath('scripts/systemd/extract-directives.mjs');
  const result = spawnSync(process.execPath, [script, source, '--check', '--label', table.source.systemd], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
});

test('suggestDirective: case-insensitive first, then the closest name', () => {
  assert.equal(suggestDirective('Timer', 'Persistant'), 'Persistent');
  assert.equal(suggestDirective('Timer', 'persistent'), 'Persistent');
  assert.equal(suggestDirective('Timer', 'OnCalender'), 'OnCalendar');
  assert.equal(suggestDirective('Timer', 'RandomDelaySec'), 'RandomizedDelaySec');
  assert.equal(suggestDirective('Timer', 'AccuarcySec'), 'AccuracySec');
  assert.equal(suggestDirective('Service', 'ExecStrat'), 'ExecStart');
  assert.equal(suggestDirective('Timer', 'Frobnicate'), undefined);
  assert.equal(suggestDirective('Timer', 'Persistent'), undefined);
  assert.equal(suggestDirective('Nonsense', 'Persistent'), undefined);
});

test('checkDirectives: unknown keys with suggestions and the section that has them, X- keys left alone', () => {
  const document = parseAs('[Unit]\nExecStart=/bin/true\nX-Note=1\n[Service]\nExecStrat=/bin/true\nMemoryLimit=1G\n', 'service');
  assert.deepEqual(
    checkDirectives(document, 'service').map((problem) => [problem.id, problem.key, problem.suggestion, problem.otherSections]),
    [
      ['unknown-directive', 'ExecStart', undefined, ['Service']],
      ['unknown-directive', 'ExecStrat', 'ExecStart', undefined],
      ['deprecated-directive', 'MemoryLimit', undefined, undefined],
    ],
  );
});

// ---- The search path, drop-ins, masks, templates --------------------------------------------------------

test('the search path is what systemd-analyze unit-paths prints', (context) => {
  assert.deepEqual(SYSTEM_UNIT_PATH.slice(4, 5), ['/etc/systemd/system']);
  const result = systemdAnalyze(['--system', 'unit-paths']);
  if (!result) {
    context.skip('systemd-analyze from systemd 252 is not installed');
    return;
  }
  assert.deepEqual(result.stdout.trim().split('\n'), SYSTEM_UNIT_PATH);
});

test('drop-ins: the same file name in a higher folder replaces the lower one; all apply in file-name order', () => {
  const host = memoryHost({
    '/lib/systemd/system/foo.timer': '[Timer]\nOnCalendar=daily\nPersistent=true\n',
    '/lib/systemd/system/foo.timer.d/20-vendor.conf': '[Timer]\nAccuracySec=1h\n',
    '/lib/systemd/system/foo.timer.d/override.conf': '[Timer]\nRandomizedDelaySec=1h\n',
    '/etc/systemd/system/foo.timer.d/override.conf': '[Timer]\nRandomizedDelaySec=5m\n',
    '/run/systemd/system/foo.timer.d/10-runtime.conf': '[Timer]\nAccuracySec=1s\n',
  });
  const resolution = resolveUnit(host, 'foo.timer');
  assert.equal(resolution.fragmentPath, '/lib/systemd/system/foo.timer');
  assert.deepEqual(
    resolution.dropIns.map((dropIn) => [dropIn.path, dropIn.replaces]),
    [
      ['/run/systemd/system/foo.timer.d/10-runtime.conf', []],
      ['/lib/systemd/system/foo.timer.d/20-vendor.conf', []],
      ['/etc/systemd/system/foo.timer.d/override.conf', ['/lib/systemd/system/foo.timer.d/override.conf']],
    ],
  );
  const merged = mergedUnit(host, 'foo.timer');
  // 20-vendor.conf applies after 10-runtime.conf, whatever folders they are in.
  assert.deepEqual(values(host, 'foo.timer', 'Timer', 'AccuracySec'), ['1h']);
  const delay = effectiveValue(merged, 'Timer', 'RandomizedDelaySec');
  assert.equal(delay?.directive.value, '5m');
  assert.equal(delay?.file.path, '/etc/systemd/system/foo.timer.d/override.conf');
  assert.deepEqual(delay?.directive.valueRange, { start: { line: 1, character: 19 }, end: { line: 1, character: 21 } });
});

test('drop-ins: dash prefixes (foo-.timer.d for foo-bar.timer) and the type-wide timer.d, lowest priority last', () => {
  const host = memoryHost({
    '/lib/systemd/system/foo-bar-baz.timer': '[Timer]\nOnCalendar=daily\n',
    '/lib/systemd/system/foobar.timer': '[Timer]\nOnCalendar=daily\n',
    '/etc/systemd/system/foo-.timer.d/a.conf': '[Timer]\nAccuracySec=1m\n',
    '/etc/systemd/system/foo-bar-.timer.d/b.conf': '[Timer]\nAccuracySec=2m\n',
    '/etc/systemd/system/foo-bar-baz.timer.d/b.conf': '[Timer]\nAccuracySec=3m\n',
    '/etc/systemd/system/timer.d/c.conf': '[Timer]\nPersistent=true\n',
    '/lib/systemd/system/foo-bar-baz.timer.d/c.conf': '[Timer]\nWakeSystem=true\n',
    '/etc/systemd/system/service.d/d.conf': '[Service]\nNice=5\n',
  });
  const resolution = resolveUnit(host, 'foo-bar-baz.timer');
  assert.deepEqual(
    resolution.dropInFolders.map((folder) => [folder.path, folder.via]),
    [
      ['/etc/systemd/system/foo-bar-baz.timer.d', 'name'],
      ['/etc/systemd/system/foo-bar-.timer.d', 'prefix'],
      ['/etc/systemd/system/foo-.timer.d', 'prefix'],
      ['/lib/systemd/system/foo-bar-baz.timer.d', 'name'],
      ['/etc/systemd/system/timer.d', 'type'],
    ],
  );
  assert.deepEqual(
    resolution.dropIns.map((dropIn) => dropIn.path),
    [
      '/etc/systemd/system/foo-.timer.d/a.conf',
      // The unit's own folder beats the prefix folder for the same file name.
      '/etc/systemd/system/foo-bar-baz.timer.d/b.conf',
      // Type-wide folders come last, so even /etc/systemd/system/timer.d loses to a /lib folder of the unit.
      '/lib/systemd/system/foo-bar-baz.timer.d/c.conf',
    ],
  );
  assert.deepEqual(values(host, 'foo-bar-baz.timer', 'Timer', 'AccuracySec'), ['3m']);
  assert.deepEqual(
    resolveUnit(host, 'foobar.timer').dropIns.map((dropIn) => dropIn.path),
    ['/etc/systemd/system/timer.d/c.conf'],
  );
});

test('masks: a link to /dev/null or an empty file wins from its folder; a real file in a higher folder unmasks', () => {
  const host = memoryHost({
    '/lib/systemd/system/a.timer': '[Timer]\nOnCalendar=daily\n',
    '/etc/systemd/system/a.timer': { link: '/dev/null' },
    '/lib/systemd/system/b.timer': '[Timer]\nOnCalendar=daily\n',
    '/run/systemd/system/b.timer': { link: '/dev/null' },
    '/lib/systemd/system/c.timer': '[Timer]\nOnCalendar=daily\n',
    '/etc/systemd/system/c.timer': '',
    '/lib/systemd/system/d.timer': { link: '/dev/null' },
    '/etc/systemd/system/d.timer': '[Timer]\nOnCalendar=weekly\n',
    '/etc/systemd/system/timers.target.wants/a.timer': { link: '/lib/systemd/system/a.timer' },
  });
  assert.deepEqual(resolveUnit(host, 'a.timer').masked, { path: '/etc/systemd/system/a.timer', how: 'dev-null', runtime: false });
  assert.deepEqual(resolveUnit(host, 'b.timer').masked, { path: '/run/systemd/system/b.timer', how: 'dev-null', runtime: true });
  assert.deepEqual(resolveUnit(host, 'c.timer').masked, { path: '/etc/systemd/system/c.timer', how: 'empty-file', runtime: false });
  assert.equal(resolveUnit(host, 'd.timer').masked, undefined);
  assert.deepEqual(resolveUnit(host, 'd.timer').shadowed, ['/lib/systemd/system/d.timer']);
  assert.deepEqual(values(host, 'd.timer', 'Timer', 'OnCalendar'), ['weekly']);
  const masked = mergedUnit(host, 'a.timer');
  assert.equal(masked.masked?.how, 'dev-null');
  assert.deepEqual(masked.directives, []);
  // A mask overrides the enabling link.
  assert.equal(unitEnablement(host, 'a.timer').state, 'masked');
  assert.equal(unitEnablement(host, 'b.timer').state, 'masked-runtime');
});

test('a drop-in linked to /dev/null hides the same-named drop-in below it', () => {
  const host = memoryHost({
    '/lib/systemd/system/foo.timer': '[Timer]\nOnCalendar=daily\n',
    '/lib/systemd/system/foo.timer.d/vendor.conf': '[Timer]\nRandomizedDelaySec=12h\n',
    '/etc/systemd/system/foo.timer.d/vendor.conf': { link: '/dev/null' },
  });
  const [dropIn] = resolveUnit(host, 'foo.timer').dropIns;
  assert.equal(dropIn.path, '/etc/systemd/system/foo.timer.d/vendor.conf');
  assert.equal(dropIn.empty, true);
  assert.deepEqual(values(host, 'foo.timer', 'Timer', 'RandomizedDelaySec'), []);
});

test('empty assignments: OnCalendar= clears every trigger, monotonic ones too; refused and no-op empties', () => {
  const host = memoryHost({
    '/lib/systemd/system/backup.timer': '[Unit]\nWants=network-online.target\n[Timer]\nOnBootSec=15min\nOnCalendar=daily\nPersistent=true\n',
    '/lib/systemd/system/backup.service': '[Service]\nExecStartPre=/bin/prepare\nExecStart=/bin/old\n',
    '/etc/systemd/system/backup.timer.d/override.conf': '[Unit]\nWants=\n[Timer]\nOnCalendar=\nOnCalendar=*-*-* 03:00\nPersistent=\n',
    '/etc/systemd/system/backup.service.d/override.conf': '[Service]\nExecStart=\nExecStart=/bin/new\n',
  });
  const merged = mergedUnit(host, 'backup.timer');
  assert.deepEqual(effectiveValues(merged, 'Timer', 'OnCalendar').map((value) => value.directive.value), ['*-*-* 03:00']);
  const onBoot = merged.directives.find((entry) => entry.key === 'OnBootSec');
  assert.deepEqual(onBoot?.values, []);
  assert.deepEqual(
    onBoot?.superseded.map((value) => value.directive.value),
    ['15min'],
  );
  assert.equal(onBoot?.reset?.file.path, '/etc/systemd/system/backup.timer.d/override.conf');
  assert.equal(onBoot?.reset?.directive.key, 'OnCalendar');
  // `Persistent=` is refused ("Failed to parse boolean value, ignoring"): the fragment's value stays.
  assert.equal(effectiveValue(merged, 'Timer', 'Persistent')?.directive.value, 'true');
  // Dependencies cannot be reset: `Wants=` does nothing.
  assert.deepEqual(values(host, 'backup.timer', 'Unit', 'Wants'), ['network-online.target']);
  assert.deepEqual(
    merged.ignored.map((entry) => [entry.assignment.directive.key, entry.reason]),
    [
      ['Wants', 'empty-no-effect'],
      ['Persistent', 'empty-refused'],
    ],
  );
  // ExecStart= resets ExecStart only.
  assert.deepEqual(values(host, 'backup.service', 'Service', 'ExecStart'), ['/bin/new']);
  assert.deepEqual(values(host, 'backup.service', 'Service', 'ExecStartPre'), ['/bin/prepare']);
});

test('a fragment systemd cannot read fails to load; keys it does not know are set aside with the reason', () => {
  const host = memoryHost({
    '/etc/systemd/system/broken.timer': '[Timer]\nOnCalendar=daily\nPersistant=true\n[Service]\nExecStart=/bin/true\n[Timer\nAccuracySec=1h\n',
  });
  const merged = mergedUnit(host, 'broken.timer');
  assert.equal(merged.loadError?.problem.id, 'invalid-section-header');
  assert.deepEqual(
    merged.ignored.map((entry) => [entry.assignment.directive.key, entry.reason]),
    [
      ['Persistant', 'unknown-key'],
      ['ExecStart', 'unknown-section'],
      ['AccuracySec', 'after-fatal-error'],
    ],
  );
});

test('templates: foo@bar.timer reads foo@.timer, foo@.timer.d/ and foo@bar.timer.d/', () => {
  const host = memoryHost({
    '/lib/systemd/system/chrony-dnssrv@.timer': '[Timer]\nOnActiveSec=0\nOnUnitInactiveSec=1h\n',
    '/etc/systemd/system/chrony-dnssrv@.timer.d/10-all.conf': '[Timer]\nRandomizedDelaySec=5m\n',
    '/etc/systemd/system/chrony-dnssrv@pool.example.timer.d/20-this.conf': '[Timer]\nOnUnitInactiveSec=\nOnUnitInactiveSec=2h\n',
  });
  const resolution = resolveUnit(host, 'chrony-dnssrv@pool.example.timer');
  assert.equal(resolution.fragmentPath, '/lib/systemd/system/chrony-dnssrv@.timer');
  assert.equal(resolution.template, 'chrony-dnssrv@.timer');
  assert.equal(resolution.id, 'chrony-dnssrv@pool.example.timer');
  assert.deepEqual(
    resolution.dropIns.map((dropIn) => [dropIn.path, dropIn.folder.via]),
    [
      ['/etc/systemd/system/chrony-dnssrv@.timer.d/10-all.conf', 'template'],
      ['/etc/systemd/system/chrony-dnssrv@pool.example.timer.d/20-this.conf', 'name'],
    ],
  );
  // The instance's reset clears the template's OnActiveSec= as well.
  const merged = mergedUnit(host, 'chrony-dnssrv@pool.example.timer');
  assert.deepEqual(effectiveValues(merged, 'Timer', 'OnActiveSec'), []);
  assert.deepEqual(
    effectiveValues(merged, 'Timer', 'OnUnitInactiveSec').map((value) => value.directive.value),
    ['2h'],
  );
  assert.deepEqual(resolveUnit(host, 'chrony-dnssrv@.timer').dropIns.map((dropIn) => dropIn.name), ['10-all.conf']);
});

test('merged /usr: /lib is a link to usr/lib, and each unit and drop-in counts once', () => {
  const host = memoryHost({
    '/lib': { link: 'usr/lib' },
    '/usr/lib/systemd/system/fstrim.timer': '[Timer]\nOnCalendar=weekly\n',
    '/usr/lib/systemd/system/fstrim.timer.d/vendor.conf': '[Timer]\nAccuracySec=1h\n',
    '/usr/lib/systemd/system/timers.target.wants/fstrim.timer': { link: '../fstrim.timer' },
  });
  const index = new UnitIndex(host);
  assert.deepEqual(index.unitNames('timer'), ['fstrim.timer']);
  const resolution = resolveUnit(index, 'fstrim.timer');
  assert.equal(resolution.fragmentPath, '/lib/systemd/system/fstrim.timer');
  assert.equal(resolution.fragmentRealPath, '/usr/lib/systemd/system/fstrim.timer');
  assert.deepEqual(resolution.shadowed, []);
  assert.deepEqual(
    resolution.dropIns.map((dropIn) => [dropIn.path, dropIn.realPath, dropIn.replaces]),
    [['/lib/systemd/system/fstrim.timer.d/vendor.conf', '/usr/lib/systemd/system/fstrim.timer.d/vendor.conf', []]],
  );
  const enablement = unitEnablement(index, 'fstrim.timer');
  assert.equal(enablement.state, 'enabled');
  assert.deepEqual(
    enablement.reasons.map((reason) => reason.path),
    ['/lib/systemd/system/timers.target.wants/fstrim.timer'],
  );
});

test('aliases: a link inside the search path is another name of the unit, and its drop-ins count', () => {
  const host = memoryHost({
    '/lib/systemd/system/real.timer': '[Timer]\nOnCalendar=daily\n',
    '/etc/systemd/system/nick.timer': { link: '/lib/systemd/system/real.timer' },
    '/etc/systemd/system/nick.timer.d/x.conf': '[Timer]\nAccuracySec=1s\n',
    '/etc/systemd/system/linked.timer': { link: '/opt/app/linked.timer' },
    '/opt/app/linked.timer': '[Timer]\nOnCalendar=hourly\n',
    '/etc/systemd/system/self.timer': { link: '/lib/systemd/system/self.timer' },
    '/lib/systemd/system/self.timer': '[Timer]\nOnCalendar=weekly\n',
  });
  const alias = resolveUnit(host, 'nick.timer');
  assert.equal(alias.id, 'real.timer');
  assert.equal(alias.fragmentPath, '/lib/systemd/system/real.timer');
  assert.deepEqual(alias.aliases, ['nick.timer']);
  assert.deepEqual(values(host, 'real.timer', 'Timer', 'AccuracySec'), ['1s']);
  const linked = resolveUnit(host, 'linked.timer');
  assert.equal(linked.via, 'linked');
  assert.equal(linked.fragmentPath, '/etc/systemd/system/linked.timer');
  assert.equal(linked.fragmentRealPath, '/opt/app/linked.timer');
  assert.deepEqual(values(host, 'linked.timer', 'Timer', 'OnCalendar'), ['hourly']);
  // A link to the same name in a lower folder is a self-alias, which systemd skips: the /lib file wins.
  const self = resolveUnit(host, 'self.timer');
  assert.equal(self.fragmentPath, '/lib/systemd/system/self.timer');
  assert.deepEqual(self.problems, [{ id: 'ignored-link', path: '/etc/systemd/system/self.timer', detail: 'unit self-alias: self.timer → self.timer' }]);
});

/** Writes a host tree to a temporary folder (strings are files, `{ link }` are symlinks). */
function writeRoot(files: Record<string, string | { link: string }>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-root-'));
  for (const [file, value] of Object.entries(files)) {
    const local = path.join(root, file);
    fs.mkdirSync(path.dirname(local), { recursive: true });
    if (typeof value === 'string') fs.writeFileSync(local, value);
    else fs.symlinkSync(value.link, local);
  }
  return root;
}

test('oracle: systemd-analyze verify --root reads the same files in the same order', (context) => {
  if (!systemdAnalyze(['--version'])) {
    context.skip('systemd-analyze from systemd 252 is not installed');
    return;
  }
  // Every file ends in [Timer] with a key systemd does not know, so its warnings show what it read, in order.
  const marked = (text: string) => `${text}[Timer]\nMarker=1\n`;
  const cases: { unit: string; files: Record<string, string | { link: string }> }[] = [
    {
      unit: 'foo-bar-baz.timer',
      files: {
        '/lib/systemd/system/foo-bar-baz.timer': marked('[Timer]\nOnCalendar=daily\n'),
        '/lib/systemd/system/foo-bar-baz.service': '[Service]\nExecStart=/bin/true\n',
        '/etc/systemd/system/foo-.timer.d/a.conf': marked(''),
        '/etc/systemd/system/foo-bar-.timer.d/b.conf': marked(''),
        '/etc/systemd/system/foo-bar-baz.timer.d/b.conf': marked(''),
        '/etc/systemd/system/timer.d/c.conf': marked(''),
        '/lib/systemd/system/foo-bar-baz.timer.d/c.conf': marked(''),
        '/run/systemd/system/foo-bar-baz.timer.d/0-run.conf': marked(''),
        '/etc/systemd/system/foo-bar-baz.timer.d/z.conf': { link: '/dev/null' },
        '/lib/systemd/system/foo-bar-baz.timer.d/z.conf': marked(''),
      },
    },
    {
      unit: 'chrony-dnssrv@pool.example.timer',
      files: {
        '/lib/systemd/system/chrony-dnssrv@.timer': marked('[Timer]\nOnActiveSec=0\n'),
        '/lib/systemd/system/chrony-dnssrv@.service': '[Service]\nExecStart=/bin/true\n',
        '/etc/systemd/system/chrony-dnssrv@.timer.d/10-all.conf': marked(''),
        '/etc/systemd/system/chrony-dnssrv@pool.example.timer.d/20-this.conf': marked(''),
        '/etc/systemd/system/chrony-.timer.d/30-prefix.conf': marked(''),
      },
    },
    {
      unit: 'fstrim.timer',
      files: {
        '/lib': { link: 'usr/lib' },
        '/usr/lib/systemd/system/fstrim.timer': marked('[Timer]\nOnCalendar=weekly\n'),
        '/usr/lib/systemd/system/fstrim.service': '[Service]\nExecStart=/bin/true\n',
        '/usr/lib/systemd/system/fstrim.timer.d/vendor.conf': marked(''),
        '/etc/systemd/system/fstrim.timer': marked('[Timer]\nOnCalendar=daily\n'),
      },
    },
  ];
  for (const { unit, files } of cases) {
    const root = writeRoot(files);
    try {
      const result = systemdAnalyze(['verify', `--root=${root}`, '--man=no', unit]);
      const host = new FsHost(root);
      const read: string[] = [];
      for (const line of result?.stderr.split('\n') ?? []) {
        const match = line.match(/^(.*):\d+: Unknown key 'Marker'/);
        if (!match || !match[1].startsWith(root)) continue;
        const file = realPath(host, match[1].slice(root.length)) ?? match[1];
        if (!read.includes(file)) read.push(file);
      }
      const resolution = resolveUnit(host, unit);
      const ours = [resolution.fragmentRealPath as string, ...resolution.dropIns.filter((dropIn) => !dropIn.empty).map((dropIn) => dropIn.realPath)];
      assert.ok(read.length >= 2, `${unit}: systemd read ${read.join(', ')}`);
      assert.deepEqual(ours, read, `${unit}: ${result?.stderr}`);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }
});

// ---- Enablement ----------------------------------------------------------------------------------------

test('enablement: links in .wants/, /run for runtime, copies ignored, a /dev/null entry masks the vendor link', () => {
  const host = memoryHost({
    '/lib/systemd/system/a.timer': '[Timer]\nOnCalendar=daily\n',
    '/lib/systemd/system/b.timer': '[Timer]\nOnCalendar=daily\n',
    '/lib/systemd/system/c.timer': '[Timer]\nOnCalendar=daily\n',
    '/lib/systemd/system/d.timer': '[Timer]\nOnCalendar=daily\n',
    '/lib/systemd/system/e.timer': '[Timer]\nOnCalendar=daily\n',
    '/etc/systemd/system/timers.target.wants/a.timer': { link: '/lib/systemd/system/a.timer' },
    '/run/systemd/system/timers.target.wants/b.timer': { link: '/lib/systemd/system/b.timer' },
    '/etc/systemd/system/timers.target.wants/c.timer': '/lib/systemd/system/c.timer',
    '/lib/systemd/system/timers.target.wants/d.timer': { link: '../d.timer' },
    '/etc/systemd/system/timers.target.wants/d.timer': { link: '/dev/null' },
    '/etc/systemd/system/multi-user.target.requires/e.timer': { link: '/lib/systemd/system/e.timer' },
  });
  const index = new EnablementIndex(host);
  const a = index.enablement('a.timer');
  assert.equal(a.state, 'enabled');
  assert.deepEqual(
    a.reasons.map((reason) => [reason.kind, reason.by, reason.path, reason.target, reason.dangling]),
    [['wants-link', 'timers.target', '/etc/systemd/system/timers.target.wants/a.timer', '/lib/systemd/system/a.timer', false]],
  );
  assert.equal(index.enablement('b.timer').state, 'enabled-runtime');
  const c = index.enablement('c.timer');
  assert.equal(c.state, 'disabled');
  assert.deepEqual(c.ignored, [
    { path: '/etc/systemd/system/timers.target.wants/c.timer', by: 'timers.target', reason: 'not-a-symlink', content: '/lib/systemd/system/c.timer' },
  ]);
  const d = index.enablement('d.timer');
  assert.equal(d.state, 'disabled');
  assert.deepEqual(
    d.ignored.map((entry) => [entry.path, entry.reason]),
    [['/etc/systemd/system/timers.target.wants/d.timer', 'masked']],
  );
  assert.deepEqual(
    index.enablement('e.timer').reasons.map((reason) => [reason.kind, reason.by]),
    [['requires-link', 'multi-user.target']],
  );
  assert.equal(index.enablement('missing.timer').state, 'not-found');
});

test('enablement: Wants= of a started unit counts, one level deep; presets and [Install] do not', () => {
  const host = memoryHost({
    '/lib/systemd/system/timers.target': '[Unit]\nDescription=Timers\n',
    '/etc/systemd/system/timers.target.d/extra.conf': '[Unit]\nWants=pulled.timer\n',
    '/lib/systemd/system/pulled.timer': '[Timer]\nOnCalendar=daily\n',
    '/lib/systemd/system/app.service': '[Unit]\nWants=via-app.timer\n[Service]\nExecStart=/bin/true\n',
    '/etc/systemd/system/multi-user.target.wants/app.service': { link: '/lib/systemd/system/app.service' },
    '/lib/systemd/system/via-app.timer': '[Timer]\nOnCalendar=daily\n',
    '/lib/systemd/system/idle.service': '[Unit]\nWants=orphan.timer\n[Service]\nExecStart=/bin/true\n',
    '/lib/systemd/system/orphan.timer': '[Timer]\nOnCalendar=daily\n[Install]\nWantedBy=timers.target\n',
    '/lib/systemd/system-preset/90-default.preset': 'enable orphan.timer\n',
  });
  const pulled = unitEnablement(host, 'pulled.timer');
  assert.equal(pulled.state, 'enabled');
  assert.deepEqual(
    pulled.reasons.map((reason) => [reason.kind, reason.by, reason.path, reason.directive]),
    [['directive', 'timers.target', '/etc/systemd/system/timers.target.d/extra.conf', 'Wants']],
  );
  assert.deepEqual(pulled.reasons[0].range, { start: { line: 1, character: 6 }, end: { line: 1, character: 18 } });
  assert.deepEqual(
    unitEnablement(host, 'via-app.timer').reasons.map((reason) => reason.by),
    ['app.service'],
  );
  assert.equal(unitEnablement(host, 'orphan.timer').state, 'disabled');
});

// ---- The Debian corpus through FsHost ---------------------------------------------------------------------

/**
 * The corpus root with its `.wants/` links as links. The corpus is meant to hold real symlinks with
 * absolute targets (its README); a copy that lost them (a checkout or archive without symlink support)
 * holds regular files whose text is the target, which systemd would ignore. Then this makes a temporary
 * copy with the links put back, so the tests still read links that point at /lib/... inside the root.
 */
function corpusRootWithLinks(): { root: string; restored: string[]; cleanup: () => void } {
  const materialised: string[] = [];
  const visit = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile() && /\.(wants|requires)$/.test(path.basename(folder))) {
        const text = fs.readFileSync(full, 'utf8');
        if (/^\/?[^\n\0]+$/.test(text) && parseUnitName(path.basename(text)) !== undefined) materialised.push(path.relative(DEBIAN_ROOT, full));
      }
    }
  };
  visit(DEBIAN_ROOT);
  if (materialised.length === 0) return { root: DEBIAN_ROOT, restored: [], cleanup: () => undefined };
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-corpus-'));
  fs.cpSync(DEBIAN_ROOT, copy, { recursive: true });
  const makeWritable = (folder: string) => {
    fs.chmodSync(folder, 0o755);
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) if (entry.isDirectory()) makeWritable(path.join(folder, entry.name));
  };
  makeWritable(copy);
  for (const relative of materialised) {
    const file = path.join(copy, relative);
    const target = fs.readFileSync(file, 'utf8');
    fs.rmSync(file);
    fs.symlinkSync(target, file);
  }
  return { root: copy, restored: materialised, cleanup: () => fs.rmSync(copy, { recursive: true, force: true }) };
}

const ENABLED_CORPUS_TIMERS: Record<string, string> = {
  'anacron.timer': '/etc/systemd/system/timers.target.wants/anacron.timer',
  'apt-daily-upgrade.timer': '/etc/systemd/system/timers.target.wants/apt-daily-upgrade.timer',
  'apt-daily.timer': '/etc/systemd/system/timers.target.wants/apt-daily.timer',
  'certbot.timer': '/etc/systemd/system/timers.target.wants/certbot.timer',
  'chkrootkit.timer': '/etc/systemd/system/timers.target.wants/chkrootkit.timer',
  'dpkg-db-backup.timer': '/etc/systemd/system/timers.target.wants/dpkg-db-backup.timer',
  'e2scrub_all.timer': '/etc/systemd/system/timers.target.wants/e2scrub_all.timer',
  'exim4-base.timer': '/etc/systemd/system/timers.target.wants/exim4-base.timer',
  'fstrim.timer': '/etc/systemd/system/timers.target.wants/fstrim.timer',
  'fwupd-refresh.timer': '/etc/systemd/system/timers.target.wants/fwupd-refresh.timer',
  'logrotate.timer': '/etc/systemd/system/timers.target.wants/logrotate.timer',
  'man-db.timer': '/etc/systemd/system/timers.target.wants/man-db.timer',
  'ntpsec-rotate-stats.timer': '/etc/systemd/system/timers.target.wants/ntpsec-rotate-stats.timer',
  'plocate-updatedb.timer': '/etc/systemd/system/timers.target.wants/plocate-updatedb.timer',
  // Shipped enabled by systemd itself, through a link under /lib.
  'systemd-tmpfiles-clean.timer': '/lib/systemd/system/timers.target.wants/systemd-tmpfiles-clean.timer',
};

test('corpus: every timer resolves through FsHost, and the enabled ones are the linked ones', () => {
  const corpus = corpusRootWithLinks();
  try {
    const host = new FsHost(corpus.root);
    const index = new UnitIndex(host);
    const enablement = new EnablementIndex(index);
    const timers = index.unitNames('timer');
    assert.deepEqual(timers, corpusUnitFiles().filter((name) => name.endsWith('.timer')));
    for (const name of timers) {
      const resolution = resolveUnit(index, name);
      assert.equal(resolution.fragmentPath, `/lib/systemd/system/${name}`, name);
      assert.equal(resolution.masked, undefined, name);
      assert.deepEqual(resolution.dropIns, [], name);
      assert.deepEqual(resolution.problems, [], name);
      const merged = mergedUnit(index, name);
      assert.equal(merged.loadError, undefined, name);
      assert.deepEqual(merged.ignored, [], name);
      const triggers = merged.directives.filter((entry) => entry.info.resetGroup === 'Timer.triggers' && entry.values.length > 0);
      assert.ok(triggers.length > 0, `${name} has a trigger`);

      const state = enablement.enablement(name);
      const expected = ENABLED_CORPUS_TIMERS[name];
      if (expected) {
        assert.equal(state.state, 'enabled', name);
        assert.deepEqual(state.reasons.map((reason) => [reason.kind, reason.by, reason.path]), [['wants-link', 'timers.target', expected]], name);
        // Absolute targets (/lib/systemd/system/certbot.timer) resolve inside the root, not on this machine.
        const [reason] = state.reasons;
        assert.equal(reason.dangling, false, name);
        assert.equal(reason.resolvedTarget, `/lib/systemd/system/${name}`, name);
      } else {
        assert.equal(state.state, 'disabled', name);
        assert.deepEqual(state.reasons, [], name);
      }
      const systemctl = systemctlIsEnabled(corpus.root, name);
      if (systemctl !== undefined) {
        const hasInstall = merged.directives.some((entry) => entry.section === 'Install' && entry.values.length > 0);
        assert.equal(systemctl, systemctlEquivalent(state.state, hasInstall), `systemctl is-enabled ${name}`);
      }
    }
    assert.equal(enablement.enablement('certbot.timer').reasons[0].target, '/lib/systemd/system/certbot.timer');
    const certbot = mergedUnit(index, 'certbot.timer');
    assert.deepEqual(
      certbot.directives.map((entry) => [entry.section, entry.key, entry.values.map((value) => value.directive.value)]),
      [
        ['Unit', 'Description', ['Run certbot twice daily']],
        ['Timer', 'OnCalendar', ['*-*-* 00,12:00:00']],
        ['Timer', 'RandomizedDelaySec', ['43200']],
        ['Timer', 'Persistent', ['true']],
        ['Install', 'WantedBy', ['timers.target']],
      ],
    );
  } finally {
    corpus.cleanup();
  }
});

test('corpus as stored: .wants/ entries that are copies instead of links are what systemd ignores', () => {
  const corpus = corpusRootWithLinks();
  corpus.cleanup();
  const host = new FsHost(DEBIAN_ROOT);
  const certbot = unitEnablement(host, 'certbot.timer');
  if (corpus.restored.length === 0) {
    // The corpus has real links: nothing to explain.
    assert.equal(certbot.state, 'enabled');
    return;
  }
  // load-dropin.c process_deps: "Wants dependency dropin … is not a symlink, ignoring."
  assert.equal(certbot.state, 'disabled');
  const systemctl = systemctlIsEnabled(DEBIAN_ROOT, 'certbot.timer');
  if (systemctl !== undefined) assert.equal(systemctl, 'disabled');
  assert.deepEqual(certbot.ignored, [
    { path: '/etc/systemd/system/timers.target.wants/certbot.timer', by: 'timers.target', reason: 'not-a-symlink', content: '/lib/systemd/system/certbot.timer' },
  ]);
});

test('oracle: every line with a comment after its value is one systemd-analyze verify ignores, and what it starts instead (issue #19)', (context) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-inline-'));
  try {
    const timer = [
      '[Unit]',
      'Description=Nightly backup # text: kept, not ignored',
      '',
      '[Timer]',
      'OnCalendar=*-*-* 03:00:00 # nightly',
      'OnBootSec=15min ; after boot',
      'RandomizedDelaySec=1h # spread',
      'AccuracySec=1min\t# accuracy',
      'Persistent=true # catch up',
      'WakeSystem=no ;x',
      'Unit=backup.service # the service to run',
      '',
      '[Install]',
      'WantedBy=timers.target',
      '',
    ].join('\n');
    const service = ['[Service]', 'Type=oneshot # runs once', 'ExecStart=/bin/true', 'TimeoutStartSec=30min # time', 'RemainAfterExit=yes # keep', ''].join('\n');
    fs.writeFileSync(path.join(folder, 'oracle.timer'), timer);
    fs.writeFileSync(path.join(folder, 'oracle.service'), service);
    const result = systemdAnalyze(['verify', '--man=no', path.join(folder, 'oracle.timer'), path.join(folder, 'oracle.service')]);
    if (!result) {
      context.skip('systemd-analyze from systemd 252 is not installed');
      return;
    }
    for (const [name, text] of [['oracle.timer', timer], ['oracle.service', service]] as const) {
      const ignored = new Set<number>();
      for (const line of result.stderr.split('\n')) {
        const match = line.match(new RegExp(`${name.replace('.', '\\.')}:(\\d+): (.*ignoring.*)$`));
        if (match) ignored.add(Number(match[1]));
      }
      const facts = new HostFacts(new MemoryHost({ [`/etc/systemd/system/oracle.service`]: service }));
      const lint = lintUnit({ text, path: `/etc/systemd/system/${name}`, facts });
      const ours = lint.findings.filter((finding) => finding.ruleId === 'systemd/inline-comment');
      assert.deepEqual(ours.map((finding) => finding.range.start.line + 1).sort((a, b) => a - b), [...ignored].sort((a, b) => a - b), result.stderr);
      if (name === 'oracle.timer') {
        // "Unit type not valid, ignoring": the timer starts oracle.service, the service of its own name.
        const unit = ours.find((finding) => finding.range.start.line === 10);
        assert.match(unit?.message ?? '', /the timer starts `oracle\.service` instead of `backup\.service`/);
        assert.match(result.stderr, /oracle\.timer:11: Unit type not valid, ignoring: backup\.service # the service to run/);
      }
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
