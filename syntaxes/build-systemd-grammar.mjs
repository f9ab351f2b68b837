// Writes systemd.tmLanguage.json (source.systemd), the TextMate grammar for unit files and drop-ins, read the
// way systemd 252 reads them: src/shared/conf-parser.c config_parse() and parse_line() for the line structure
// (systemd.syntax(7) describes it loosely; where the two differ the code wins, as in
// server/src/engine/systemd/unit-file.ts). Value highlighting follows the parsers systemd hands the value to:
// parse_boolean() (src/basic/parse-util.c), parse_time() (src/basic/time-util.c), calendar_spec_from_string()
// (src/shared/calendarspec.c), config_parse_exec() (src/core/load-fragment.c) and specifier_printf() with
// unit_full_printf()'s table (src/shared/specifier.c, src/core/unit-printf.c).
// Which keys are booleans and time spans, and which keys systemd knows at all, comes from the engine's
// directives table (server/src/engine/systemd/directives-table.json), so the grammar follows it.
//
//   node syntaxes/build-systemd-grammar.mjs          rewrite the checked-in grammar
//   node syntaxes/build-systemd-grammar.mjs --check  exit 1 when it is out of date (test/grammar runs this)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const table = JSON.parse(readFileSync(path.join(here, '..', 'server', 'src', 'engine', 'systemd', 'directives-table.json'), 'utf8'));

const r = String.raw;
const escape = (text) => text.replace(/[\\^$.*+?()[\]{}|-]/g, (c) => `\\${c}`);
/** An alternation that tries longer words first, so that `Mon` never wins over `Monday`. */
const words = (list) => [...new Set(list)].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(escape).join('|');

// systemd's WHITESPACE is " \t\n\r"; VS Code hands a grammar lines without their end-of-line characters, and
// vscode-textmate appends a `\n` that negated classes must leave out.
const LINE_START = r`^[ \t]*`;
// config_parse(): a line continues when it ends in an odd run of backslashes (its `escaped` scan). As a
// lookahead from any point of a line: the rest of the line ends so.
const CONTINUED = r`(?=[^\n]*(?<!\\)(?:\\\\)*\\$)`;
const NOT_CONTINUED = r`(?![^\n]*(?<!\\)(?:\\\\)*\\$)`;
// A stretch of value text on one physical line, from a non-blank to the last non-blank before the end of the
// line or before the trailing backslash. A backslash takes the next character with it, as in config_parse's
// scan, so an even run stays in the text and an odd run leaves its last backslash for #continuation.
const SEGMENT = r`(?:[^ \t\\\n]|\\[^\n])(?:(?:[^\\\n]|\\[^\n])*?(?:[^ \t\\\n]|\\[^\n]))?(?=[ \t]*\\?$)`;
// The rest of a line that does not continue, trimmed (a whole value on one line).
const WHOLE_VALUE = r`${NOT_CONTINUED}[^ \t\n](?:[^\n]*[^ \t\n])?(?=[ \t]*$)`;
// parse_line(): the key is everything before the first `=`, blanks around it removed. A line whose first
// non-blank is `[` is a section header (or a broken one), `#` and `;` start comments.
const KEY = r`[^ \t\n=#;\[](?:[^=\n]*?[^ \t\n=])?`;
const assignment = (key) => `${LINE_START}(${key})${r`[ \t]*(=)[ \t]*`}`;

const directives = Object.values(table.sections).flatMap((section) => Object.entries(section));
const keysWhere = (test) => [...new Set(directives.filter(([name, info]) => test(name, info)).map(([name]) => name))];
const KNOWN_KEYS = keysWhere(() => true);

// parse_boolean(): case-insensitive. The one-letter and numeric forms are read as booleans only where the
// directive is one (config_parse_bool); the words are unmistakable wherever a whole value is one of them.
const BOOLEAN_KEYS = keysWhere((_, info) => info.parser === 'config_parse_bool');
const BOOLEAN_WORDS = ['yes', 'no', 'true', 'false', 'on', 'off'];
const BOOLEANS = [...BOOLEAN_WORDS, '1', '0', 'y', 'n', 't', 'f'];

// Every `…Sec=` directive systemd 252 has takes a time span (parse_sec) except these two: TimerSlackNSec=
// is in nanoseconds (parse_nsec) and IODeviceLatencyTargetSec= is a device and a span. StartLimitInterval=
// is the old name of StartLimitIntervalSec=. Keys outside the table (Socket.KeepAliveTimeSec=, …) follow the
// name, as systemd's own do.
const SPAN_PARSERS = new Set([
  'config_parse_sec',
  'config_parse_sec_fix_0',
  'config_parse_sec_def_infinity',
  'config_parse_service_timeout',
  'config_parse_service_timeout_abort',
  'config_parse_job_timeout_sec',
  'config_parse_job_running_timeout_sec',
]);
const isSpanDirective = (name, info) => SPAN_PARSERS.has(info.parser) || (info.parser === 'config_parse_timer' && info.ltype !== 'TIMER_CALENDAR');
const NOT_SPAN_SEC = keysWhere((name, info) => name.endsWith('Sec') && !isSpanDirective(name, info));
const SPAN_NOT_SEC = keysWhere((name, info) => !name.endsWith('Sec') && isSpanDirective(name, info));
const SPAN_KEY = `(?!(?:${words(NOT_SPAN_SEC)})(?![A-Za-z0-9]))(?:[A-Za-z0-9]*Sec|${words(SPAN_NOT_SEC)})(?![A-Za-z0-9])`;

// parse_time(): numbers (with a fraction, or only a fraction), each with an optional unit after optional
// blanks; a unit may be followed directly by the next number (`1h30min`), a bare number only by a blank or
// the end. Units are matched as extract_multiplier() does, first prefix in its table order (an atomic group,
// so `5mins` reads `min` and then fails on `s`, as systemd does).
const SPAN_UNITS = ['seconds', 'second', 'sec', 's', 'minutes', 'minute', 'min', 'months', 'month', 'M', 'msec', 'ms', 'm', 'hours', 'hour', 'hr', 'h', 'days', 'day', 'd', 'weeks', 'week', 'w', 'years', 'year', 'y', 'usec', 'us', '\u03bcs', '\u00b5s'];
const SPAN_NUMBER = r`(?:\+?[0-9]+(?:\.[0-9]+)?|\.[0-9]+)`;
const SPAN_PART = `${SPAN_NUMBER}(?:[ \\t]*(?>${SPAN_UNITS.map(escape).join('|')})|(?=[ \\t]|$))`;
const SPAN = `${SPAN_PART}(?:[ \\t]*${SPAN_PART})*`;

// calendar_spec_from_string(): the shorthands (strcaseeq; `anually` is kept for compatibility), weekday names
// (startswith_no_case), and a time zone as the last word (` UTC`, the local zone's abbreviations, or any zone
// the host's tz database has; the grammar cannot know which, so any last word that starts with a letter).
const CALENDAR_SHORTHANDS = ['minutely', 'hourly', 'daily', 'monthly', 'weekly', 'yearly', 'annually', 'anually', 'quarterly', 'biannually', 'bi-annually', 'semiannually', 'semi-annually'];
const WEEKDAYS = ['Monday', 'Mon', 'Tuesday', 'Tue', 'Wednesday', 'Wed', 'Thursday', 'Thu', 'Friday', 'Fri', 'Saturday', 'Sat', 'Sunday', 'Sun'];
const ZONE = r`[A-Za-z][A-Za-z0-9_+\-/]*`;

// config_parse_exec(): the command-line directives. ExecSearchPath= and ExecPaths= are path lists.
const EXEC_KEY = r`Exec(?:Condition|Start(?:Pre|Post)?|Reload|Stop(?:Pre|Post)?)(?![A-Za-z0-9])`;

// The prefixes config_parse_exec() takes before the executable: `-`, `@` and `:` once each, and one of `+`,
// `!` or `!!`; the first character that does not fit ends the prefix and belongs to the path. Written out as
// a trie of every valid prefix so the longest one matches.
function execPrefix() {
  const step = (state, c) => {
    if (c === '-' && !state.ignore) return { ...state, ignore: true };
    if (c === '@' && !state.argv0) return { ...state, argv0: true };
    if (c === ':' && !state.noEnv) return { ...state, noEnv: true };
    if (c === '+' && state.privilege === 'none') return { ...state, privilege: 'full' };
    if (c === '!' && state.privilege === 'none') return { ...state, privilege: 'no-setuid' };
    if (c === '!' && state.privilege === 'no-setuid') return { ...state, privilege: 'ambient' };
    return undefined;
  };
  const trie = (state) => {
    const branches = [];
    for (const c of '-@:+!') {
      const next = step(state, c);
      if (!next) continue;
      const rest = trie(next);
      branches.push(rest ? `${escape(c)}(?:${rest})?` : escape(c));
    }
    return branches.join('|');
  };
  return `(?:${trie({ ignore: false, argv0: false, noEnv: false, privilege: 'none' })})`;
}
const EXEC_PREFIX = execPrefix();

// unit_full_printf()'s specifiers in systemd 252; `%%` is a literal `%`.
const SPECIFIERS = 'aAbBcCdEfgGhHiIjJlLmMnNopPqrRsStTuUvVwWyY';

const KEY_SCOPE = 'keyword.other.directive.systemd';
const OTHER_KEY_SCOPE = 'variable.other.key.systemd';
const VALUE_SCOPE = 'string.unquoted.value.systemd';
const keyCaptures = (extra = {}) => ({
  1: { patterns: [{ include: '#key-name' }] },
  2: { name: 'keyword.operator.assignment.systemd' },
  ...extra,
});

const repository = {
  // config_parse(): a line whose first non-blank is `#` or `;` is skipped before anything else, also in the
  // middle of a continuation. A `#` later on a line is part of the value.
  comment: {
    patterns: [
      {
        match: r`^([ \t]*)((#).*)$`,
        captures: {
          1: { name: 'punctuation.whitespace.comment.leading.systemd' },
          2: { name: 'comment.line.number-sign.systemd' },
          3: { name: 'punctuation.definition.comment.systemd' },
        },
      },
      {
        match: r`^([ \t]*)((;).*)$`,
        captures: {
          1: { name: 'punctuation.whitespace.comment.leading.systemd' },
          2: { name: 'comment.line.semicolon.systemd' },
          3: { name: 'punctuation.definition.comment.systemd' },
        },
      },
    ],
  },
  // parse_line(): after stripping blanks, `[` … `]` is a header; the name may not hold control characters,
  // quotes or backslashes (string_is_safe). Either failure makes systemd stop reading the file.
  'section-header': {
    match: r`${LINE_START}(\[)([^\n]*)(\])[ \t]*$`,
    captures: {
      1: { name: 'punctuation.definition.section.begin.systemd' },
      2: { name: 'entity.name.section.systemd', patterns: [{ match: r`["'\\\x{00}-\x{1F}\x{7F}]`, name: 'invalid.illegal.section-name.systemd' }] },
      3: { name: 'punctuation.definition.section.end.systemd' },
    },
  },
  'invalid-section-header': {
    match: r`${LINE_START}${NOT_CONTINUED}(\[[^\n]*?)[ \t]*$`,
    captures: { 1: { name: 'invalid.illegal.section-header.systemd' } },
  },
  // Assignments before the first header: "Assignment outside of section. Ignoring." A begin/end rule from the
  // first line, when that is not a header, up to the first header.
  preamble: {
    begin: r`\A(?![ \t]*\[)`,
    end: r`(?=^[ \t]*\[)`,
    patterns: [{ include: '#comment' }, { include: '#outside-assignment' }, { include: '#continued-text' }, { include: '#outside-text' }],
  },
  'outside-assignment': {
    name: 'meta.directive.systemd',
    begin: assignment(KEY),
    beginCaptures: keyCaptures({ 1: { name: 'invalid.illegal.outside-section.systemd', patterns: [{ include: '#key-name' }] } }),
    end: '$',
    patterns: [{ include: '#value' }, { include: '#continuation' }],
  },
  'outside-text': {
    match: r`${LINE_START}${NOT_CONTINUED}([^ \t\n#;](?:[^\n]*[^ \t\n])?)`,
    captures: { 1: { name: 'invalid.illegal.outside-section.systemd' } },
  },
  // Known directives (any section of the table) and other keys (`X-…`, typos, other unit types' keys).
  'key-name': {
    patterns: [
      { match: `(?<![^ \\t])(?:${words(KNOWN_KEYS)})$`, name: KEY_SCOPE },
      { match: r`[^\n]+`, name: OTHER_KEY_SCOPE },
    ],
  },
  // Each directive is a begin/end rule that lasts for its logical line: #continuation holds it open over the
  // next physical line. The kinds below differ only in what the value is; the first that fits the key wins.
  directive: {
    patterns: [
      { include: '#directive-exec' },
      { include: '#directive-calendar' },
      { include: '#directive-timespan' },
      { include: '#directive-boolean' },
      { include: '#directive-other' },
    ],
  },
  'directive-other': {
    name: 'meta.directive.systemd',
    begin: `${assignment(KEY)}(?:((?i:${words(BOOLEAN_WORDS)}))(?=[ \\t]*$))?`,
    beginCaptures: keyCaptures({ 3: { name: 'constant.language.boolean.systemd' } }),
    end: '$',
    patterns: [{ include: '#value' }, { include: '#continuation' }],
  },
  // config_parse_bool(): no specifiers; anything but a boolean is logged and ignored.
  'directive-boolean': {
    name: 'meta.directive.systemd',
    begin: `${assignment(`(?:${words(BOOLEAN_KEYS)})(?![A-Za-z0-9])`)}(?:((?i:${words(BOOLEANS)}))(?=[ \\t]*$)|(${WHOLE_VALUE}))?`,
    beginCaptures: keyCaptures({ 3: { name: 'constant.language.boolean.systemd' }, 4: { name: 'invalid.illegal.boolean.systemd' } }),
    end: '$',
    patterns: [{ include: '#value' }, { include: '#continuation' }],
  },
  // parse_sec(): `infinity` alone, or a span. A value with a `%` is left alone (OnActiveSec= and the other
  // monotonic timer keys expand specifiers first).
  'directive-timespan': {
    name: 'meta.directive.systemd',
    begin: `${assignment(SPAN_KEY)}(?:(${SPAN})(?=[ \\t]*$)|(infinity)(?=[ \\t]*$)|(?![^\\n]*%)(${WHOLE_VALUE}))?`,
    beginCaptures: keyCaptures({
      3: { name: 'constant.numeric.timespan.systemd' },
      4: { name: 'constant.language.infinity.systemd' },
      5: { name: 'invalid.illegal.timespan.systemd' },
    }),
    end: '$',
    patterns: [{ include: '#value' }, { include: '#continuation' }],
  },
  // OnCalendar=: a shorthand (optionally with a zone) is the whole value or nothing; otherwise the parts.
  'directive-calendar': {
    name: 'meta.directive.systemd',
    begin: `${assignment(r`OnCalendar(?![A-Za-z0-9])`)}(?:((?i:${words(CALENDAR_SHORTHANDS)})(?:[ \\t]+${ZONE})?)(?=[ \\t]*$)|([^ \\t\\n\\\\](?:[^\\n\\\\]*[^ \\t\\n\\\\])?)(?=[ \\t]*$))?`,
    beginCaptures: keyCaptures({
      3: { name: 'meta.calendar.systemd', patterns: [{ include: '#calendar-shorthand' }] },
      4: { name: 'meta.calendar.systemd', patterns: [{ include: '#calendar' }] },
    }),
    end: '$',
    patterns: [{ include: '#value' }, { include: '#continuation' }],
  },
  'calendar-shorthand': {
    patterns: [
      { match: `(?i:${words(CALENDAR_SHORTHANDS)})(?![^ \\t])`, name: 'constant.language.shorthand.systemd' },
      { match: `(?<=[ \\t])${ZONE}`, name: 'support.constant.timezone.systemd' },
    ],
  },
  // systemd.time(7) "Calendar Events": [weekdays] [year-]month-day [hour:minute[:second]] [zone], or @epoch.
  calendar: {
    patterns: [
      // The last word, when something comes before it (the capture ends with the value, so `$` is its end).
      { match: `(?<=[^ \\t=][ \\t])${ZONE}$`, name: 'support.constant.timezone.systemd' },
      { match: `(?<![A-Za-z0-9])(?i:${words(WEEKDAYS)})(?![A-Za-z0-9])`, name: 'constant.language.weekday.systemd' },
      // `Mon-Fri`: the old range syntax, still accepted between weekdays.
      { match: r`(?<=[A-Za-z])-(?=[A-Za-z])`, name: 'keyword.operator.range.systemd' },
      { match: r`(@)(?=[0-9])`, captures: { 1: { name: 'punctuation.definition.timestamp.systemd' } } },
      { match: r`[0-9]+(?:\.[0-9]+)?`, name: 'constant.numeric.calendar.systemd' },
      { match: r`\.\.`, name: 'keyword.operator.range.systemd' },
      { match: ',', name: 'keyword.operator.list.systemd' },
      { match: '/', name: 'keyword.operator.step.systemd' },
      { match: '~', name: 'keyword.operator.end-of-month.systemd' },
      { match: r`\*`, name: 'keyword.operator.wildcard.systemd' },
      { match: '-', name: 'punctuation.separator.date.systemd' },
      { match: ':', name: 'punctuation.separator.time.systemd' },
      // Anything else (an unknown word, a lone `.`): calendar_spec_from_string() refuses the expression.
      { match: r`[A-Za-z]+|[^ \t]`, name: 'invalid.illegal.calendar.systemd' },
    ],
  },
  // ExecStart= and friends: the prefixes, then the command line. The command is tokenized one physical line
  // at a time inside a capture, so whatever the shell grammar leaves open (a quote, a brace) ends with the
  // line and cannot run into the next directive; across a continuation the shell starts afresh.
  'directive-exec': {
    name: 'meta.directive.systemd',
    begin: `${assignment(EXEC_KEY)}(${EXEC_PREFIX})?`,
    beginCaptures: keyCaptures({ 3: { name: 'storage.modifier.exec-prefix.systemd' } }),
    end: '$',
    patterns: [{ include: '#exec-line' }, { include: '#continuation' }, { include: '#load-shell' }],
  },
  'exec-line': {
    match: SEGMENT,
    captures: { 0: { name: 'meta.command.systemd', patterns: [{ include: '#command' }] } },
  },
  // source.shell is VS Code's built-in shellscript grammar; without it the command is plain text.
  command: {
    patterns: [{ include: '#exec-separator' }, { include: '#exec-specifier' }, { include: 'source.shell' }],
  },
  // vscode-textmate, and so VS Code, loads an embedded grammar only when some `patterns` list names it, not
  // when only a capture does. This rule never matches; it is there so that source.shell gets loaded.
  'load-shell': {
    begin: '(?!)',
    end: '(?!)',
    patterns: [{ include: '#command' }],
  },
  // A lone `;` separates commands, and each command may have its own prefix.
  'exec-separator': {
    match: `(?<=[ \\t])(;)(?=[ \\t]|$)(?:[ \\t]+(${EXEC_PREFIX}))?`,
    captures: { 1: { name: 'punctuation.separator.command.systemd' }, 2: { name: 'storage.modifier.exec-prefix.systemd' } },
  },
  // In a command line an unknown letter or digit after `%` makes systemd refuse the command ("Failed to
  // resolve unit specifiers"): `date +%F` needs `%%F`.
  'exec-specifier': {
    patterns: [{ include: '#specifier' }, { match: '%[A-Za-z0-9]', name: 'invalid.illegal.specifier.systemd' }],
  },
  specifier: {
    patterns: [
      { match: '%%', name: 'constant.character.escape.systemd' },
      { match: `%[${SPECIFIERS}]`, name: 'constant.other.placeholder.systemd' },
    ],
  },
  value: {
    match: SEGMENT,
    name: VALUE_SCOPE,
    captures: { 0: { patterns: [{ include: '#specifier' }] } },
  },
  // The trailing backslash: the value goes on after any comment lines, on the next line that is not one. An
  // empty line also ends the wait (it is appended, and the joined line is then parsed).
  continuation: {
    begin: r`(\\)$`,
    beginCaptures: { 1: { name: 'constant.character.escape.line-continuation.systemd' } },
    end: r`^(?=[ \t]*(?:[^#; \t\n]|$))`,
    patterns: [{ include: '#comment' }],
  },
  // parse_line(): "Missing key name before '=', ignoring line."
  'missing-key': {
    name: 'meta.directive.systemd',
    begin: `${LINE_START}(=)[ \\t]*`,
    beginCaptures: { 1: { name: 'keyword.operator.assignment.systemd invalid.illegal.missing-key.systemd' } },
    end: '$',
    patterns: [{ include: '#value' }, { include: '#continuation' }],
  },
  // A continued line that is not an assignment on its own (`[Unit\`, `Exec\`): the joined line decides what
  // it is, which a grammar cannot see, so it is left plain.
  'continued-text': {
    begin: `${LINE_START}(?=[^ \\t\\n#;])${CONTINUED}`,
    end: '$',
    patterns: [{ match: SEGMENT }, { include: '#continuation' }],
  },
  // parse_line(): "Missing '=', ignoring line."
  'missing-equals': {
    match: r`${LINE_START}${NOT_CONTINUED}([^ \t\n#;\[=][^=\n]*?)[ \t]*$`,
    captures: { 1: { name: 'invalid.illegal.missing-equals.systemd' } },
  },
};

function sortKeys(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
}

const grammar = {
  information_for_contributors: [
    'Generated by syntaxes/build-systemd-grammar.mjs from systemd 252 and server/src/engine/systemd/directives-table.json.',
    'Edit that script, then run `node syntaxes/build-systemd-grammar.mjs`; test/grammar checks the file is current.',
  ],
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'systemd unit file',
  scopeName: 'source.systemd',
  patterns: [
    { include: '#preamble' },
    { include: '#comment' },
    { include: '#section-header' },
    { include: '#invalid-section-header' },
    { include: '#directive' },
    { include: '#missing-key' },
    { include: '#continued-text' },
    { include: '#missing-equals' },
  ],
  repository: sortKeys(repository),
  // Specifiers are expanded before the command is split into words, so they count inside whatever the shell
  // grammar opens (a quoted string, `$(…)`). And systemd has no comments in a command line: `#` is passed on
  // as an argument, so it must not start a shell comment.
  injections: {
    'L:meta.command.systemd': { patterns: [{ include: '#exec-specifier' }, { match: '#' }] },
  },
};

const file = path.join(here, 'systemd.tmLanguage.json');
const text = `${JSON.stringify(grammar, null, 2)}\n`;
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error('syntaxes/systemd.tmLanguage.json is out of date: run node syntaxes/build-systemd-grammar.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(file, text);
}
