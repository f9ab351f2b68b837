// The crontab TextMate grammars (syntaxes/), tokenized with the engine VS Code uses (vscode-textmate over the
// oniguruma wasm): chosen substrings of real lines must carry the right scopes, and on every real crontab in
// test/corpus and test/fixtures the grammar must agree with the engine's parser (crontab(5) as cron
// reads it) about where comments, assignments, fields, the user and the command are.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { unescapedPercents } from '../../server/src/engine/crontab/command';
import { FIELD_SPECS } from '../../server/src/engine/crontab/fields';
import type { CrontabDocument } from '../../server/src/engine/crontab/document';
import { parseCrontab } from '../../server/src/engine/crontab/parse';
import { lintCrontab } from '../../server/src/engine/lint';
import type { CronDialect, FileKind } from '../../server/src/engine/types';
import { fixtureFacts } from '../support/fixture-host';
import { fixtureFiles, loadFixture } from '../support/fixtures';
import { repoPath, CORPUS_ROOT } from '../support/paths';
import { assertHas, assertLacks, describeTokens, grammarLoader, inner, invalidTokens, scopesAtIndex, scopesOf, tokenizeLines, type TokenizedLine } from '../support/textmate';


const USER = 'source.crontab';
const SYSTEM = 'source.crontab.system';
const GRAMMAR_FILES: Record<string, string> = {
  [USER]: repoPath('syntaxes', 'crontab.tmLanguage.json'),
  [SYSTEM]: repoPath('syntaxes', 'crontab-system.tmLanguage.json'),
};
const FIELD_SCOPES = ['minute', 'hour', 'day-of-month', 'month', 'day-of-week'].map((field) => `constant.numeric.${field}.crontab`);

// A stand-in for VS Code's shellscript grammar (source.shell), with the constructs that matter here: quotes
// that stay open to the end of a line unless closed, and an escape rule that would swallow `\%`.
const STUB_SHELL = {
  scopeName: 'source.shell',
  patterns: [
    { begin: "'", end: "'", name: 'string.quoted.single.shell' },
    { begin: '"', end: '"', name: 'string.quoted.double.shell', patterns: [{ match: '\\\\.', name: 'constant.character.escape.shell' }] },
    { begin: '\\{', end: '\\}', name: 'meta.group.shell' },
  ],
};


const grammar = grammarLoader({ files: GRAMMAR_FILES, stubShell: STUB_SHELL });

async function tokenize(scopeName: string, lines: string[], withShell = false): Promise<TokenizedLine[]> {
  return tokenizeLines(await grammar(scopeName, withShell), lines);
}

async function tokenizeLine(scopeName: string, text: string, withShell = false): Promise<TokenizedLine> {
  return (await tokenize(scopeName, [text], withShell))[0];
}


test('the checked-in grammars are what syntaxes/build-grammars.mjs generates', () => {
  const result = spawnSync(process.execPath, [repoPath('syntaxes', 'build-grammars.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
});

test('every #include names a rule in the same grammar (vscode-textmate ignores a missing one silently)', () => {
  for (const [scopeName, file] of Object.entries(GRAMMAR_FILES)) {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { scopeName: string; repository: Record<string, unknown> };
    assert.equal(raw.scopeName, scopeName);
    const includes = [...JSON.stringify(raw).matchAll(/"include":"#([^"]+)"/g)].map((match) => match[1]);
    assert.ok(includes.length > 0);
    for (const name of includes) assert.ok(name in raw.repository, `${path.basename(file)}: #${name} is not in the repository`);
  }
});

test('system crontab: the five fields, the user and the command (Debian /etc/crontab)', async () => {
  const line = await tokenizeLine(SYSTEM, '17 *\t* * *\troot\tcd / && run-parts --report /etc/cron.hourly');
  assert.deepEqual(inner(scopesOf(line, '17')), ['meta.schedule.crontab', 'constant.numeric.minute.crontab']);
  FIELD_SCOPES.slice(1).forEach((fieldScope, index) => {
    assert.deepEqual(inner(scopesOf(line, '*', index + 1)), ['meta.schedule.crontab', fieldScope, 'keyword.operator.wildcard.crontab']);
  });
  assert.deepEqual(inner(scopesOf(line, 'root')), ['variable.other.user.crontab']);
  assert.deepEqual(inner(scopesOf(line, 'cd / && run-parts --report /etc/cron.hourly')), ['meta.command.crontab']);
  assert.deepEqual(inner(scopesOf(line, '\t', 3)), [], 'the blank between user and command belongs to neither');
});

test('system crontab: @keyword schedules take the user too', async () => {
  const line = await tokenizeLine(SYSTEM, '@daily root /usr/bin/x');
  assert.deepEqual(inner(scopesOf(line, '@daily')), ['meta.schedule.crontab', 'keyword.control.schedule.crontab']);
  assert.deepEqual(inner(scopesOf(line, 'root')), ['variable.other.user.crontab']);
  assert.deepEqual(inner(scopesOf(line, '/usr/bin/x')), ['meta.command.crontab']);
  const unknown = await tokenizeLine(SYSTEM, '@fortnightly root /usr/bin/x');
  assertHas(unknown, '@fortnightly', 'invalid.illegal.crontab');
  assertHas(unknown, 'root', 'variable.other.user.crontab');
});

test('system crontab: a sixth time field lands in the user column and is marked', async () => {
  // cronie rejects the line ("bad command"); Debian looks up a user named `*`.
  const line = await tokenizeLine(SYSTEM, '0 2 * * * * root /usr/local/bin/backup');
  assertHas(line, '*', 'variable.other.user.crontab', 4);
  assertHas(line, '*', 'invalid.illegal.crontab', 4);
  assertHas(line, 'root /usr/local/bin/backup', 'meta.command.crontab');
});

test('system crontab: cronie `-` prefix and `~` random ranges', async () => {
  const quiet = await tokenizeLine(SYSTEM, '-*/5 * * * * root /usr/local/bin/quiet');
  assert.deepEqual(inner(scopesOf(quiet, '-')), ['storage.modifier.no-log.crontab']);
  assertHas(quiet, '*', 'constant.numeric.minute.crontab');
  assertHas(quiet, '/', 'keyword.operator.step.crontab');
  assertHas(quiet, 'root', 'variable.other.user.crontab');
  const random = await tokenizeLine(SYSTEM, '0 6~15 * * * root /usr/local/bin/report');
  assert.deepEqual(inner(scopesOf(random, '~')), ['meta.schedule.crontab', 'constant.numeric.hour.crontab', 'keyword.operator.random.crontab']);
  assertHas(random, '15', 'constant.numeric.hour.crontab');
});

test('user crontab: after the schedule comes the command (certbot in a RHEL spool crontab)', async () => {
  const line = await tokenizeLine(USER, '39 1,13 * * * certbot renew --no-self-upgrade');
  assert.deepEqual(inner(scopesOf(line, '39')), ['meta.schedule.crontab', 'constant.numeric.minute.crontab']);
  assert.deepEqual(inner(scopesOf(line, '1')), ['meta.schedule.crontab', 'constant.numeric.hour.crontab']);
  assert.deepEqual(inner(scopesOf(line, ',')), ['meta.schedule.crontab', 'constant.numeric.hour.crontab', 'punctuation.separator.crontab']);
  assert.deepEqual(inner(scopesOf(line, '13')), ['meta.schedule.crontab', 'constant.numeric.hour.crontab']);
  assert.deepEqual(inner(scopesOf(line, 'certbot renew --no-self-upgrade')), ['meta.command.crontab']);
  const system = await tokenizeLine(SYSTEM, line.text);
  assert.deepEqual(inner(scopesOf(system, 'certbot')), ['variable.other.user.crontab'], 'the same line read as a system crontab');
});

test('user crontab: month and weekday names, ranges and lists', async () => {
  const line = await tokenizeLine(USER, '0 9 * jan-mar,Dec Mon-Fri /bin/true');
  const month = ['meta.schedule.crontab', 'constant.numeric.month.crontab'];
  const weekday = ['meta.schedule.crontab', 'constant.numeric.day-of-week.crontab'];
  assert.deepEqual(inner(scopesOf(line, 'jan')), [...month, 'constant.language.name.crontab']);
  assert.deepEqual(inner(scopesOf(line, '-')), [...month, 'keyword.operator.range.crontab']);
  assert.deepEqual(inner(scopesOf(line, 'mar')), [...month, 'constant.language.name.crontab']);
  assert.deepEqual(inner(scopesOf(line, ',')), [...month, 'punctuation.separator.crontab']);
  assert.deepEqual(inner(scopesOf(line, 'Dec')), [...month, 'constant.language.name.crontab']);
  assert.deepEqual(inner(scopesOf(line, 'Mon')), [...weekday, 'constant.language.name.crontab']);
  assert.deepEqual(inner(scopesOf(line, '-', 2)), [...weekday, 'keyword.operator.range.crontab']);
  assert.deepEqual(inner(scopesOf(line, 'Fri')), [...weekday, 'constant.language.name.crontab']);
  assert.deepEqual(inner(scopesOf(line, '*')), ['meta.schedule.crontab', 'constant.numeric.day-of-month.crontab', 'keyword.operator.wildcard.crontab']);
  assert.deepEqual(inner(scopesOf(line, '/bin/true')), ['meta.command.crontab']);
});

test('user crontab: steps', async () => {
  const line = await tokenizeLine(USER, '*/5 * * * * cmd');
  assert.deepEqual(inner(scopesOf(line, '*')), ['meta.schedule.crontab', 'constant.numeric.minute.crontab', 'keyword.operator.wildcard.crontab']);
  assert.deepEqual(inner(scopesOf(line, '/')), ['meta.schedule.crontab', 'constant.numeric.minute.crontab', 'keyword.operator.step.crontab']);
  assert.deepEqual(inner(scopesOf(line, '5')), ['meta.schedule.crontab', 'constant.numeric.minute.crontab']);
  assert.deepEqual(inner(scopesOf(line, 'cmd')), ['meta.command.crontab']);
  const sysstat = await tokenizeLine(USER, '5-55/10 * * * * debian-sa1 1 1');
  assertHas(sysstat, '-', 'keyword.operator.range.crontab');
  assertHas(sysstat, '/', 'keyword.operator.step.crontab');
  assert.deepEqual(invalidTokens(sysstat), []);
});

test('user crontab: every @keyword, and only those, case-sensitive', async () => {
  for (const keyword of ['@reboot', '@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']) {
    const line = await tokenizeLine(USER, `${keyword} /usr/local/bin/job --flag`);
    assert.deepEqual(inner(scopesOf(line, keyword)), ['meta.schedule.crontab', 'keyword.control.schedule.crontab']);
    assert.deepEqual(inner(scopesOf(line, '/usr/local/bin/job --flag')), ['meta.command.crontab']);
  }
  // entry.c compares with strcmp: these are rejected.
  for (const keyword of ['@Daily', '@dailyx', '@every', '@']) {
    const line = await tokenizeLine(USER, `${keyword} /usr/local/bin/job`);
    assert.deepEqual(inner(scopesOf(line, keyword)), ['meta.schedule.crontab', 'invalid.illegal.crontab'], keyword);
  }
});

test('user crontab: what cron rejects in a field is marked invalid', async () => {
  const cases: [string, string, string][] = [
    ['60 * * * * x', '60', 'constant.numeric.minute.crontab'],
    ['0 24 * * * x', '24', 'constant.numeric.hour.crontab'],
    ['0 0 0 * * x', '0', 'constant.numeric.day-of-month.crontab'],
    ['0 0 32 * * x', '32', 'constant.numeric.day-of-month.crontab'],
    ['0 0 * 13 * x', '13', 'constant.numeric.month.crontab'],
    ['0 0 * * 8 x', '8', 'constant.numeric.day-of-week.crontab'],
    ['0 9 * * MONDAY x', 'MONDAY', 'constant.numeric.day-of-week.crontab'],
    ['0 9 * mon * x', 'mon', 'constant.numeric.month.crontab'],
    ['0 9 * * jan x', 'jan', 'constant.numeric.day-of-week.crontab'],
    ['0 sun * * * x', 'sun', 'constant.numeric.hour.crontab'],
    ['*/0 * * * * x', '0', 'constant.numeric.minute.crontab'],
    ['5;6 * * * * x', ';6', 'constant.numeric.minute.crontab'],
  ];
  for (const [text, bad, fieldScope] of cases) {
    const line = await tokenizeLine(USER, text);
    const occurrence = text.startsWith('0 0 0') ? 3 : 1;
    assertHas(line, bad, 'invalid.illegal.crontab', occurrence);
    assertHas(line, bad, fieldScope, occurrence);
  }
  // Leading zeros are fine (cron reads numbers with atoi); 7 is Sunday too.
  const zeros = await tokenizeLine(USER, '00 07 01 09 7 x');
  assert.deepEqual(invalidTokens(zeros), []);
  // A sixth time field in a user crontab: entry.c refuses a command that starts with `*`.
  const six = await tokenizeLine(USER, '* * * * * * /usr/local/bin/job');
  assert.deepEqual(inner(scopesOf(six, '*', 6)), ['meta.command.crontab', 'invalid.illegal.crontab']);
  assertHas(six, ' /usr/local/bin/job', 'meta.command.crontab');
});

test('a line cut short while typing still shows its fields', async () => {
  const line = await tokenizeLine(USER, '*/5 * ');
  assertHas(line, '*', 'constant.numeric.hour.crontab', 2);
  assert.deepEqual(invalidTokens(line), []);
});

test('the end of a line ends the last token (vscode-textmate appends a newline the rules must not take)', async () => {
  const reboot = await tokenizeLine(USER, '@reboot');
  assert.deepEqual(inner(scopesOf(reboot, '@reboot')), ['meta.schedule.crontab', 'keyword.control.schedule.crontab']);
  const userOnly = await tokenizeLine(SYSTEM, '@daily root');
  assert.deepEqual(inner(scopesOf(userOnly, 'root')), ['variable.other.user.crontab']);
  const dayOfWeek = await tokenizeLine(SYSTEM, '0 0 * * sun');
  assert.deepEqual(inner(scopesOf(dayOfWeek, 'sun')), ['meta.schedule.crontab', 'constant.numeric.day-of-week.crontab', 'constant.language.name.crontab']);
  for (const scopeName of [USER, SYSTEM]) {
    for (const text of ['', '   ', '\t']) {
      const blank = await tokenizeLine(scopeName, text);
      assert.ok(blank.tokens.every((token) => token.scopes.length === 1), `${JSON.stringify(text)} has only the root scope:\n${describeTokens(blank)}`);
    }
  }
});

test('comments: only a `#` that starts the line', async () => {
  for (const scopeName of [USER, SYSTEM]) {
    const comment = await tokenizeLine(scopeName, '# comment');
    assert.deepEqual(inner(scopesOf(comment, '#')), ['comment.line.number-sign.crontab', 'punctuation.definition.comment.crontab']);
    assert.deepEqual(inner(scopesOf(comment, ' comment')), ['comment.line.number-sign.crontab']);
    const indented = await tokenizeLine(scopeName, ' \t# 0 8-18 * * 1-5 /usr/lib/sysstat/sa1 1200 3');
    assertHas(indented, '#', 'punctuation.definition.comment.crontab');
    assertHas(indented, ' 0 8-18 * * 1-5 /usr/lib/sysstat/sa1 1200 3', 'comment.line.number-sign.crontab');
    // Later on a line `#` is not a comment to cron (sh may still read one: that is the shell grammar's business).
    const job = await tokenizeLine(scopeName, '0 * * * * root echo a#b # c');
    assertLacks(job, 'echo a#b # c', 'comment');
    assertHas(job, scopeName === SYSTEM ? 'echo a#b # c' : 'root echo a#b # c', 'meta.command.crontab');
    const assignment = await tokenizeLine(scopeName, 'MAILTO=ops#team@example.com');
    assert.deepEqual(inner(scopesOf(assignment, 'ops#team@example.com')), ['meta.environment.crontab', 'string.unquoted.crontab']);
  }
});

test('environment assignments, unquoted, quoted and spaced', async () => {
  for (const scopeName of [USER, SYSTEM]) {
    const shell = await tokenizeLine(scopeName, 'SHELL=/bin/sh');
    assert.deepEqual(inner(scopesOf(shell, 'SHELL')), ['meta.environment.crontab', 'variable.other.environment.crontab']);
    assert.deepEqual(inner(scopesOf(shell, '=')), ['meta.environment.crontab', 'keyword.operator.assignment.crontab']);
    assert.deepEqual(inner(scopesOf(shell, '/bin/sh')), ['meta.environment.crontab', 'string.unquoted.crontab']);

    const empty = await tokenizeLine(scopeName, 'MAILTO=""');
    assertHas(empty, 'MAILTO', 'variable.other.environment.crontab');
    assert.deepEqual(inner(scopesOf(empty, '"')), ['meta.environment.crontab', 'string.quoted.double.crontab', 'punctuation.definition.string.begin.crontab']);
    assert.deepEqual(inner(scopesOf(empty, '"', 2)), ['meta.environment.crontab', 'string.quoted.double.crontab', 'punctuation.definition.string.end.crontab']);

    const single = await tokenizeLine(scopeName, "CRON_TZ='Europe/Paris'");
    assert.deepEqual(inner(scopesOf(single, 'Europe/Paris')), ['meta.environment.crontab', 'string.quoted.single.crontab']);

    const spaced = await tokenizeLine(scopeName, 'SHELL = /bin/bash  ');
    assertHas(spaced, 'SHELL', 'variable.other.environment.crontab');
    assertHas(spaced, '=', 'keyword.operator.assignment.crontab');
    assert.deepEqual(inner(scopesOf(spaced, '/bin/bash')), ['meta.environment.crontab', 'string.unquoted.crontab']);
    assertLacks(spaced, '  ', 'string'); // cron drops trailing blanks from an unquoted value

    const quotedPath = await tokenizeLine(scopeName, 'PATH="/usr/local/bin:/usr/bin:/bin"');
    assertHas(quotedPath, '/usr/local/bin:/usr/bin:/bin', 'string.quoted.double.crontab');

    // load_env() refuses these, so cron reads them as (bad) job lines.
    const twoWords = await tokenizeLine(scopeName, 'APP ENV=production');
    assertLacks(twoWords, 'APP', 'variable');
    assertHas(twoWords, 'APP', 'invalid.illegal.crontab');
    const trailing = await tokenizeLine(scopeName, 'MAILTO="ops" extra');
    assertLacks(trailing, 'MAILTO', 'variable');
    // A job whose command assigns a variable is still a job.
    const job = await tokenizeLine(scopeName, '30 3 * * 0 root test -e /run/systemd/system || SERVICE_MODE=1 /sbin/e2scrub_all');
    assertLacks(job, 'SERVICE_MODE', 'variable.other.environment');
  }
});

test('% in the command: unescaped it ends the command and starts stdin; \\% is a literal %', async () => {
  const bare = await tokenizeLine(USER, '0 1 * * * tar czf /b/$(date +%F).tgz /etc');
  assert.deepEqual(inner(scopesOf(bare, 'tar czf /b/$(date +')), ['meta.command.crontab']);
  assert.deepEqual(inner(scopesOf(bare, '%')), ['meta.command.crontab', 'keyword.operator.percent.crontab']);
  assert.deepEqual(inner(scopesOf(bare, 'F).tgz /etc')), ['meta.command.crontab', 'string.unquoted.stdin.crontab']);

  const escaped = await tokenizeLine(USER, '0 1 * * * tar czf /b/$(date +\\%F).tgz /etc');
  assert.deepEqual(inner(scopesOf(escaped, '\\%')), ['meta.command.crontab', 'constant.character.escape.crontab']);
  assert.deepEqual(inner(scopesOf(escaped, 'F).tgz /etc')), ['meta.command.crontab']);

  // A backslash escapes a backslash (do_command.c), so `\\%` is a backslash and then a real `%`; in the
  // stdin text every further `%` is a newline.
  const mixed = await tokenizeLine(SYSTEM, '0 1 * * * root mail -s x root%line one%\\\\%line\\%two');
  assert.deepEqual(inner(scopesOf(mixed, '%')), ['meta.command.crontab', 'keyword.operator.percent.crontab']);
  assertHas(mixed, 'line one', 'string.unquoted.stdin.crontab');
  assertHas(mixed, '%', 'keyword.operator.percent.crontab', 2);
  assertHas(mixed, '%', 'keyword.operator.percent.crontab', 3);
  // The first `\%` in the text is the second half of `\\%`; the escape is the second one.
  assertHas(mixed, '\\%', 'constant.character.escape.crontab', 2);
  assertHas(mixed, '\\%', 'string.unquoted.stdin.crontab', 2);
});

test('with a shell grammar embedded, % still splits inside shell quotes and nothing leaks to the next line', async () => {
  const quoted = await tokenizeLine(USER, `0 2 * * * /usr/local/bin/dump "--name=db-$(date '+%Y%m%d-%H%M')"`, true);
  assertHas(quoted, '"', 'string.quoted.double.shell');
  assertHas(quoted, '%', 'keyword.operator.percent.crontab');
  assertHas(quoted, 'Y', 'string.unquoted.stdin.crontab');
  const escaped = await tokenizeLine(SYSTEM, '0 2 * * * root echo "a\\%b"', true);
  assert.deepEqual(inner(scopesOf(escaped, '\\%')), ['meta.command.crontab', 'string.quoted.double.shell', 'constant.character.escape.crontab']);

  for (const scopeName of [USER, SYSTEM]) {
    const lines = await tokenize(scopeName, ["0 0 * * * root echo 'it is unclosed", '0 0 * * * root { true', 'SHELL=/bin/sh', '# done', '5 4 * * * root x'], true);
    assertHas(lines[0], "'", 'string.quoted.single.shell');
    assert.deepEqual(inner(scopesOf(lines[1], '0')), ['meta.schedule.crontab', 'constant.numeric.minute.crontab']);
    assertHas(lines[1], '{', 'meta.group.shell');
    assert.deepEqual(inner(scopesOf(lines[2], 'SHELL')), ['meta.environment.crontab', 'variable.other.environment.crontab']);
    assert.deepEqual(inner(scopesOf(lines[3], '#')), ['comment.line.number-sign.crontab', 'punctuation.definition.comment.crontab']);
    assert.deepEqual(inner(scopesOf(lines[4], '5')), ['meta.schedule.crontab', 'constant.numeric.minute.crontab']);
  }
});

test('the mdadm job from Debian cron.d: \\% inside $( ) and [ ]', async () => {
  const file = path.join(CORPUS_ROOT, 'debian-bookworm', 'root', 'etc', 'cron.d', 'mdadm');
  const text = fs.readFileSync(file, 'utf8').split('\n').find((candidate) => candidate.startsWith('57 0'));
  assert.ok(text, 'the mdadm job line');
  const line = await tokenizeLine(SYSTEM, text);
  assertHas(line, '57', 'constant.numeric.minute.crontab');
  assertHas(line, '0', 'constant.numeric.day-of-week.crontab', 2);
  assert.deepEqual(inner(scopesOf(line, 'root')), ['variable.other.user.crontab']);
  assert.deepEqual(inner(scopesOf(line, '\\%')), ['meta.command.crontab', 'constant.character.escape.crontab']);
  assertLacks(line, 'd) -le 7 ]', 'string');
});

// Structure the engine's parser finds on each line, checked against the tokens. Lines cron rejects are left
// out: the grammar cannot know the dialect (Debian refuses `MAILTO=`, cronie takes it).
function assertAgreesWithParser(label: string, document: CrontabDocument, lines: TokenizedLine[]): void {
  const where = (line: number, what: string) => `${label}:${line + 1} ${what}\n${describeTokens(lines[line])}`;
  const everyCharacter = (line: number, start: number, end: number, check: (scopes: string[]) => boolean, what: string) => {
    for (let index = start; index < end; index++) assert.ok(check(scopesAtIndex(lines[line], index)), where(line, `${what} at character ${index + 1}`));
  };
  for (const parsed of document.lines) {
    if (parsed.text.includes('\r')) continue; // VS Code hands a grammar lines without their `\r`
    const line = parsed.line;
    assert.equal(lines[line].text, parsed.text);
    switch (parsed.type) {
      case 'comment':
        assert.ok(scopesAtIndex(lines[line], parsed.start).includes('punctuation.definition.comment.crontab'), where(line, 'comment'));
        everyCharacter(line, parsed.start, parsed.text.length, (scopes) => scopes.includes('comment.line.number-sign.crontab'), 'comment');
        break;
      case 'environment':
        everyCharacter(line, parsed.name.start, parsed.name.end, (scopes) => scopes.includes('variable.other.environment.crontab'), 'name');
        everyCharacter(line, parsed.valueToken.start, parsed.valueToken.end, (scopes) => scopes.some((scope) => scope.startsWith('string.')), 'value');
        break;
      case 'job': {
        parsed.timeTokens.forEach((token, index) => {
          const scope = parsed.keyword ? 'keyword.control.schedule.crontab' : FIELD_SCOPES[index];
          everyCharacter(line, token.start, token.end, (scopes) => scopes.includes(scope) && scopes.includes('meta.schedule.crontab'), parsed.keyword ? 'keyword' : FIELD_SPECS[index].name);
        });
        if (parsed.user) everyCharacter(line, parsed.user.start, parsed.user.end, (scopes) => scopes.includes('variable.other.user.crontab'), 'user');
        if (parsed.command.text.trim() === '') break;
        everyCharacter(line, parsed.command.start, parsed.command.end, (scopes) => scopes.includes('meta.command.crontab'), 'command');
        const percents = unescapedPercents(parsed.command.text);
        for (const offset of percents) {
          assert.ok(scopesAtIndex(lines[line], parsed.command.start + offset).includes('keyword.operator.percent.crontab'), where(line, `% at ${offset}`));
        }
        for (let offset = 1; offset < parsed.command.text.length; offset++) {
          if (parsed.command.text[offset] !== '%' || percents.includes(offset)) continue;
          assert.ok(scopesAtIndex(lines[line], parsed.command.start + offset - 1).includes('constant.character.escape.crontab'), where(line, `\\% at ${offset}`));
        }
        break;
      }
      default:
        break;
    }
  }
}

function grammarFor(kind: FileKind): string {
  return kind === 'crontab-system' ? SYSTEM : USER;
}

function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

const CORPUS: { file: string; kind: FileKind; dialect: CronDialect }[] = (() => {
  const corpus = path.join(CORPUS_ROOT);
  const inFolder = (folder: string) => fs.readdirSync(path.join(corpus, folder)).sort().map((name) => path.join(folder, name));
  const system = (dialect: CronDialect) => (file: string) => ({ file, kind: 'crontab-system' as const, dialect });
  return [
    ...['debian-bookworm/root/etc/crontab', ...inFolder('debian-bookworm/root/etc/cron.d')].map(system('debian')),
    ...['rhel-cronie/root/etc/crontab', ...inFolder('rhel-cronie/root/etc/cron.d')].map(system('cronie')),
    { file: 'rhel-cronie/root/var/spool/cron/root', kind: 'crontab-user', dialect: 'cronie' },
    { file: 'sysstat-example-crontab', kind: 'crontab-user', dialect: 'debian' },
  ];
})();

test('stock crontabs from test/corpus: nothing marked invalid, and the parser agrees on every line', async () => {
  let jobs = 0;
  for (const { file, kind, dialect } of CORPUS) {
    const text = fs.readFileSync(path.join(CORPUS_ROOT, file), 'utf8');
    const lines = await tokenize(grammarFor(kind), linesOf(text));
    lines.forEach((line, index) => assert.deepEqual(invalidTokens(line), [], `${file}:${index + 1} ${line.text}`));
    const document = parseCrontab(text, kind, dialect);
    jobs += document.lines.filter((line) => line.type === 'job').length;
    assertAgreesWithParser(file, document, lines);
  }
  assert.ok(jobs >= 15, `the corpus has its job lines (${jobs})`);
});

test('test/fixtures/crontab: the parser agrees with the grammar the engine would pick, line by line', async () => {
  const files = fixtureFiles('crontab');
  assert.ok(files.length > 10);
  for (const file of files) {
    const fixture = loadFixture(file);
    const result = lintCrontab({ text: fixture.text, path: fixture.path, facts: fixtureFacts(fixture.dialect), locale: fixture.locale });
    const lines = await tokenize(grammarFor(result.kind), linesOf(fixture.text).map((line) => line.replace(/\r$/, '')));
    assertAgreesWithParser(path.relative(repoPath(), file), result.document, lines);
  }
});

test('language-configuration.json: # comments, brackets and quotes, words that fit crontab fields', () => {
  const config = JSON.parse(fs.readFileSync(repoPath('language-configuration.json'), 'utf8')) as {
    comments: { lineComment?: string; blockComment?: unknown };
    brackets: [string, string][];
    autoClosingPairs: { open: string; close: string }[];
    wordPattern: string;
  };
  assert.deepEqual(config.comments, { lineComment: '#' });
  for (const pair of [['(', ')'], ['{', '}'], ['[', ']']]) assert.ok(config.brackets.some((bracket) => bracket[0] === pair[0] && bracket[1] === pair[1]), pair.join(''));
  for (const quote of ['"', "'"]) assert.ok(config.autoClosingPairs.some((pair) => pair.open === quote && pair.close === quote), quote);
  const words = (text: string) => [...text.matchAll(new RegExp(config.wordPattern, 'g'))].map((match) => match[0]);
  // One word per number or name, so completing `fri` after `mon-` or double-clicking `mar` works.
  assert.deepEqual(words('0 9 * jan-mar,Dec Mon-Fri /bin/true'), ['0', '9', 'jan', 'mar', 'Dec', 'Mon', 'Fri', 'bin', 'true']);
  assert.deepEqual(words('@daily root x'), ['@daily', 'root', 'x']);
  assert.deepEqual(words('MAILTO=ops@example.com */15'), ['MAILTO', 'ops', 'example', 'com', '15']);
});
