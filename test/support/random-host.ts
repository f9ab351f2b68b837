// Seeded random host roots on disk, for tests that hold the host scan's fast paths (the CLI's caches over a
// `--root` tree) to the plain path: cron jobs in /etc/crontab, /etc/cron.d (names cron reads and skips) and a
// spool, scripts they run, and timers with what the unit search meets on real hosts (drop-ins, type-wide and
// dash-prefix folders, alias and enable links, merged /usr, masks, copied-tree link files, missing services, templates),
// plus a few programs shared by jobs and timers so that overlaps are found.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Random } from './random';

const SHARED = ['certbot -q renew', '/usr/local/bin/backup --full', 'php /var/www/html/cron.php', 'logrotate /etc/logrotate.conf', 'curl -fsS https://example.com/ping'];

export function writeRandomHost(root: string, seed: number, size: { jobs: number; timers: number }): void {
  const random = new Random(seed);
  let mergedUsr = false;
  // Where a host path is inside the root on this machine. The tree's own links are never followed to write:
  // its /lib may be a link to the absolute `/usr/lib`, which means the root's usr/lib to schedlint but this
  // machine's /usr/lib to the file system (writing through it once put 296 generated units on the machine).
  const local = (file: string): string => {
    const inside = mergedUsr && (file === '/lib' || file.startsWith('/lib/')) ? `/usr${file}` : file;
    const folder = path.join(root, path.dirname(inside));
    fs.mkdirSync(folder, { recursive: true });
    const real = fs.realpathSync(folder);
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) throw new Error(`writeRandomHost: ${file} would be written outside ${root} (${real})`);
    return path.join(root, inside);
  };
  fs.mkdirSync(root, { recursive: true });
  const realRoot = fs.realpathSync(root);
  const write = (file: string, text: string) => fs.writeFileSync(local(file), text);
  const link = (file: string, target: string) => fs.symlinkSync(target, local(file));
  // Merged /usr (Debian 12, Fedora): /lib is a link to usr/lib, so every unit path goes through a link.
  if (random.chance(0.5)) {
    fs.mkdirSync(path.join(root, 'usr/lib'), { recursive: true });
    fs.symlinkSync(random.pick(['usr/lib', '/usr/lib']), path.join(root, 'lib'));
    mergedUsr = true;
  }
  write('/etc/os-release', random.chance(0.5) ? 'ID=debian\nVERSION_ID="12"\n' : 'ID=rhel\nVERSION_ID="9"\n');
  write('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\nbackup:x:34:34:backup:/var/backups:/usr/sbin/nologin\n');
  write('/etc/timezone', `${random.pick(['Asia/Tokyo', 'Europe/Berlin', 'UTC'])}\n`);
  if (random.chance(0.5)) fs.mkdirSync(local('/run/systemd/system/.'), { recursive: true });

  const field = () => random.pick(['*', String(random.int(24)), `*/${random.pick([5, 10, 15])}`, `${random.int(12)}-${12 + random.int(12)}`, '1,15']);
  const command = (index: number) => {
    const choice = random.next();
    if (choice < 0.15) return random.pick(SHARED);
    if (choice < 0.25) return `/usr/local/bin/script-${random.int(5)}.sh`;
    if (choice < 0.3) return `test -x /usr/bin/certbot -a \\! -d /run/systemd/system && certbot -q renew`;
    return `/usr/local/bin/task-${index} --run${random.chance(0.1) ? ' > /dev/null 2>&1' : ''}`;
  };
  for (let script = 0; script < 5; script++) write(`/usr/local/bin/script-${script}.sh`, `#!/bin/sh\n${random.pick(SHARED)}\n/usr/bin/true\n`);
  const system: string[] = [];
  const user: string[] = [];
  for (let index = 0; index < size.jobs; index++) {
    const schedule = random.chance(0.1) ? random.pick(['@daily', '@hourly', '@reboot', '@weekly']) : `${random.int(60)} ${field()} ${random.pick(['* * *', `${1 + random.int(28)} * *`, '* * 1-5'])}`;
    if (random.chance(0.3)) user.push(`${schedule} ${command(index)}`);
    else system.push(`${schedule} ${random.pick(['root', 'www-data', 'backup'])} ${command(index)}`);
  }
  const files = 1 + random.int(4);
  const per = Math.ceil(system.length / files);
  for (let file = 0; file < files; file++) {
    const lines = system.slice(file * per, (file + 1) * per);
    if (file === 0) write('/etc/crontab', `SHELL=/bin/sh\n${lines.join('\n')}\n`);
    else write(`/etc/cron.d/${random.pick(['app', 'backup', 'web.conf', 'php'])}${file}`, `MAILTO=root\n${lines.join('\n')}\n`);
  }
  write('/var/spool/cron/crontabs/root', `${user.join('\n')}\n`);
  write('/var/spool/cron/root', `${user.slice(0, 3).join('\n')}\n`);

  const lib = '/lib/systemd/system';
  for (let index = 0; index < size.timers; index++) {
    const name = random.chance(0.2) ? `app-part${index}` : `job${index}`;
    const calendar = random.pick(['daily', 'hourly', `*-*-* ${random.int(24)}:${random.int(60)}:00`, `Mon..Fri ${random.int(24)}:00`, '*:0/15', 'bogus']);
    const delay = random.pick(['', 'RandomizedDelaySec=1h\n', 'RandomizedDelaySec=12h\n', 'AccuracySec=1h\n']);
    const folder = random.chance(0.8) ? lib : '/etc/systemd/system';
    write(`${folder}/${name}.timer`, `[Unit]\nDescription=${name}\n\n[Timer]\nOnCalendar=${calendar}\n${delay}${random.chance(0.5) ? 'Persistent=true\n' : ''}\n[Install]\nWantedBy=timers.target\n`);
    if (random.chance(0.9)) write(`${lib}/${name}.service`, `[Service]\nType=oneshot\nExecStart=${random.chance(0.3) ? `/usr/bin/${random.pick(SHARED)}` : `/usr/local/sbin/unit-task-${index}`}\n`);
    const enable = random.next();
    const wants = `/etc/systemd/system/timers.target.wants/${name}.timer`;
    if (enable < 0.6) link(wants, `${folder}/${name}.timer`);
    else if (enable < 0.7) write(wants, `${folder}/${name}.timer\n`);
    if (random.chance(0.1)) write(`/etc/systemd/system/${name}.timer.d/override.conf`, `[Timer]\nOnCalendar=\nOnCalendar=${random.pick(['weekly', '*-*-* 03:00'])}\n`);
    if (folder === lib && random.chance(0.05)) link(`/etc/systemd/system/${name}.timer`, '/dev/null');
    if (random.chance(0.05)) link(`/etc/systemd/system/alias${index}.timer`, `${folder}/${name}.timer`);
    if (random.chance(0.05)) write(`/etc/systemd/system/${name}.service.d/exec.conf`, `[Service]\nExecStart=\nExecStart=/usr/local/bin/script-${random.int(5)}.sh\n`);
  }
  if (random.chance(0.5)) write('/etc/systemd/system/timer.d/accuracy.conf', '[Timer]\nAccuracySec=1s\n');
  if (random.chance(0.5)) write('/etc/systemd/system/app-.timer.d/delay.conf', '[Timer]\nRandomizedDelaySec=30m\n');
  if (random.chance(0.5)) {
    write(`${lib}/tmpl@.timer`, '[Timer]\nOnCalendar=daily\n');
    write(`${lib}/tmpl@.service`, '[Service]\nExecStart=/usr/local/bin/script-1.sh %i\n');
    link('/etc/systemd/system/timers.target.wants/tmpl@one.timer', `${lib}/tmpl@.timer`);
  }
}
