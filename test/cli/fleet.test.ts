// `schedlint fleet DIR`: the report over per-host folders. First over folders made here (a stock Debian root,
// the seed-001 root, an unreachable host's status file, a host whose name and findings carry markup), for the
// JSON shape, SARIF paths, exit status and the HTML's escaping; then (further down) over folders the real
// contrib/ansible playbook fills, over local connections and over SSH to a throwaway sshd, and its report play's
// failure on an empty report. Long because the playbook's scenarios share this file's set-up (the tool lookups,
// free ports, the playbook path and skip reasons) and end in the fleet report the first part checks.
import { strict as assert } from 'node:assert';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CORPUS_ROOT, repoPath } from '../support/paths';
import { runSchedlint } from '../support/run-cli';
import { hasOpenssl, TestPki, writeLineage } from '../support/certificates';

const SEED_001 = repoPath('test', 'fixtures', 'schedule', 'seed-001-ubuntu', 'root');
const DEBIAN = path.join(CORPUS_ROOT, 'debian-bookworm', 'root');

interface FleetJson {
  hosts: { name: string; status: string; detail?: string; checked: boolean; errors: number; warnings: number; unreadablePaths: string[]; files: { path: string; diagnostics: { rule: string; severity: string; line: number }[] }[] }[];
  certificates: { host: string; path: string; names: string[]; notAfter: string; daysLeft: number; servedBy: { path: string; line: number }[] }[];
  overlaps: { host: string; path: string; line: number; message: string }[];
  notChecked: { host: string; status: string; detail?: string }[];
}

describe('schedlint fleet over prepared host folders', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-fleet-'));
    fs.cpSync(DEBIAN, path.join(dir, 'healthy'), { recursive: true, verbatimSymlinks: true });
    fs.cpSync(SEED_001, path.join(dir, 'seed001'), { recursive: true, verbatimSymlinks: true });
    fs.mkdirSync(path.join(dir, 'down'));
    fs.writeFileSync(path.join(dir, 'down', '.schedlint-collect.json'), JSON.stringify({ status: 'unreachable', detail: 'Failed to connect to the host via ssh: <b>refused</b>' }));
    // A host name and a crontab line with markup: the HTML must show them, not obey them.
    const evil = path.join(dir, '<img src=x onerror=alert(1)>');
    fs.mkdirSync(path.join(evil, 'etc'), { recursive: true });
    fs.writeFileSync(path.join(evil, 'etc', 'crontab'), '61 * * * * root true\n0 0 * * * <b>nobody</b> true\n');
    fs.writeFileSync(path.join(evil, '.schedlint-collect.json'), JSON.stringify({ status: 'partial', unreadable: ['/var/spool/cron/crontabs'] }));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('JSON: per-host files and counts, the overlap on seed 001, the unreachable host; exit 2 when a host was not checked', () => {
    const run = runSchedlint(['fleet', dir, '--format', 'json']);
    assert.equal(run.code, 2, run.stderr);
    const report = JSON.parse(run.stdout) as FleetJson;
    assert.deepEqual(report.hosts.map((host) => [host.name, host.status, host.checked]), [
      ['<img src=x onerror=alert(1)>', 'partial', true],
      ['down', 'unreachable', false],
      ['healthy', 'no-status', true],
      ['seed001', 'no-status', true],
    ]);
    const healthy = report.hosts.find((host) => host.name === 'healthy')!;
    assert.equal(healthy.errors + healthy.warnings, 0, 'the stock Debian root stays silent');
    assert.ok(healthy.files.some((file) => file.path === '/etc/crontab'));
    const evil = report.hosts[0];
    assert.deepEqual(evil.unreadablePaths, ['/var/spool/cron/crontabs']);
    assert.ok(evil.errors >= 1, 'the crontab line with minute 61 is an error');
    assert.deepEqual(report.overlaps.map((overlap) => [overlap.host, overlap.path, overlap.line]), [['seed001', '/var/spool/cron/crontabs/root', 6]]);
    assert.match(report.overlaps[0].message, /certbot\.timer/);
    assert.deepEqual(report.notChecked, [{ host: 'down', status: 'unreachable', detail: 'Failed to connect to the host via ssh: <b>refused</b>' }]);
    assert.equal(runSchedlint(['fleet', path.join(dir, 'none')]).code, 2);
  });

  test('text: a section per host, then certificates, overlaps and hosts not checked; ja', () => {
    const run = runSchedlint(['fleet', dir]);
    assert.match(run.stdout, /^== healthy \(no status file\) ==\nno findings$/m);
    assert.match(run.stdout, /^Hosts where a timer and a cron job both renew \(or run the same program\):\n {2}seed001 {2}\/var\/spool\/cron\/crontabs\/root:6: /m);
    assert.match(run.stdout, /^Hosts whose checks could not run:\n {2}down: unreachable \(Failed to connect/m);
    assert.match(run.stdout, /^4 hosts: [1-9]\d* errors?, 2 warnings; 1 host not checked$/m);
    const ja = runSchedlint(['fleet', dir, '--lang', 'ja']);
    assert.match(ja.stdout, /^検査できなかったホスト：\n {2}down：接続できません/m);
  });

  test('SARIF: one run; locations are HOST/etc/…; the unreachable host is a tool notification', () => {
    const sarif = JSON.parse(runSchedlint(['fleet', dir, '--format', 'sarif']).stdout);
    assert.equal(sarif.runs.length, 1);
    const uris: string[] = sarif.runs[0].results.map((result: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => result.locations[0].physicalLocation.artifactLocation.uri);
    assert.ok(uris.includes('seed001/var/spool/cron/crontabs/root'), uris.join(' '));
    // Each path segment percent-encoded (the SARIF writer's encoding, cli/sarif.ts).
    assert.ok(uris.includes('<img src=x onerror=alert(1)>/etc/crontab'.split('/').map(encodeURIComponent).join('/')), uris.join(' '));
    assert.equal(sarif.runs[0].invocations[0].executionSuccessful, false);
    assert.match(sarif.runs[0].invocations[0].toolExecutionNotifications[0].message.text, /^down: unreachable/);
  });

  test('HTML: self-contained (no external resource, strict CSP), summary before details, everything from hosts escaped; ja', () => {
    for (const lang of ['en', 'ja']) {
      const html = runSchedlint(['fleet', dir, '--format', 'html', '--lang', lang]).stdout;
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';[^"]*script-src 'none'/);
      assert.doesNotMatch(html, /<script|<img|<link|<iframe|<object|\bsrc=["']?(?!x onerror)|url\(|@import|https?:\/\//i, 'no script, image, stylesheet link or URL');
      assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the host name is shown as text');
      assert.ok(html.includes('`&lt;b&gt;nobody&lt;/b&gt;`'), 'crontab text quoted in a message is shown as text');
      assert.ok(html.includes('&lt;b&gt;refused&lt;/b&gt;'), 'Ansible\'s message is shown as text');
      assert.ok(html.indexOf('<details') > html.indexOf(lang === 'en' ? 'Hosts with errors' : 'エラーのあるホスト'), 'summary first');
      assert.equal((html.match(/<details/g) ?? []).length, 4);
      assert.match(html, new RegExp(`<html lang="${lang}">`));
    }
  });
});

// Stranger report 13: a status file that is there but not the playbook's JSON is `bad-status`, said so (the file
// was read), and the host is linted as it is.
test('fleet: a malformed status file is reported as not valid (not as unreadable), and the host is still checked', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-fleet-bad-'));
  try {
    fs.mkdirSync(path.join(dir, 'web1', 'etc'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'web1', 'etc', 'crontab'), '0 3 * * * root /bin/true\n');
    fs.writeFileSync(path.join(dir, 'web1', '.schedlint-collect.json'), '{"status": "ok",');
    const report = JSON.parse(runSchedlint(['fleet', dir, '--format', 'json']).stdout) as FleetJson;
    assert.deepEqual(report.hosts.map((host) => [host.name, host.status, host.checked]), [['web1', 'bad-status', true]]);
    assert.match(runSchedlint(['fleet', dir]).stdout, /^== web1 \(status file not valid\) ==$/m);
    assert.match(runSchedlint(['fleet', dir, '--lang', 'ja']).stdout, /^== web1（状態ファイルの形式が正しくありません）==$/m);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// ---- The real playbook ----

const PLAYBOOK = repoPath('contrib', 'ansible', 'schedlint-collect.yml');
/** The stand-in line, as pem.ts spells it (the test below also checks materialize.py writes the same). */
const PUBLIC_KEY_STAND_IN_TEXT = fs.readFileSync(repoPath('server', 'src', 'engine', 'certificate', 'pem.ts'), 'utf8').match(/export const PUBLIC_KEY_STAND_IN = '([^']+)'/)![1];

function toolPath(name: string, extra: string[] = []): string | undefined {
  for (const dir of [...(process.env.PATH ?? '').split(':'), ...extra]) {
    if (dir && fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

const ANSIBLE = toolPath('ansible-playbook');
const SSHD = toolPath('sshd', ['/usr/sbin']);
const SSH_KEYGEN = toolPath('ssh-keygen');
const IS_ROOT = process.getuid?.() === 0;
const needsAnsible = ANSIBLE && hasOpenssl() ? {} : { skip: 'ansible-playbook or openssl is not installed (apt-get install ansible-core openssl)' };
const sshSkip = !SSHD || !SSH_KEYGEN ? 'sshd/ssh-keygen are not installed (apt-get install openssh-server openssh-client)' : !IS_ROOT ? 'the SSH host logs in as the user running the tests, which sshd only allows when it runs as root' : undefined;

/** A free TCP port on the loopback (closed again: sshd binds it, or nobody does for the unreachable host). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe('contrib/ansible/schedlint-collect.yml with the real ansible-playbook', needsAnsible, () => {
  let work: string;
  let sshd: ChildProcess | undefined;
  let report: FleetJson;
  let run: { code: number | null; output: string };
  const out = () => path.join(work, 'out');
  let pki: TestPki;

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-ansible-'));
    fs.chmodSync(work, 0o755);
    const src = path.join(work, 'src');
    // seed 000: `root` written in a user crontab; its certificate's key is not the certificate's.
    pki = new TestPki();
    const ca = pki.root('schedlint Fleet Test CA');
    const seed000 = path.join(src, 'seed000');
    fs.mkdirSync(path.join(seed000, 'var/spool/cron/crontabs'), { recursive: true });
    fs.cpSync(path.join(DEBIAN, 'etc/passwd'), path.join(seed000, 'etc/passwd'));
    fs.cpSync(path.join(DEBIAN, 'etc/os-release'), path.join(seed000, 'etc/os-release'));
    fs.writeFileSync(path.join(seed000, 'var/spool/cron/crontabs/root'), '# m h dom mon dow command\n0 3 * * * root certbot renew --quiet\n', { mode: 0o600 });
    const wrong = pki.leaf(ca, ['seed000.example'], { start: '2026-01-01', end: '2099-01-01', keyType: 'ec' });
    const renewal000 = writeLineage(seed000, 'seed000.example', [{ cert: wrong.certPem, privkey: pki.key('ec').pem, chain: ca.certPem }]);
    fs.mkdirSync(path.join(seed000, 'etc/letsencrypt/renewal'), { recursive: true });
    fs.writeFileSync(path.join(seed000, 'etc/letsencrypt/renewal/seed000.example.conf'), renewal000);
    // seed 001: the fixture (a root crontab running a script that calls certbot, and Ubuntu's enabled certbot.timer).
    fs.cpSync(SEED_001, path.join(src, 'seed001'), { recursive: true, verbatimSymlinks: true });
    // A healthy host: Debian's certbot timer and guarded cron job, and a certificate that expires in 2099.
    const healthy = path.join(src, 'healthy');
    for (const file of ['etc/passwd', 'etc/os-release', 'etc/crontab', 'etc/cron.d/certbot', 'lib/systemd/system/certbot.timer', 'lib/systemd/system/certbot.service']) {
      fs.mkdirSync(path.dirname(path.join(healthy, file)), { recursive: true });
      fs.cpSync(path.join(DEBIAN, file), path.join(healthy, file));
    }
    fs.mkdirSync(path.join(healthy, 'etc/systemd/system/timers.target.wants'), { recursive: true });
    fs.symlinkSync('/lib/systemd/system/certbot.timer', path.join(healthy, 'etc/systemd/system/timers.target.wants/certbot.timer'));
    const good = pki.leaf(ca, ['healthy.example', 'www.healthy.example'], { start: '2026-01-01', end: '2099-01-01', keyType: 'ec' });
    const renewalGood = writeLineage(healthy, 'healthy.example', [{ cert: good.certPem, privkey: good.keyPem, chain: ca.certPem }]);
    fs.mkdirSync(path.join(healthy, 'etc/letsencrypt/renewal'), { recursive: true });
    fs.writeFileSync(path.join(healthy, 'etc/letsencrypt/renewal/healthy.example.conf'), renewalGood);
    // A web server (seed 004, item 1): nginx serves example.com with a certificate in /etc/ssl and a key that is
    // not its key; a site included from /srv serves a name its certificate does not cover, from a file that holds
    // the certificate and its key together. Another key in /etc/ssl/private is named by nothing.
    const web = path.join(src, 'web');
    const webFiles: Record<string, string> = {
      'etc/passwd': fs.readFileSync(path.join(DEBIAN, 'etc/passwd'), 'utf8'),
      'etc/nginx/nginx.conf': 'user www-data;\nevents { worker_connections 768; }\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n    include /etc/nginx/sites-enabled/*;\n    include /srv/nginx/*.conf;\n}\n',
      'etc/nginx/sites-available/example.com': 'server {\n    listen 443 ssl;\n    server_name example.com www.example.com;\n    ssl_certificate /etc/ssl/certs/example.com.crt;\n    ssl_certificate_key /etc/ssl/private/example.com.key;\n}\n',
      'srv/nginx/other.conf': 'server {\n    listen 443 ssl;\n    server_name other.example.net;\n    ssl_certificate /etc/nginx/ssl/other.pem;\n    ssl_certificate_key /etc/nginx/ssl/other.pem;\n}\n',
    };
    const served = pki.leaf(ca, ['example.com', 'www.example.com'], { start: '2026-01-01', end: '2030-01-01', keyType: 'ec' });
    const other = pki.leaf(ca, ['example.org'], { start: '2026-01-01', end: '2031-01-01', keyType: 'ec' });
    webFiles['etc/ssl/certs/example.com.crt'] = served.certPem + ca.certPem;
    webFiles['etc/ssl/private/example.com.key'] = pki.key('ec').pem;
    webFiles['etc/ssl/private/unnamed.key'] = pki.key('ec').pem;
    webFiles['etc/nginx/ssl/other.pem'] = other.certPem + other.keyPem;
    for (const [file, text] of Object.entries(webFiles)) {
      fs.mkdirSync(path.dirname(path.join(web, file)), { recursive: true });
      fs.writeFileSync(path.join(web, file), text, { mode: file.includes('private') ? 0o600 : 0o644 });
    }
    fs.mkdirSync(path.join(web, 'etc/nginx/sites-enabled'));
    fs.symlinkSync('/etc/nginx/sites-available/example.com', path.join(web, 'etc/nginx/sites-enabled/example.com'));
    // Unreadable: as root, the playbook reads it as `nobody` (sudo, or su where there is no sudo: nobody's
    // nologin shell refuses, which is also a host whose files cannot be read), who may not enter the folder;
    // as another user, the folder is closed to its owner too.
    fs.mkdirSync(path.join(src, 'locked/etc'), { recursive: true });
    fs.chmodSync(path.join(src, 'locked'), IS_ROOT ? 0o700 : 0o000);
    const lockedBecome = IS_ROOT ? ` ansible_become=true ansible_become_method=${toolPath('sudo') ? 'sudo' : 'su'} ansible_become_user=nobody` : '';

    const unreachablePort = await freePort();
    const lines = [
      '[fleet]',
      `seed000 schedlint_source_root=${seed000}`,
      `seed001 schedlint_source_root=${path.join(src, 'seed001')}`,
      `healthy schedlint_source_root=${healthy}`,
      `web schedlint_source_root=${web}`,
      `locked schedlint_source_root=${path.join(src, 'locked')}${lockedBecome}`,
      `gone ansible_connection=ssh ansible_host=127.0.0.1 ansible_port=${unreachablePort} ansible_ssh_common_args="-o ConnectTimeout=5"`,
    ];
    if (!sshSkip) {
      // A throwaway sshd on a loopback port: its own host key, config and authorized key in the temp folder.
      const ssh = path.join(work, 'ssh');
      fs.mkdirSync(ssh, { mode: 0o700 });
      execFileSync(SSH_KEYGEN!, ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(ssh, 'host_key')]);
      execFileSync(SSH_KEYGEN!, ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(ssh, 'client_key')]);
      fs.copyFileSync(path.join(ssh, 'client_key.pub'), path.join(ssh, 'authorized_keys'));
      fs.chmodSync(path.join(ssh, 'authorized_keys'), 0o600);
      const port = await freePort();
      fs.writeFileSync(
        path.join(ssh, 'sshd_config'),
        [`Port ${port}`, 'ListenAddress 127.0.0.1', `HostKey ${path.join(ssh, 'host_key')}`, `AuthorizedKeysFile ${path.join(ssh, 'authorized_keys')}`, `PidFile ${path.join(ssh, 'sshd.pid')}`,
          'PermitRootLogin prohibit-password', 'PasswordAuthentication no', 'KbdInteractiveAuthentication no', 'UsePAM no', 'StrictModes no', 'Subsystem sftp internal-sftp', ''].join('\n'),
      );
      fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
      sshd = spawn(SSHD!, ['-D', '-e', '-f', path.join(ssh, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
      assert.ok(await waitForPort(port, Date.now() + 10_000), 'sshd listens');
      lines.push(`viassh ansible_connection=ssh ansible_host=127.0.0.1 ansible_port=${port} ansible_user=${os.userInfo().username} ansible_ssh_private_key_file=${path.join(ssh, 'client_key')} ansible_ssh_common_args="-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null" schedlint_source_root=${path.join(src, 'seed001')}`);
    }
    lines.push('[fleet:vars]', 'ansible_connection=local', 'ansible_python_interpreter=/usr/bin/python3', 'ansible_pipelining=true', '');
    fs.writeFileSync(path.join(work, 'inventory'), lines.join('\n'));

    const child = spawn(ANSIBLE!, ['-i', path.join(work, 'inventory'), '-f', '10', PLAYBOOK, '-e', `schedlint_dest=${out()}`, '-e', `schedlint_command=${repoPath('dist', 'cli', 'schedlint.js')}`, '-e', 'schedlint_report_format=json'], {
      cwd: work,
      env: { ...process.env, ANSIBLE_NOCOLOR: '1', ANSIBLE_HOST_KEY_CHECKING: 'False', ANSIBLE_RETRY_FILES_ENABLED: 'False', ANSIBLE_LOCAL_TEMP: path.join(work, 'ansible-tmp'), ANSIBLE_SSH_CONTROL_PATH_DIR: path.join(work, 'cp') },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    run = { code, output };
    const file = path.join(out(), 'report.json');
    report = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as FleetJson) : ({ hosts: [], certificates: [], overlaps: [], notChecked: [] } as FleetJson);
  });

  after(() => {
    if (sshd && sshd.exitCode === null) sshd.kill('SIGTERM');
    if (work && fs.existsSync(path.join(work, 'src/locked'))) fs.chmodSync(path.join(work, 'src/locked'), 0o700);
    pki?.remove();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test('the playbook runs to the end and writes the fleet report', () => {
    assert.equal(run.code, 0, run.output.slice(-4000));
    assert.ok(report.hosts.length >= 5, run.output.slice(-4000));
  });

  test('each host collected or recorded: unreadable and unreachable hosts are reported, not fatal', () => {
    const status = Object.fromEntries(report.hosts.map((host) => [host.name, host.status]));
    assert.deepEqual(status, { gone: 'unreachable', healthy: 'ok', locked: 'unreadable', seed000: 'ok', seed001: 'ok', web: 'ok', ...(sshSkip ? {} : { viassh: 'ok' }) });
    assert.deepEqual(report.notChecked.map((host) => [host.host, host.status]), [['gone', 'unreachable'], ['locked', 'unreadable']]);
    assert.ok((report.notChecked.find((host) => host.host === 'locked')!.detail ?? '').length > 0, 'with Ansible\'s reason');
    if (toolPath('sudo') || !IS_ROOT) assert.match(report.notChecked.find((host) => host.host === 'locked')!.detail ?? '', /Permission denied/);
  });

  test('findings per host: seed 000 root column and mismatched key, seed 001 overlap (through its script), healthy silent', () => {
    const rules = (name: string) => report.hosts.find((host) => host.name === name)!.files.flatMap((file) => file.diagnostics.filter((item) => item.severity === 'error' || item.severity === 'warning').map((item) => `${file.path} ${item.rule}`));
    assert.deepEqual(rules('seed000').sort(), ['/etc/letsencrypt/renewal/seed000.example.conf certbot/key-mismatch', '/var/spool/cron/crontabs/root crontab/user-field-in-user-crontab']);
    assert.deepEqual(rules('healthy'), []);
    assert.deepEqual(report.overlaps.map((overlap) => [overlap.host, overlap.path, overlap.line]), [['seed001', '/var/spool/cron/crontabs/root', 6], ...(sshSkip ? [] : [['viassh', '/var/spool/cron/crontabs/root', 6]])]);
    if (!sshSkip) assert.deepEqual(rules('viassh'), rules('seed001'), 'the tree read over SSH gives what the same tree read locally gives');
  });

  test('certificates across hosts, soonest first, with names and days left; the web servers\' with the file serving them', () => {
    assert.deepEqual(report.certificates.map((certificate) => [certificate.host, certificate.path, certificate.names, certificate.notAfter, certificate.servedBy]), [
      ['web', '/etc/ssl/certs/example.com.crt', ['example.com', 'www.example.com'], '2030-01-01T00:00:00.000Z', [{ path: '/etc/nginx/sites-enabled/example.com', line: 4 }]],
      ['web', '/etc/nginx/ssl/other.pem', ['example.org'], '2031-01-01T00:00:00.000Z', [{ path: '/srv/nginx/other.conf', line: 4 }]],
      ['healthy', '/etc/letsencrypt/live/healthy.example/cert.pem', ['healthy.example', 'www.healthy.example'], '2099-01-01T00:00:00.000Z', []],
      ['seed000', '/etc/letsencrypt/live/seed000.example/cert.pem', ['seed000.example'], '2099-01-01T00:00:00.000Z', []],
    ]);
    assert.ok(report.certificates[2].daysLeft > 365 * 70);
  });

  test('web servers: the key that is not the certificate\'s and the name not covered, on the nginx files\' lines; what came back', () => {
    const web = report.hosts.find((host) => host.name === 'web')!;
    const findings = web.files.flatMap((file) => file.diagnostics.filter((item) => item.severity === 'error' || item.severity === 'warning').map((item) => `${file.path}:${item.line} ${item.rule}`));
    assert.ok(findings.includes('/etc/nginx/sites-enabled/example.com:5 certificate/key-mismatch'), findings.join('\n'));
    assert.ok(findings.includes('/srv/nginx/other.conf:3 certificate/name-not-covered'), findings.join('\n'));
    assert.ok(!findings.some((finding) => finding.startsWith('/srv/nginx/other.conf:5')), 'the key in the combined file is its certificate\'s: ' + findings.join('\n'));
    const host = path.join(out(), 'web');
    assert.equal(fs.readlinkSync(path.join(host, 'etc/nginx/sites-enabled/example.com')), '/etc/nginx/sites-available/example.com');
    assert.ok(fs.readFileSync(path.join(host, 'etc/ssl/private/example.com.key'), 'utf8').startsWith(PUBLIC_KEY_STAND_IN_TEXT + '\n-----BEGIN PUBLIC KEY-----'));
    const combined = fs.readFileSync(path.join(host, 'etc/nginx/ssl/other.pem'), 'utf8');
    assert.ok(combined.startsWith(PUBLIC_KEY_STAND_IN_TEXT + '\n-----BEGIN PUBLIC KEY-----') && combined.includes('-----BEGIN CERTIFICATE-----'), combined);
    assert.ok(!fs.existsSync(path.join(host, 'etc/ssl/private/unnamed.key')), 'a key nothing names is not even listed');
  });

  test('no private key leaves a host: its public key comes back under its name, with the stand-in line the engine knows', () => {
    const pemTs = fs.readFileSync(repoPath('server', 'src', 'engine', 'certificate', 'pem.ts'), 'utf8');
    const materialize = fs.readFileSync(repoPath('contrib', 'ansible', 'files', 'materialize.py'), 'utf8');
    const marker = pemTs.match(/export const PUBLIC_KEY_STAND_IN = '([^']+)'/)![1];
    assert.ok(materialize.includes(`PUBLIC_KEY_STAND_IN = '${marker}'`), 'materialize.py writes the line pem.ts accepts');
    const standIn = fs.readFileSync(path.join(out(), 'healthy/etc/letsencrypt/archive/healthy.example/privkey1.pem'), 'utf8');
    assert.ok(standIn.startsWith(marker + '\n-----BEGIN PUBLIC KEY-----'), standIn);
    const scan = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return scan(file);
      return entry.isFile() && /PRIVATE KEY/.test(fs.readFileSync(file, 'latin1')) ? [file] : [];
    });
    assert.deepEqual(scan(out()), []);
  });

  test('links come back as links: enablement, live/ and merged paths as the host had them', () => {
    assert.equal(fs.readlinkSync(path.join(out(), 'healthy/etc/systemd/system/timers.target.wants/certbot.timer')), '/lib/systemd/system/certbot.timer');
    assert.equal(fs.readlinkSync(path.join(out(), 'healthy/etc/letsencrypt/live/healthy.example/cert.pem')), '../../archive/healthy.example/cert1.pem');
    assert.ok(fs.existsSync(path.join(out(), 'seed001/root/bin/renew-wildcard.sh')), 'the script the root crontab runs came back');
    assert.ok((fs.statSync(path.join(out(), 'seed001/root/bin/renew-wildcard.sh')).mode & 0o111) !== 0, 'with its mode');
  });
});

// Stranger report 8, item 8: a schedlint that does not start (node's MODULE_NOT_FOUND exits 1 and prints nothing
// on stdout) once gave a 1-byte report and a green recap. Only the report play runs here: the inventory has no host.
describe('contrib/ansible/schedlint-collect.yml: the report step fails when schedlint gives no report', needsAnsible, () => {
  let work: string;
  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-ansible-report-'));
    fs.writeFileSync(path.join(work, 'inventory'), '[fleet]\n');
    // A wrapper such as an npm shim whose package is gone: node fails to load the module.
    fs.writeFileSync(path.join(work, 'broken-schedlint'), `#!/bin/sh\nexec '${process.execPath}' '${path.join(work, 'missing', 'schedlint.js')}' "$@"\n`, { mode: 0o755 });
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  function playbook(name: string, extra: string[]): { code: number | null; output: string; report: string | undefined } {
    const dest = path.join(work, name);
    const result = spawnSync(ANSIBLE!, ['-i', path.join(work, 'inventory'), PLAYBOOK, '-e', `schedlint_dest=${dest}`, '-e', 'schedlint_report_format=json', ...extra], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, ANSIBLE_NOCOLOR: '1', ANSIBLE_RETRY_FILES_ENABLED: 'False', ANSIBLE_LOCAL_TEMP: path.join(work, 'ansible-tmp') },
    });
    const file = path.join(dest, 'report.json');
    return { code: result.status, output: result.stdout + result.stderr, report: fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined };
  }

  test('a command that exits 1 with nothing on stdout fails the run and writes no report', () => {
    const run = playbook('broken', ['-e', `schedlint_command=${path.join(work, 'broken-schedlint')}`]);
    assert.notEqual(run.code, 0, run.output.slice(-3000));
    assert.match(run.output, /Run schedlint fleet[\s\S]*fatal: \[localhost\][\s\S]*MODULE_NOT_FOUND/);
    assert.equal(run.report, undefined);
  });

  test('the command as words (`node …/schedlint.js`), as the README runs it, or as a list', () => {
    const cli = repoPath('dist', 'cli', 'schedlint.js');
    const words = playbook('words', ['-e', `schedlint_command='${process.execPath} ${cli}'`]);
    assert.equal(words.code, 0, words.output.slice(-3000));
    assert.deepEqual(JSON.parse(words.report ?? '{}').hosts, []);
    const list = playbook('list', ['-e', JSON.stringify({ schedlint_command: [process.execPath, cli] })]);
    assert.equal(list.code, 0, list.output.slice(-3000));
    assert.deepEqual(JSON.parse(list.report ?? '{}').hosts, []);
  });
});

describe('schedlint fleet: usage, and materialize.py never writes outside the host folder', () => {
  test('a usage error is one line pointing at the fleet help; --help', () => {
    const none = runSchedlint(['fleet']);
    assert.equal(none.code, 2);
    assert.equal(none.stderr, 'schedlint: give the folder the playbook filled (schedlint fleet DIR) (see schedlint fleet --help)\n');
    assert.match(runSchedlint(['fleet', '--format', 'xml', '.']).stderr, /--format.*xml/);
    const help = runSchedlint(['fleet', '--help', '--lang', 'ja']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^使い方：schedlint fleet DIR/);
  });

  test('a manifest with paths that climb out and a link over a folder it writes into', { skip: fs.existsSync('/usr/bin/python3') ? undefined : 'no /usr/bin/python3' }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-materialize-'));
    try {
      const manifest = path.join(dir, 'manifest.json');
      const data = (text: string) => Buffer.from(text).toString('base64');
      fs.writeFileSync(manifest, JSON.stringify({
        status: 'ok',
        files: [{ path: '/../../../escaped', content: data('x'), mode: '0644' }, { path: '/etc/cron.d/job', content: data('* * * * * root true\n'), mode: '0644' }],
        links: [{ path: '/etc/cron.d', target: '/' }, { path: '/etc/cron.d/job/x', target: '/' }, { path: '/etc/localtime', target: '/usr/share/zoneinfo/Asia/Tokyo' }],
        commands: [{ path: '/usr/bin/mail', mode: '0755' }],
      }));
      const materialize = repoPath('contrib', 'ansible', 'files', 'materialize.py');
      const result = spawnSync('/usr/bin/python3', [materialize, manifest, path.join(dir, 'out'), 'web1'], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      assert.equal(fs.readFileSync(path.join(dir, 'out/web1/escaped'), 'utf8'), 'x', 'a climbing path stays inside the host folder');
      assert.ok(!fs.existsSync(path.join(dir, 'escaped')) && !fs.existsSync(path.join(dir, 'out/escaped')));
      assert.ok(fs.lstatSync(path.join(dir, 'out/web1/etc/cron.d')).isDirectory(), 'a link does not replace a folder written into');
      assert.equal(fs.readlinkSync(path.join(dir, 'out/web1/etc/localtime')), '/usr/share/zoneinfo/Asia/Tokyo');
      assert.equal(fs.statSync(path.join(dir, 'out/web1/usr/bin/mail')).mode & 0o777, 0o755);
      assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'out/web1/.schedlint-collect.json'), 'utf8')).status, 'ok');
      const refused = spawnSync('/usr/bin/python3', [materialize, manifest, path.join(dir, 'out'), '..'], { encoding: 'utf8' });
      assert.notEqual(refused.status, 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
