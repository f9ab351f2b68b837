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

test('every rule has a title, and every message id used in rule sources exists', () => {
  for (const id of ALL_RULE_IDS) assert.ok(`rule.${id}.title` in en, `title of ${id}`);
  const rulesFolder = repoPath('server', 'src', 'engine', 'rules', 'crontab');
  for (const file of fs.readdirSync(rulesFolder)) {
    const source = fs.readFileSync(path.join(rulesFolder, file), 'utf8');
    const id = `crontab/${file.replace(/\.ts$/, '')}`;
    for (const match of source.matchAll(/messageId: '([\w-]+)'/g)) assert.ok(`${id}.${match[1]}` in en, `${id}.${match[1]}`);
    for (const match of source.matchAll(/messageId: \w+ \? '([\w-]+)' : '([\w-]+)'/g)) {
      assert.ok(`${id}.${match[1]}` in en && `${id}.${match[2]}` in en, `${id}: ${match[0]}`);
    }
  }
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
