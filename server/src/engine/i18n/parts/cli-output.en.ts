// Messages of the CLI's output options, rule list and `schedlint explain` (issue #25).
export const cliOutputEn = {
  'cli.usage.output':
    "Output and rules:\n  --min-severity LEVEL  show only findings at LEVEL or above: error, warning, info or hint (default: hint, all)\n  --quiet, -q  errors only (--min-severity error)\n  --color WHEN  colours: auto (default: when standard output is a terminal; NO_COLOR and FORCE_COLOR are honoured),\n               always or never\n  --list-rules  list every rule: id, default severity, fixable, format and title (--format json or sarif too)\n  PATH may be a quoted glob ('deploy/**/*.cron', *, ?, [abc], {a,b}), expanded by schedlint; a file whose name\n               merely looks like a glob is taken as it is\n  schedlint explain RULE [--lang en|ja]\n               the rule's page (what it catches, examples, why, how to fix it) in the terminal",
  'cli.hiddenBelow': ' ({count, plural, one {# finding} other {# findings}} below {severity} not shown)',
  'cli.error.quietAndMinSeverity': '--quiet and --min-severity cannot be used together (--quiet is --min-severity error)',
  'cli.io.noMatch': 'no file matches this pattern',
  'cli.sarif.help': 'What this rule catches, examples, why and how to fix it: {url}',
  'cli.sarif.srcroot': 'The root of the repository schedlint was run in (its git top level, else the working directory).',
  'cli.rules.id': 'RULE',
  'cli.rules.severity': 'SEVERITY',
  'cli.rules.fixable': 'FIX',
  'cli.rules.format': 'FORMAT',
  'cli.rules.title': 'DESCRIPTION',
  'cli.rules.yes': 'yes',
  'cli.rules.count': '{count} rules; `schedlint explain RULE` shows a rule\'s page.',
  'cli.explain.usage': 'Usage: schedlint explain RULE [--lang en|ja]   (schedlint --list-rules lists the rules)',
  'cli.explain.unknown': "unknown rule '{rule}' (schedlint --list-rules lists them)",
  'cli.explain.suggest': "unknown rule '{rule}'; did you mean {suggestions}?",
  'cli.explain.noDocs': 'the page of {rule} is not installed with this schedlint; read it at {url}',
} as const;
