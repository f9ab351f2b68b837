// Seeded generators for the generative test (test/engine/fuzz.test.ts): small grammars of the files schedlint
// reads (crontabs in both formats, unit files, renewal files, cli.ini, PEM, Dockerfiles, compose, Kubernetes
// and Ansible files) whose pieces mix valid and broken forms, and mutations that break the text the way real
// files get broken: byte flips, truncation, a BOM, NBSP, CR, NUL, repeated lines and fields up to megabytes.

import { Random } from './random';

// The generator, for the test that draws cases with it (a failing seed can be replayed on any machine).
export { Random };

/** Characters that break parsers: line ends, BOM, NBSP, NUL, tab, quotes, escapes, wide and lone surrogates. */
const NASTY = ['\r', '\n', '\r\n', '\ufeff', '\u00a0', '\0', '\t', ' ', '"', "'", '\\', '%', '#', ';', '*', '/', '-', ',', '=', '[', ']', '{', '}', ':', '~', '@', '$', 'あ', '\u3000', '\ud800', '\u{1f600}', '\x7f', '\x01'];

// ---- crontabs -------------------------------------------------------------------------------------------

const NAMES_MONTH = ['jan', 'FEB', 'Mar', 'dec', 'JAN-MAR', 'jun-aug', 'foo'];
const NAMES_DAY = ['mon', 'FRI', 'sun', 'MON-FRI', 'sat-sun', 'monday', 'mon/2'];

function cronNumber(random: Random, high: number): string {
  return String(random.chance(0.9) ? random.int(high + 1) : random.pick([high + 1, 99, -1, 0, 4294967296, '007', '']));
}

function cronElement(random: Random, high: number, names: readonly string[] | undefined): string {
  switch (random.int(9)) {
    case 0:
      return '*';
    case 1:
      return `*/${cronNumber(random, high)}`;
    case 2:
      return `${cronNumber(random, high)}-${cronNumber(random, high)}`;
    case 3:
      return `${cronNumber(random, high)}-${cronNumber(random, high)}/${cronNumber(random, high)}`;
    case 4:
      return names ? random.pick(names) : cronNumber(random, high);
    case 5:
      return `${cronNumber(random, high)}~${cronNumber(random, high)}`;
    case 6:
      return random.pick(['', '?', 'L', 'W', '#', '5;6', '1,,2', ',']);
    default:
      return cronNumber(random, high);
  }
}

function cronField(random: Random, high: number, names?: readonly string[]): string {
  return random.times(1 + (random.chance(0.3) ? random.int(4) : 0), () => cronElement(random, high, names), ',');
}

const COMMANDS = ['/usr/bin/certbot -q renew', 'root /bin/true', 'test -x /usr/sbin/anacron || ( cd / && run-parts --report /etc/cron.daily )', 'date +%Y-%m-%d > /tmp/x', 'echo "100%" \\% done', 'mail -s hi root', '/opt/job.sh 2>&1 | logger', '', '*', '%', 'cd /srv && ./run\\', 'php /var/www/cron.php >/dev/null'];
const USERS = ['root', 'alice', 'postgres', 'nobody', 'www-data', 'ghost', '*', '', 'mail', '0'];

function cronLine(random: Random, system: boolean): string {
  switch (random.int(12)) {
    case 0:
      return '';
    case 1:
      return random.pick(['# a comment', '  # indented', '#', '# schedlint-disable-next-line', '# schedlint-disable-next-line crontab/wildcard-minute', '# schedlint-disable-file crontab/unknown-user']);
    case 2:
    case 3: {
      const name = random.pick(['MAILTO', 'PATH', 'SHELL', 'CRON_TZ', 'TZ', 'HOME', 'FOO BAR', '"Q"', 'X']);
      const value = random.pick(['', '""', "''", 'root', '/usr/local/bin:/usr/bin:/bin', 'Asia/Tokyo', 'Mars/Olympus', ' spaced ', '"unterminated', 'a=b']);
      return `${name}${random.pick(['=', ' = ', '= ', ' ='])}${value}`;
    }
    case 4:
      return `@${random.pick(['reboot', 'daily', 'hourly', 'weekly', 'monthly', 'yearly', 'annually', 'midnight', 'every', 'DAILY', ''])}${system ? ' ' + random.pick(USERS) : ''} ${random.pick(COMMANDS)}`;
    default: {
      const fields = [cronField(random, 59), cronField(random, 23), cronField(random, 31), cronField(random, 12, NAMES_MONTH), cronField(random, 7, NAMES_DAY)];
      const count = random.chance(0.1) ? random.int(7) : 5;
      const time = fields.slice(0, count).join(random.pick([' ', ' ', '\t', '  ']));
      return `${time}${system || random.chance(0.1) ? ' ' + random.pick(USERS) : ''} ${random.pick(COMMANDS)}`;
    }
  }
}

export function crontab(random: Random, system: boolean): string {
  const lines = random.times(random.int(12), () => cronLine(random, system) + '\n');
  return random.chance(0.1) ? lines.replace(/\n$/, '') : lines;
}

// ---- systemd units --------------------------------------------------------------------------------------

const CALENDAR = ['daily', 'weekly', 'hourly', 'minutely', 'quarterly', 'semi-annually', '*-*-* 00:00:00', 'Mon..Fri 09:00', 'Sat,Sun *-*-* 10:00', '*-02~1', '*-*-01 04:00:00 Asia/Tokyo', '2026-13-40', '*:0/15', 'Mon *-*-* 25:00', '00:00 UTC', 'daily Europe/Nowhere', '*-*-* *:*:*.5', '', 'weekly\\', '1..3:0', '*~03'];
const TIMESPAN = ['5min', '1h 30min', '0', '1d', 'infinity', '1ns', '-5s', '1H', '12h', '500ms', '1y', '2w', '', 'x'];

function unitLine(random: Random): string {
  switch (random.int(10)) {
    case 0:
      return random.pick(['[Unit]', '[Timer]', '[Service]', '[Install]', '[timer]', '[Timer', '[X-Custom]']);
    case 1:
      return random.pick(['# comment', '; comment', '', '   ']);
    case 2:
      return `OnCalendar=${random.pick(CALENDAR)}`;
    case 3:
      return `${random.pick(['OnBootSec', 'OnUnitActiveSec', 'OnActiveSec', 'AccuracySec', 'RandomizedDelaySec', 'OnStartupSec'])}=${random.pick(TIMESPAN)}`;
    case 4:
      return `${random.pick(['Persistent', 'WakeSystem', 'FixedRandomDelay', 'RemainAfterElapse'])}=${random.pick(['true', 'false', 'yes', '1', 'maybe', ''])}`;
    case 5:
      return `${random.pick(['Unit', 'Wants', 'After'])}=${random.pick(['backup.service', 'missing.service', '', 'a b.service'])}`;
    case 6:
      return `ExecStart=${random.pick(['/usr/bin/certbot -q renew', '/bin/sh -c "echo hi"', '', '-/opt/x \\'])}`;
    case 7:
      return `${random.pick(['OnCalender', 'Persistant', 'Descripton', 'WantedBy', 'Description'])}=${random.pick(['x', 'timers.target', ''])}`;
    case 8:
      return `OnCalendar=${random.pick(CALENDAR)} \\`;
    default:
      return `${random.pick(['OnCalendar', 'Description'])} = ${random.pick(CALENDAR)}`;
  }
}

export function unitFile(random: Random): string {
  return '[Timer]\n' + random.times(random.int(10), () => unitLine(random) + '\n');
}

// ---- certbot ---------------------------------------------------------------------------------------------

const RENEWAL_KEYS = ['version', 'archive_dir', 'cert', 'privkey', 'chain', 'fullchain', 'account', 'authenticator', 'installer', 'server', 'key_type', 'webroot_path', 'pre_hook', 'post_hook', 'renew_hook', 'deploy_hook', 'manual_auth_hook', 'rsa_key_size', 'must_staple', 'renew_before_expiry', 'autorenew', 'unknwon_key', 'http01_port', 'preferred_challenges'];
const RENEWAL_VALUES = ['2.1.0', '/etc/letsencrypt/live/example.com/cert.pem', 'nginx', 'webroot', 'standalone', 'manual', 'systemctl reload nginx', '"quoted value"', "'single'", '"""triple"""', '/var/www/html,', 'a, b, c', '30 days', '2 weeks', 'True', 'False', '', '"unterminated', 'x # comment', '4096', 'http-01,'];

function renewalLine(random: Random): string {
  switch (random.int(8)) {
    case 0:
      return random.pick(['[renewalparams]', '[[webroot_map]]', '[ renewalparams ]', '[[[deep]]]', '[unbalanced]]', '[', '[]']);
    case 1:
      return random.pick(['# comment', '', '   ', '; not a comment']);
    case 2:
      return `${random.pick(['example.com', 'www.example.com', '"quoted.example"'])} = ${random.pick(['/var/www/html', '', '/srv'])}`;
    case 3:
      return random.pick(['no equals sign', '= value', 'key =', 'key == value', 'key = """multi', 'line"""']);
    default:
      return `${random.pick(RENEWAL_KEYS)}${random.pick([' = ', '=', ' =', '  =  '])}${random.pick(RENEWAL_VALUES)}`;
  }
}

export function renewalFile(random: Random): string {
  const top = random.times(random.int(6), () => renewalLine(random) + '\n');
  return `${top}[renewalparams]\n${random.times(random.int(10), () => renewalLine(random) + '\n')}`;
}

const CLI_KEYS = ['pre-hook', 'post-hook', 'deploy-hook', 'renew-hook', 'max-log-backups', 'rsa-key-size', 'email', 'agree-tos', 'authenticator', 'webroot-path', 'no-random-sleep-on-renew', 'unknown-option', 'preferred-challenges', 'key-type'];

export function cliIni(random: Random): string {
  return random.times(random.int(12), () => {
    switch (random.int(6)) {
      case 0:
        return random.pick(['# comment', '; comment', '', '[section]', '[', 'flag-only']) + '\n';
      case 1:
        return `${random.pick(CLI_KEYS)}\n`;
      default:
        return `${random.pick(CLI_KEYS)}${random.pick([' = ', '=', ': ', ' '])}${random.pick(['systemctl reload nginx', 'true', 'false', '[a, b]', '["x", "y"]', '4096', '', 'a # c', 'admin@example.com'])}\n`;
    }
  });
}

// ---- installs --------------------------------------------------------------------------------------------

const CRON_TARGETS = ['/etc/cron.d/jobs', '/etc/crontab', '/var/spool/cron/crontabs/root', '/etc/cron.d/', '/etc/cron.d/jobs.conf', '/app/crontab', '/etc/cron.d/*'];
const REPO_SOURCES = ['crontab', 'jobs', './crontab', 'cron/*', '*', 'cr?ntab', '[a-z]*', 'dir/', '**/crontab', '../outside'];

export function dockerfile(random: Random): string {
  const lines = [random.pick(['FROM debian:12', 'FROM ubuntu:22.04', 'FROM alpine:3.20', 'FROM rockylinux:9', 'from debian', 'FROM'])];
  const count = random.int(8);
  for (let index = 0; index < count; index++) {
    switch (random.int(9)) {
      case 0:
        lines.push(random.pick(['RUN apt-get update && apt-get install -y cron', 'RUN apk add --no-cache dcron', 'RUN dnf install -y cronie', 'RUN yum -y install cronie']));
        break;
      case 1:
      case 2:
        lines.push(`${random.pick(['COPY', 'ADD', 'COPY --chown=root:root', 'COPY --chmod=0644'])} ${random.pick(REPO_SOURCES)} ${random.pick(CRON_TARGETS)}`);
        break;
      case 3:
        lines.push(`RUN chmod ${random.pick(['0644', '0664', '600', 'u+x', '777'])} ${random.pick(CRON_TARGETS)}`);
        break;
      case 4:
        lines.push(`RUN crontab ${random.pick(['/app/crontab', '/etc/cron.d/jobs', '-u alice /app/crontab', '-'])}`);
        break;
      case 5:
        lines.push(`RUN echo "${random.pick(['* * * * * root /bin/true', '0 1 * * * /job'])}" ${random.pick(['>', '>>'])} ${random.pick(CRON_TARGETS)} \\\n && chmod 0644 ${random.pick(CRON_TARGETS)}`);
        break;
      case 6:
        lines.push(random.pick(['# comment', '', 'USER app', 'WORKDIR /app', 'CMD ["cron", "-f"]', 'CMD cron && tail -f /var/log/cron.log', 'ENTRYPOINT ["supercronic", "/app/crontab"]']));
        break;
      case 7:
        lines.push(`RUN ${random.pick(['cp', 'install -m 0644', 'mv'])} ${random.pick(REPO_SOURCES)} ${random.pick(CRON_TARGETS)} \\`);
        break;
      default:
        lines.push(`RUN <<EOF\n${random.pick(['crontab /app/crontab', 'echo hi'])}\nEOF`);
    }
  }
  return lines.join('\n') + '\n';
}

export function compose(random: Random): string {
  const target = random.pick(CRON_TARGETS);
  return `services:
  cron:
    image: ${random.pick(['debian:bookworm', 'alpine', 'mcuadros/ofelia'])}
    command: ${random.pick(['["cron", "-f"]', 'crontab /etc/cron.d/jobs && cron -f', '', '[supercronic, /app/crontab]'])}
    volumes:
      - ${random.pick(['./crontab', './jobs', 'crontab'])}:${target}${random.pick(['', ':ro', ':rw', ':'])}
${random.chance(0.3) ? `      - type: bind\n        source: ./crontab\n        target: ${target}\n` : ''}`;
}

export function kubernetes(random: Random, crontabText: string): string {
  const indented = crontabText.replace(/\n$/, '').split('\n').map((line) => `    ${line}`).join('\n');
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: cron
data:
  ${random.pick(['jobs', 'crontab', 'root', 'a.b'])}: ${random.pick(['|', '|-', '>', '|+'])}
${indented}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: cron
spec:
  template:
    spec:
      containers:
        - name: cron
          image: ${random.pick(['debian:bookworm-slim', 'alpine', 'rockylinux:9'])}
          command: ["cron", "-f"]
          volumeMounts:
            - name: crontab
              mountPath: ${random.pick(['/etc/cron.d', '/var/spool/cron/crontabs', '/etc/crontab', '/etc/cron.d/'])}
              ${random.chance(0.4) ? `subPath: ${random.pick(['jobs', 'crontab', 'root'])}` : ''}
      volumes:
        - name: crontab
          configMap:
            name: cron
`;
}

export function ansible(random: Random): string {
  if (random.chance(0.5)) {
    return `---
- name: a job
  ${random.pick(['ansible.builtin.cron', 'cron'])}:
    name: job
    minute: "${random.pick(['30', '*/5', '61', '', '*'])}"
    hour: "${random.pick(['2', '*', '25'])}"
    user: ${random.pick(['postgres', 'root', 'ghost', '""'])}
    job: ${random.pick(['/usr/local/bin/backup.sh', '"echo 100%"', ''])}
    ${random.chance(0.6) ? `cron_file: ${random.pick(['pg-backup', 'a.b', '/etc/cron.d/x', ''])}` : ''}
`;
  }
  return `---
- name: install
  ${random.pick(['copy', 'ansible.builtin.copy', 'template'])}:
    src: ${random.pick(['crontab', 'jobs.j2', 'files/crontab'])}
    dest: ${random.pick(CRON_TARGETS)}
    owner: ${random.pick(['root', 'app'])}
    mode: "${random.pick(['0644', '0664', '0600', 'u=rw'])}"
`;
}

// ---- PEM -------------------------------------------------------------------------------------------------

/** A PEM block with the label kept and its base64 body broken some way (or left alone). */
export function mutatePem(random: Random, pem: string): string {
  switch (random.int(6)) {
    case 0:
      return pem;
    case 1:
      return pem.replace(/-----END/, `${random.times(1 + random.int(3), () => 'A'.repeat(64) + '\n')}-----END`);
    case 2:
      return pem.replace(/\n(?=[A-Za-z0-9+/])/, '\n!@#');
    case 3:
      return pem + pem;
    case 4:
      return pem.replace(/-----BEGIN ([A-Z ]+)-----/, '-----BEGIN $1 X-----');
    default:
      return pem.slice(0, random.int(pem.length));
  }
}

// ---- mutations -------------------------------------------------------------------------------------------

/** Up to `maxBlowUp` characters: the size of a repeated line or a grown field. */
export function mutate(random: Random, text: string, maxBlowUp: number): string {
  let result = text;
  const rounds = random.int(4);
  for (let round = 0; round < rounds; round++) {
    switch (random.int(10)) {
      case 0: {
        // Byte flip.
        if (result.length === 0) break;
        const at = random.int(result.length);
        result = result.slice(0, at) + random.pick(NASTY) + result.slice(at + 1);
        break;
      }
      case 1:
        result = result.slice(0, random.int(result.length + 1));
        break;
      case 2:
        result = '\ufeff' + result;
        break;
      case 3:
        result = result.replace(/\n/g, '\r\n');
        break;
      case 4:
        result = random.chance(0.5) ? result.replace(/\n$/, '\r') : result.replace(/\n/, '\r');
        break;
      case 5: {
        const at = random.int(result.length + 1);
        result = result.slice(0, at) + random.pick(['\0', '\u00a0', '\r', '\ufeff', '\t', '\\\n']) + result.slice(at);
        break;
      }
      case 6: {
        // A line repeated many times.
        const lines = result.split('\n');
        const line = random.pick(lines);
        const count = Math.min(Math.floor(logSize(random, maxBlowUp) / Math.max(1, line.length + 1)), 1 + random.int(2000));
        lines.splice(random.int(lines.length), 0, ...Array<string>(count).fill(line));
        result = lines.join('\n');
        break;
      }
      case 7: {
        // A field grown long: a run of one character or a list, inside a line.
        const at = random.int(result.length + 1);
        const size = logSize(random, maxBlowUp);
        const piece = random.pick(['a', '1,', ' ', '\t', '%', '\\', '"', '[', '*', '\u00a0', '0', 'x=', ':', '-', '/']);
        result = result.slice(0, at) + piece.repeat(Math.max(1, Math.floor(size / piece.length))) + result.slice(at);
        break;
      }
      case 8: {
        // Two lines swapped: keys before their section, jobs before their environment.
        const lines = result.split('\n');
        const a = random.int(lines.length);
        const b = random.int(lines.length);
        [lines[a], lines[b]] = [lines[b], lines[a]];
        result = lines.join('\n');
        break;
      }
      default:
        break;
    }
  }
  return result;
}

/** A size up to `max`, log-uniform: mostly small, now and then near the top (megabytes in the long run). */
function logSize(random: Random, max: number): number {
  return Math.max(1, Math.floor(Math.exp(random.next() * Math.log(Math.max(2, max)))));
}
