// engine/config/project-config.ts on an in-memory tree: which config file applies (nearest, not past `.git`),
// what its globs match (anchored with a slash, any depth without, a folder with a trailing slash), overrides in
// order, and the reader a server keeps: a changed file is read again.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { configForFile, findConfigFile, parseConfig, ProjectConfigReader, type ProjectConfig } from '../../server/src/engine/config/project-config';
import { MemoryHost } from '../../server/src/engine/host/memory-host';

function config(text: string, file = '/repo/.schedlint.yaml'): ProjectConfig {
  const load = parseConfig(text, file);
  assert.ok(load.ok, JSON.stringify(load));
  return load.config!;
}

test('the nearest config file applies, and the search stops at the repository root', () => {
  const host = new MemoryHost({
    '/.schedlint.yaml': 'rules: {}\n',
    '/repo/.git/HEAD': 'ref: refs/heads/main\n',
    '/repo/.schedlint.json': '{}',
    '/repo/deploy/.schedlint.yml': 'rules: {}\n',
    '/repo/deploy/cron.d/job': '',
    '/repo/etc/cron.d/job': '',
    '/other/repo/.git/HEAD': '',
    '/other/repo/job': '',
    '/loose/job': '',
  });
  assert.equal(findConfigFile(host, '/repo/deploy/cron.d/job'), '/repo/deploy/.schedlint.yml');
  assert.equal(findConfigFile(host, '/repo/etc/cron.d/job'), '/repo/.schedlint.json');
  assert.equal(findConfigFile(host, '/repo'), '/repo/.schedlint.json', 'a folder starts the search in itself');
  assert.equal(findConfigFile(host, '/other/repo/job'), undefined, 'not past .git');
  assert.equal(findConfigFile(host, '/loose/job'), '/.schedlint.yaml', 'outside a repository, up to /');
});

test('globs: a slash anchors at the config folder, none matches at any depth, a trailing slash is a folder', () => {
  const project = config('ignore:\n  - vendor/\n  - "*.bak"\n  - deploy/tmp/*\noverrides:\n  - files: ["deploy/**/*.cron", "./jobs/*"]\n    format: crontab-user\n  - files: deploy/x/**\n    format: crontab-system\n    dialect: cronie\n');
  const at = (file: string) => configForFile(project, file);
  assert.equal(at('/repo/vendor/a/b').ignored, true);
  assert.equal(at('/repo/src/vendor/a').ignored, false, 'vendor/ is anchored at the config folder');
  assert.equal(at('/repo/a/b/old.bak').ignored, true, '*.bak at any depth');
  assert.equal(at('/repo/deploy/tmp/x').ignored, true);
  assert.equal(at('/repo/deploy/tmp/x/y').ignored, false, '* stays in one folder');
  assert.equal(at('/elsewhere/vendor/a').ignored, false, 'outside the config folder');
  assert.equal(at('/repo/deploy/a/b.cron').format, 'crontab-user');
  assert.equal(at('/repo/jobs/nightly').format, 'crontab-user');
  // Later overrides win, field by field.
  assert.deepEqual([at('/repo/deploy/x/b.cron').format, at('/repo/deploy/x/b.cron').dialect], ['crontab-system', 'cronie']);
  assert.deepEqual(configForFile(undefined, '/repo/x'), { severities: {}, ignored: false });
});

test('an empty file is an empty config; a JSON file must be JSON', () => {
  assert.deepEqual(config('').rules, {});
  assert.deepEqual(config('# nothing yet\n').rules, {});
  const json = parseConfig('rules:\n  crontab/wildcard-minute: off\n', '/repo/.schedlint.json');
  assert.equal(json.ok, false);
});

test('the reader reads the config again at each call and parses it again only when it changed', () => {
  const host = new MemoryHost({ '/repo/.git/HEAD': '', '/repo/.schedlint.yaml': 'rules:\n  crontab/wildcard-minute: error\n', '/repo/job': '' });
  const reader = new ProjectConfigReader(host);
  assert.equal(reader.forFile('/repo/job').config.severities['crontab/wildcard-minute'], 'error');
  host.set('/repo/.schedlint.yaml', 'rules:\n  crontab/wildcard-minute: hint\n');
  assert.equal(reader.forFile('/repo/job').config.severities['crontab/wildcard-minute'], 'hint');
  host.set('/repo/.schedlint.yaml', 'rules: [\n');
  const broken = reader.forFile('/repo/job');
  assert.deepEqual(broken.config.severities, {}, 'an invalid file applies nothing');
  assert.equal(broken.problems?.[0].key, 'config.error.syntax');
});
