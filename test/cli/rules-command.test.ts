// `schedlint --list-rules` and `schedlint explain RULE`, and that the rule pages explain reads ship with the CLI.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../support/paths';
import { runSchedlint } from '../support/run-cli';
import { validate } from '../support/json-schema';
import { ALL_RULE_IDS, DEFAULT_SEVERITIES, crontabRules } from '../../server/src/engine/rules';
import { FORMATS } from '../../server/src/engine/formats/registry';

test('--list-rules: every rule with its default severity, fix, format and title (text, en and ja)', () => {
  const run = runSchedlint(['--list-rules']);
  assert.equal(run.code, 0);
  const lines = run.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^RULE\s+SEVERITY\s+FIX\s+FORMAT\s+DESCRIPTION$/);
  assert.equal(lines.length, ALL_RULE_IDS.length + 2);
  assert.match(run.stdout, /^crontab\/user-field-in-user-crontab\s+error\s+yes\s+crontab\s+User name written into a user crontab$/m);
  assert.match(run.stdout, /^systemd\/invalid-timespan\s+error\s+-\s+systemd\s+/m);
  assert.match(lines.at(-1) ?? '', new RegExp(`^${ALL_RULE_IDS.length} rules; `));
  const japanese = runSchedlint(['--list-rules', '--lang', 'ja']);
  assert.match(japanese.stdout, /^ルール\s+重大度\s+修正\s+形式\s+説明$/m);
  assert.match(japanese.stdout, /^crontab\/user-field-in-user-crontab\s+error\s+あり\s+crontab\s+ユーザー crontab に実行ユーザーが書かれている$/m);
});

test('--list-rules --format json matches the rule modules', () => {
  const rules = JSON.parse(runSchedlint(['--list-rules', '--format', 'json']).stdout).rules as { id: string; defaultSeverity: string; fixable: boolean; format: string; title: string; docs: string }[];
  assert.deepEqual(rules.map((rule) => rule.id), [...ALL_RULE_IDS]);
  for (const rule of rules) {
    assert.equal(rule.defaultSeverity, DEFAULT_SEVERITIES.get(rule.id), rule.id);
    assert.equal(rule.format, rule.id.split('/')[0]);
    assert.ok(rule.title.length > 0);
    assert.ok(fs.existsSync(repoPath('docs', 'rules', `${rule.id}.md`)), `${rule.id} has a page`);
  }
  // Every format's rules (stranger report 8b, item 11: the newer formats' fixes showed `-`).
  for (const module of FORMATS.flatMap((format) => [...format.rules, ...(format.hostRules ?? [])])) assert.equal(rules.find((rule) => rule.id === module.id)?.fixable, module.meta.fixable, module.id);
});

test('explain RULE prints the rule page for a terminal, in English and Japanese', () => {
  const english = runSchedlint(['explain', 'crontab/wildcard-minute']);
  assert.equal(english.code, 0, english.stderr);
  assert.match(english.stdout, /^crontab\/wildcard-minute: Every minute of the selected hours\n=+\n/);
  assert.match(english.stdout, /^Problematic$/m, 'headings without their #');
  assert.match(english.stdout, /^ {4}\* \*\/12 \* \* \* \/usr\/bin\/certbot renew --quiet$/m, 'code blocks indented, fences gone');
  assert.doesNotMatch(english.stdout, /^```|^## /m);
  assert.doesNotMatch(english.stdout, /\x1b\[/, 'no colours in a pipe');
  assert.match(english.stdout, /docs\/rules\/crontab\/wildcard-minute\.md\n$/);
  const japanese = runSchedlint(['explain', 'crontab/wildcard-minute', '--lang', 'ja']);
  assert.equal(japanese.code, 0);
  assert.match(japanese.stdout, /^crontab\/wildcard-minute: /);
  assert.match(japanese.stdout, /[ぁ-ん]/);
  assert.match(japanese.stdout, /wildcard-minute\.ja\.md\n$/);
  assert.match(runSchedlint(['explain', 'crontab/wildcard-minute'], { env: { LANG: 'ja_JP.UTF-8' } }).stdout, /[ぁ-ん]/, 'the language from LANG');
  const colored = runSchedlint(['explain', 'crontab/wildcard-minute', '--color', 'always']);
  assert.match(colored.stdout, /\x1b\[1mProblematic\x1b\[22m/);
  assert.match(colored.stdout, /\x1b\[36m\* \*\/12 \* \* \*\x1b\[39m/, 'inline code coloured, without its backticks');
});

test('explain: an unknown rule gets suggestions and exit 2; usage errors exit 2', () => {
  const typo = runSchedlint(['explain', 'crontab/wildcard-minut']);
  assert.equal(typo.code, 2);
  assert.equal(typo.stderr, "schedlint: unknown rule 'crontab/wildcard-minut'; did you mean crontab/wildcard-minute?\n");
  assert.match(runSchedlint(['explain', 'missing-user']).stderr, /did you mean crontab\/missing-user-field[,?]/, 'the name without its family');
  const none = runSchedlint(['explain', 'zzzzzzzzzzzz']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /unknown rule 'zzzzzzzzzzzz' \(schedlint --list-rules lists them\)/);
  assert.match(runSchedlint(['explain', 'crontab/wildcard-minut', '--lang', 'ja']).stderr, /'crontab\/wildcard-minut' というルールはありません。crontab\/wildcard-minute のことですか？/);
  for (const args of [['explain'], ['explain', 'a', 'b'], ['explain', '--bogus', 'crontab/wildcard-minute'], ['explain', '--lang', 'fr', 'crontab/wildcard-minute']]) {
    const run = runSchedlint(args);
    assert.equal(run.code, 2, args.join(' '));
    assert.match(run.stderr, /schedlint|Usage/);
  }
  assert.match(runSchedlint(['explain', '--help']).stdout, /^Usage: schedlint explain RULE/);
});

test('the rule pages explain reads ship: in the npm package beside dist/cli, and in the .vsix (.vscodeignore)', { timeout: 60_000 }, () => {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoPath(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { files: { path: string }[] }[];
  const files = new Set(packed[0].files.map((file) => file.path));
  assert.ok(files.has('dist/cli/schedlint.js'));
  for (const id of ALL_RULE_IDS) assert.ok(files.has(`docs/rules/${id}.md`), `docs/rules/${id}.md is packed`);
  assert.match(fs.readFileSync(repoPath('.vscodeignore'), 'utf8'), /^!docs\/rules\/\*\*$/m);
});

test('--list-rules --format sarif: a SARIF log with no results whose rules are the catalog, valid against 2.1.0', () => {
  const run = runSchedlint(['--list-rules', '--format', 'sarif']);
  assert.equal(run.code, 0, run.stderr);
  const log = JSON.parse(run.stdout) as { runs: { results: unknown[]; tool: { driver: { rules: { id: string; defaultConfiguration: { level: string } }[] } } }[] };
  const schema = JSON.parse(fs.readFileSync(repoPath('test', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8'));
  assert.deepEqual(validate(schema, log), []);
  assert.deepEqual(log.runs[0].results, []);
  assert.deepEqual(log.runs[0].tool.driver.rules.map((rule) => rule.id), [...ALL_RULE_IDS]);
  const levels: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
  for (const rule of log.runs[0].tool.driver.rules) assert.equal(rule.defaultConfiguration.level, levels[DEFAULT_SEVERITIES.get(rule.id) ?? ''], rule.id);
});
