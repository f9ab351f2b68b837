// Writes the TextMate grammars of certbot's two configuration files, each read the way certbot reads it:
//   certbot-renewal.tmLanguage.json  source.certbot-renewal  /etc/letsencrypt/renewal/*.conf, read by configobj 5
//                                                            (src/configobj/__init__.py: _sectionmarker, _keyword,
//                                                            _valueexp and _multiline's single-line triple quotes)
//   certbot-cli-ini.tmLanguage.json  source.certbot-cli-ini  /etc/letsencrypt/cli.ini, read by ConfigArgParse's
//                                                            DefaultConfigFileParser.parse()
// Hook values are shell commands (certbot runs them with `shell=True`, certbot/_internal/hooks.py), so they
// embed source.shell, VS Code's shellscript grammar; the configuration file's own quoting and comments are
// taken off first, as the parser does before the shell ever sees the command.
//
//   node syntaxes/build-certbot-grammar.mjs          rewrite the checked-in grammars
//   node syntaxes/build-certbot-grammar.mjs --check  exit 1 when they are out of date (test/grammar runs this)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const r = String.raw;

// The renewal-file keys whose value certbot runs in a shell: the hooks `--pre-hook`, `--post-hook` and
// `--deploy-hook` save (storage.make_renewal_configobj writes the deploy hook as `renew_hook`; a hand-written
// `deploy_hook` is read too, renewal.STR_CONFIG_ITEMS), and the manual plugin's scripts.
const RENEWAL_HOOK_KEYS = ['pre_hook', 'post_hook', 'renew_hook', 'deploy_hook', 'manual_auth_hook', 'manual_cleanup_hook'];
// The same options as cli.ini keys: ConfigArgParse's get_possible_config_keys() takes each long option with and
// without its `--`. `--renew-hook` is the old spelling of `--deploy-hook` (cli/__init__.py keeps it, hidden).
const CLI_HOOK_KEYS = ['pre-hook', 'post-hook', 'deploy-hook', 'renew-hook', 'manual-auth-hook', 'manual-cleanup-hook'];

const alternation = (list) => [...list].sort((a, b) => b.length - a.length).join('|');

// vscode-textmate tokenizes each line with a `\n` appended: classes of "anything but" leave it out.
const BLANK = '[ \\t]';

/** The rule that never matches but names source.shell in a `patterns` list: vscode-textmate loads an embedded
 * grammar only when some `patterns` list includes it, not when only a capture does. */
const loadShell = (suffix) => ({ begin: '(?!)', end: '(?!)', patterns: [{ include: `#shell-${suffix}` }] });
const shellCapture = (suffix) => ({ name: `meta.embedded.line.shell.${suffix}`, patterns: [{ include: 'source.shell' }] });

function renewalGrammar() {
  const s = 'certbot-renewal';
  // A configobj list item or single value without quotes: `[^'",\#][^,\#]*?` before the comma, comment or end.
  const ITEM_END = `(?=${BLANK}*(?:,|#|$))`;
  const ITEM = r`[^'",# \t\n](?:[^,#\n]*[^,# \t\n])?`;
  const quoted = (inner) => [
    // _multiline(): a value opening with three quotes is read up to the next three on the line.
    { match: r`(""")(.*?)(""")`, captures: { 1: { name: `punctuation.definition.string.begin.${s}` }, 2: inner('double'), 3: { name: `punctuation.definition.string.end.${s}` } } },
    { match: r`(''')(.*?)(''')`, captures: { 1: { name: `punctuation.definition.string.begin.${s}` }, 2: inner('single'), 3: { name: `punctuation.definition.string.end.${s}` } } },
    // `".*?"`: up to the next quote of the same kind; there is no escape inside.
    { match: r`(")([^"\n]*)(")`, captures: { 1: { name: `punctuation.definition.string.begin.${s}` }, 2: inner('double'), 3: { name: `punctuation.definition.string.end.${s}` } } },
    { match: r`(')([^'\n]*)(')`, captures: { 1: { name: `punctuation.definition.string.begin.${s}` }, 2: inner('single'), 3: { name: `punctuation.definition.string.end.${s}` } } },
    // A quote that is never closed: _valueexp fails, configobj raises and certbot skips the whole file.
    { match: r`["'].*$`, name: `invalid.illegal.unclosed-quote.${s}` },
  ];
  const valueEnd = [
    // A comma ends a list item: `webroot_path = /var/www/html,` is a list of one path (configobj's list_values).
    { match: ',', name: `punctuation.separator.list.${s}` },
    // Outside quotes `#` starts a comment wherever it is, even with no blank before it.
    { match: r`(#).*$`, name: `comment.line.number-sign.${s}`, captures: { 1: { name: `punctuation.definition.comment.${s}` } } },
  ];
  const repository = {
    comment: {
      match: r`^(${BLANK}*)((#).*)$`,
      captures: {
        1: { name: `punctuation.whitespace.comment.leading.${s}` },
        2: { name: `comment.line.number-sign.${s}` },
        3: { name: `punctuation.definition.comment.${s}` },
      },
    },
    // _sectionmarker: as many `[` as `]` (configobj raises "Cannot compute the section depth" otherwise), a
    // name that is quoted or starts with a non-blank, and an optional comment. `[renewalparams]` is depth 1,
    // `[[webroot_map]]` depth 2.
    section: {
      patterns: [1, 2, 3].map((depth) => ({
        match: [
          `^${BLANK}*`,
          `(${Array(depth).fill(r`\[`).join(`${BLANK}*`)})${BLANK}*`,
          `("${BLANK}*[^ \\t\\n"].*?${BLANK}*"|'${BLANK}*[^ \\t\\n'].*?${BLANK}*'|[^'" \\t\\n\\[\\]](?:[^\\n]*?[^ \\t\\n\\[\\]])?)`,
          `${BLANK}*(${Array(depth).fill(r`\]`).join(`${BLANK}*`)})`,
          `${BLANK}*((#).*)?$`,
        ].join(''),
        name: `meta.section.${s}`,
        captures: {
          1: { name: `punctuation.definition.section.begin.${s}` },
          2: { name: `entity.name.section.group-title.${s}` },
          3: { name: `punctuation.definition.section.end.${s}` },
          4: { name: `comment.line.number-sign.${s}` },
          5: { name: `punctuation.definition.comment.${s}` },
        },
      })),
    },
    // _keyword: a key up to the first `=` (quoted or not), blanks, `=`, blanks, then the value.
    hook: {
      begin: `^(${BLANK}*)(${alternation(RENEWAL_HOOK_KEYS)})(${BLANK}*)(=)${BLANK}*`,
      beginCaptures: { 2: { name: `keyword.other.definition.hook.${s}` }, 4: { name: `keyword.operator.assignment.${s}` } },
      end: '$',
      name: `meta.key-value.hook.${s}`,
      patterns: [
        ...quoted(() => shellCapture(s)),
        ...valueEnd,
        { match: `None${ITEM_END}`, name: `constant.language.null.${s}` },
        { match: ITEM, captures: { 0: shellCapture(s) } },
        { include: '#load-shell' },
      ],
    },
    'key-value': {
      begin: r`^(${BLANK}*)("[^"\n]*?"|'[^'\n]*?'|[^'"= \t\n][^=\n]*?)(${BLANK}*)(=)${BLANK}*`,
      beginCaptures: { 2: { name: `keyword.other.definition.${s}` }, 4: { name: `keyword.operator.assignment.${s}` } },
      end: '$',
      name: `meta.key-value.${s}`,
      patterns: [
        ...quoted((kind) => ({ name: `string.quoted.${kind}.${s}` })),
        ...valueEnd,
        // renewal._restore_bool() takes True/False in any case; configobj itself keeps every value a string.
        { match: `(?i:true|false)${ITEM_END}`, name: `constant.language.boolean.${s}` },
        // _restore_str() reads `None` as no value.
        { match: `None${ITEM_END}`, name: `constant.language.null.${s}` },
        { match: `-?[0-9]+${ITEM_END}`, name: `constant.numeric.integer.${s}` },
        { match: ITEM, name: `string.unquoted.value.${s}` },
      ],
    },
    // A line that is neither blank, a comment, a section marker nor `key = value`: configobj raises
    // ("Invalid line ... did not match as a section or a value") and certbot skips the whole renewal file.
    invalid: { match: r`^${BLANK}*[^ \t\n].*$`, name: `invalid.illegal.line.${s}` },
    'load-shell': loadShell(s),
    [`shell-${s}`]: { patterns: [{ include: 'source.shell' }] },
  };
  return {
    information_for_contributors: [
      'Generated by syntaxes/build-certbot-grammar.mjs (renewal files as configobj reads them).',
      'Edit that script, then run `node syntaxes/build-certbot-grammar.mjs`; test/grammar checks the files are current.',
    ],
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'certbot renewal configuration',
    scopeName: `source.${s}`,
    patterns: [{ include: '#comment' }, { include: '#section' }, { include: '#hook' }, { include: '#key-value' }, { include: '#invalid' }],
    repository: sortKeys(repository),
  };
}

function cliIniGrammar() {
  const s = 'certbot-cli-ini';
  // DefaultConfigFileParser.parse(), on the stripped line:
  //   ^(?P<key>[^:=;#\s]+)\s*(?:(?P<equal>[:=\s])\s*(['"]?)(?P<value>.+?)?\3)?\s*(?:\s[;#]\s*(?P<comment>.*?)\s*)?$
  // The same expression with the line's leading blanks allowed and the key split from its optional `--`.
  const line = (key) =>
    [
      `^${BLANK}*`,
      `(--)?(${key})`,
      `(?:${BLANK}*([:=]|${BLANK})${BLANK}*(['"]?)(.+?)?(\\4))?`,
      `${BLANK}*(?:${BLANK}((?:#|;).*?))?${BLANK}*$`,
    ].join('');
  const captures = (value) => ({
    1: { name: `punctuation.definition.option.${s}` },
    3: { name: `keyword.operator.assignment.${s}` },
    4: { name: `punctuation.definition.string.begin.${s}` },
    5: value,
    6: { name: `punctuation.definition.string.end.${s}` },
    7: { name: `comment.line.${s}` },
  });
  const repository = {
    // Skipped before anything else: a first non-blank `#`, `;` or `[`, or `---`. A `[section]` line is read as
    // a comment (ConfigArgParse ignores sections), so it is scoped as one.
    comment: {
      patterns: [
        {
          match: r`^(${BLANK}*)(([#;]).*)$`,
          captures: {
            1: { name: `punctuation.whitespace.comment.leading.${s}` },
            2: { name: `comment.line.${s}` },
            3: { name: `punctuation.definition.comment.${s}` },
          },
        },
        { match: r`^${BLANK}*((?:\[|---).*)$`, captures: { 1: { name: `comment.line.ignored.${s}` } } },
      ],
    },
    hook: {
      match: line(`(?:${alternation(CLI_HOOK_KEYS)})(?![^:=;# \\t\\n])`),
      name: `meta.key-value.hook.${s}`,
      captures: { 2: { name: `keyword.other.definition.hook.${s}` }, ...captures(shellCapture(s)) },
    },
    'key-value': {
      match: line(r`[^:=;# \t\n]+`),
      name: `meta.key-value.${s}`,
      captures: { 2: { name: `keyword.other.definition.${s}` }, ...captures({ patterns: [{ include: '#value' }] }) },
    },
    // Applied to the value capture: vscode-textmate retokenizes it from its start in the line cut off at its end,
    // so `$` is the value's end, and of matches starting at the same place the first listed wins.
    value: {
      patterns: [
        // A flag's value: convert_item_to_command_line_arg() takes these, in any case.
        { match: r`(?i:true|false|yes|no|on|off)$`, name: `constant.language.boolean.${s}` },
        { match: r`-?[0-9]+$`, name: `constant.numeric.integer.${s}` },
        // `[a, b]` is a list (JSON, or split at commas when it is not JSON).
        {
          match: r`(\[)(.*)(\])$`,
          captures: {
            1: { name: `punctuation.definition.list.begin.${s}` },
            2: { patterns: [{ match: ',', name: `punctuation.separator.list.${s}` }, { match: r`[^, \t][^,]*[^, \t]|[^, \t]`, name: `string.unquoted.value.${s}` }] },
            3: { name: `punctuation.definition.list.end.${s}` },
          },
        },
        { match: r`.+$`, name: `string.unquoted.value.${s}` },
      ],
    },
    // A line the expression does not match (it starts with `:` or `=`): ConfigArgParse raises "Unexpected line".
    invalid: { match: r`^${BLANK}*[^ \t\n].*$`, name: `invalid.illegal.line.${s}` },
    'load-shell': loadShell(s),
    [`shell-${s}`]: { patterns: [{ include: 'source.shell' }] },
  };
  return {
    information_for_contributors: [
      "Generated by syntaxes/build-certbot-grammar.mjs (cli.ini as ConfigArgParse's DefaultConfigFileParser reads it).",
      'Edit that script, then run `node syntaxes/build-certbot-grammar.mjs`; test/grammar checks the files are current.',
    ],
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'certbot cli.ini',
    scopeName: `source.${s}`,
    patterns: [{ include: '#comment' }, { include: '#hook' }, { include: '#key-value' }, { include: '#invalid' }, { include: '#load-shell' }],
    repository: sortKeys(repository),
  };
}

function sortKeys(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
}

const here = path.dirname(fileURLToPath(import.meta.url));
const outputs = [
  ['certbot-renewal.tmLanguage.json', renewalGrammar()],
  ['certbot-cli-ini.tmLanguage.json', cliIniGrammar()],
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
      console.error(`syntaxes/${name} is out of date: run node syntaxes/build-certbot-grammar.mjs`);
      stale++;
    }
  } else {
    writeFileSync(file, text);
  }
}
process.exit(stale === 0 ? 0 : 1);
