// Every message exists in English and Japanese with the same parameters; every rule has a title and each
// message id a rule reports is in the catalog. Also the package.nls files for the extension's UI.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { en } from '../../server/src/engine/i18n/en';
import { ja } from '../../server/src/engine/i18n/ja';
import { parameterNames, formatMessage } from '../../server/src/engine/i18n/format';
import { localeFrom } from '../../server/src/engine/i18n/catalog';
import { ALL_RULE_IDS } from '../../server/src/engine/rules';
import { repoPath } from '../support/paths';

test('en and ja have the same keys and the same parameters', () => {
  assert.deepEqual(Object.keys(ja).sort(), Object.keys(en).sort());
  for (const key of Object.keys(en) as (keyof typeof en)[]) {
    assert.deepEqual([...parameterNames(ja[key])].sort(), [...parameterNames(en[key])].sort(), `parameters of ${key}`);
    assert.ok(ja[key].trim().length > 0, `${key} is empty in ja`);
  }
});

test('Japanese texts are Japanese, not copies of the English', () => {
  const allowedSame = new Set(['dialect.cronie', 'status.format', 'cli.usageError', 'language.crontab', 'systemd/invalid-timespan.message', 'hover.timespan']);
  for (const key of Object.keys(en) as (keyof typeof en)[]) {
    if (allowedSame.has(key)) continue;
    assert.notEqual(ja[key], en[key], `${key} is untranslated`);
  }
});

/**
 * The message ids a `messageId: …` or `messageId = …` expression takes where the source spells them out: a
 * literal, or the literal results of a ternary (`cond ? 'a' : 'b'`; the condition may hold literals of its own).
 * Computed ids (`problem.messageId`, `context.dialect.dialect`) are not seen here; the rules' tests exercise them.
 */
function spelledMessageIds(source: string): string[] {
  const ids: string[] = [];
  for (const match of source.matchAll(/\bmessageId(?::|\s=(?!=))\s*([^,;}\n]+)/g)) {
    const expression = match[1].trim();
    const results = expression.includes('?') ? expression.slice(expression.indexOf('?') + 1).split(':') : [expression];
    for (const result of results) {
      const literal = result.slice(result.lastIndexOf('?') + 1).trim().match(/^'([\w-]+)'$/);
      if (literal) ids.push(literal[1]);
    }
  }
  return ids;
}

test('every rule has a title, and every message id used in rule sources exists', () => {
  for (const id of ALL_RULE_IDS) assert.ok(`rule.${id}.title` in en, `title of ${id}`);
  const engine = repoPath('server', 'src', 'engine');
  const rulesFolder = path.join(engine, 'rules');
  const sources: { file: string; id: string }[] = [];
  for (const family of fs.readdirSync(rulesFolder, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const name of fs.readdirSync(path.join(rulesFolder, family.name)).filter((file) => file.endsWith('.ts'))) {
      const file = path.join(rulesFolder, family.name, name);
      // A rule file names its rule (`id: 'family/name'`); lists and helpers beside them (index.ts, support.ts) report nothing.
      const id = fs.readFileSync(file, 'utf8').match(/\bid: '([\w-]+\/[\w-]+)'/)?.[1] ?? `${family.name}/${name.replace(/\.ts$/, '')}`;
      sources.push({ file, id });
    }
  }
  // certbot/invalid-syntax reports what the two certbot parsers found.
  for (const parser of ['configobj.ts', 'cli-ini.ts']) sources.push({ file: path.join(engine, 'certbot', parser), id: 'certbot/invalid-syntax' });

  const checkedByFamily = new Map<string, number>();
  for (const { file, id } of sources) {
    const ids = spelledMessageIds(fs.readFileSync(file, 'utf8'));
    if (ids.length === 0) continue;
    assert.ok(ALL_RULE_IDS.includes(id), `${path.relative(engine, file)} reports messages but ${id} is not a rule`);
    for (const messageId of ids) assert.ok(`${id}.${messageId}` in en, `${path.relative(engine, file)}: ${id}.${messageId} is not in the catalog`);
    const family = id.split('/')[0];
    checkedByFamily.set(family, (checkedByFamily.get(family) ?? 0) + ids.length);
  }
  // Guards the scan itself: a pattern that stopped matching would otherwise pass with nothing checked.
  for (const family of ['crontab', 'systemd', 'certbot', 'schedule']) assert.ok((checkedByFamily.get(family) ?? 0) > 0, `no message id found in the ${family} rules`);
});

test('plural forms and parameters', () => {
  const template = '{count, plural, one {# run} other {# runs}} at {time}';
  assert.equal(formatMessage(template, { count: 1, time: '01:39' }, 'en'), '1 run at 01:39');
  assert.equal(formatMessage(template, { count: 120, time: '00:00' }, 'en'), '120 runs at 00:00');
  assert.deepEqual([...parameterNames(template)].sort(), ['count', 'time']);
});

test('locale from LANG-style values', () => {
  assert.equal(localeFrom('ja_JP.UTF-8'), 'ja');
  assert.equal(localeFrom('ja'), 'ja');
  assert.equal(localeFrom('en-US'), 'en');
  assert.equal(localeFrom('C.UTF-8'), undefined);
  assert.equal(localeFrom('C'), 'en');
  assert.equal(localeFrom(''), undefined);
});

test('package.nls.ja.json covers every key of package.nls.json, and package.json uses only known keys', () => {
  const english = JSON.parse(fs.readFileSync(repoPath('package.nls.json'), 'utf8'));
  const japanese = JSON.parse(fs.readFileSync(repoPath('package.nls.ja.json'), 'utf8'));
  assert.deepEqual(Object.keys(japanese).sort(), Object.keys(english).sort());
  const manifest = fs.readFileSync(repoPath('package.json'), 'utf8');
  for (const match of manifest.matchAll(/"%([\w.]+)%"/g)) assert.ok(match[1] in english, `package.json uses %${match[1]}% which package.nls.json lacks`);
  const bundle = JSON.parse(fs.readFileSync(repoPath('l10n', 'bundle.l10n.ja.json'), 'utf8'));
  const client = fs.readFileSync(repoPath('client', 'src', 'extension.ts'), 'utf8');
  for (const match of client.matchAll(/l10n\.t\('([^']+)'/g)) assert.ok(match[1] in bundle, `l10n/bundle.l10n.ja.json lacks '${match[1]}'`);
});
