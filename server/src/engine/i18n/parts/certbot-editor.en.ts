// English messages (certbot-editor); spread into en.ts. Every key also in certbot-editor.ja.ts with the same parameters.
// Hover docs for renewal files and cli.ini, written from certbot's own source (storage.py, renewal.py, hooks.py,
// cli/__init__.py, plugins/webroot.py and manual.py), and the code lens titles.
export const certbotEditorEn = {
  // Sections of a renewal file.
  'certbot-editor.section.renewalparams':
    'The options `certbot renew` reuses for this certificate: authenticator, installer, account, server, key settings and hooks. certbot writes this section itself whenever the certificate is obtained, renewed or reconfigured, so hand edits here do not last.',
  'certbot-editor.section.webroot_map':
    'Which webroot each name is validated from (webroot authenticator): `name = directory`. The challenge file goes into `directory/.well-known/acme-challenge/`.',
  'certbot-editor.section.acme_renewal_info':
    'ACME Renewal Information (ARI) that certbot keeps between runs (certbot 4.1 and later); not for editing.',

  // Top of a renewal file: what storage.make_renewal_configobj writes.
  'certbot-editor.key.version': 'The certbot version that last wrote this file. A newer certbot reads it fine; an older one logs that it "might not work".',
  'certbot-editor.key.archive_dir': 'The directory holding every issued version (`cert1.pem`, `privkey1.pem`, …); the files in `live/` are links into it.',
  'certbot-editor.key.cert': 'The certificate (`live/NAME/cert.pem`, a link to the newest `certN.pem` in the archive). Servers usually want `fullchain` instead.',
  'certbot-editor.key.privkey': 'The private key of the certificate (`live/NAME/privkey.pem`). Keep it readable by root only.',
  'certbot-editor.key.chain': 'The intermediate certificates that issued `cert` (`live/NAME/chain.pem`).',
  'certbot-editor.key.fullchain': 'The certificate followed by its intermediates (`live/NAME/fullchain.pem`): what nginx `ssl_certificate` and Apache `SSLCertificateFile` should point at.',
  'certbot-editor.key.renew_before_expiry':
    'Renew once less than this much time is left (`30 days`, `2 weeks`). Without it, certbot up to 4.0 (Debian 12 has 2.1) renews 30 days before expiry; 4.1 and later follow the CA\'s renewal information, else renew after two thirds of the lifetime.',

  // [renewalparams]: the items renewal.py restores (STR/INT/BOOL_CONFIG_ITEMS, pref_challs) and the hooks.
  'certbot-editor.param.authenticator':
    'How the CA is shown that this host controls the names on renewal: `standalone` (certbot listens on port 80 itself), `webroot` (writes a file the running web server serves), `nginx`/`apache` (adjusts the web server for the challenge), `manual` (runs `manual_auth_hook`), `dns-…` (DNS plugin).',
  'certbot-editor.param.installer': 'Which plugin installs the renewed certificate into a server configuration (`nginx`, `apache`), or `None`.',
  'certbot-editor.param.account': 'The ACME account renewals use: a directory under `/etc/letsencrypt/accounts/<server>/directory/`.',
  'certbot-editor.param.server': 'The ACME directory URL the certificate came from and renews against (Let\'s Encrypt production: `https://acme-v02.api.letsencrypt.org/directory`).',
  'certbot-editor.param.key_type': '`rsa` or `ecdsa`: the type of the new private key at each renewal. A missing value means `rsa` (files written before certbot 1.25).',
  'certbot-editor.param.rsa_key_size': 'Bits of a new RSA key (`key_type = rsa`); certbot\'s default is 2048.',
  'certbot-editor.param.elliptic_curve': 'The curve of a new ECDSA key (`key_type = ecdsa`): `secp256r1` (default), `secp384r1` or `secp521r1`.',
  'certbot-editor.param.reuse_key': '`True`: renewals keep the current private key instead of generating a new one.',
  'certbot-editor.param.must_staple': '`True`: the certificate carries OCSP Must-Staple, so browsers refuse it unless the server staples an OCSP response.',
  'certbot-editor.param.preferred_chain': 'The chain to pick when the CA offers several, by the common name of its top certificate (e.g. `ISRG Root X1`).',
  'certbot-editor.param.pref_challs': 'The challenge types to try, most preferred first (`http-01`, `dns-01`).',
  'certbot-editor.param.http01_port': 'The port the standalone authenticator listens on. The CA still connects to port 80, so anything else needs a forward from 80.',
  'certbot-editor.param.http01_address': 'The address the standalone authenticator listens on (all addresses when empty).',
  'certbot-editor.param.allow_subset_of_names': '`True`: a renewal succeeds with the names that still validate and drops the others from the certificate.',
  'certbot-editor.param.autorenew': '`False`: `certbot renew` skips this certificate (set by `--no-autorenew`).',
  'certbot-editor.param.webroot_path': 'The webroot(s) for the names (webroot authenticator): the challenge file goes into `PATH/.well-known/acme-challenge/`. A trailing comma makes a list of one.',
  'certbot-editor.param.pre_hook':
    'Runs in a shell before `certbot renew` obtains a certificate, once per run even for several certificates with the same hook (e.g. stop the web server for standalone). certbot rewrites this file on renewal and reconfigure: a hook typed in by hand is safer in `cli.ini` or `renewal-hooks/pre/`.',
  'certbot-editor.param.post_hook':
    'Runs in a shell after `certbot renew` tried to obtain a certificate, success or not (e.g. start the web server again). A hook typed in by hand is safer in `cli.ini` or `renewal-hooks/post/`.',
  'certbot-editor.param.renew_hook':
    'The deploy hook: what `--deploy-hook` saved. `certbot renew` runs it after each successful renewal of this certificate, with `$RENEWED_LINEAGE` (the `live/` directory) and `$RENEWED_DOMAINS` set.',
  'certbot-editor.param.deploy_hook':
    'Not the key certbot saves the deploy hook under (`renew_hook`). certbot before 5.3 (Debian 12 has 2.1) does not read it back, so this hook never runs; 5.3 and later read it (a `renew_hook` wins) and write it back as `renew_hook`.',
  'certbot-editor.param.manual_auth_hook':
    'The script that performs the challenge for the manual authenticator (`$CERTBOT_DOMAIN`, `$CERTBOT_VALIDATION`, `$CERTBOT_TOKEN` are set). Without it a manual renewal needs someone at the terminal.',
  'certbot-editor.param.manual_cleanup_hook': 'The script that removes what `manual_auth_hook` set up, after the challenge.',
  'certbot-editor.param.config_dir': 'certbot\'s configuration directory at the time (`/etc/letsencrypt`).',
  'certbot-editor.param.work_dir': 'certbot\'s working directory at the time (`/var/lib/letsencrypt`).',
  'certbot-editor.param.logs_dir': 'certbot\'s log directory at the time (`/var/log/letsencrypt`).',
  'certbot-editor.param.user_agent': 'The User-Agent certbot sends to the CA.',
  'certbot-editor.param.preferred_profile': 'The certificate profile to ask the CA for, falling back to its default when the CA does not offer it.',
  'certbot-editor.param.required_profile': 'The certificate profile the CA must issue; the renewal fails when it cannot.',
  'certbot-editor.param.plugin': 'An option of the `{plugin}` plugin: `certbot renew` restores it when `{plugin}` is this certificate\'s authenticator or installer.',
  'certbot-editor.webrootMapEntry': '`{name}` is validated from the webroot `{path}`: the challenge file goes into `{path}/.well-known/acme-challenge/`.',

  // cli.ini: ConfigArgParse reads it as long options without `--`, on every certbot run (renewals too).
  'certbot-editor.option.generic': 'Same as `--{name}` on certbot\'s command line. cli.ini applies to every certbot run, the renewal timer\'s `certbot renew` included.',
  'certbot-editor.option.email': 'The e-mail address for the ACME account (expiry warnings, account recovery); several separated by commas.',
  'certbot-editor.option.agree-tos': 'Agree to the ACME server\'s subscriber agreement without asking.',
  'certbot-editor.option.no-eff-email': 'Do not share the e-mail address with the EFF, and do not ask.',
  'certbot-editor.option.eff-email': 'Share the e-mail address with the EFF without asking.',
  'certbot-editor.option.non-interactive': 'Never ask: fail instead when an answer is needed.',
  'certbot-editor.option.authenticator': 'The authenticator for new certificates (`standalone`, `webroot`, `nginx`, `apache`, `manual`, `dns-…`).',
  'certbot-editor.option.installer': 'The installer for new certificates (`nginx`, `apache`).',
  'certbot-editor.option.webroot-path': 'The webroot for the webroot authenticator: the challenge file goes into `PATH/.well-known/acme-challenge/`.',
  'certbot-editor.option.server': 'The ACME directory URL (Let\'s Encrypt production: `https://acme-v02.api.letsencrypt.org/directory`).',
  'certbot-editor.option.staging': 'Use Let\'s Encrypt\'s staging server: test certificates that browsers do not trust.',
  'certbot-editor.option.key-type': '`rsa` or `ecdsa`: the type of new private keys.',
  'certbot-editor.option.rsa-key-size': 'Bits of new RSA keys (default 2048).',
  'certbot-editor.option.elliptic-curve': 'The curve of new ECDSA keys (default `secp256r1`).',
  'certbot-editor.option.must-staple': 'Ask for OCSP Must-Staple in new certificates.',
  'certbot-editor.option.preferred-chain': 'The chain to pick when the CA offers several, by the common name of its top certificate.',
  'certbot-editor.option.preferred-challenges': 'The challenge types to try, most preferred first (`http-01`, `dns-01`).',
  'certbot-editor.option.http-01-port': 'The port the standalone authenticator listens on; the CA still connects to port 80.',
  'certbot-editor.option.keep-until-expiring': 'Keep an existing certificate that matches until it is due for renewal, without asking.',
  'certbot-editor.option.expand': 'Replace an existing certificate with one that has more names, without asking.',
  'certbot-editor.option.reuse-key': 'Renewals keep the current private key.',
  'certbot-editor.option.max-log-backups': 'How many rotated logs certbot keeps; `0` turns certbot\'s own rotation off (Debian does, and rotates with logrotate).',
  'certbot-editor.option.preconfigured-renewal': 'Tells certbot that the package already schedules renewals (a systemd timer or cron job), so it says so after issuing a certificate instead of asking you to set renewal up.',
  'certbot-editor.option.pre-hook':
    'Runs in a shell before any certificate is obtained, once per run. Here it applies to every renewal and survives certbot rewriting the renewal files.',
  'certbot-editor.option.post-hook':
    'Runs in a shell after certbot tried to obtain certificates, once per run. Here it applies to every renewal and survives certbot rewriting the renewal files.',
  'certbot-editor.option.deploy-hook':
    'Runs in a shell after each certificate is successfully issued or renewed, with `$RENEWED_LINEAGE` and `$RENEWED_DOMAINS` set. Here it applies to every certificate.',
  'certbot-editor.option.renew-hook': 'The old spelling of `deploy-hook`, still read: runs after each successful renewal.',
  'certbot-editor.option.manual-auth-hook': 'The script that performs the challenge for the manual authenticator.',
  'certbot-editor.option.manual-cleanup-hook': 'The script that removes what the manual auth hook set up.',
  'certbot-editor.option.no-directory-hooks': 'Do not run the executables in `renewal-hooks/pre`, `post` and `deploy`.',
  'certbot-editor.option.disable-hook-validation': 'Do not check that the first word of each hook is a program on `PATH` (needed for hooks that start with shell syntax).',
  'certbot-editor.option.config-dir': 'certbot\'s configuration directory (default `/etc/letsencrypt`).',
  'certbot-editor.option.work-dir': 'certbot\'s working directory (default `/var/lib/letsencrypt`).',
  'certbot-editor.option.logs-dir': 'certbot\'s log directory (default `/var/log/letsencrypt`).',
  'certbot-editor.option.quiet': 'Print nothing but errors (what cron jobs want).',

  // Values.
  'certbot-editor.certificateUnavailable': 'Certificate details are not available here.',

  // Code lens.
  'certbot-editor.lens.dryRun': 'Dry run this renewal',
} as const;
