// The CLI contract other tooling depends on: arguments, output formats, exit codes, --root trees.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { repoPath, CORPUS_ROOT } from '../support/paths';
import { runSchedlint } from '../support/run-cli';

interface JsonDiagnostic {
  rule: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  related: unknown[];
  fixes: { title: string }[];
}
interface JsonOutput {
  files: { path: string; kind: string; diagnostics: JsonDiagnostic[] }[];
}

function makeRoot(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-root-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

test('examples/ host tree: the seed incidents are found, exit 1 on errors', () => {
  const run = runSchedlint(['--root', 'examples/host']);
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stdout, /^\/var\/spool\/cron\/crontabs\/root:3:15: error: .*Remove `root`\. \[crontab\/user-field-in-user-crontab\]$/m);
  assert.match(run.stdout, /^\/var\/spool\/cron\/crontabs\/root:5:1: warning: .* \[crontab\/wildcard-minute\]$/m);
  assert.match(run.stdout, /^\/etc\/cron\.d\/renew-wildcard:4:12: error: .* \[crontab\/missing-user-field\]$/m);
  assert.match(run.stdout, /^\/etc\/cron\.d\/backup\.conf:1:1: warning: .* \[crontab\/ignored-filename\]$/m);
  assert.match(run.stdout, /^3 errors, 4 warnings, 0 infos, 0 hints in 6 files$/m);
  assert.equal(runSchedlint(['--root', 'examples/host', '--exit-zero']).code, 0);
});

test('examples/certbot-host: seeds 001–004 found, the guarded cron.d/certbot left alone', () => {
  const run = runSchedlint(['--root', 'examples/certbot-host']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^\/var\/spool\/cron\/crontabs\/root:6:12: warning: .*certbot\.timer.* \[schedule\/timer-overlaps-cron\]$/m);
  assert.match(run.stdout, /^\/lib\/systemd\/system\/certbot\.timer:\d+:\d+: warning: .* \[schedule\/timer-overlaps-cron\]$/m);
  assert.match(run.stdout, /^\/etc\/letsencrypt\/renewal\/example\.com\.conf:\d+:\d+: warning: .*nginx.* \[certbot\/standalone-without-hooks\]$/m);
  assert.match(run.stdout, /^\/etc\/letsencrypt\/renewal\/example\.org\.conf:\d+:1: info: `pre_hook` .* \[certbot\/hook-in-renewal-conf\]$/m);
  assert.match(run.stdout, /^\/etc\/letsencrypt\/renewal\/example\.com\.conf:\d+:\d+: warning: .*www\.example\.com.* \[certbot\/san-removed\]$/m);
  assert.doesNotMatch(run.stdout, /^\/etc\/cron\.d\/certbot/m);
  // Seed 004 is example.com's alone: example.org has a lineage of its own (stranger report 18).
  assert.doesNotMatch(run.stdout, /^\/etc\/letsencrypt\/renewal\/example\.org\.conf:.* \[certbot\/san-removed\]$/m);
  assert.doesNotMatch(run.stdout, /--cert-name example\.org -d example\.com/);
});

test('the example trees: each renewal file names the files of its own lineage, and they are there', () => {
  const renewal = repoPath('examples', 'certbot-host', 'etc', 'letsencrypt', 'renewal');
  for (const name of fs.readdirSync(renewal)) {
    const lineage = name.replace(/\.conf$/, '');
    const text = fs.readFileSync(path.join(renewal, name), 'utf8');
    for (const key of ['archive_dir', 'cert', 'privkey', 'chain', 'fullchain']) {
      const value = text.match(new RegExp(`^${key} = (.*)$`, 'm'))?.[1];
      const folder = key === 'archive_dir' ? 'archive' : 'live';
      assert.equal(value?.startsWith(`/etc/letsencrypt/${folder}/${lineage}`), true, `${name}: ${key} = ${value}`);
      assert.ok(fs.existsSync(repoPath('examples', 'certbot-host', value!)), `${name}: ${value} is not in the tree`);
    }
  }
});

test('--format json: the documented shape, host paths, 1-based positions', () => {
  const run = runSchedlint(['--root', 'examples/host', '--format', 'json']);
  assert.equal(run.code, 1);
  const output = JSON.parse(run.stdout) as JsonOutput;
  const spool = output.files.find((file) => file.path === '/var/spool/cron/crontabs/root');
  assert.ok(spool, 'the spool crontab is listed by its host path');
  assert.equal(spool.kind, 'crontab-user');
  const seed = spool.diagnostics.find((diagnostic) => diagnostic.rule === 'crontab/user-field-in-user-crontab');
  assert.ok(seed);
  assert.deepEqual(
    { severity: seed.severity, line: seed.line, column: seed.column, endLine: seed.endLine, endColumn: seed.endColumn },
    { severity: 'error', line: 3, column: 15, endLine: 3, endColumn: 19 },
  );
  assert.deepEqual(Object.keys(seed).sort(), ['column', 'endColumn', 'endLine', 'fixes', 'line', 'message', 'related', 'rule', 'severity']);
  assert.match(seed.fixes[0].title, /Remove `root`/);
  assert.ok(output.files.every((file) => !file.path.includes('examples')), 'no DIR-prefixed paths');
  assert.equal(output.files.find((file) => file.path === '/etc/crontab')?.kind, 'crontab-system');
});

test('--format sarif: SARIF 2.1.0 with rules and locations', () => {
  const run = runSchedlint(['--root', 'examples/host', '--format', 'sarif']);
  const sarif = JSON.parse(run.stdout);
  assert.equal(sarif.version, '2.1.0');
  const [schedlintRun] = sarif.runs;
  assert.equal(schedlintRun.tool.driver.name, 'schedlint');
  const ruleIds = schedlintRun.tool.driver.rules.map((rule: { id: string }) => rule.id);
  assert.ok(ruleIds.includes('crontab/user-field-in-user-crontab'));
  const result = schedlintRun.results.find((candidate: { ruleId: string }) => candidate.ruleId === 'crontab/user-field-in-user-crontab');
  assert.equal(result.level, 'error');
  assert.equal(ruleIds[result.ruleIndex], result.ruleId);
  assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { uri: 'examples/host/var/spool/cron/crontabs/root', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 3, startColumn: 15, endLine: 3, endColumn: 19 });
});

test('stock distribution trees in test/corpus report nothing at warning or error', () => {
  for (const tree of ['debian-bookworm', 'rhel-cronie']) {
    const root = path.join(CORPUS_ROOT, tree, 'root');
    assert.ok(fs.existsSync(root), `${root} is missing: test/corpus is part of the repository`);
    const run = runSchedlint(['--root', root, '--format', 'json']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const output = JSON.parse(run.stdout) as JsonOutput;
    assert.ok(output.files.length >= 2, `${tree}: crontabs were found (${output.files.map((file) => file.path).join(', ')})`);
    const noisy = output.files.flatMap((file) => file.diagnostics.filter((diagnostic) => diagnostic.severity === 'error' || diagnostic.severity === 'warning').map((diagnostic) => `${file.path}:${diagnostic.line} ${diagnostic.rule}`));
    assert.deepEqual(noisy, [], tree);
  }
});

test('--root on a cronie host reads /var/spool/cron/* but never at(1) spools', () => {
  const root = makeRoot({
    'etc/os-release': 'ID="rhel"\nID_LIKE="fedora"\n',
    'etc/passwd': 'root:x:0:0:root:/root:/bin/bash\n',
    'var/spool/cron/root': '39 1,13 * * * root certbot renew\n',
    'var/spool/cron/atjobs/a0000101a2b3c4': '#!/bin/sh\n# atrun uid=0 gid=0\n',
    'var/spool/cron/atspool/x': 'not a crontab\n',
  });
  const output = JSON.parse(runSchedlint(['--root', root, '--format', 'json']).stdout) as JsonOutput;
  assert.deepEqual(output.files.map((file) => file.path), ['/var/spool/cron/root']);
  assert.equal(output.files[0].diagnostics[0].rule, 'crontab/user-field-in-user-crontab');
  assert.match(output.files[0].diagnostics[0].message, /cron will run `root`/);
});

test('Debian host: /var/spool/cron/crontabs/* is the spool', () => {
  const root = makeRoot({
    'etc/os-release': 'ID=debian\n',
    'etc/passwd': 'root:x:0:0:root:/root:/bin/bash\n',
    'var/spool/cron/crontabs/root': '39 1,13 * * * root certbot renew\n',
    'var/spool/cron/atjobs/.SEQ': '0\n',
  });
  const output = JSON.parse(runSchedlint(['--root', root, '--format', 'json']).stdout) as JsonOutput;
  assert.deepEqual(output.files.map((file) => file.path), ['/var/spool/cron/crontabs/root']);
});

test('PATH arguments: files, folders, standard input', () => {
  const root = makeRoot({ 'repo/files/crontab': '39 1,13 * * * root certbot renew\n', 'repo/cron.d/job': '0 1 * * * /usr/bin/job\n', 'repo/README': 'not a crontab\n' });
  const folder = JSON.parse(runSchedlint([path.join(root, 'repo'), '--format', 'json']).stdout) as JsonOutput;
  assert.deepEqual(folder.files.map((file) => path.relative(root, file.path)).sort(), ['repo/cron.d/job', 'repo/files/crontab']);
  assert.equal(folder.files.find((file) => file.path.endsWith('cron.d/job'))?.diagnostics[0]?.rule, 'crontab/missing-user-field');

  const stdin = runSchedlint(['-', '--kind', 'crontab-user', '--format', 'json'], { input: '39 1,13 * * * root certbot renew\n' });
  const parsed = JSON.parse(stdin.stdout) as JsonOutput;
  assert.equal(parsed.files[0].path, '-');
  assert.equal(parsed.files[0].diagnostics[0].rule, 'crontab/user-field-in-user-crontab');
  assert.equal(stdin.code, 1);
});

test('usage and I/O failures exit 2 with a message', () => {
  for (const args of [['--format', 'xml', 'x'], ['--bogus'], ['-'], ['--root', '/nonexistent-folder-for-schedlint'], [], ['--kind', 'nope', 'x'], ['--root', 'a', '--host']]) {
    const run = runSchedlint(args);
    assert.equal(run.code, 2, `${args.join(' ')} → ${run.code}: ${run.stdout}`);
    assert.match(run.stderr, /^schedlint: /, args.join(' '));
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  }
  const missing = runSchedlint(['/nonexistent/crontab']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read \/nonexistent\/crontab/);
});

test('Japanese from LANG, --lang overrides', () => {
  const fromLang = runSchedlint(['--root', 'examples/host'], { env: { LANG: 'ja_JP.UTF-8' } });
  assert.match(fromLang.stdout, /ユーザー crontab には実行ユーザーの列がありません。.*\[crontab\/user-field-in-user-crontab\]/);
  assert.match(fromLang.stdout, /エラー 3 件、警告 4 件、情報 0 件、ヒント 0 件（6 ファイル）/);
  const flag = runSchedlint(['--root', 'examples/host', '--lang', 'ja']);
  assert.match(flag.stdout, /`root` を削除してください/);
  const english = runSchedlint(['--root', 'examples/host', '--lang', 'en'], { env: { LANG: 'ja_JP.UTF-8' } });
  assert.match(english.stdout, /User crontabs have no user column/);
  const sarif = JSON.parse(runSchedlint(['--root', 'examples/host', '--format', 'sarif', '--lang', 'ja']).stdout);
  assert.match(sarif.runs[0].results[0].message.text, /[ぁ-んァ-ン一-龯]/);
  assert.match(sarif.runs[0].tool.driver.rules[0].helpUri, /\.ja\.md$/);
});

test('--help and --version', () => {
  const help = runSchedlint(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--root DIR/);
  const version = runSchedlint(['--version']);
  assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8')).version);
});

test('--rule sets a rule\'s severity, as schedlint.rules does in the editor', () => {
  const off = JSON.parse(runSchedlint(['--root', 'examples/host', '--format', 'json', '--rule', 'crontab/user-field-in-user-crontab=off']).stdout) as JsonOutput;
  assert.ok(!off.files.some((file) => file.diagnostics.some((diagnostic) => diagnostic.rule === 'crontab/user-field-in-user-crontab')));
  const raised = JSON.parse(runSchedlint(['--root', 'examples/host', '--format', 'json', '--rule', 'crontab/wildcard-minute=error']).stdout) as JsonOutput;
  assert.ok(raised.files.some((file) => file.diagnostics.some((diagnostic) => diagnostic.rule === 'crontab/wildcard-minute' && diagnostic.severity === 'error')));
  assert.equal(runSchedlint(['--root', 'examples/host', '--rule', 'crontab/nope=off']).code, 2);
  assert.equal(runSchedlint(['--root', 'examples/host', '--rule', 'crontab/wildcard-minute=loud']).code, 2);
});

test('usage errors and help speak the user\'s language', () => {
  const japanese = runSchedlint(['--format', 'xml', 'x'], { env: { LANG: 'ja_JP.UTF-8' } });
  assert.equal(japanese.code, 2);
  assert.match(japanese.stderr, /^schedlint: --format に 'xml' は指定できません（指定できる値：text, json, sarif, prometheus）/);
  // One line that points at --help, in the same language (not the whole usage).
  assert.match(japanese.stderr, /（schedlint --help を参照）\n$/);
  assert.doesNotMatch(japanese.stderr, /使い方: schedlint/);
  assert.match(runSchedlint(['--help', '--lang', 'ja']).stdout, /^使い方: schedlint/);
  assert.match(runSchedlint(['--lang=ja']).stderr, /検査するファイルを指定してください/);
  assert.match(runSchedlint(['--format', 'xml', 'x']).stderr, /^schedlint: --format does not take 'xml'/);
});

test('schedlint calendar: laid out like systemd-analyze calendar, JSON, exit 1 on an invalid expression', () => {
  const env = { TZ: 'UTC' };
  const text = runSchedlint(['calendar', '--iterations', '3', '--base-time', '2026-11-25 10:17:00 UTC', '*-*-* 00,12:00:00'], { env });
  assert.equal(text.code, 0, text.stderr);
  assert.equal(text.stdout.trimEnd(), ['Normalized form: *-*-* 00,12:00:00', '    Next elapse: Wed 2026-11-25 12:00:00 UTC', '       Iter. #2: Thu 2026-11-26 00:00:00 UTC', '       Iter. #3: Thu 2026-11-26 12:00:00 UTC'].join('\n'));
  const json = JSON.parse(runSchedlint(['calendar', '--format', 'json', '--iterations', '2', '--base-time', '2026-11-25 10:17:00 UTC', 'daily', 'Mon..Fri 25:00'], { env }).stdout);
  assert.deepEqual(json.calendar[0], { expression: 'daily', valid: true, error: null, normalized: '*-*-* 00:00:00', next: ['2026-11-26T00:00:00+00:00', '2026-11-27T00:00:00+00:00'] });
  assert.equal(json.calendar[1].valid, false);
  assert.match(json.calendar[1].error, /25 is outside the hour range 0–23/);
  const invalid = runSchedlint(['calendar', '*/15 * * * *'], { env });
  assert.equal(invalid.code, 1);
});

test('schedlint timespan and schedlint cron', () => {
  const spans = runSchedlint(['timespan', '1h 30min', '43200']);
  assert.equal(spans.code, 0);
  assert.match(spans.stdout, /^Original: 1h 30min\n {6}μs: 5400000000\n {3}Human: 1h 30min\n\nOriginal: 43200\n {6}μs: 43200000000\n {3}Human: 12h$/m);
  const bad = runSchedlint(['timespan', '--format', 'json', '12 hourz']);
  assert.equal(bad.code, 1);
  assert.equal(JSON.parse(bad.stdout).timespan[0].valid, false);

  const cron = JSON.parse(runSchedlint(['cron', '--format', 'json', '--iterations', '2', '--base-time', '2026-11-25 10:17:00', '39 1,13 * * *'], { env: { TZ: 'Asia/Tokyo' } }).stdout);
  assert.deepEqual(cron.cron[0], { expression: '39 1,13 * * *', valid: true, error: null, description: 'At 01:39 and 13:39', next: ['2026-11-25T13:39:00+09:00', '2026-11-26T01:39:00+09:00'], horizonReached: false, warnings: [], errors: [] });
  const japanese = runSchedlint(['cron', '--lang', 'ja', '0 9 * * MON-FRY']);
  assert.equal(japanese.code, 1);
  assert.match(japanese.stdout, /`FRY` は cron が知らない曜日の指定です/);
  const cronie = runSchedlint(['cron', '--dialect', 'cronie', '--format', 'json', '0 6~15 * * *']);
  assert.equal(JSON.parse(cronie.stdout).cron[0].valid, true);
  assert.equal(runSchedlint(['cron', '--format', 'json', '0 6~15 * * *']).code, 0, 'Debian reads 6~15 as 6 (with a warning in a file)');
  assert.equal(runSchedlint(['calendar']).code, 2);
});
