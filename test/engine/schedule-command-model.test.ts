// The command model: the programs a cron command, an ExecStart= or a script really runs, and the guards in
// front of each (table of commands → programs/guards), plus one level into local scripts.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { type CommandStart, lineSource, modelCommand, textSource } from '../../server/src/engine/schedule/command-model';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import type { Host } from '../../server/src/engine/host/host';

function programs(command: string, host?: Host): string[] {
  const model = modelCommand(lineSource(command, 0, 0, command.length, '/etc/crontab'), { host });
  return model.programs.map((use) => {
    const guards = (use.guards ?? []).filter((guard) => guard.kind !== 'other').map((guard) => guard.kind);
    return [use.program, ...use.args].join(' ') + (guards.length ? ` [${[...new Set(guards)].join(',')}]` : '') + (use.via.length ? ` via ${use.via.join('>')}` : '');
  });
}

const TABLE: [string, string[]][] = [
  ['certbot -q renew', ['certbot -q renew']],
  ['/usr/bin/certbot -q renew --no-random-sleep-on-renew', ['certbot -q renew --no-random-sleep-on-renew']],
  // Debian 12's /etc/cron.d/certbot command (after the user column).
  ["test -x /usr/bin/certbot -a \\! -d /run/systemd/system && perl -e 'sleep int(rand(43200))' && certbot -q renew --no-random-sleep-on-renew", ['certbot -q renew --no-random-sleep-on-renew [without-systemd]']],
  ['[ ! -d /run/systemd/system ] && certbot renew', ['certbot renew [without-systemd]']],
  ['test -e /run/systemd/system || SERVICE_MODE=1 /sbin/e2scrub_all -A -r', ['e2scrub_all -A -r [without-systemd]']],
  ['test -d /run/systemd/system && certbot renew', ['certbot renew [with-systemd]']],
  // A positive test joined with -a: success says systemd runs, failure says nothing.
  ['test -x /usr/bin/certbot -a -d /run/systemd/system || certbot renew', ['certbot renew']],
  ['[ -x /etc/init.d/anacron ] && if [ ! -d /run/systemd/system ]; then /usr/sbin/invoke-rc.d anacron start >/dev/null; fi', ['invoke-rc.d anacron start [with-anacron,without-systemd]']],
  ['if [ ! -d /run/systemd/system ] && [ -x /usr/libexec/ntpsec/rotate-stats ] ; then /usr/libexec/ntpsec/rotate-stats ; fi', ['rotate-stats [without-systemd]']],
  ['if [ -d /run/systemd/system ]; then true; else certbot renew; fi', ['certbot renew [without-systemd]']],
  ['cd /srv/app && nice -n 10 ionice -c3 flock -n /run/lock/backup.lock timeout 2h /usr/local/bin/backup --full 2>&1 | logger -t backup', ['backup --full', 'logger -t backup']],
  ["sh -c 'sleep 30; certbot renew --quiet'", ['certbot renew --quiet']],
  ['bash -c "cd /tmp && env FOO=1 chronic certbot renew"', ['certbot renew']],
  ['sleep $((RANDOM % 3600)) ; certbot renew > /dev/null 2>&1', ['certbot renew']],
  ['flock /tmp/x -c "certbot renew"', ['certbot renew']],
  ['sudo -u www-data php /var/www/cron.php', ['php /var/www/cron.php']],
  ['exec /usr/lib/apt/apt.systemd.daily', ['apt.systemd.daily']],
  ['test -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.daily; }', []],
  ['command -v debian-sa1 > /dev/null && debian-sa1 1 1', ['debian-sa1 1 1']],
  ["echo 'certbot renew' | mail -s x root", ['mail -s x root']],
  ['$HOME/bin/x.sh', []],
  ['"/opt/my tools/run" --now', ['run --now']],
  // snapd's ExecStart= for certbot's `renew` timer app (snap/info.go LauncherCommand; certbot's
  // snap/snapcraft.yaml: `renew: command: … $SNAP/bin/certbot -q renew`).
  ['/usr/bin/snap run --timer="00:00~24:00/2" certbot.renew', ['certbot -q renew']],
  ['/usr/bin/snap run --timer "00:00~24:00/2" certbot.renew', ['certbot -q renew']],
  // The app named like the snap (what /snap/bin/certbot runs), with its arguments.
  ['snap run certbot renew --quiet', ['certbot renew --quiet']],
  ['/usr/bin/snap run other.app --flag', ['other.app --flag']],
  // A service's stop command and a hook are not the app; `snap install` runs no app.
  ['/usr/bin/snap run --command=stop certbot.renew', []],
  ['snap run --hook=configure certbot', []],
  ['snap install certbot --classic', ['snap install certbot --classic']],
];

for (const [command, expected] of TABLE) {
  test(`programs of: ${command}`, () => {
    assert.deepEqual(programs(command), expected);
  });
}

test('run-parts: the folder, its options and the guards in front of it', () => {
  const command = 'test -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.daily; }';
  const model = modelCommand(lineSource(command, 3, 0, command.length, '/etc/crontab'));
  assert.equal(model.runParts.length, 1);
  assert.equal(model.runParts[0].directory, '/etc/cron.daily');
  assert.deepEqual(model.runParts[0].options, ['--report']);
  assert.deepEqual(model.runParts[0].guards.map((guard) => guard.kind), ['without-anacron']);
  const at = command.indexOf('/etc/cron.daily');
  assert.deepEqual(model.runParts[0].location.range, { start: { line: 3, character: at }, end: { line: 3, character: at + '/etc/cron.daily'.length } });
  // cronie's dailyjobs guard.
  const cronie = '[ ! -f /etc/cron.hourly/0anacron ] && run-parts /etc/cron.daily';
  assert.deepEqual(modelCommand(lineSource(cronie, 0, 0, cronie.length, '/etc/cron.d/dailyjobs')).runParts[0].guards.map((guard) => guard.kind), ['without-anacron']);
});

test('positions: the program word on the crontab line, inside sh -c too', () => {
  const line = "15 3 * * * sh -c 'sleep 5 && /usr/bin/certbot renew'";
  const start = line.indexOf('sh');
  const model = modelCommand(lineSource(line, 7, start, line.length, '/var/spool/cron/crontabs/root'));
  const use = model.programs[0];
  assert.equal(use.written, '/usr/bin/certbot');
  assert.deepEqual(use.location.range, { start: { line: 7, character: line.indexOf('/usr/bin/certbot') }, end: { line: 7, character: line.indexOf(' renew') } });
});

test('one level into a local script, read and never run; its early exit on systemd guards it', () => {
  const host = new MemoryHost({
    '/root/bin/renew-wildcard.sh': { mode: 0o755, text: '#!/bin/bash\nset -e\n# renew, then copy\ncertbot certonly --manual --manual-auth-hook /root/bin/auth.php -d "*.example.jp" \\\n  --preferred-challenges dns-01 -n\nfor h in web1 web2; do\n  scp /etc/letsencrypt/live/example.jp/fullchain.pem $h:/etc/ssl/\ndone\n/root/bin/other.sh\n' },
    '/root/bin/other.sh': { mode: 0o755, text: '#!/bin/sh\ncertbot renew\n' },
    '/etc/cron.daily/logrotate': { mode: 0o755, text: '#!/bin/sh\n\n# skip in favour of systemd timer\nif [ -d /run/systemd/system ]; then\n    exit 0\nfi\n\n/usr/sbin/logrotate /etc/logrotate.conf\n' },
    '/etc/cron.daily/chkrootkit': { mode: 0o755, text: '#!/bin/sh -ue\n[ -d /run/systemd/system ] && exit 0\n[ -x /usr/sbin/chkrootkit-daily ] || exit 0\n\n/usr/sbin/chkrootkit-daily\n' },
    '/usr/local/bin/tool.py': { mode: 0o755, text: '#!/usr/bin/python3\nimport os\nos.system("certbot renew")\n' },
  });
  assert.deepEqual(programs('/root/bin/renew-wildcard.sh > /var/log/renew.log 2>&1', host), [
    'renew-wildcard.sh',
    'certbot certonly --manual --manual-auth-hook /root/bin/auth.php -d *.example.jp --preferred-challenges dns-01 -n via /root/bin/renew-wildcard.sh',
    'scp /etc/letsencrypt/live/example.jp/fullchain.pem $h:/etc/ssl/ via /root/bin/renew-wildcard.sh',
    // Not a second level: other.sh is a program of the script, not read.
    'other.sh via /root/bin/renew-wildcard.sh',
  ]);
  const model = modelCommand(lineSource('/root/bin/renew-wildcard.sh', 0, 0, 27, '/var/spool/cron/crontabs/root'), { host });
  assert.equal(model.programs[0].kind, 'script');
  assert.equal(model.programs[1].location.path, '/root/bin/renew-wildcard.sh');
  assert.deepEqual(model.programs[1].location.range.start, { line: 3, character: 0 });
  assert.deepEqual(programs('bash /etc/cron.daily/logrotate', host), ['logrotate [without-systemd]', 'logrotate /etc/logrotate.conf [without-systemd] via /etc/cron.daily/logrotate']);
  assert.deepEqual(programs('/etc/cron.daily/chkrootkit', host), ['chkrootkit [without-systemd]', 'chkrootkit-daily [without-systemd] via /etc/cron.daily/chkrootkit']);
  // Not a shell script: a program like any other.
  assert.deepEqual(programs('/usr/local/bin/tool.py', host), ['tool.py']);
});

test('scripts: functions, case, here-documents and loops do not derail the reader', () => {
  const script = [
    '#!/bin/sh',
    'f() {',
    '  rsync -a /srv/ backup:/srv/',
    '}',
    'case "$1" in',
    '  full) /usr/local/bin/backup --full ;;',
    '  *) /usr/local/bin/backup ;;',
    'esac',
    'cat <<EOF | mail -s report root',
    'certbot renew',
    'EOF',
    'while read -r line; do echo "$line"; done < /etc/hosts',
    'f',
  ].join('\n');
  const model = modelCommand(textSource(script, '/usr/local/bin/nightly'));
  // The call to f is no program: its body (rsync) was read where f was defined.
  assert.deepEqual(model.programs.map((use) => use.program), ['rsync', 'backup', 'backup', 'cat', 'mail']);
});

test('where a cron job starts: cd, ~, $HOME, relative paths and PATH name the script an absolute path would', () => {
  const script = { mode: 0o755, text: '#!/bin/sh\ncertbot certonly --manual -d example.jp\n' };
  const host = new MemoryHost({
    '/usr/local/bin/renew.sh': script,
    '/root/bin/renew.sh': script,
    '/home/alice/bin/renew.sh': script,
    '/srv/app/renew.sh': { mode: 0o644, text: script.text },
  });
  const start: CommandStart = {
    home: '/root',
    cwd: '/root',
    path: '/usr/local/bin:/usr/bin:/bin',
    homeOf: (user) => (user === 'alice' ? '/home/alice' : undefined),
  };
  const run = (command: string, options = start) =>
    modelCommand(lineSource(command, 0, 0, command.length, '/var/spool/cron/crontabs/root'), { host, start: options }).programs.map(
      (use) => `${use.kind === 'script' ? use.path : use.program}${use.via.length ? ` via ${use.via.join('>')}` : ''}`,
    );
  const reached = (path: string) => [path, `certbot via ${path}`];
  assert.deepEqual(run('cd /usr/local/bin && ./renew.sh'), reached('/usr/local/bin/renew.sh'));
  assert.deepEqual(run('cd /usr/local/bin; sh renew.sh'), reached('/usr/local/bin/renew.sh'));
  assert.deepEqual(run('cd /usr/local && bash bin/renew.sh'), reached('/usr/local/bin/renew.sh'));
  assert.deepEqual(run('cd /usr/local/sbin/../bin && ./renew.sh'), reached('/usr/local/bin/renew.sh'));
  assert.deepEqual(run('renew.sh'), reached('/usr/local/bin/renew.sh'));
  assert.deepEqual(run('~/bin/renew.sh'), reached('/root/bin/renew.sh'));
  assert.deepEqual(run('~alice/bin/renew.sh'), reached('/home/alice/bin/renew.sh'));
  assert.deepEqual(run('$HOME/bin/renew.sh'), reached('/root/bin/renew.sh'));
  assert.deepEqual(run('"${HOME}"/bin/renew.sh >/dev/null 2>&1'), reached('/root/bin/renew.sh'));
  assert.deepEqual(run('bin/renew.sh'), reached('/root/bin/renew.sh'));
  assert.deepEqual(run('cd && bin/renew.sh'), reached('/root/bin/renew.sh'));
  // bash looks on PATH for a script that is not in the working directory; sh (dash) does not.
  assert.deepEqual(run('bash renew.sh'), reached('/usr/local/bin/renew.sh'));
  assert.deepEqual(run('sh renew.sh'), ['renew.sh']);
  assert.deepEqual(run('cd /root/bin && bash renew.sh'), reached('/root/bin/renew.sh'));
  assert.deepEqual(run('cd /tmp && cd ../root && bin/renew.sh'), reached('/root/bin/renew.sh'));
  // A script starts where its caller was: ./renew.sh inside it names the file there (one level: not read).
  host.set('/srv/app/run-all', { mode: 0o755, text: '#!/bin/sh\n./renew.sh\n' });
  const nested = modelCommand(lineSource('cd /srv/app && ./run-all', 0, 0, 24, '/etc/crontab'), { host, start }).programs;
  assert.deepEqual(nested.map((use) => [use.kind, use.path]), [['script', '/srv/app/run-all'], ['program', '/srv/app/renew.sh']]);
  // sh -c keeps the working directory of the line around it.
  assert.deepEqual(run("cd /usr/local/bin && sh -c './renew.sh'"), reached('/usr/local/bin/renew.sh'));
  // Not reached: the folder has no such script, a quoted ~ and an unknown variable stay words, a subshell's
  // cd ends with it, `cd -` and `cd $DIR` leave the folder unknown, a non-executable file is not found on
  // PATH, and a bare name not on PATH is a program.
  assert.deepEqual(run('cd /tmp && ./renew.sh'), ['renew.sh']);
  assert.deepEqual(run("'~/bin/renew.sh'"), ['renew.sh']);
  assert.deepEqual(run('$APP/bin/renew.sh'), []);
  assert.deepEqual(run('(cd /usr/local/bin) && ./renew.sh'), ['renew.sh']);
  assert.deepEqual(run('cd "$DIR" && ./renew.sh'), ['renew.sh']);
  assert.deepEqual(run('cd - && ./renew.sh'), ['renew.sh']);
  assert.deepEqual(run('renew.sh', { ...start, path: '/srv/app:/usr/bin' }), ['renew.sh']);
  assert.deepEqual(run('renew.sh', { ...start, path: '/usr/bin:/bin' }), ['renew.sh']);
  // A relative working directory (a bad passwd home) is no place on the host: never our own directory.
  const pathOf = (command: string, options: CommandStart) => modelCommand(lineSource(command, 0, 0, command.length, '/etc/crontab'), { host, start: options }).programs[0].path;
  assert.equal(pathOf('bin/renew.sh', { ...start, cwd: 'root' }), undefined);
  assert.equal(pathOf('cd srv && ./renew.sh', { ...start, cwd: 'root' }), undefined);
  assert.equal(pathOf('bin/renew.sh', { ...start, cwd: '/srv' }), '/srv/bin/renew.sh');
  // Without a start (a unit's ExecStart=, a script read on its own), only absolute paths name files.
  const plain = (command: string) => modelCommand(lineSource(command, 0, 0, command.length, '/etc/crontab'), { host }).programs.map((use) => use.program);
  assert.deepEqual(plain('cd /usr/local/bin && ./renew.sh'), ['renew.sh']);
  assert.deepEqual(plain('renew.sh'), ['renew.sh']);
  assert.deepEqual(plain('$HOME/bin/renew.sh'), []);
});
