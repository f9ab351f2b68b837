// Writes the two crontab TextMate grammars from one definition, so they cannot drift apart:
//   crontab.tmLanguage.json         source.crontab         user crontab (`crontab -e`): m h dom mon dow command
//   crontab-system.tmLanguage.json  source.crontab.system  /etc/crontab, /etc/cron.d/*: m h dom mon dow user command
// The line format is crontab(5); where cron's own reading differs from the man page, the comment names the
// Debian cron 3.0pl1 / cronie source it follows (the same sources as server/src/engine/crontab/).
//
//   node syntaxes/build-grammars.mjs          rewrite the checked-in grammars
//   node syntaxes/build-grammars.mjs --check  exit 1 when they are out of date (test/grammar runs this)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const r = String.raw;
const BLANK = r`[ \t]+`; // cron separates fields with spaces and tabs only
// vscode-textmate tokenizes each line with a `\n` appended: negated classes leave it out, or a last field or
// value would take it (and `@daily(?![^ \t])` would fail at the end of a line).
const WORD = r`[^ \t\n]+`;
const INVALID = 'invalid.illegal.crontab';

// Per field: the numbers cron accepts (any number of leading zeros, entry.c get_number uses atoi) and names.
const FIELDS = [
  { id: 'minute', number: r`[0-9]|[1-5][0-9]` },
  { id: 'hour', number: r`[0-9]|1[0-9]|2[0-3]` },
  { id: 'day-of-month', number: r`[1-9]|[12][0-9]|3[01]` },
  { id: 'month', number: r`[1-9]|1[0-2]`, names: 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec' },
  // 0 and 7 are both Sunday.
  { id: 'day-of-week', number: r`[0-7]`, names: 'sun|mon|tue|wed|thu|fri|sat' },
];

// cron reads a number or name as a run of letters and digits, so these edges delimit one.
const ALNUM_BEFORE = r`(?<![A-Za-z0-9])`;
const ALNUM_AFTER = r`(?![A-Za-z0-9])`;

function fieldElements(field) {
  const patterns = [
    { match: r`\*`, name: 'keyword.operator.wildcard.crontab' },
    { match: ',', name: 'punctuation.separator.crontab' },
    { match: '-', name: 'keyword.operator.range.crontab' },
    // cronie's random value (`~`, `A~B`); Debian rejects it, which the linter reports.
    { match: '~', name: 'keyword.operator.random.crontab' },
    { match: r`(/)0*[1-9][0-9]*${ALNUM_AFTER}`, captures: { 1: { name: 'keyword.operator.step.crontab' } } },
    // A step of zero, a name or nothing: cron rejects the line.
    { match: r`(/)([A-Za-z0-9]+)`, captures: { 1: { name: 'keyword.operator.step.crontab' }, 2: { name: INVALID } } },
    { match: '/', name: INVALID },
  ];
  if (field.names) {
    // Names are three letters in any case (entry.c compares with strcasecmp); `january` is not one.
    patterns.push({ match: r`${ALNUM_BEFORE}(?i:${field.names})${ALNUM_AFTER}`, name: 'constant.language.name.crontab' });
  }
  patterns.push(
    // In range: the token keeps just the field's scope.
    { match: r`${ALNUM_BEFORE}0*(?:${field.number})${ALNUM_AFTER}` },
    { match: r`[A-Za-z0-9]+`, name: INVALID }, // out of range, or an unknown name
    // Any other character: cronie rejects the line; Debian ignores it and the rest of the field (`5;6` is 5).
    { match: r`[^ \t\n]+`, name: INVALID },
  );
  return { patterns };
}

const fieldCapture = (field) => ({ name: `constant.numeric.${field.id}.crontab`, patterns: [{ include: `#field-${field.id}` }] });

// `%` ends the command: the rest of the line is its standard input, each further `%` a newline, and `\%` a
// literal `%` (crontab(5)). A backslash also escapes a backslash (do_command.c), so an even run of them
// before `%` leaves it unescaped; the lookbehind makes the match start at the beginning of the run.
const BEFORE_PERCENT = r`(?<!\\)((?:\\\\)*)`;
const percentRules = {
  'escaped-percent': {
    match: r`${BEFORE_PERCENT}(\\%)`,
    captures: { 2: { name: 'constant.character.escape.crontab' } },
  },
  'newline-percent': {
    match: r`${BEFORE_PERCENT}(%)`,
    captures: { 2: { name: 'keyword.operator.percent.crontab' } },
  },
  stdin: {
    begin: r`${BEFORE_PERCENT}(%)`,
    beginCaptures: { 2: { name: 'keyword.operator.percent.crontab' } },
    end: '$',
    contentName: 'string.unquoted.stdin.crontab',
    patterns: [{ include: '#escaped-percent' }, { include: '#newline-percent' }],
  },
  percent: { patterns: [{ include: '#escaped-percent' }, { include: '#stdin' }] },
};

function grammar(system) {
  const repository = {
    // skip_comments(): only spaces and tabs may come before the `#`; a `#` later on a line is not a comment
    // to cron (the shell may still read one in the command).
    comment: {
      match: r`^([ \t]*)((#).*)$`,
      captures: {
        1: { name: 'punctuation.whitespace.comment.leading.crontab' },
        2: { name: 'comment.line.number-sign.crontab' },
        3: { name: 'punctuation.definition.comment.crontab' },
      },
    },
    // env.c load_env(): a name (up to a blank or `=`, or quoted), blanks, `=`, blanks, then a value that is
    // either quoted with nothing but blanks after it, or the rest of the line less trailing blanks. Anything
    // else is read as a job line. An empty value is cronie's (≥ 1.5.2); Debian rejects it, the linter says so.
    environment: {
      match: [
        r`^[ \t]*(?:([^ \t\n="'][^ \t\n=]*)|(["'])([^=]*?)(\2))`,
        r`[ \t]*(=)[ \t]*`,
        r`(?:((")[^"]*("))|((')[^']*('))|([^"' \t\n](?:.*[^ \t\n])?))?[ \t]*$`,
      ].join(''),
      name: 'meta.environment.crontab',
      captures: {
        1: { name: 'variable.other.environment.crontab' },
        2: { name: 'punctuation.definition.variable.begin.crontab' },
        3: { name: 'variable.other.environment.crontab' },
        4: { name: 'punctuation.definition.variable.end.crontab' },
        5: { name: 'keyword.operator.assignment.crontab' },
        6: { name: 'string.quoted.double.crontab' },
        7: { name: 'punctuation.definition.string.begin.crontab' },
        8: { name: 'punctuation.definition.string.end.crontab' },
        9: { name: 'string.quoted.single.crontab' },
        10: { name: 'punctuation.definition.string.begin.crontab' },
        11: { name: 'punctuation.definition.string.end.crontab' },
        12: { name: 'string.unquoted.crontab' },
      },
    },
    // Any other non-blank line is a job. A begin/while rule whose `while` never matches ends at the end of
    // its line together with everything inside it, so a quote or brace the embedded shell grammar leaves
    // open cannot spill into the next line (a cron command is one line).
    job: {
      begin: r`^[ \t]*(?:(-)(?=[^ \t\n]))?(?=[^ \t\n])`,
      beginCaptures: { 1: { name: 'storage.modifier.no-log.crontab' } }, // cronie: `-` keeps the job out of syslog
      while: '(?!)',
      patterns: [{ include: '#schedule-keyword' }, { include: '#schedule-fields' }, { include: system ? '#user-and-command' : '#command' }],
    },
    // The schedule rules are begin/end (not match) rules so that `meta.schedule.crontab` is on the rule
    // stack, where the retokenized field captures inherit it; their end matches right after the begin.
    // `\G` ties them to the start of the job.
    'schedule-keyword': {
      name: 'meta.schedule.crontab',
      // entry.c compares the whole word, case-sensitively.
      begin: r`\G(?:(@(?:reboot|yearly|annually|monthly|weekly|daily|midnight|hourly)(?![^ \t\n]))|(@[^ \t\n]*))`,
      beginCaptures: { 1: { name: 'keyword.control.schedule.crontab' }, 2: { name: INVALID } },
      end: r`(?=[ \t]|$)`,
    },
    // One to five fields: a line that stops early (while typing) still shows what it has.
    'schedule-fields': {
      name: 'meta.schedule.crontab',
      begin: r`\G(?!@)(${WORD})(?:${BLANK}(${WORD})(?:${BLANK}(${WORD})(?:${BLANK}(${WORD})(?:${BLANK}(${WORD}))?)?)?)?`,
      beginCaptures: Object.fromEntries(FIELDS.map((field, index) => [index + 1, fieldCapture(field)])),
      end: r`(?=[ \t]|$)`,
    },
    ...Object.fromEntries(FIELDS.map((field) => [`field-${field.id}`, fieldElements(field)])),
    command: {
      name: 'meta.command.crontab',
      // A user crontab's command may not start with `*` (entry.c): that is a sixth time field.
      begin: system ? r`(?=[^ \t\n])` : r`(?=[^ \t\n])(\*[^ \t\n]*)?`,
      ...(system ? {} : { beginCaptures: { 1: { name: INVALID } } }),
      end: '$',
      // source.shell is VS Code's built-in shellscript grammar; without it the command is plain text.
      patterns: [{ include: '#percent' }, { include: 'source.shell' }],
    },
    ...percentRules,
  };
  if (system) {
    repository['user-and-command'] = {
      begin: r`${BLANK}(${WORD})`,
      beginCaptures: {
        1: {
          name: 'variable.other.user.crontab',
          // cronie rejects a user starting with `*` (a sixth time field); no account is named so on Debian.
          patterns: [{ match: r`(?<![^ \t\n])\*[^ \t\n]*`, name: INVALID }],
        },
      },
      end: '$',
      patterns: [{ include: '#command' }],
    };
  }
  return {
    information_for_contributors: [
      'Generated by syntaxes/build-grammars.mjs from one definition shared with the other crontab grammar.',
      'Edit that script, then run `node syntaxes/build-grammars.mjs`; test/grammar checks the files are current.',
    ],
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: system ? 'Crontab (system)' : 'Crontab',
    scopeName: system ? 'source.crontab.system' : 'source.crontab',
    patterns: [{ include: '#comment' }, { include: '#environment' }, { include: '#job' }],
    repository: sortKeys(repository),
    // The `%` rules must also apply inside whatever the shell grammar opens (a quoted string, `$(…)`),
    // because cron splits at `%` before the shell sees the command.
    injections: {
      'L:meta.command.crontab - string.unquoted.stdin.crontab': { patterns: [{ include: '#percent' }] },
    },
  };
}

function sortKeys(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
}

const here = path.dirname(fileURLToPath(import.meta.url));
const outputs = [
  ['crontab.tmLanguage.json', grammar(false)],
  ['crontab-system.tmLanguage.json', grammar(true)],
];
const check = process.argv.includes('--check');
let stale = 0;
for (const [name, content] of outputs) {
  const file = path.join(here, name);
  const text = `${JSON.stringify(content, null, 2)}\n`;
  if (check) {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== text) {
      console.error(`syntaxes/${name} is out of date: run node syntaxes/build-grammars.mjs`);
      stale++;
    }
  } else {
    writeFileSync(file, text);
  }
}
process.exit(stale === 0 ? 0 : 1);
