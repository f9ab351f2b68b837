// English messages of the certbot family; spread into en.ts. Same rules as en.ts: every key also in certbot.ja.ts.
export const certbotEn = {
  'rule.certbot/invalid-syntax.title': 'Line certbot cannot read',
  'certbot/invalid-syntax.invalid-line': 'configobj cannot read this line (it is neither `key = value` nor a `[section]`): `certbot renew` reports the whole renewal file as broken and skips this certificate. Write it as `key = value`.',
  'certbot/invalid-syntax.invalid-value': 'configobj cannot read this value (an unbalanced quote, or a list with an empty item): `certbot renew` reports the whole renewal file as broken and skips this certificate. Quote the whole value with "…" or remove the stray comma.',
  'certbot/invalid-syntax.unterminated-triple-quote': 'This triple-quoted value is never closed: `certbot renew` reports the whole renewal file as broken and skips this certificate. Close it with the same three quotes.',
  'certbot/invalid-syntax.duplicate-key': '`{key}` is set twice in this section: configobj refuses duplicates, so `certbot renew` reports the renewal file as broken and skips this certificate. Keep one of the two lines.',
  'certbot/invalid-syntax.duplicate-section': 'Section [{name}] appears twice: configobj refuses that, so `certbot renew` reports the renewal file as broken and skips this certificate. Merge the two sections.',
  'certbot/invalid-syntax.section-brackets': 'The opening and closing brackets of this section header do not match: `certbot renew` reports the renewal file as broken and skips this certificate. Use as many `]` as `[`.',
  'certbot/invalid-syntax.section-nesting': 'A section at depth {depth} cannot go here (`[[webroot_map]]` belongs right under `[renewalparams]`): `certbot renew` reports the renewal file as broken and skips this certificate.',
  'certbot/invalid-syntax.interpolation-missing': 'configobj replaces `%({name})s` in `{key}` with the value of `{name}`, which this file does not set: reading the value fails and certbot does not renew this certificate. Write a literal `%` as part of a command only when it is not followed by `(`.',
  'certbot/invalid-syntax.interpolation-loop': '`%({name})s` in `{key}` refers back to itself: reading the value fails and certbot does not renew this certificate. Remove the circular reference.',
  'certbot/invalid-syntax.cli-unexpected-line': 'ConfigArgParse cannot read this line, so every certbot command, `certbot renew` from the timer included, exits with "Unexpected line" before doing anything. Write it as `option = value`.',

  'rule.certbot/unknown-key.title': 'Key certbot does not know',
  'certbot/unknown-key.unknown': 'certbot does not know `{key}` and ignores it. Check the spelling against `certbot --help all`, or remove it.',
  'certbot/unknown-key.unknown-suggest': 'certbot does not know `{key}` and ignores it: did you mean `{suggestion}`?',
  'certbot/unknown-key.not-read': '`{key}` was written by an older certbot; `certbot renew` no longer reads it from a renewal file and drops it the next time it rewrites the file. Nothing to do.',
  'certbot/unknown-key.cli-unknown': '`{key}` is not a certbot option: certbot turns it into `--{key}` and exits with "unrecognized arguments" on every run, so no certificate is renewed. Remove the line or use an option listed by `certbot --help all`.',
  'certbot/unknown-key.cli-unknown-suggest': '`{key}` is not a certbot option: certbot exits with "unrecognized arguments" on every run, so no certificate is renewed. Did you mean `{suggestion}`?',
  'certbot/unknown-key.cli-ambiguous': '`{key}` is the beginning of several certbot options ({candidates}): certbot exits with "ambiguous option" on every run, so no certificate is renewed. Write the option in full.',
  'certbot/unknown-key.rename': 'Change to `{suggestion}`',

  'rule.certbot/standalone-without-hooks.title': 'Standalone renewal while a web server holds port 80',
  'certbot/standalone-without-hooks.no-hooks': 'This certificate renews with the standalone plugin, which must bind port 80 itself, but {servers, list} {servers, plural, one {is} other {are}} installed here ({evidence}) and no pre or post hook stops {servers, plural, one {it} other {them}}: every automatic renewal fails to bind the port, or a hand-made stop leaves the web {servers, plural, one {server} other {servers}} down. Stop {servers, plural, one {it} other {them}} in a pre hook and start {servers, plural, one {it} other {them}} again in a post hook.',
  'certbot/standalone-without-hooks.fix': 'Add a pre-hook and a post-hook to cli.ini that stop and start {servers, list}',

  'rule.certbot/manual-without-auth-hook.title': 'Manual authenticator without an auth hook',
  'certbot/manual-without-auth-hook.no-auth-hook': 'This certificate renews with the manual plugin but has no `manual_auth_hook`: `certbot renew` runs non-interactively and stops with "An authentication script must be provided with --manual-auth-hook", so it is never renewed automatically. Renew it once with `--manual-auth-hook` (and `--manual-cleanup-hook`), or switch to another authenticator.',

  'rule.certbot/webroot-without-path.title': 'Webroot authenticator without a folder',
  'certbot/webroot-without-path.no-path': 'This certificate renews with the webroot plugin but names no folder (neither `webroot_path` nor a `[[webroot_map]]` entry): `certbot renew` cannot ask for one and fails. Renew it once with `--webroot -w /var/www/html` so certbot records the folder.',

  'rule.certbot/hook-in-renewal-conf.title': 'Hook kept only in the renewal file',
  'certbot/hook-in-renewal-conf.only-here': '`{key}` lives only in this renewal file, which certbot rewrites on every renewal from the options of that run: `certbot renew` keeps it, but a `certbot certonly` or `certbot --nginx` run for this certificate, or `certbot renew --{option} …`, replaces or drops it. Keep it in cli.ini as `{option}` (it then applies to every certificate).',
  'certbot/hook-in-renewal-conf.overridden': '`{key}` here is never used: `{option}` in {file} takes precedence over the renewal file. Remove this line or make the two the same.',
  'certbot/hook-in-renewal-conf.related': 'the hook certbot uses',
  'certbot/hook-in-renewal-conf.fix': 'Move the hooks to {file} (they then apply to every certificate)',

  'rule.certbot/deploy-hook-in-renewal-conf.title': '`deploy_hook` in a renewal file',
  'certbot/deploy-hook-in-renewal-conf.ignored': '`certbot renew` does not read `deploy_hook` from a renewal file (certbot keeps the deploy hook under `renew_hook`), so this hook never runs and vanishes at the next rewrite. Rename it to `renew_hook`.',
  'certbot/deploy-hook-in-renewal-conf.ignored-beside-renew-hook': '`certbot renew` does not read `deploy_hook` from a renewal file; the hook that runs is `renew_hook` above. Remove this line, or merge the two commands into `renew_hook`.',
  'certbot/deploy-hook-in-renewal-conf.fix': 'Rename to `renew_hook`',

  'rule.certbot/renew-hook-spelling.title': '`renew-hook` in cli.ini',
  'certbot/renew-hook-spelling.old-spelling': '`{key}` is the old spelling of `deploy-hook`: it runs after `certbot renew` renews a certificate, but not after `certbot certonly` gets one. `deploy-hook` runs after both.',
  'certbot/renew-hook-spelling.fix': 'Rename to `deploy-hook`',

  'rule.certbot/secret-permissions.title': 'Private key or credentials readable by other users',
  'certbot/secret-permissions.key': 'The private key {file} has mode {mode}: any user on this machine can read it and impersonate this site. Remove the permissions for others.',
  'certbot/secret-permissions.credentials': 'The DNS credentials file {file} has mode {mode}: any user on this machine can read the API token and change your DNS (certbot itself warns "Unsafe permissions on credentials configuration file"). Remove the permissions for others.',
  'certbot/secret-permissions.chmod': 'Remove others\' access to {file}',

  'rule.certbot/hook-not-executable.title': 'Hook script certbot skips',
  'certbot/hook-not-executable.not-executable': '{file} is not executable, so `certbot renew` skips it silently: this {stage} hook never runs. Make it executable.',
  'certbot/hook-not-executable.chmod': 'Make {file} executable',
} as const;
