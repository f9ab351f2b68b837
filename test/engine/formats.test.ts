// Walks the file-format registry (server/src/engine/formats/registry.ts) and checks what every format owes:
// - a doc page in English and Japanese for each of its rules (docs/rules/<id>.md, .ja.md, titled `# <id>`);
// - fixtures for each rule under test/fixtures/<format.fixtures>/<rule name>/: a file where the rule must fire
//   (an `# expect:` of it) and a file where it must not (no expectation of it at all; the fixture tests fail
//   on any finding not expected, so such a file is the rule's "valid" case), both linted here through the
//   format's own lint() as the server and CLI call it. Rules that need more than one file's text (a repository,
//   a live host's modes, certificate files) name the test that covers them instead;
// - every message a rule speaks in both languages with the same parameters: its title, its keys, the message
//   of each finding its fixtures produce, and the keys under the format's own prefixes;
// - that its kinds, language ids and fixture paths are its own (the registry decides the format of a fixture's
//   path as the fixture's folder says).
// docs.test.ts lints the pages' examples, fixtures.test.ts and certbot-fixtures.test.ts check every finding
// and fix of every fixture, catalog.test.ts the whole catalog; this test is the per-format checklist.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { affectsHost, claimOfPath, decideFormat, formatFromPath, formatOfDocument, formatOfKind } from '../../server/src/engine/file-format';
import type { FileFormat, RuleInfo } from '../../server/src/engine/formats/format';
import { FALLBACK_FORMAT, FORMATS } from '../../server/src/engine/formats/registry';
import { usage } from '../../server/src/cli/args';
import { HostFacts } from '../../server/src/engine/host/facts';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import { en } from '../../server/src/engine/i18n/en';
import { ja } from '../../server/src/engine/i18n/ja';
import { parameterNames } from '../../server/src/engine/i18n/format';
import { ALL_RULE_IDS } from '../../server/src/engine/rules';
import type { Finding } from '../../server/src/engine/types';
import { loadCertbotFixture } from '../support/certbot-fixtures';
import { fixtureFiles, fixtureInstalls } from '../support/fixtures';
import { repoPath } from '../support/paths';

/** Rule families that belong to no one format: findings about reading files, bugs, and the host's schedule as a whole. */
const CROSS_FORMAT_FAMILIES = new Set(['file', 'internal', 'schedule']);

/**
 * Rules whose cases are not one file's text, with the test that covers them (it must name the rule): repository
 * install rules (a Dockerfile and the crontab it copies), a live host's modes, the lineage's certificate files.
 */
const COVERED_ELSEWHERE = new Map<string, string>([
  ['crontab/installed-both-ways', 'test/engine/install-repos.test.ts'],
  ['crontab/install-target-mismatch', 'test/engine/install-repos.test.ts'],
  ['crontab/cron-d-mode', 'test/cli/repo.test.ts'],
  ['crontab/spool-mode', 'test/cli/repo.test.ts'],
  ['crontab/file-permissions', 'test/engine/file-permissions.test.ts'],
  ['certbot/missing-file', 'test/engine/certbot-certificates.test.ts'],
  ['certbot/cert-expiring', 'test/engine/certbot-certificates.test.ts'],
  ['certbot/key-mismatch', 'test/engine/certbot-certificates.test.ts'],
  ['certbot/chain-mismatch', 'test/engine/certbot-certificates.test.ts'],
  ['certbot/san-removed', 'test/engine/certbot-certificates.test.ts'],
  ['certbot/secret-permissions', 'test/engine/certbot-corpus.test.ts'],
  // Dates relative to the day the test runs, and a trust store or a previous certificate beside the file:
  // certificates made by openssl at test time.
  ['certificate/chain-incomplete', 'test/engine/certificate-rules.test.ts'],
  // Only `schedlint cert` meets a CA certificate given alone: the file linter leaves CA-only files alone.
  ['certificate/ca-certificate', 'test/cli/cert.test.ts'],
  ['certificate/san-removed', 'test/engine/certificate-rules.test.ts'],
  ['certificate/not-newer', 'test/engine/certificate-rules.test.ts'],
  ['certificate/expired', 'test/engine/certificate-rules.test.ts'],
  ['certificate/expiring', 'test/engine/certificate-rules.test.ts'],
  ['certificate/not-yet-valid', 'test/engine/certificate-rules.test.ts'],
  // A web server's configuration with the certificates it names (the host's files).
  ['certificate/missing-file', 'test/engine/certificate-web-servers.test.ts'],
  ['certificate/name-not-covered', 'test/engine/certificate-web-servers.test.ts'],
  ['certificate/stale-reference', 'test/engine/certificate-web-servers.test.ts'],
  // Reported by the format's hostFindings(), tested below.
  ['certbot/hook-not-executable', 'test/engine/formats.test.ts'],
]);

const catalogs = { en: en as Record<string, string>, ja: ja as Record<string, string> };

function allRules(format: FileFormat): readonly RuleInfo[] {
  return [...format.rules, ...(format.hostRules ?? [])];
}

function assertSameMessage(key: string): void {
  assert.ok(key in catalogs.en, `${key} is not in en`);
  assert.ok(key in catalogs.ja, `${key} is not in ja`);
  assert.deepEqual([...parameterNames(catalogs.ja[key])].sort(), [...parameterNames(catalogs.en[key])].sort(), `parameters of ${key}`);
}

interface RuleFixture {
  file: string;
  fires: boolean;
  findings: Finding[];
}

/** The fixtures of a rule's folder, each linted through the format, and whether it expects the rule. */
function ruleFixtures(format: FileFormat, ruleId: string): RuleFixture[] {
  const folder = repoPath('test', 'fixtures', format.fixtures, ruleId.split('/')[1]);
  if (!fs.existsSync(folder)) return [];
  // The certbot loader is the shared one plus host-line/host-exec; the other families use none of those.
  return fixtureFiles(path.relative(repoPath('test', 'fixtures'), folder))
    .filter((file) => !file.endsWith('.other.fixed'))
    .map((file) => {
      const fixture = loadCertbotFixture(file);
      const result = format.lint({ text: fixture.text, path: fixture.path, facts: fixture.facts, installs: fixtureInstalls(fixture), locale: fixture.locale });
      return { file, fires: fixture.expectations.some((expectation) => expectation.ruleId === ruleId), findings: result.findings };
    });
}

test('the registry: every rule belongs to one format, kinds and language ids to one format each', () => {
  const owner = new Map<string, string>();
  for (const format of FORMATS) {
    for (const rule of allRules(format)) {
      assert.equal(rule.id.split('/')[0], format.id, `${rule.id} is listed by the ${format.id} format; a rule's family is its format`);
      assert.ok(!owner.has(rule.id), `${rule.id} is listed by ${owner.get(rule.id)} and ${format.id}`);
      owner.set(rule.id, format.id);
    }
  }
  for (const ruleId of ALL_RULE_IDS) {
    assert.ok(owner.has(ruleId) || CROSS_FORMAT_FAMILIES.has(ruleId.split('/')[0]), `${ruleId} belongs to no format of the registry`);
  }
  const kinds = FORMATS.flatMap((format) => format.kinds);
  assert.equal(new Set(kinds).size, kinds.length, 'a kind is claimed by two formats');
  for (const kind of kinds) assert.equal(formatOfKind(kind)?.kinds.includes(kind), true, kind);
  const languageIds = FORMATS.flatMap((format) => format.languageIds);
  assert.equal(new Set(languageIds).size, languageIds.length, 'a language id is claimed by two formats');
  assert.ok(FORMATS.includes(FALLBACK_FORMAT), 'the fallback format is registered');
  assert.equal(new Set(FORMATS.map((format) => format.id)).size, FORMATS.length, 'format ids are unique');
  // The editor's language ids are the ones package.json contributes (or other extensions' for the same files).
  const contributed = (JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8')) as { contributes: { languages: { id: string }[] } }).contributes.languages.map((language) => language.id);
  // Workflow files stay YAML in our extension; `github-actions-workflow` is the id GitHub's own extension gives them.
  const otherExtensions = ['github-actions-workflow'];
  for (const format of FORMATS) assert.ok(format.languageIds.some((id) => contributed.includes(id) || otherExtensions.includes(id)), `${format.id}: none of its language ids is contributed by package.json`);
});

for (const format of FORMATS) {
  test(`${format.id}: every rule has an English and a Japanese page`, () => {
    for (const rule of allRules(format)) {
      for (const suffix of ['.md', '.ja.md']) {
        const page = repoPath('docs', 'rules', ...`${rule.id}${suffix}`.split('/'));
        assert.ok(fs.existsSync(page), `${rule.id}: no ${path.relative(repoPath(), page)}`);
        assert.ok(fs.readFileSync(page, 'utf8').startsWith(`# ${rule.id}`), `${path.relative(repoPath(), page)} starts with its heading \`# ${rule.id}: …\``);
      }
    }
  });

  test(`${format.id}: every rule has fixtures where it must fire and where it must not`, () => {
    const fixtureRoot = repoPath('test', 'fixtures', format.fixtures);
    assert.ok(fs.existsSync(fixtureRoot), `no fixtures folder ${format.fixtures}`);
    const ruleNames = new Set(allRules(format).map((rule) => rule.id.split('/')[1]));
    // `inline-disable/` holds the fixtures of the `# schedlint-disable…` comments (engine/disable.ts), which
    // belong to no one rule: every other folder is named after a rule of the format.
    for (const folder of fs.readdirSync(fixtureRoot)) assert.ok(ruleNames.has(folder) || folder === 'inline-disable', `test/fixtures/${format.fixtures}/${folder} is named after no rule of ${format.id}`);
    const missing: string[] = [];
    for (const rule of allRules(format)) {
      const elsewhere = COVERED_ELSEWHERE.get(rule.id);
      if (elsewhere) {
        const source = fs.readFileSync(repoPath(...elsewhere.split('/')), 'utf8');
        assert.ok(source.includes(rule.id), `${elsewhere} is said to cover ${rule.id} but never names it`);
        continue;
      }
      const fixtures = ruleFixtures(format, rule.id);
      const firing = fixtures.filter((fixture) => fixture.fires);
      const silent = fixtures.filter((fixture) => !fixture.fires);
      const folder = `test/fixtures/${format.fixtures}/${rule.id.split('/')[1]}/`;
      if (firing.length === 0) missing.push(`${rule.id}: no fixture in ${folder} expects it`);
      if (silent.length === 0) missing.push(`${rule.id}: no fixture in ${folder} where it must not fire (a file that expects it nowhere)`);
      for (const fixture of firing) assert.ok(fixture.findings.some((finding) => finding.ruleId === rule.id), `${path.relative(repoPath(), fixture.file)}: ${rule.id} did not fire through the registry's ${format.id} format`);
      for (const fixture of silent) {
        const fired = fixture.findings.filter((finding) => finding.ruleId === rule.id);
        assert.deepEqual(fired.map((finding) => `${finding.range.start.line + 1}: ${finding.message}`), [], `${path.relative(repoPath(), fixture.file)}: ${rule.id} fired`);
      }
    }
    assert.deepEqual(missing, [], 'rules without the fixtures they need');
  });

  test(`${format.id}: fixture paths are claimed by this format`, () => {
    for (const rule of format.rules) {
      for (const fixture of ruleFixtures(format, rule.id)) {
        const fixturePath = loadCertbotFixture(fixture.file).path;
        if (fixturePath === undefined) continue;
        const kind = formatFromPath(fixturePath);
        assert.ok(kind !== undefined && format.kinds.includes(kind), `${path.relative(repoPath(), fixture.file)}: its path ${fixturePath} is read as ${kind ?? 'nothing'}, not by ${format.id}`);
      }
    }
  });

  test(`${format.id}: every message of its rules and its own keys are in English and Japanese with the same parameters`, () => {
    for (const rule of allRules(format)) {
      assertSameMessage(`rule.${rule.id}.title`);
      const keys = Object.keys(catalogs.en).filter((key) => key.startsWith(`${rule.id}.`));
      assert.ok(keys.length > 0, `${rule.id}: no message \`${rule.id}.<message id>\` in the catalog`);
      keys.forEach(assertSameMessage);
      for (const fixture of ruleFixtures(format, rule.id)) {
        for (const finding of fixture.findings) assertSameMessage(`${finding.ruleId}.${finding.messageId}`);
      }
    }
    // What `--verbose`, JSON `assumed` and the help call each kind.
    for (const kind of format.kinds) {
      assertSameMessage(`format.${kind}`);
      for (const locale of ['en', 'ja'] as const) assert.ok(usage(locale).includes(kind), `${locale} --help does not list --kind ${kind}`);
    }
    for (const prefix of format.messagePrefixes) {
      const keys = Object.keys(catalogs.en).filter((key) => key.startsWith(prefix));
      assert.ok(keys.length > 0, `${format.id}: no message under its prefix ${prefix}`);
      keys.forEach(assertSameMessage);
    }
  });
}

test('certbot/hook-not-executable: a hook certbot would skip, through the format’s host findings on the live host only', () => {
  const certbot = FORMATS.find((format) => format.hostRules?.some((rule) => rule.id === 'certbot/hook-not-executable'));
  assert.ok(certbot?.hostFindings, 'a format reports certbot/hook-not-executable');
  const host = new MemoryHost({
    '/etc/letsencrypt/renewal-hooks/pre/stop-nginx': { text: '#!/bin/sh\n', mode: 0o644 },
    '/etc/letsencrypt/renewal-hooks/post/start-nginx': { text: '#!/bin/sh\n', mode: 0o755 },
    // certbot skips names ending in `~` on purpose (hooks.py): no finding.
    '/etc/letsencrypt/renewal-hooks/deploy/reload~': { text: '#!/bin/sh\n', mode: 0o644 },
  });
  // A copied tree or a checkout does not keep modes faithfully: silent there.
  assert.deepEqual([...certbot.hostFindings(new HostFacts(host), 'en').keys()], []);
  host.label = '/';
  const findings = certbot.hostFindings(new HostFacts(host), 'ja');
  assert.deepEqual([...findings.keys()], ['/etc/letsencrypt/renewal-hooks/pre/stop-nginx']);
  const [finding] = findings.get('/etc/letsencrypt/renewal-hooks/pre/stop-nginx')!;
  assert.equal(finding.ruleId, 'certbot/hook-not-executable');
  assertSameMessage(`${finding.ruleId}.${finding.messageId}`);
  assert.equal(finding.message, catalogs.ja[`${finding.ruleId}.${finding.messageId}`].replace('{stage}', 'pre').replace('{file}', '/etc/letsencrypt/renewal-hooks/pre/stop-nginx'));
  assert.equal(certbot.hostFindings(new HostFacts(host), 'en', { 'certbot/hook-not-executable': 'off' }).size, 0, 'off in the settings');
});

test('the format of a path or a text is the strongest claim: a name over a folder, any path over content', () => {
  const facts = new HostFacts(new MemoryHost());
  // cron reads every file of /etc/cron.d, but `.timer` is a name only units use (and Debian's cron skips dotted names).
  assert.equal(claimOfPath('/etc/cron.d/backup.timer')?.format.id, 'systemd');
  assert.equal(claimOfPath('/etc/cron.d/backup')?.claim.strength, 'folder');
  assert.equal(claimOfPath('/srv/etc/letsencrypt/renewal/example.com.conf')?.format.id, 'certbot');
  assert.equal(claimOfPath('/srv/app/README'), undefined);
  assert.deepEqual(decideFormat({ path: '/srv/app/job', text: '[renewalparams]\nauthenticator = webroot\n[Service]\nExecStart=/bin/true\n', facts }), { format: 'certbot-renewal', reason: 'content' }, 'a signature over a shape');
  assert.deepEqual(decideFormat({ path: '/etc/cron.d/job', text: '[Timer]\nOnCalendar=daily\n', facts }), { format: 'crontab-system', reason: 'path' }, 'a path over any content');
});

test('an editor document: its language id or its path, else the fallback; saving what changes the host', () => {
  const host = new MemoryHost();
  assert.equal(formatOfDocument('crontab', '/lib/systemd/system/backup.timer', host).format.id, 'systemd', 'a unit path opened as crontab is a unit');
  assert.equal(formatOfDocument('systemd-unit-file', '/etc/cron.d/backup', host).format.id, 'systemd', 'the language id over a folder claim');
  assert.deepEqual(formatOfDocument('certbot-cli-ini', undefined, host), { format: formatOfKind('certbot-cli-ini'), kind: 'certbot-cli-ini' });
  assert.equal(formatOfDocument('plaintext', undefined, host).format, FALLBACK_FORMAT);
  assert.equal(formatOfDocument('crontab', '/etc/letsencrypt/renewal/a.conf', host).kind, 'certbot-renewal');
  for (const file of ['/etc/crontab', '/etc/cron.daily/logrotate', '/etc/anacrontab', '/etc/systemd/system/timers.target.wants/backup.timer', '/etc/letsencrypt/cli.ini']) assert.ok(affectsHost(file, host), file);
  for (const file of ['/etc/nginx/nginx.conf', '/home/alice/notes.txt']) assert.ok(!affectsHost(file, host), file);
});
