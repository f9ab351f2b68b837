// The certbot grammars (syntaxes/certbot-renewal.tmLanguage.json, syntaxes/certbot-cli-ini.tmLanguage.json),
// tokenized with the engine VS Code uses: real renewal files and cli.ini files from test/corpus get the
// right scopes for comments, sections, keys and values, hook values are handed to the shell grammar without
// the file's own quoting and comments, and what configobj / ConfigArgParse reject is marked invalid.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { repoPath, CORPUS_ROOT } from '../support/paths';
import { assertHas, assertLacks, describeTokens, grammarLoader, invalidTokens, scopesAtIndex, tokenizeLines, type TokenizedLine } from '../support/textmate';

const RENEWAL = 'source.certbot-renewal';
const CLI = 'source.certbot-cli-ini';
const CERTBOT_TESTDATA = path.join(CORPUS_ROOT, 'certbot-testdata');
const DEBIAN_CLI_INI = path.join(CORPUS_ROOT, 'debian-bookworm', 'root', 'etc', 'letsencrypt', 'cli.ini');

// A stand-in for VS Code's shellscript grammar with a construct that would run on past its line if it could:
// a quote left open.
const STUB_SHELL = {
  scopeName: 'source.shell',
  patterns: [
    { begin: "'", end: "'", name: 'string.quoted.single.shell' },
    { begin: '"', end: '"', name: 'string.quoted.double.shell' },
    { match: '&&|;', name: 'keyword.operator.list.shell' },
    { match: '\\b(?:systemctl|echo)\\b', name: 'support.function.builtin.shell' },
  ],
};

const requested = new Set<string>();
const grammar = grammarLoader({
  files: { [RENEWAL]: repoPath('syntaxes', 'certbot-renewal.tmLanguage.json'), [CLI]: repoPath('syntaxes', 'certbot-cli-ini.tmLanguage.json') },
  stubShell: STUB_SHELL,
  onRequest: (name) => requested.add(name),
});

async function tokenize(scope: string, lines: string[], withShell = true): Promise<TokenizedLine[]> {
  return tokenizeLines(await grammar(scope, withShell), lines);
}

function linesOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

const SUFFIX = { [RENEWAL]: 'certbot-renewal', [CLI]: 'certbot-cli-ini' } as const;

/** Every non-blank character of `substring` (its first appearance from `from`) has a scope starting with `prefix`. */
function assertAll(line: TokenizedLine, substring: string, prefix: string, from = 0): void {
  forEachCharacter(line, substring, from, (scopes, index) =>
    assert.ok(scopes.some((scope) => scope.startsWith(prefix)), `${prefix}* at character ${index + 1} of ${JSON.stringify(line.text)}:\n${describeTokens(line)}`),
  );
}

/** No character of `substring` has a scope starting with `prefix`. */
function assertNone(line: TokenizedLine, substring: string, prefix: string, from = 0): void {
  forEachCharacter(line, substring, from, (scopes, index) =>
    assert.ok(!scopes.some((scope) => scope.startsWith(prefix)), `no ${prefix}* at character ${index + 1} of ${JSON.stringify(line.text)}:\n${describeTokens(line)}`),
  );
}

function forEachCharacter(line: TokenizedLine, substring: string, from: number, check: (scopes: string[], index: number) => void): void {
  const start = line.text.indexOf(substring, from);
  assert.ok(start >= 0, `${JSON.stringify(substring)} is not in ${JSON.stringify(line.text)}`);
  for (let index = start; index < start + substring.length; index++) {
    if (line.text[index] === ' ' || line.text[index] === '\t') continue;
    check(scopesAtIndex(line, index), index);
  }
}

test('the checked-in grammars are what syntaxes/build-certbot-grammar.mjs generates', () => {
  const result = spawnSync(process.execPath, [repoPath('syntaxes', 'build-certbot-grammar.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
});

test('renewal file: comments, top-level keys, [renewalparams] and an empty [[webroot_map]] (certbot test data)', async () => {
  for (const name of ['sample-renewal-ec.conf', 'sample-renewal-deprecated-option.conf']) {
    const lines = await tokenize(RENEWAL, linesOf(path.join(CERTBOT_TESTDATA, name)));
    for (const line of lines) {
      assert.deepEqual(invalidTokens(line), [], `${name}: ${line.text}`);
      const text = line.text.trim();
      if (text === '') continue;
      if (text.startsWith('#')) {
        assertAll(line, text, 'comment.line.number-sign.certbot-renewal');
        assertHas(line, '#', 'punctuation.definition.comment.certbot-renewal');
      } else if (text.startsWith('[')) {
        const title = text.replace(/^\[+|\]+$/g, '');
        assertHas(line, title, 'entity.name.section.group-title.certbot-renewal');
        assertHas(line, text.slice(0, text.indexOf(title)), 'punctuation.definition.section.begin.certbot-renewal');
      } else {
        // Every other line of these files is `key = value`: the key, the `=`, and a value that is no key.
        const key = text.slice(0, text.indexOf('=')).trim();
        assertHas(line, key, key.endsWith('_hook') ? 'keyword.other.definition.hook.certbot-renewal' : 'keyword.other.definition.certbot-renewal');
        assertHas(line, '=', 'keyword.operator.assignment.certbot-renewal');
        const equals = line.text.indexOf('=');
        const value = line.text.slice(equals + 1).trim();
        for (const part of value.split(',').map((item) => item.trim()).filter(Boolean)) {
          assertNone(line, part, 'keyword.other.definition', equals);
          const scope = part === 'None' ? 'constant.language.null' : /^(true|false)$/i.test(part) ? 'constant.language.boolean' : /^-?\d+$/.test(part) ? 'constant.numeric' : 'string.unquoted.value.certbot-renewal';
          assertAll(line, part, scope, equals);
        }
      }
    }
    const webrootMap = lines.find((line) => line.text === '[[webroot_map]]');
    if (webrootMap) {
      assertHas(webrootMap, '[[', 'punctuation.definition.section.begin.certbot-renewal');
      assertHas(webrootMap, ']]', 'punctuation.definition.section.end.certbot-renewal');
      assertHas(webrootMap, 'webroot_map', 'meta.section.certbot-renewal');
    }
  }
});

test('renewal file: configobj lists, inline comments and quotes', async () => {
  const [list, comment, quoted, map, unclosed, broken, indented, triple] = await tokenize(RENEWAL, [
    'webroot_path = /var/www/html,',
    'domains = example.com, www.example.com # the two names',
    'email = "ops@example.com"  # quoted, with # inside: "a#b"',
    'www.example.com = /var/www/example',
    'server = "https://acme-v02.api.letsencrypt.org/directory',
    'this line has no equals sign',
    '  [[ webroot_map ]]  # comment',
    "account = '''a\"b'''",
  ]);
  assertHas(list, '/var/www/html', 'string.unquoted.value.certbot-renewal');
  assertHas(list, ',', 'punctuation.separator.list.certbot-renewal');
  assertHas(comment, 'example.com', 'string.unquoted.value.certbot-renewal');
  assertHas(comment, 'www.example.com', 'string.unquoted.value.certbot-renewal');
  assertHas(comment, ',', 'punctuation.separator.list.certbot-renewal');
  assertAll(comment, '# the two names', 'comment.line.number-sign.certbot-renewal');
  // A `#` inside quotes is text; after them it starts a comment, even right after a word.
  assertHas(quoted, 'ops@example.com', 'string.quoted.double.certbot-renewal');
  assertAll(quoted, '# quoted, with # inside: "a#b"', 'comment.line.number-sign.certbot-renewal');
  const [glued] = await tokenize(RENEWAL, ['key_type = rsa#no blank before it']);
  assertHas(glued, 'rsa', 'string.unquoted.value.certbot-renewal');
  assertAll(glued, '#no blank before it', 'comment.line.number-sign.certbot-renewal');
  // [[webroot_map]] entries: the domain is the key.
  assertHas(map, 'www.example.com', 'keyword.other.definition.certbot-renewal');
  assertHas(map, '/var/www/example', 'string.unquoted.value.certbot-renewal');
  assert.ok(invalidTokens(unclosed).length > 0, 'an unclosed quote is invalid');
  assert.ok(invalidTokens(broken).length > 0, 'a line that is neither section nor key = value is invalid');
  assertHas(indented, 'webroot_map', 'entity.name.section.group-title.certbot-renewal');
  assertAll(indented, '# comment', 'comment.line.number-sign.certbot-renewal');
  assertHas(triple, 'a"b', 'string.quoted.single.certbot-renewal');
  // configobj counts brackets: `[[x]` has no depth.
  const [uneven] = await tokenize(RENEWAL, ['[[webroot_map]']);
  assert.ok(invalidTokens(uneven).length > 0, 'uneven brackets are invalid');
});

test('renewal file: hook values are shell commands, without configobj quotes and comments', async () => {
  const [pre, post, deploy, manual, none] = await tokenize(RENEWAL, [
    'pre_hook = systemctl stop nginx # stop it first',
    "post_hook = \"systemctl start nginx && echo 'started, really'\"",
    'renew_hook = systemctl reload nginx',
    "manual_auth_hook = /usr/local/bin/auth.sh",
    'pre_hook = None',
  ]);
  assertHas(pre, 'pre_hook', 'keyword.other.definition.hook.certbot-renewal');
  assertHas(pre, 'systemctl', 'support.function.builtin.shell');
  assertHas(pre, 'systemctl', 'meta.embedded.line.shell.certbot-renewal');
  assertAll(pre, '# stop it first', 'comment.line.number-sign.certbot-renewal');
  assertNone(pre, '# stop it first', 'meta.embedded');
  assertHas(post, '&&', 'keyword.operator.list.shell');
  assertAll(post, "'started, really'", 'string.quoted.single.shell');
  assertHas(post, '"', 'punctuation.definition.string.begin.certbot-renewal');
  assertLacks(post, '"', 'meta.embedded', 2);
  assertHas(deploy, 'renew_hook', 'keyword.other.definition.hook.certbot-renewal');
  assertHas(deploy, 'systemctl', 'support.function.builtin.shell');
  assertHas(manual, '/usr/local/bin/auth.sh', 'meta.embedded.line.shell.certbot-renewal');
  assertHas(none, 'None', 'constant.language.null.certbot-renewal');
  // A quote the shell leaves open ends with the line: the next line is a key again.
  const lines = await tokenize(RENEWAL, ["pre_hook = echo 'unterminated", 'authenticator = standalone']);
  assertHas(lines[1], 'authenticator', 'keyword.other.definition.certbot-renewal');
  assertLacks(lines[1], 'standalone', 'string.quoted.single.shell');
  assert.ok(requested.has('source.shell'), 'the grammar asks for source.shell');
});

test("cli.ini: Debian's stock file and certbot's test file", async () => {
  const debian = await tokenize(CLI, linesOf(DEBIAN_CLI_INI));
  for (const line of debian) {
    assert.deepEqual(invalidTokens(line), []);
    const text = line.text.trim();
    if (text.startsWith('#')) assertAll(line, text, 'comment.line.certbot-cli-ini');
  }
  const maxLogBackups = debian.find((line) => line.text.startsWith('max-log-backups'));
  assert.ok(maxLogBackups);
  assertHas(maxLogBackups, 'max-log-backups', 'keyword.other.definition.certbot-cli-ini');
  assertHas(maxLogBackups, '=', 'keyword.operator.assignment.certbot-cli-ini');
  assertHas(maxLogBackups, '0', 'constant.numeric.integer.certbot-cli-ini');
  const preconfigured = debian.find((line) => line.text.startsWith('preconfigured-renewal'));
  assert.ok(preconfigured);
  assertHas(preconfigured, 'True', 'constant.language.boolean.certbot-cli-ini');

  const [agree] = await tokenize(CLI, linesOf(path.join(CERTBOT_TESTDATA, 'agree-dev-preview.cli.ini')));
  assertHas(agree, 'agree-dev-preview', 'keyword.other.definition.certbot-cli-ini');
  assertHas(agree, 'True', 'constant.language.boolean.certbot-cli-ini');
});

test('cli.ini: the forms ConfigArgParse accepts, its comments, and hooks as shell', async () => {
  const [colon, space, dashes, flag, semicolon, section, yaml, list, quoted, bad] = await tokenize(CLI, [
    'email: ops@example.com',
    'rsa-key-size 4096',
    '--authenticator = webroot',
    'staple-ocsp',
    '; a comment',
    '[certbot]',
    '---',
    'domains = [example.com, www.example.com]',
    'webroot-path = "/var/www/html"',
    '= value',
  ]);
  assertHas(colon, 'email', 'keyword.other.definition.certbot-cli-ini');
  assertHas(colon, ':', 'keyword.operator.assignment.certbot-cli-ini');
  assertHas(colon, 'ops@example.com', 'string.unquoted.value.certbot-cli-ini');
  assertHas(space, 'rsa-key-size', 'keyword.other.definition.certbot-cli-ini');
  assertHas(space, '4096', 'constant.numeric.integer.certbot-cli-ini');
  assertHas(dashes, '--', 'punctuation.definition.option.certbot-cli-ini');
  assertHas(dashes, 'authenticator', 'keyword.other.definition.certbot-cli-ini');
  assertHas(flag, 'staple-ocsp', 'keyword.other.definition.certbot-cli-ini');
  assertAll(semicolon, '; a comment', 'comment.line.certbot-cli-ini');
  assertAll(section, '[certbot]', 'comment.line');
  assertAll(yaml, '---', 'comment.line');
  assertHas(list, '[', 'punctuation.definition.list.begin.certbot-cli-ini');
  assertHas(list, 'www.example.com', 'string.unquoted.value.certbot-cli-ini');
  assertHas(list, ',', 'punctuation.separator.list.certbot-cli-ini');
  assertHas(quoted, '/var/www/html', 'string.unquoted.value.certbot-cli-ini');
  assertHas(quoted, '"', 'punctuation.definition.string.begin.certbot-cli-ini');
  assert.ok(invalidTokens(bad).length > 0, 'a line starting with = is invalid');

  const [pre, post, deploy, glued, old] = await tokenize(CLI, [
    'pre-hook = systemctl stop nginx # stopped for standalone',
    "post-hook = 'systemctl start nginx'",
    'deploy-hook = systemctl reload nginx;echo done',
    'post-hook = echo a ; this is a comment to ConfigArgParse',
    'renew-hook = systemctl reload apache2',
  ]);
  assertHas(pre, 'pre-hook', 'keyword.other.definition.hook.certbot-cli-ini');
  assertHas(pre, 'systemctl', 'support.function.builtin.shell');
  assertAll(pre, '# stopped for standalone', 'comment.line.certbot-cli-ini');
  assertNone(pre, '# stopped for standalone', 'meta.embedded');
  // The quotes are ConfigArgParse's, not the shell's.
  assertLacks(post, 'systemctl', 'string.quoted');
  assertHas(post, 'systemctl', 'meta.embedded.line.shell.certbot-cli-ini');
  // `;` with no blank before it stays in the command; ` ;` starts a comment.
  assertHas(deploy, ';', 'keyword.operator.list.shell');
  assertAll(glued, '; this is a comment to ConfigArgParse', 'comment.line.certbot-cli-ini');
  assertHas(old, 'renew-hook', 'keyword.other.definition.hook.certbot-cli-ini');
  // A key that only starts like a hook is not one.
  const [notHook] = await tokenize(CLI, ['pre-hooks = x']);
  assertHas(notHook, 'pre-hooks', 'keyword.other.definition.certbot-cli-ini');
  assertLacks(notHook, 'x', 'meta.embedded');
});

test('both grammars are contributed for their languages, with file patterns that stay inside letsencrypt/', () => {
  const manifest = JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8'));
  for (const [language, scope] of [['certbot-renewal', RENEWAL], ['certbot-cli-ini', CLI]] as const) {
    const grammarEntry = manifest.contributes.grammars.find((entry: { language: string }) => entry.language === language);
    assert.ok(grammarEntry, `grammar for ${language}`);
    assert.equal(grammarEntry.scopeName, scope);
    assert.ok(fs.existsSync(repoPath(grammarEntry.path)), grammarEntry.path);
    const languageEntry = manifest.contributes.languages.find((entry: { id: string }) => entry.id === language);
    assert.ok(languageEntry, `language ${language}`);
    for (const pattern of languageEntry.filenamePatterns) assert.match(pattern, /letsencrypt\//, `${language}: ${pattern} is scoped to a letsencrypt folder`);
    assert.ok(manifest.activationEvents.includes(`onLanguage:${language}`), `activation on ${language}`);
    assert.equal(SUFFIX[scope], language);
  }
});
