// `schedlint --format prometheus` and `--output FILE` (issue #24): the series over fixture roots (seed 001,
// a certbot root with certificates made by openssl now, the stock Debian tree with contrib/prometheus
// installed), label escaping, the atomic write, the real promtool (Debian's `prometheus` package) on the
// output and on contrib/prometheus/alerts.yml, and the real node_exporter reading the file --output wrote.
// contrib/prometheus's units and cron line are linted by schedlint itself and checked by systemd-analyze verify.
import { strict as assert } from 'node:assert';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { labelValue, MAX_LABEL_LENGTH } from '../../server/src/cli/prometheus';
import { ALL_RULE_IDS } from '../../server/src/engine/rules';
import { hasOpenssl, TestPki, writeLineage } from '../support/certificates';
import { CORPUS_ROOT, repoPath } from '../support/paths';
import { runSchedlint } from '../support/run-cli';

const SEED_001 = repoPath('test', 'fixtures', 'schedule', 'seed-001-ubuntu', 'root');
const DEBIAN = path.join(CORPUS_ROOT, 'debian-bookworm', 'root');
const CONTRIB = repoPath('contrib', 'prometheus');
const HOUR = 3600;

function hasTool(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}
const PROMTOOL = hasTool('promtool', ['--version']);
const needsPromtool = PROMTOOL ? {} : { skip: 'promtool is not installed (apt-get install --no-install-recommends prometheus)' };
const needsOpenssl = hasOpenssl() ? {} : { skip: 'openssl is not installed (apt-get install openssl)' };
const needsSystemdAnalyze = hasTool('systemd-analyze', ['--version']) ? {} : { skip: 'systemd-analyze is not installed (apt-get install systemd)' };
// Debian names node_exporter's binary prometheus-node-exporter; upstream's tarball node_exporter.
const NODE_EXPORTER = ['prometheus-node-exporter', 'node_exporter'].find((command) => hasTool(command, ['--version']));
const needsNodeExporter = NODE_EXPORTER ? {} : { skip: 'node_exporter is not installed (the prometheus-node-exporter package; .ci/run takes its binary)' };

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A strict reader of what we write: HELP and TYPE before a family's samples, no timestamps, known escapes only. */
function parseExposition(text: string): { samples: Sample[]; types: Map<string, string> } {
  assert.ok(text.endsWith('\n'), 'the exposition ends with a newline');
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.slice(0, -1).split('\n')) {
    const comment = line.match(/^# (HELP|TYPE) (\w+) (.*)$/);
    if (comment) {
      if (comment[1] === 'TYPE') types.set(comment[2], comment[3]);
      continue;
    }
    const sample = line.match(/^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/);
    assert.ok(sample, `a sample line without a timestamp: ${line}`);
    assert.ok(types.has(sample[1]), `TYPE comes before the samples of ${sample[1]}`);
    const labels: Record<string, string> = {};
    const pairs = sample[2] ?? '';
    const pair = /(\w+)="((?:[^"\\\n]|\\[\\"n])*)"(,|$)/y;
    let match: RegExpExecArray | null;
    while (pair.lastIndex < pairs.length && (match = pair.exec(pairs))) {
      labels[match[1]] = match[2].replace(/\\(.)/g, (_, escaped: string) => (escaped === 'n' ? '\n' : escaped));
    }
    assert.equal(pair.lastIndex, pairs.length, `labels read to their end: ${line}`);
    samples.push({ name: sample[1], labels, value: Number(sample[3]) });
  }
  return { samples, types };
}

function series(samples: Sample[], name: string, labels: Record<string, string> = {}): Sample[] {
  return samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
}

function promtoolCheckMetrics(text: string): void {
  const result = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  assert.equal(result.status, 0, `promtool check metrics: ${result.stdout}${result.stderr}`);
  assert.equal(result.stdout + result.stderr, '', 'promtool has no lint remark either');
}

function prometheusRun(args: string[]): { text: string; samples: Sample[]; before: number; after: number } {
  const before = Math.floor(Date.now() / 1000);
  const run = runSchedlint([...args, '--format', 'prometheus']);
  const after = Math.ceil(Date.now() / 1000);
  assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
  assert.equal(run.stderr, '');
  return { text: run.stdout, samples: parseExposition(run.stdout).samples, before, after };
}

/** Seconds since the epoch → seconds into the day on a fixed-offset clock (Asia/Tokyo is UTC+9 without DST). */
const secondOfDay = (epochSeconds: number, offsetHours: number) => (((epochSeconds + offsetHours * HOUR) % 86400) + 86400) % 86400;

test('seed 001 root: findings by rule and severity, the timer and the cron job next runs, success and build info', () => {
  const { samples, before, after, text } = prometheusRun(['--root', SEED_001]);
  const version = JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8')).version as string;
  assert.deepEqual(series(samples, 'schedlint_build_info'), [{ name: 'schedlint_build_info', labels: { version }, value: 1 }]);
  assert.equal(series(samples, 'schedlint_last_run_success')[0].value, 1);
  const ranAt = series(samples, 'schedlint_last_run_timestamp_seconds')[0].value;
  assert.ok(ranAt >= before - 1 && ranAt <= after, `run timestamp ${ranAt} within [${before}, ${after}]`);
  assert.ok(series(samples, 'schedlint_last_run_duration_seconds')[0].value >= 0);

  // The two sides of seed 001's overlap, and a zero series for every other rule that is on.
  assert.equal(series(samples, 'schedlint_findings', { rule: 'schedule/timer-overlaps-cron', severity: 'warning' })[0].value, 2);
  const findings = series(samples, 'schedlint_findings');
  assert.equal(findings.filter((sample) => sample.value > 0).length, 1);
  assert.ok(findings.length >= ALL_RULE_IDS.length, 'every rule has its series');
  assert.ok(series(samples, 'schedlint_findings', { rule: 'crontab/user-field-in-user-crontab', severity: 'error' })[0].value === 0);

  // certbot.timer: OnCalendar=*-*-* 00,12:00:00 in Asia/Tokyo, the next one within 12 hours.
  const timers = series(samples, 'schedlint_timer_next_run_seconds');
  assert.deepEqual(timers.map((sample) => sample.labels), [{ name: 'certbot.timer' }]);
  const timerNext = timers[0].value;
  assert.ok(timerNext > before - 1 && timerNext <= after + 12 * HOUR, `certbot.timer next ${timerNext}`);
  assert.equal(secondOfDay(timerNext, 9) % (12 * HOUR), 0);

  // root's 03:15 job, by place, user, schedule and program; Debian's /etc/cron.d/certbot is guarded off on
  // systemd hosts and has no next run; no command line in any label.
  const jobs = series(samples, 'schedlint_cron_job_next_run_seconds');
  assert.deepEqual(jobs.map((sample) => sample.labels), [{ path: '/var/spool/cron/crontabs/root', line: '6', script: '', user: 'root', schedule: '15 3 * * *', program: 'renew-wildcard.sh' }]);
  assert.equal(secondOfDay(jobs[0].value, 9), 3 * HOUR + 15 * 60);
  assert.ok(jobs[0].value > before - 1 && jobs[0].value <= after + 24 * HOUR);
  assert.ok(!text.includes('perl') && !text.includes('/root/bin/renew-wildcard.sh'), 'commands stay out of the labels');
  assert.deepEqual(series(samples, 'x509_cert_not_after'), []);
});

test('seed 001 and the Debian tree: promtool check metrics accepts the output', needsPromtool, () => {
  promtoolCheckMetrics(prometheusRun(['--root', SEED_001]).text);
  promtoolCheckMetrics(prometheusRun(['--root', DEBIAN]).text);
});

test('a certbot root with certificates made by openssl: x509_cert_* for cert.pem and chain.pem, as x509-certificate-exporter labels them', needsOpenssl, () => {
  const pki = new TestPki();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-prom-certs-'));
  try {
    const authority = pki.root('Test Root X1');
    const intermediate = pki.intermediate(authority, 'Test Issuing CA R3');
    const current = pki.leaf(intermediate, ['example.com', 'www.example.com'], { start: '2026-10-01', end: '2026-12-30T12:00' });
    const old = pki.leaf(intermediate, ['old.example.com'], { start: '2025-01-01', end: '2025-04-01' });
    fs.mkdirSync(path.join(root, 'etc/letsencrypt/renewal'), { recursive: true });
    fs.writeFileSync(path.join(root, 'etc/letsencrypt/renewal/example.com.conf'), writeLineage(root, 'example.com', [{ cert: current.certPem, privkey: current.keyPem, chain: intermediate.certPem }]));
    fs.writeFileSync(path.join(root, 'etc/letsencrypt/renewal/old.example.com.conf'), writeLineage(root, 'old.example.com', [{ cert: old.certPem, privkey: old.keyPem, chain: intermediate.certPem }]));
    const serialOf = (pem: string) => BigInt('0x' + execFileSync('openssl', ['x509', '-noout', '-serial'], { input: pem, encoding: 'utf8' }).trim().replace(/^serial=/, '')).toString();

    const { samples, text } = prometheusRun(['--root', root]);
    const leaf = series(samples, 'x509_cert_not_after', { filepath: '/etc/letsencrypt/live/example.com/cert.pem' });
    assert.equal(leaf.length, 1);
    assert.deepEqual(leaf[0].labels, {
      filename: 'cert.pem',
      filepath: '/etc/letsencrypt/live/example.com/cert.pem',
      lineage: 'example.com',
      serial_number: serialOf(current.certPem),
      subject_C: '', subject_ST: '', subject_L: '', subject_O: '', subject_OU: '', subject_CN: 'example.com',
      issuer_C: '', issuer_ST: '', issuer_L: '', issuer_O: '', issuer_OU: '', issuer_CN: 'Test Issuing CA R3',
    });
    assert.equal(leaf[0].value, Date.UTC(2026, 11, 30, 12) / 1000);
    assert.equal(series(samples, 'x509_cert_not_before', { filepath: '/etc/letsencrypt/live/example.com/cert.pem' })[0].value, Date.UTC(2026, 9, 1) / 1000);
    const expired = (file: string) => series(samples, 'x509_cert_expired', { filepath: file })[0].value;
    assert.equal(expired('/etc/letsencrypt/live/old.example.com/cert.pem'), 1);
    assert.equal(expired('/etc/letsencrypt/live/example.com/cert.pem'), Date.now() < Date.UTC(2026, 11, 30, 12) ? 0 : 1);
    // chain.pem's intermediate, once per lineage (its own filepath), issued by the root.
    const chain = series(samples, 'x509_cert_not_after', { filename: 'chain.pem' });
    assert.deepEqual(chain.map((sample) => [sample.labels.lineage, sample.labels.subject_CN, sample.labels.issuer_CN]), [['example.com', 'Test Issuing CA R3', 'Test Root X1'], ['old.example.com', 'Test Issuing CA R3', 'Test Root X1']]);
    assert.ok(!text.includes('PRIVATE'), 'nothing of a key');
    if (PROMTOOL) promtoolCheckMetrics(text);

    // Files given instead of a host scan: the renewal file's certificates and findings, no schedule families.
    const files = prometheusRun(['--root', root, '/etc/letsencrypt/renewal/example.com.conf']);
    assert.equal(series(files.samples, 'x509_cert_not_after', { filename: 'cert.pem' }).length, 1);
    assert.ok(!files.text.includes('schedlint_timer_next_run_seconds') && !files.text.includes('schedlint_cron_job_next_run_seconds'));
    if (PROMTOOL) promtoolCheckMetrics(files.text);
  } finally {
    pki.remove();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('label values: escaped per the exposition format, control characters replaced, bounded on a character boundary', () => {
  assert.equal(labelValue('a\\b"c\nd'), 'a\\\\b\\"c\\nd');
  assert.equal(labelValue('tab\there\x1b[2J\r'), 'tab\ufffdhere\ufffd[2J\ufffd');
  const long = '😀'.repeat(MAX_LABEL_LENGTH + 10);
  const bounded = labelValue(long);
  assert.equal(Array.from(bounded).length, MAX_LABEL_LENGTH);
  assert.ok(bounded.endsWith('…') && !/[\ud800-\udfff]…$/.test(bounded.replace(/😀/g, '')), 'no half of a surrogate pair');
  // A backslash at the cut stays one escaped backslash, never a dangling escape.
  assert.equal(labelValue('\\'.repeat(MAX_LABEL_LENGTH + 1)), '\\\\'.repeat(MAX_LABEL_LENGTH - 1) + '…');
});

test('a root with hostile names: a user spool file named with a quote and a backslash, a long cron.d job', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-prom-names-'));
  try {
    const spool = path.join(root, 'var/spool/cron/crontabs');
    fs.mkdirSync(spool, { recursive: true });
    fs.mkdirSync(path.join(root, 'etc/cron.d'), { recursive: true });
    fs.writeFileSync(path.join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/bash\n');
    fs.writeFileSync(path.join(root, 'etc/os-release'), 'ID=debian\nVERSION_ID="12"\n');
    const user = 'we"ird\\user';
    fs.writeFileSync(path.join(spool, user), '30 2 * * * /usr/bin/backup --password=hunter2\n');
    fs.writeFileSync(path.join(root, 'etc/cron.d/long'), `0 1 * * * root /usr/bin/${'x'.repeat(300)} --token=s3cret\n`);
    const { samples, text } = prometheusRun(['--root', root]);
    const jobs = series(samples, 'schedlint_cron_job_next_run_seconds');
    assert.ok(jobs.some((job) => job.labels.user === user && job.labels.path === `/var/spool/cron/crontabs/${user}`), text);
    const long = jobs.find((job) => job.labels.path === '/etc/cron.d/long');
    assert.ok(long && Array.from(long.labels.program).length === MAX_LABEL_LENGTH && long.labels.program.endsWith('…'), JSON.stringify(long));
    assert.ok(!text.includes('hunter2') && !text.includes('s3cret'), 'arguments never reach a label');
    if (PROMTOOL) promtoolCheckMetrics(text);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

/** A free loopback port: one the kernel just gave out and took back. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test("node_exporter's textfile collector reads what --output wrote into its folder, escapes and all", needsNodeExporter, async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-prom-ne-root-'));
  const textfiles = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-prom-ne-dir-'));
  let exporter: ReturnType<typeof spawn> | undefined;
  try {
    fs.mkdirSync(path.join(root, 'var/spool/cron/crontabs'), { recursive: true });
    fs.mkdirSync(path.join(root, 'etc'), { recursive: true });
    fs.writeFileSync(path.join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/bash\n');
    const user = 'we"ird\\user';
    fs.writeFileSync(path.join(root, 'var/spool/cron/crontabs', user), '30 2 * * * /usr/bin/backup\n');
    const run = runSchedlint(['--root', root, '--format', 'prometheus', '--output', path.join(textfiles, 'schedlint.prom')]);
    assert.equal(run.code, 0, run.stderr);
    const port = await freePort();
    let log = '';
    exporter = spawn(NODE_EXPORTER!, [`--web.listen-address=127.0.0.1:${port}`, '--collector.disable-defaults', '--collector.textfile', `--collector.textfile.directory=${textfiles}`]);
    exporter.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    let body = '';
    for (let attempt = 0; attempt < 50 && body === ''; attempt++) {
      try {
        body = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    assert.match(body, /^node_textfile_scrape_error 0$/m, body);
    const samples = parseExposition(body.split('\n').filter((line) => /^(# (HELP|TYPE) )?(schedlint|x509)_/.test(line)).join('\n') + '\n').samples;
    assert.equal(series(samples, 'schedlint_last_run_success')[0].value, 1);
    assert.equal(series(samples, 'schedlint_cron_job_next_run_seconds', { user })[0].labels.path, `/var/spool/cron/crontabs/${user}`);
    assert.doesNotMatch(log, /level=error/, log);
  } finally {
    exporter?.kill();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(textfiles, { recursive: true, force: true });
  }
});

test('--output FILE: replaced by rename (a hard link keeps the old text), mode 0644 under umask 077, no temporary file left', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-prom-out-'));
  try {
    const file = path.join(folder, 'schedlint.prom');
    fs.writeFileSync(file, 'old\n');
    fs.linkSync(file, path.join(folder, 'old-link'));
    const cli = repoPath('dist', 'cli', 'schedlint.js');
    const run = spawnSync('sh', ['-c', 'umask 077 && exec "$0" "$@"', process.execPath, cli, '--root', SEED_001, '--format', 'prometheus', '--output', file], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '', 'the report goes to the file, not standard output');
    assert.equal(fs.readFileSync(path.join(folder, 'old-link'), 'utf8'), 'old\n', 'the old file was not rewritten in place');
    const written = fs.readFileSync(file, 'utf8');
    assert.ok(written.startsWith('# HELP schedlint_build_info '), written.slice(0, 80));
    assert.equal(fs.statSync(file).mode & 0o777, 0o644);
    assert.deepEqual(fs.readdirSync(folder).sort(), ['old-link', 'schedlint.prom']);

    // Every format: JSON to a file too; the exit status is still the lint's.
    const json = runSchedlint(['--root', SEED_001, '--format', 'json', '--output', path.join(folder, 'report.json')]);
    assert.equal(json.code, 0, json.stderr);
    assert.ok(Array.isArray(JSON.parse(fs.readFileSync(path.join(folder, 'report.json'), 'utf8')).files));
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('--output FILE that cannot be written: one line, exit 2, the file there left as it was', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-prom-bad-'));
  try {
    const missing = runSchedlint(['--root', SEED_001, '--format', 'prometheus', '--output', path.join(folder, 'no/such/folder/x.prom')]);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, `schedlint: cannot write ${path.join(folder, 'no/such/folder/x.prom')}: there is no folder ${path.join(folder, 'no/such/folder')}\n`);
    const isFolder = runSchedlint(['--root', SEED_001, '--format', 'prometheus', '--output', folder, '--lang', 'ja']);
    assert.equal(isFolder.code, 2);
    assert.match(isFolder.stderr, /に書き込めません：フォルダーです/);
    assert.deepEqual(fs.readdirSync(folder), []);
    const empty = runSchedlint(['--root', SEED_001, '--output', '']);
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /--output/);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('contrib/prometheus/alerts.yml: promtool check rules, and its unit tests pass', needsPromtool, () => {
  const check = spawnSync('promtool', ['check', 'rules', path.join(CONTRIB, 'alerts.yml')], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stdout + check.stderr);
  assert.match(check.stdout, /SUCCESS: 5 rules found/);
  const unit = spawnSync('promtool', ['test', 'rules', 'alerts.test.yml'], { cwd: CONTRIB, encoding: 'utf8' });
  assert.equal(unit.status, 0, unit.stdout + unit.stderr);
  assert.match(unit.stdout, /SUCCESS/);
});

const SHIPPED = ['schedlint-textfile.service', 'schedlint-textfile.timer', 'cron.d/schedlint-textfile'];

test('contrib/prometheus: schedlint finds nothing in its own units and cron line, alone or installed on the stock Debian tree', () => {
  const alone = runSchedlint(['--format', 'json', ...SHIPPED.map((file) => path.join(CONTRIB, file))]);
  assert.equal(alone.code, 0, alone.stderr);
  const files = JSON.parse(alone.stdout).files as { path: string; kind: string; diagnostics: { rule: string; severity: string }[] }[];
  assert.deepEqual(files.map((file) => file.kind), ['systemd-service', 'systemd-timer', 'crontab-system']);
  assert.deepEqual(files.flatMap((file) => file.diagnostics), []);

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-prom-debian-'));
  try {
    fs.cpSync(DEBIAN, root, { recursive: true, verbatimSymlinks: true });
    fs.copyFileSync(path.join(CONTRIB, 'schedlint-textfile.service'), path.join(root, 'etc/systemd/system/schedlint-textfile.service'));
    fs.copyFileSync(path.join(CONTRIB, 'schedlint-textfile.timer'), path.join(root, 'etc/systemd/system/schedlint-textfile.timer'));
    fs.mkdirSync(path.join(root, 'etc/systemd/system/timers.target.wants'), { recursive: true });
    fs.symlinkSync('/etc/systemd/system/schedlint-textfile.timer', path.join(root, 'etc/systemd/system/timers.target.wants/schedlint-textfile.timer'));
    fs.copyFileSync(path.join(CONTRIB, 'cron.d/schedlint-textfile'), path.join(root, 'etc/cron.d/schedlint-textfile'));
    const host = runSchedlint(['--root', root, '--format', 'json']);
    assert.equal(host.code, 0, host.stderr);
    const loud = (JSON.parse(host.stdout).files as typeof files).flatMap((file) => file.diagnostics.filter((finding) => finding.severity === 'error' || finding.severity === 'warning').map((finding) => `${file.path}: ${finding.rule}`));
    assert.deepEqual(loud, []);
    // On this systemd host the timer runs the check and the guarded cron line does not.
    const { samples } = prometheusRun(['--root', root]);
    assert.equal(series(samples, 'schedlint_timer_next_run_seconds', { name: 'schedlint-textfile.timer' }).length, 1);
    assert.deepEqual(series(samples, 'schedlint_cron_job_next_run_seconds', { path: '/etc/cron.d/schedlint-textfile' }), []);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }

  // On a host without systemd the cron line is the one that runs, daily at 04:17.
  const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-prom-nosystemd-'));
  try {
    fs.mkdirSync(path.join(plain, 'etc/cron.d'), { recursive: true });
    fs.writeFileSync(path.join(plain, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/bash\n');
    fs.writeFileSync(path.join(plain, 'etc/os-release'), 'ID=debian\nVERSION_ID="12"\n');
    fs.writeFileSync(path.join(plain, 'etc/timezone'), 'Etc/UTC\n');
    fs.copyFileSync(path.join(CONTRIB, 'cron.d/schedlint-textfile'), path.join(plain, 'etc/cron.d/schedlint-textfile'));
    const { samples, text } = prometheusRun(['--root', plain]);
    assert.equal(series(samples, 'schedlint_findings').filter((sample) => sample.value > 0).length, 0, text);
    const job = series(samples, 'schedlint_cron_job_next_run_seconds', { path: '/etc/cron.d/schedlint-textfile' });
    assert.deepEqual(job.map((sample) => sample.labels), [{ path: '/etc/cron.d/schedlint-textfile', line: '7', script: '', user: 'root', schedule: '17 4 * * *', program: 'schedlint' }]);
    assert.equal(secondOfDay(job[0].value, 0), 4 * HOUR + 17 * 60);
  } finally {
    fs.rmSync(plain, { recursive: true, force: true });
  }
});

test('contrib/prometheus units: systemd-analyze verify (systemd 252) knows every setting', needsSystemdAnalyze, () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-prom-verify-'));
  try {
    // verify also insists that ExecStart='s program exists: the copy runs /bin/true instead.
    const service = fs.readFileSync(path.join(CONTRIB, 'schedlint-textfile.service'), 'utf8');
    assert.match(service, /^ExecStart=\/usr\/local\/bin\/schedlint /m);
    fs.writeFileSync(path.join(folder, 'schedlint-textfile.service'), service.replace('/usr/local/bin/schedlint', '/bin/true'));
    fs.copyFileSync(path.join(CONTRIB, 'schedlint-textfile.timer'), path.join(folder, 'schedlint-textfile.timer'));
    const run = spawnSync('systemd-analyze', ['verify', '--man=no', 'schedlint-textfile.service', 'schedlint-textfile.timer'], { cwd: folder, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '', 'no unknown or misspelt setting');
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
