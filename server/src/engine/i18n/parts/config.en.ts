// English messages of the CLI's --fix/--diff and of the configuration file (.schedlint.yaml), spread into
// en.ts. Every key is also in config.ja.ts.
export const configEn = {
  'cli.usage.fixConfig':
    "\n\nFixing:\n  --fix        apply every safe fix (the rule pages say which: `--fix: yes`), write the files, then lint them\n               again and report what remains; files and folders only, never with --root/--host\n  --diff       with --fix: print the changes as a unified diff and write nothing (exit 1 when there are any)\n  --fix-dry-run  the same as --fix --diff\n\nConfiguration: the nearest .schedlint.yaml (.yml, .json) above each file, up to the repository root, sets\nrule severities, formats and dialects by glob, files to ignore and certificates.expiryDays; options win over it.\n  --print-config PATH  print what applies to PATH (JSON)",
  'cli.error.diffWithoutFix': '--diff shows what --fix would change: use it with --fix or --fix-dry-run',
  'cli.error.fixWithRoot':
    "--fix writes files, and --root/--host lint a host's own files, which schedlint never edits: give the files or folders to fix (a repository, a copy), or apply the fixes in the editor",
  'cli.error.fixStdin': '--fix cannot write standard input (-): give the file instead',
  'cli.fix.applied': '{path}:{line}: fixed: {title} [{rule}]',
  'cli.fix.summary': '{fixes, plural, one {# fix} other {# fixes}} applied in {files, plural, one {# file} other {# files}}',
  'cli.fix.writeFailed': 'schedlint: cannot write {path}: {detail}',
  'config.error.unreadable': 'cannot read the configuration file: {detail}',
  'config.error.syntax': 'not valid YAML or JSON: {detail}',
  'config.error.notAMapping': '{key} must be a mapping of names to values',
  'config.error.notAList': '{key} must be a list',
  'config.error.unknownKey': "unknown setting '{key}' (known here: {allowed})",
  'config.error.unknownRule': "unknown rule '{rule}' (docs/rules/README.md lists them)",
  'config.error.value': '{key} takes one of: {allowed}',
  'config.error.glob': '{key} takes a glob or a list of globs (non-empty strings)',
  'config.error.days': '{key} takes a whole number of days from 0 to {most}',
  'config.error.overrideFiles': '{key} needs `files`: the globs of the files it applies to',
  'cli.config.invalid': 'schedlint: the configuration file is not valid; nothing was linted',
  'hover.reason.config': 'set in the configuration file',
  'certbot/cert-expiring.threshold':
    'The certificate expires on {date} ({days, plural, one {# day} other {# days}} left), fewer than the {wanted, plural, one {# day} other {# days}} set in certificates.expiryDays; certbot renews it from {renewDate} on. Run `{command}` to check that renewal will work.',
  'cli.fix.changedMeanwhile': 'it changed while schedlint was fixing it, so it was left as it is',
  'cli.fix.ownerNotKept': '{detail} (its owner could not be kept, so it was left as it is)',
};
