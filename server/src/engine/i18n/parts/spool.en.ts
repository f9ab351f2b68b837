// English messages of crontab/spool-mode (a user crontab put into cron's spool by a repository's COPY, mount,
// ConfigMap or Ansible copy) and of the Jinja templates an Ansible `template:` installs; spread into en.ts.
// Every key is also in spool.ja.ts.
export const spoolEn = {
  'rule.crontab/spool-mode.title': "User crontab put into cron's spool with a mode, owner or link cron refuses",

  'crontab/spool-mode.checkout-debian':
    '{installer} line {line} puts this file in the spool as {target} with the mode it has in the checkout (0644 from git): Debian\'s cron loads a user crontab only with mode 0600 ("INSECURE MODE (mode 0600 expected)"), so none of its jobs run. Add `--chmod=0600` (or `chmod 600 {target}`), or install it with `crontab -u {user} FILE`.',
  'crontab/spool-mode.mount-debian':
    '{installer} line {line} bind-mounts this file as {target}, where it keeps the mode and owner it has on the host (0644 and your own user in a git checkout): Debian\'s cron loads a user crontab only with mode 0600 and owned by its user or root ("INSECURE MODE", "WRONG FILE OWNER"), so none of its jobs run. Mount it elsewhere and install it with `crontab -u {user} FILE` when the container starts.',
  'crontab/spool-mode.mode-debian':
    '{installer} line {line} leaves {target} with mode {mode}: Debian\'s cron loads a user crontab only with mode 0600 ("INSECURE MODE (mode 0600 expected)"), so none of its jobs run. Use mode 0600, or install it with `crontab -u {user} FILE`.',
  'crontab/spool-mode.configmap-debian':
    '{installer} line {line} mounts this ConfigMap key as {target} with mode {mode} (`defaultMode:`, 0644 when not set): Debian\'s cron loads a user crontab only with mode 0600 ("INSECURE MODE (mode 0600 expected)"), so none of its jobs run. Set `defaultMode: 0600` (or the item\'s `mode:`).',
  'crontab/spool-mode.linked-debian':
    '{installer} line {line} mounts this ConfigMap into {folder}, where each key is a symbolic link (`{user} -> ..data/{user}`): Debian\'s cron opens spool files without following links ("CAN\'T OPEN"), so none of its jobs run. Mount the key alone with `subPath: {user}` and `defaultMode: 0600`, or mount it elsewhere and install it with `crontab -u {user} FILE` at start-up.',
  'crontab/spool-mode.mode-cronie':
    '{installer} line {line} leaves {target} with mode {mode}: cronie loads only files whose mode passes `(mode & 07533) == 0400` (0600, 0644, 0400), so none of its jobs run. Use mode 0600.',
  'crontab/spool-mode.configmap-cronie':
    '{installer} line {line} mounts this ConfigMap key as {target} with mode {mode} (`defaultMode:`): cronie loads only files whose mode passes `(mode & 07533) == 0400` (0600, 0644, 0400), so none of its jobs run. Set `defaultMode: 0600`.',
  'crontab/spool-mode.owner':
    '{installer} line {line} makes `{owner}` the owner of {target}: cron loads {user}\'s crontab only when its user or root owns it ("WRONG FILE OWNER"), so none of its jobs run. Leave it owned by root, or install it with `crontab -u {user} FILE`.',

  'cli.assumed.template.separator': ', ',
  'cli.assumed.template.one': '{path}: note: a Jinja template (Ansible `template:`): line {lines} is not checked, because Jinja writes its schedule, its user column or the whole line; `{{ … }}` in a command is read as unknown text',
  'cli.assumed.template.many': '{path}: note: a Jinja template (Ansible `template:`): lines {lines} are not checked, because Jinja writes their schedule, their user column or the whole line; `{{ … }}` in a command is read as unknown text',
};
