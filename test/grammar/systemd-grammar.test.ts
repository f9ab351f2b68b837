// The unit-file TextMate grammar (syntaxes/systemd.tmLanguage.json), tokenized with the engine VS Code uses
// (vscode-textmate over the oniguruma wasm): chosen substrings of real lines must carry the right scopes, and
// on every stock unit in test/corpus the grammar must agree with the engine's parser (systemd 252's
// conf-parser.c) about where comments, section names, keys and values are. Time spans and calendar
// expressions are checked against the engine's parse_time and calendar_spec_from_string ports.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseCalendar } from '../../server/src/engine/systemd/calendar';
import { DIRECTIVE_SECTIONS, directivesOf, lookupDirective } from '../../server/src/engine/systemd/directives';
import { parseTimespan } from '../../server/src/engine/systemd/timespan';
import { type UnitFileDocument, parseUnitFile } from '../../server/src/engine/systemd/unit-file';
import { repoPath, CORPUS_ROOT } from '../support/paths';
import { assertHas, assertLacks, describeTokens, grammarLoader, inner, invalidTokens, scopesAtIndex, scopesOf, tokenizeLines, type TokenizedLine } from '../support/textmate';


const SCOPE = 'source.systemd';
const GRAMMAR_FILE = repoPath('syntaxes', 'systemd.tmLanguage.json');
const UNITS = path.join(CORPUS_ROOT, 'debian-bookworm', 'root', 'lib', 'systemd', 'system');

const KEY = 'keyword.other.directive.systemd';
const OTHER_KEY = 'variable.other.key.systemd';
const ASSIGNMENT = 'keyword.operator.assignment.systemd';
const VALUE = 'string.unquoted.value.systemd';
const DIRECTIVE = 'meta.directive.systemd';
const CALENDAR = 'meta.calendar.systemd';
const COMMAND = 'meta.command.systemd';
const CONTINUATION = 'constant.character.escape.line-continuation.systemd';
/** What a value's characters may be scoped as (besides the blanks between them and line continuations). */
const VALUE_SCOPES = [VALUE, 'constant.language.boolean.systemd', 'constant.numeric.timespan.systemd', 'constant.language.infinity.systemd', CALENDAR, COMMAND, 'storage.modifier.exec-prefix.systemd'];

// A stand-in for VS Code's shellscript grammar (source.shell), with the constructs that matter here: quotes
// and braces that stay open to the end of a line unless closed, and comments.
const STUB_SHELL = {
  scopeName: 'source.shell',
  patterns: [
    { begin: "'", end: "'", name: 'string.quoted.single.shell' },
    { begin: '"', end: '"', name: 'string.quoted.double.shell', patterns: [{ match: '\\\\.', name: 'constant.character.escape.shell' }] },
    { begin: '\\{', end: '\\}', name: 'meta.group.shell' },
    { match: '(?<![^ \\t])#.*$', name: 'comment.line.number-sign.shell' },
  ],
};


/** Which grammars the registry was asked for, to check that source.shell is requested at all. */
const requested = new Set<string>();
const grammar = grammarLoader({ files: { [SCOPE]: GRAMMAR_FILE }, stubShell: STUB_SHELL, onRequest: (name) => requested.add(name) });

async function tokenize(lines: string[], withShell = false): Promise<TokenizedLine[]> {
  return tokenizeLines(await grammar(SCOPE, withShell), lines);
}

/** Each character of `substring` (its first appearance) must have a scope that passes `check`. */
function assertEveryCharacter(line: TokenizedLine, substring: string, check: (scope: string) => boolean, what: string): void {
  const start = line.text.indexOf(substring);
  assert.ok(start >= 0, `${JSON.stringify(substring)} is not in ${JSON.stringify(line.text)}`);
  for (let index = start; index < start + substring.length; index++) {
    assert.ok(scopesAtIndex(line, index).some(check), `${what} at character ${index + 1} of ${JSON.stringify(line.text)}:\n${describeTokens(line)}`);
  }
}

/** One line of a unit, after a `[Service]` header (so it is not outside a section). */
async function tokenizeInSection(text: string, withShell = false): Promise<TokenizedLine> {
  return (await tokenize(['[Service]', text], withShell))[1];
}


function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

/** A stock unit's line that starts with `prefix`. */
function corpusLine(unit: string, prefix: string): string {
  const found = linesOf(fs.readFileSync(path.join(UNITS, unit), 'utf8')).find((candidate) => candidate.startsWith(prefix));
  assert.ok(found, `${unit} has a line starting ${prefix}`);
  return found;
}

// Structure the engine's parser finds, checked against the tokens, character by character.
function assertAgreesWithParser(label: string, document: UnitFileDocument, lines: TokenizedLine[]): void {
  const where = (line: number, what: string) => `${label}:${line + 1} ${what}\n${describeTokens(lines[line])}`;
  const commentLines = new Set<number>();
  for (const comment of document.comments) {
    const line = comment.range.start.line;
    commentLines.add(line);
    assert.ok(scopesAtIndex(lines[line], comment.range.start.character).includes('punctuation.definition.comment.systemd'), where(line, 'comment'));
    for (let index = comment.range.start.character; index < comment.range.end.character; index++) {
      assert.ok(scopesAtIndex(lines[line], index).some((scope) => scope.startsWith('comment.line.')), where(line, `comment at character ${index + 1}`));
    }
  }
  for (const section of document.sections) {
    const { start, end } = section.nameRange;
    for (let index = start.character; index < end.character; index++) {
      assert.ok(scopesAtIndex(lines[start.line], index).includes('entity.name.section.systemd'), where(start.line, `section name at character ${index + 1}`));
    }
  }
  for (const directive of document.directives) {
    const { start, end } = directive.keyRange;
    // The grammar does not follow sections: a key systemd knows in any of them is a directive.
    const keyScope = DIRECTIVE_SECTIONS.some((section) => lookupDirective(section, directive.key)) ? KEY : OTHER_KEY;
    for (let index = start.character; index < end.character; index++) {
      const scopes = scopesAtIndex(lines[start.line], index);
      assert.ok(scopes.includes(keyScope), where(start.line, `${keyScope} at character ${index + 1}`));
      if (directive.section === undefined) assert.ok(scopes.includes('invalid.illegal.outside-section.systemd'), where(start.line, 'key outside a section'));
    }
    const range = directive.valueRange;
    for (let line = range.start.line; line <= range.end.line; line++) {
      if (commentLines.has(line)) continue;
      const from = line === range.start.line ? range.start.character : 0;
      const to = line === range.end.line ? range.end.character : lines[line].text.length;
      for (let index = from; index < to; index++) {
        const character = lines[line].text[index];
        const scopes = scopesAtIndex(lines[line], index);
        if (character === ' ' || character === '\t') continue;
        if (line < range.end.line && index === lines[line].text.length - 1) {
          assert.ok(scopes.includes(CONTINUATION), where(line, 'line continuation'));
          continue;
        }
        assert.ok(scopes.some((scope) => VALUE_SCOPES.includes(scope)), where(line, `value at character ${index + 1}`));
        assert.ok(!scopes.includes(KEY) && !scopes.includes(OTHER_KEY), where(line, `no key scope in the value at character ${index + 1}`));
      }
    }
  }
}

function corpusUnits(): string[] {
  return fs
    .readdirSync(UNITS, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
}

// Real files from the systemd 252.39 source tree (LGPL-2.1-or-later), for what the Debian corpus lacks:
// the example in systemd.syntax(7) (man/systemd.syntax.xml), with a `;` comment and comment lines inside a
// continuation, and the "default" portable profile (src/portable/profile/default/service.conf), which wraps
// a long list over continuation lines.
const SYNTAX_EXAMPLE = `[Section A]
KeyOne=value 1
KeyTwo=value 2

# a comment

[Section B]
Setting="something" "some thing" "…"
KeyTwo=value 2 \\
       value 2 continued

[Section C]
KeyThree=value 3\\
# this line is ignored
; this line is ignored too
       value 3 continued
`;
const PORTABLE_DEFAULT_PROFILE = `# The "default" security profile for services, i.e. a number of useful restrictions

[Service]
MountAPIVFS=yes
BindReadOnlyPaths=/dev/log /run/systemd/journal/socket /run/systemd/journal/stdout
BindReadOnlyPaths=/etc/machine-id
BindReadOnlyPaths=-/etc/resolv.conf
BindReadOnlyPaths=/run/dbus/system_bus_socket
DynamicUser=yes
RemoveIPC=yes
CapabilityBoundingSet=CAP_CHOWN CAP_DAC_OVERRIDE CAP_DAC_READ_SEARCH CAP_FOWNER \\
\tCAP_FSETID CAP_IPC_LOCK CAP_IPC_OWNER CAP_KILL CAP_MKNOD CAP_NET_ADMIN \\
\tCAP_NET_BIND_SERVICE CAP_NET_BROADCAST CAP_SETGID CAP_SETPCAP \\
\tCAP_SETUID CAP_SYS_ADMIN CAP_SYS_CHROOT CAP_SYS_NICE CAP_SYS_RESOURCE
PrivateTmp=yes
PrivateDevices=yes
PrivateUsers=yes
ProtectSystem=strict
ProtectHome=yes
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectControlGroups=yes
RestrictAddressFamilies=AF_UNIX AF_NETLINK AF_INET AF_INET6
LockPersonality=yes
MemoryDenyWriteExecute=yes
RestrictRealtime=yes
RestrictNamespaces=yes
SystemCallFilter=@system-service
SystemCallErrorNumber=EPERM
SystemCallArchitectures=native
`;

test('the checked-in grammar is what syntaxes/build-systemd-grammar.mjs generates', () => {
  const result = spawnSync(process.execPath, [repoPath('syntaxes', 'build-systemd-grammar.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
});

test('every #include names a rule in the grammar (vscode-textmate ignores a missing one silently)', () => {
  const raw = JSON.parse(fs.readFileSync(GRAMMAR_FILE, 'utf8')) as { scopeName: string; repository: Record<string, unknown> };
  assert.equal(raw.scopeName, SCOPE);
  const includes = [...JSON.stringify(raw).matchAll(/"include":"#([^"]+)"/g)].map((match) => match[1]);
  assert.ok(includes.length > 0);
  for (const name of includes) assert.ok(name in raw.repository, `#${name} is not in the repository`);
});

test('stock units from test/corpus: nothing marked invalid, and the parser agrees on every line', async () => {
  const units = corpusUnits();
  assert.ok(units.length >= 40, `the corpus has its units (${units.length})`);
  let directives = 0;
  for (const unit of units) {
    const text = fs.readFileSync(path.join(UNITS, unit), 'utf8');
    const lines = await tokenize(linesOf(text), true);
    lines.forEach((line, index) => assert.deepEqual(invalidTokens(line), [], `${unit}:${index + 1} ${line.text}\n${describeTokens(line)}`));
    const document = parseUnitFile(text);
    directives += document.directives.length;
    assertAgreesWithParser(unit, document, lines);
  }
  assert.ok(directives > 300, `the corpus has its directives (${directives})`);
});

test('systemd 252 source files with continuations and `;` comments: the parser agrees on every line', async () => {
  for (const [label, text] of [
    ['systemd.syntax(7) example', SYNTAX_EXAMPLE],
    ['portable profile default/service.conf', PORTABLE_DEFAULT_PROFILE],
  ]) {
    const lines = await tokenize(linesOf(text));
    lines.forEach((line, index) => assert.deepEqual(invalidTokens(line), [], `${label}:${index + 1} ${line.text}`));
    const document = parseUnitFile(text);
    assert.ok(document.directives.some((directive) => directive.continued), `${label} has a continued directive`);
    assertAgreesWithParser(label, document, lines);
  }
});

test('certbot.timer: section headers, OnCalendar= by part, a time span and a boolean', async () => {
  const header = await tokenizeInSection(corpusLine('certbot.timer', '[Install]'));
  assert.deepEqual(inner(scopesOf(header, '[')), ['punctuation.definition.section.begin.systemd']);
  assert.deepEqual(inner(scopesOf(header, 'Install')), ['entity.name.section.systemd']);
  assert.deepEqual(inner(scopesOf(header, ']')), ['punctuation.definition.section.end.systemd']);

  const calendar = await tokenizeInSection(corpusLine('certbot.timer', 'OnCalendar='));
  assert.equal(calendar.text, 'OnCalendar=*-*-* 00,12:00:00');
  assert.deepEqual(inner(scopesOf(calendar, 'OnCalendar')), [DIRECTIVE, KEY]);
  assert.deepEqual(inner(scopesOf(calendar, '=')), [DIRECTIVE, ASSIGNMENT]);
  assert.deepEqual(inner(scopesOf(calendar, '*')), [DIRECTIVE, CALENDAR, 'keyword.operator.wildcard.systemd']);
  assert.deepEqual(inner(scopesOf(calendar, '-')), [DIRECTIVE, CALENDAR, 'punctuation.separator.date.systemd']);
  assert.deepEqual(inner(scopesOf(calendar, '*', 3)), [DIRECTIVE, CALENDAR, 'keyword.operator.wildcard.systemd']);
  assert.deepEqual(inner(scopesOf(calendar, '00')), [DIRECTIVE, CALENDAR, 'constant.numeric.calendar.systemd']);
  assert.deepEqual(inner(scopesOf(calendar, ',')), [DIRECTIVE, CALENDAR, 'keyword.operator.list.systemd']);
  assert.deepEqual(inner(scopesOf(calendar, '12')), [DIRECTIVE, CALENDAR, 'constant.numeric.calendar.systemd']);
  assert.deepEqual(inner(scopesOf(calendar, ':')), [DIRECTIVE, CALENDAR, 'punctuation.separator.time.systemd']);

  const delay = await tokenizeInSection(corpusLine('certbot.timer', 'RandomizedDelaySec='));
  assert.deepEqual(inner(scopesOf(delay, 'RandomizedDelaySec')), [DIRECTIVE, KEY]);
  assert.deepEqual(inner(scopesOf(delay, '43200')), [DIRECTIVE, 'constant.numeric.timespan.systemd']);

  const persistent = await tokenizeInSection(corpusLine('certbot.timer', 'Persistent='));
  assert.deepEqual(inner(scopesOf(persistent, 'Persistent')), [DIRECTIVE, KEY]);
  assert.deepEqual(inner(scopesOf(persistent, '=')), [DIRECTIVE, ASSIGNMENT]);
  assert.deepEqual(inner(scopesOf(persistent, 'true')), [DIRECTIVE, 'constant.language.boolean.systemd']);

  const description = await tokenizeInSection(corpusLine('certbot.timer', 'Description='));
  assert.deepEqual(inner(scopesOf(description, 'Run certbot twice daily')), [DIRECTIVE, VALUE]);
});

test('OnCalendar= in the stock timers: weekdays, ranges, steps, shorthands; the engine accepts each one', async () => {
  const anacron = await tokenizeInSection(corpusLine('anacron.timer', 'OnCalendar='));
  assert.deepEqual(inner(scopesOf(anacron, '..')), [DIRECTIVE, CALENDAR, 'keyword.operator.range.systemd']);
  const mdcheck = await tokenizeInSection(corpusLine('mdcheck_start.timer', 'OnCalendar='));
  assert.deepEqual(inner(scopesOf(mdcheck, 'Sun')), [DIRECTIVE, CALENDAR, 'constant.language.weekday.systemd']);
  const sysstat = await tokenizeInSection(corpusLine('sysstat-collect.timer', 'OnCalendar='));
  assert.deepEqual(inner(scopesOf(sysstat, '/')), [DIRECTIVE, CALENDAR, 'keyword.operator.step.systemd']);
  const daily = await tokenizeInSection(corpusLine('logrotate.timer', 'OnCalendar='));
  assert.deepEqual(inner(scopesOf(daily, 'daily')), [DIRECTIVE, CALENDAR, 'constant.language.shorthand.systemd']);
  const weekly = await tokenizeInSection(corpusLine('fstrim.timer', 'OnCalendar='));
  assert.deepEqual(inner(scopesOf(weekly, 'weekly')), [DIRECTIVE, CALENDAR, 'constant.language.shorthand.systemd']);
  // mdmonitor-oneshot.timer has a blank after `=`.
  const spaced = await tokenizeInSection(corpusLine('mdmonitor-oneshot.timer', 'OnCalendar='));
  assert.deepEqual(inner(scopesOf(spaced, '2')), [DIRECTIVE, CALENDAR, 'constant.numeric.calendar.systemd']);

  // Expressions systemd takes (the engine's port of calendar_spec_from_string says so first): no part of
  // them may be marked invalid.
  const accepted = [
    ...corpusUnits()
      .filter((unit) => unit.endsWith('.timer'))
      .flatMap((unit) => linesOf(fs.readFileSync(path.join(UNITS, unit), 'utf8')))
      .filter((line) => line.startsWith('OnCalendar='))
      .map((line) => line.slice('OnCalendar='.length).trim()),
    'Mon..Fri *-*-* 09:00',
    'Mon-Fri 10:00',
    'Sat,Sun 10:00',
    'monday,WEDNESDAY 1:2:3',
    '*-02~03',
    'Mon *-05~07/1',
    '*-*~01',
    '2003-03-05 05:40',
    '00:00:00.5',
    '2024-*-1..7 04:00:00',
    '*:0/15',
    '*:*:0.5',
    '12:00 UTC',
    'daily UTC',
    'Semi-Annually',
    'quarterly',
    'minutely',
    '@1700000000',
  ];
  for (const expression of accepted) {
    assert.ok(parseCalendar(expression).ok, `the engine accepts ${expression}`);
    const line = await tokenizeInSection(`OnCalendar=${expression}`);
    assert.deepEqual(invalidTokens(line), [], `${expression}\n${describeTokens(line)}`);
    assertEveryCharacter(line, expression, (scope) => scope === CALENDAR, CALENDAR);
  }
  const zone = await tokenizeInSection('OnCalendar=*-*-* 06:00 Europe/Berlin');
  assert.deepEqual(inner(scopesOf(zone, 'Europe/Berlin')), [DIRECTIVE, CALENDAR, 'support.constant.timezone.systemd']);
  const utc = await tokenizeInSection('OnCalendar=daily UTC');
  assert.deepEqual(inner(scopesOf(utc, 'UTC')), [DIRECTIVE, CALENDAR, 'support.constant.timezone.systemd']);
  const endOfMonth = await tokenizeInSection('OnCalendar=*-02~03');
  assert.deepEqual(inner(scopesOf(endOfMonth, '~')), [DIRECTIVE, CALENDAR, 'keyword.operator.end-of-month.systemd']);
  const oldRange = await tokenizeInSection('OnCalendar=Mon-Fri 10:00');
  assert.deepEqual(inner(scopesOf(oldRange, '-')), [DIRECTIVE, CALENDAR, 'keyword.operator.range.systemd']);

  // A misspelt weekday, or a shorthand that is not the whole expression: systemd refuses them.
  for (const [expression, bad] of [
    ['Mondy *-*-* 10:00', 'Mondy'],
    ['daily 10:00', 'daily'],
    ['*-*-* 10;00', ';'],
  ]) {
    assert.equal(parseCalendar(expression).ok, false, `the engine refuses ${expression}`);
    assertHas(await tokenizeInSection(`OnCalendar=${expression}`), bad, 'invalid.illegal.calendar.systemd');
  }
});

test('time spans: the grammar marks a span valid exactly when the engine (parse_time) reads it', async () => {
  const samples = [
    '43200', '12h', '1h 30min', '1h30min', '5m', '5M', '5 min', '2min 200ms', '1.5h', '.5s', '+5s', '0', '5 10',
    '1y 2months 3w 4d', '10us', '10\u00b5s', '10\u03bcs', '1h.5m', '5min10', '60m', '30sec',
    '5mins', '5 mins', '1H', '1Y', '1ns', '-5s', '5x', '1.5.5', '3.', '3.sec', '5 hrs', 'h', 'infinity 5', 'infinityx', 'ten',
  ];
  for (const sample of samples) {
    const result = parseTimespan(sample);
    const line = await tokenizeInSection(`AccuracySec=${sample}`);
    const scopes = scopesOf(line, sample);
    if (result.ok) assert.deepEqual(inner(scopes), [DIRECTIVE, 'constant.numeric.timespan.systemd'], `${sample} is a span`);
    else assert.deepEqual(inner(scopes), [DIRECTIVE, 'invalid.illegal.timespan.systemd'], `${sample} is not a span`);
  }
  const infinity = await tokenizeInSection(corpusLine('anacron.service', 'TimeoutStopSec='));
  assert.deepEqual(inner(scopesOf(infinity, 'infinity')), [DIRECTIVE, 'constant.language.infinity.systemd']);
  // Keys outside the engine's table follow the name, as systemd's own do (Socket.KeepAliveTimeSec=).
  assertHas(await tokenizeInSection('KeepAliveTimeSec=2h'), '2h', 'constant.numeric.timespan.systemd');
  // Not time spans: nanoseconds, a device and a span, a continued value.
  assertHas(await tokenizeInSection('TimerSlackNSec=50'), '50', VALUE);
  assertHas(await tokenizeInSection('IODeviceLatencyTargetSec=/dev/sda 25ms'), '/dev/sda 25ms', VALUE);
  const continued = await tokenize(['[Timer]', 'OnBootSec=1h \\', '  30min']);
  assertHas(continued[1], '1h', VALUE);
  assertHas(continued[2], '30min', VALUE);
});

test('the directives table decides which keys are directives, booleans and time spans', async () => {
  const spanParsers = new Set(['config_parse_sec', 'config_parse_sec_fix_0', 'config_parse_sec_def_infinity', 'config_parse_service_timeout', 'config_parse_service_timeout_abort', 'config_parse_job_timeout_sec', 'config_parse_job_running_timeout_sec']);
  let checked = 0;
  for (const section of DIRECTIVE_SECTIONS) {
    for (const key of directivesOf(section)) {
      const info = lookupDirective(section, key);
      assert.ok(info);
      if (key.startsWith('Exec') || key === 'OnCalendar') continue;
      const span = spanParsers.has(info.parser ?? '') || (info.parser === 'config_parse_timer' && key !== 'OnCalendar');
      const [spanLine, booleanLine] = await tokenize([`[${section}]`, `${key}=5min`, `${key}=1`]).then((lines) => lines.slice(1));
      assert.deepEqual(inner(scopesOf(spanLine, key)), [DIRECTIVE, KEY], `${section}.${key} is a directive`);
      assert.equal(scopesOf(spanLine, '5min').includes('constant.numeric.timespan.systemd'), span, `${section}.${key}=5min (${info.parser})`);
      const boolean = info.parser === 'config_parse_bool';
      assert.equal(scopesOf(booleanLine, '1').includes('constant.language.boolean.systemd'), boolean, `${section}.${key}=1 (${info.parser})`);
      checked++;
    }
  }
  assert.ok(checked > 300, `${checked} directives`);
  // Keys systemd does not know (typos, extension keys) look different from directives.
  const typo = await tokenizeInSection('Persistant=true');
  assert.deepEqual(inner(scopesOf(typo, 'Persistant')), [DIRECTIVE, OTHER_KEY]);
  assert.deepEqual(inner(scopesOf(typo, 'true')), [DIRECTIVE, 'constant.language.boolean.systemd'], 'the word is a boolean wherever it is the whole value');
  assert.deepEqual(inner(scopesOf(await tokenizeInSection('X-Ticket=OPS-123'), 'X-Ticket')), [DIRECTIVE, OTHER_KEY]);
  // parse_boolean() is case-insensitive and also takes y/n/t/f, but only a boolean directive reads 1 or n so.
  for (const value of ['YES', 'Off', 'n', 't', '0']) assertHas(await tokenizeInSection(`NoNewPrivileges=${value}`), value, 'constant.language.boolean.systemd');
  assertHas(await tokenizeInSection('Nice=1'), '1', VALUE);
  assertHas(await tokenizeInSection('ProtectSystem=strict'), 'strict', VALUE);
  assertHas(await tokenizeInSection('ProtectHome=yes'), 'yes', 'constant.language.boolean.systemd');
  // config_parse_bool(): anything else is logged and ignored.
  assertHas(await tokenizeInSection('PrivateTmp=maybe'), 'maybe', 'invalid.illegal.boolean.systemd');
});

test('Exec…= lines: the prefixes, then the command with the shell grammar embedded', async () => {
  const pre = await tokenizeInSection(corpusLine('apt-daily-upgrade.service', 'ExecStartPre='), true);
  assert.equal(pre.text, 'ExecStartPre=-/usr/lib/apt/apt-helper wait-online');
  assert.deepEqual(inner(scopesOf(pre, 'ExecStartPre')), [DIRECTIVE, KEY]);
  assert.deepEqual(inner(scopesOf(pre, '-')), [DIRECTIVE, 'storage.modifier.exec-prefix.systemd']);
  assert.deepEqual(inner(scopesOf(pre, '/usr/lib/apt/apt-helper wait-online')), [DIRECTIVE, COMMAND]);

  const privileged = await tokenizeInSection(corpusLine('man-db.service', 'ExecStart=+'), true);
  assert.deepEqual(inner(scopesOf(privileged, '+')), [DIRECTIVE, 'storage.modifier.exec-prefix.systemd']);
  assert.deepEqual(inner(scopesOf(privileged, '/usr/bin/install -d -o man -g man -m 0755 /var/cache/man')), [DIRECTIVE, COMMAND]);

  const plain = await tokenizeInSection(corpusLine('certbot.service', 'ExecStart='), true);
  assert.deepEqual(inner(scopesOf(plain, '/usr/bin/certbot -q renew --no-random-sleep-on-renew')), [DIRECTIVE, COMMAND]);
  const instance = await tokenizeInSection(corpusLine('mdadm-last-resort@.service', 'ExecStart='), true);
  assert.deepEqual(inner(scopesOf(instance, '%i')), [DIRECTIVE, COMMAND, 'constant.other.placeholder.systemd']);

  // config_parse_exec(): `-`, `@`, `:` once each and one of `+`, `!`, `!!`; the first character that does
  // not fit belongs to the path.
  for (const [value, prefix, rest] of [
    ['-/usr/bin/true', '-', '/usr/bin/true'],
    ['!!/usr/bin/true', '!!', '/usr/bin/true'],
    ['-@:+/usr/bin/true x', '-@:+', '/usr/bin/true x'],
    ['@!-!/usr/bin/true', '@!-!', '/usr/bin/true'],
    ['--/usr/bin/true', '-', '-/usr/bin/true'],
    ['+!/usr/bin/true', '+', '!/usr/bin/true'],
    ['!!!/usr/bin/true', '!!', '!/usr/bin/true'],
  ]) {
    const line = await tokenizeInSection(`ExecStart=${value}`);
    assert.deepEqual(inner(scopesOf(line, prefix)), [DIRECTIVE, 'storage.modifier.exec-prefix.systemd'], value);
    assert.deepEqual(inner(scopesOf(line, rest)), [DIRECTIVE, COMMAND], value);
  }
  assertLacks(await tokenizeInSection('ExecSearchPath=/usr/local/bin:/usr/bin'), '/usr/local/bin:/usr/bin', COMMAND);

  // A lone `;` separates commands, each with its own prefix.
  const two = await tokenizeInSection('ExecStartPre=/bin/mkdir -p /run/x ; -/bin/chown x /run/x', true);
  assert.deepEqual(inner(scopesOf(two, ';')), [DIRECTIVE, COMMAND, 'punctuation.separator.command.systemd']);
  assert.deepEqual(inner(scopesOf(two, '-', 2)), [DIRECTIVE, COMMAND, 'storage.modifier.exec-prefix.systemd']);

  // Specifiers count inside shell quotes too; an unknown one makes systemd refuse the command.
  const quoted = await tokenizeInSection(`ExecStart=/bin/sh -c 'echo "%n" > /run/%p/$(date +%F)'`, true);
  assertHas(quoted, "'", 'string.quoted.single.shell');
  assert.deepEqual(inner(scopesOf(quoted, '%n')), [DIRECTIVE, COMMAND, 'string.quoted.single.shell', 'constant.other.placeholder.systemd']);
  assertHas(quoted, '%p', 'constant.other.placeholder.systemd');
  assertHas(quoted, '%F', 'invalid.illegal.specifier.systemd');
  const escaped = await tokenizeInSection('ExecStart=/bin/date +%%s', true);
  assert.deepEqual(inner(scopesOf(escaped, '%%')), [DIRECTIVE, COMMAND, 'constant.character.escape.systemd']);
  // systemd has no comments in a command line: `#` is an argument.
  const hash = await tokenizeInSection('ExecStart=/usr/bin/printf %s # x', true);
  assertEveryCharacter(hash, '# x', (scope) => scope === COMMAND, COMMAND);
  assertEveryCharacter(hash, '# x', (scope) => !scope.startsWith('comment'), 'no comment');
});

test('Exec…= lines: what the shell grammar leaves open ends with the line', async () => {
  const lines = await tokenize(['[Service]', "ExecStart=/bin/sh -c 'it is unclosed", 'ExecStop=/bin/sh -c { true', 'Type=oneshot', '# done', '[Install]'], true);
  assert.ok(requested.has('source.shell'), 'the grammar makes the registry load source.shell');
  assertHas(lines[1], "'", 'string.quoted.single.shell');
  assertHas(lines[2], '{', 'meta.group.shell');
  assert.deepEqual(inner(scopesOf(lines[3], 'Type')), [DIRECTIVE, KEY]);
  assert.deepEqual(inner(scopesOf(lines[3], 'oneshot')), [DIRECTIVE, VALUE]);
  assert.deepEqual(inner(scopesOf(lines[4], '#')), ['comment.line.number-sign.systemd', 'punctuation.definition.comment.systemd']);
  assert.deepEqual(inner(scopesOf(lines[5], 'Install')), ['entity.name.section.systemd']);
});

test('comments: a first non-blank `#` or `;` only; inside a value they are text', async () => {
  const [semicolon, indented, trailing, hashValue] = (await tokenize(['[Unit]', '; this line is ignored too', '   # indented', 'Description=Backup # nightly', 'Description=#1 job'])).slice(1);
  assert.deepEqual(inner(scopesOf(semicolon, ';')), ['comment.line.semicolon.systemd', 'punctuation.definition.comment.systemd']);
  assert.deepEqual(inner(scopesOf(semicolon, ' this line is ignored too')), ['comment.line.semicolon.systemd']);
  assert.deepEqual(inner(scopesOf(indented, '   ')), ['punctuation.whitespace.comment.leading.systemd']);
  assert.deepEqual(inner(scopesOf(indented, '#')), ['comment.line.number-sign.systemd', 'punctuation.definition.comment.systemd']);
  assert.deepEqual(inner(scopesOf(trailing, 'Backup # nightly')), [DIRECTIVE, VALUE]);
  assert.deepEqual(inner(scopesOf(hashValue, '#1 job')), [DIRECTIVE, VALUE]);
});

test('continuations: the next line goes on with the value, after any comment lines; an odd backslash run only', async () => {
  const example = await tokenize(linesOf(SYNTAX_EXAMPLE));
  const at = (prefix: string) => {
    const found = example.find((line) => line.text.startsWith(prefix));
    assert.ok(found, prefix);
    return found;
  };
  const first = at('KeyThree=');
  assert.deepEqual(inner(scopesOf(first, 'value 3')), [DIRECTIVE, VALUE]);
  assert.deepEqual(inner(scopesOf(first, '\\')), [DIRECTIVE, CONTINUATION]);
  assert.deepEqual(inner(scopesOf(at('# this line'), '#')), [DIRECTIVE, 'comment.line.number-sign.systemd', 'punctuation.definition.comment.systemd']);
  assert.deepEqual(inner(scopesOf(at('; this line'), ';')), [DIRECTIVE, 'comment.line.semicolon.systemd', 'punctuation.definition.comment.systemd']);
  assert.deepEqual(inner(scopesOf(at('       value 3'), 'value 3 continued')), [DIRECTIVE, VALUE]);
  assert.deepEqual(inner(scopesOf(at('KeyTwo=value 2 '), '\\')), [DIRECTIVE, CONTINUATION]);

  const profile = await tokenize(linesOf(PORTABLE_DEFAULT_PROFILE));
  const wrapped = profile.find((line) => line.text.startsWith('\tCAP_NET_BIND_SERVICE'));
  assert.ok(wrapped);
  assert.deepEqual(inner(scopesOf(wrapped, 'CAP_NET_BIND_SERVICE CAP_NET_BROADCAST CAP_SETGID CAP_SETPCAP')), [DIRECTIVE, VALUE]);
  assert.deepEqual(inner(scopesOf(wrapped, '\\')), [DIRECTIVE, CONTINUATION]);
  const after = profile.find((line) => line.text.startsWith('PrivateTmp='));
  assert.ok(after);
  assert.deepEqual(inner(scopesOf(after, 'PrivateTmp')), [DIRECTIVE, KEY]);

  // Two backslashes are an escaped backslash, three continue; an empty line ends the value.
  const runs = await tokenize(['[Service]', 'Environment=A=\\\\', 'Type=simple', 'Environment=B=\\\\\\', 'C=1', 'Description=x \\', '', 'Type=oneshot']);
  assert.deepEqual(inner(scopesOf(runs[1], 'A=\\\\')), [DIRECTIVE, VALUE]);
  assert.deepEqual(inner(scopesOf(runs[2], 'Type')), [DIRECTIVE, KEY]);
  assert.deepEqual(inner(scopesOf(runs[3], 'B=\\\\')), [DIRECTIVE, VALUE]);
  assert.deepEqual(inner(scopesOf(runs[3], '\\', 3)), [DIRECTIVE, CONTINUATION]);
  assert.deepEqual(inner(scopesOf(runs[4], 'C=1')), [DIRECTIVE, VALUE], 'the continued value, not a key');
  assert.deepEqual(inner(scopesOf(runs[7], 'Type')), [DIRECTIVE, KEY]);

  // A header-looking line inside a continuation is value text.
  const bracket = await tokenize(['[Unit]', 'Description=a \\', '[Service]', 'After=x']);
  assert.deepEqual(inner(scopesOf(bracket[2], '[Service]')), [DIRECTIVE, VALUE]);
  assert.deepEqual(inner(scopesOf(bracket[3], 'After')), [DIRECTIVE, KEY]);

  // An Exec line wraps too; the shell grammar starts afresh on each physical line.
  const exec = await tokenize(['[Service]', 'ExecStart=/usr/bin/rsync -a \\', '  # the source', '  /srv/ /backup/', 'Type=oneshot'], true);
  assert.deepEqual(inner(scopesOf(exec[1], '/usr/bin/rsync -a')), [DIRECTIVE, COMMAND]);
  assert.deepEqual(inner(scopesOf(exec[2], '#')), [DIRECTIVE, 'comment.line.number-sign.systemd', 'punctuation.definition.comment.systemd']);
  assert.deepEqual(inner(scopesOf(exec[3], '/srv/ /backup/')), [DIRECTIVE, COMMAND]);
  assert.deepEqual(inner(scopesOf(exec[4], 'Type')), [DIRECTIVE, KEY]);
});

test('what parse_line() refuses is marked: outside a section, no `=`, no key, broken headers', async () => {
  const lines = await tokenize(['Description=too early', '# fine', 'stray words', '[Unit]', 'no equals sign here', '=value', '[Unit] # trailing', '[Un"it]', '[Unit', 'Description=ok']);
  assertHas(lines[0], 'Description', 'invalid.illegal.outside-section.systemd');
  assertHas(lines[0], 'Description', KEY);
  assert.deepEqual(invalidTokens(lines[1]), []);
  assertHas(lines[2], 'stray words', 'invalid.illegal.outside-section.systemd');
  assert.deepEqual(invalidTokens(lines[3]), []);
  assertHas(lines[4], 'no equals sign here', 'invalid.illegal.missing-equals.systemd');
  assert.deepEqual(inner(scopesOf(lines[5], '=')), [DIRECTIVE, ASSIGNMENT, 'invalid.illegal.missing-key.systemd']);
  assertHas(lines[6], '[Unit] # trailing', 'invalid.illegal.section-header.systemd');
  assertHas(lines[7], '"', 'invalid.illegal.section-name.systemd');
  assertHas(lines[8], '[Unit', 'invalid.illegal.section-header.systemd');
  assert.deepEqual(inner(scopesOf(lines[9], 'Description')), [DIRECTIVE, KEY]);
  // Blanks around the key, the `=` and the header are not part of them.
  const spaced = await tokenize(['  [Timer]  ', '  Persistent = true  ']);
  assert.deepEqual(inner(scopesOf(spaced[0], 'Timer')), ['entity.name.section.systemd']);
  assert.deepEqual(inner(scopesOf(spaced[1], 'Persistent')), [DIRECTIVE, KEY]);
  assert.deepEqual(inner(scopesOf(spaced[1], 'true')), [DIRECTIVE, 'constant.language.boolean.systemd']);
});

test('language-configuration.json fits unit files too: # comments, [ ] for headers, directive names are words', () => {
  const config = JSON.parse(fs.readFileSync(repoPath('language-configuration.json'), 'utf8')) as {
    comments: { lineComment?: string };
    brackets: [string, string][];
    wordPattern: string;
  };
  assert.equal(config.comments.lineComment, '#');
  assert.ok(config.brackets.some(([open, close]) => open === '[' && close === ']'));
  const words = (text: string) => [...text.matchAll(new RegExp(config.wordPattern, 'g'))].map((match) => match[0]);
  assert.deepEqual(words('RandomizedDelaySec=12h'), ['RandomizedDelaySec', '12h']);
  assert.deepEqual(words('OnCalendar=Mon..Fri *-*-* 00,12:00:00'), ['OnCalendar', 'Mon', 'Fri', '00', '12', '00', '00']);
});
