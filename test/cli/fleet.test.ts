// `schedlint fleet DIR`: the report over per-host folders. First over folders made here (a stock Debian root,
// the seed-001 root, an unreachable host's status file, a host whose name and findings carry markup), for the
// JSON shape, SARIF paths, exit status and the HTML's escaping; then (further down) over folders the real
// contrib/ansible playbook fills, over local connections and over SSH to a throwaway sshd.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CORPUS_ROOT, repoPath } from '../support/paths';
import { runSchedlint } from '../support/run-cli';

const SEED_001 = repoPath('test', 'fixtures', 'schedule', 'seed-001-ubuntu', 'root');
const DEBIAN = path.join(CORPUS_ROOT, 'debian-bookworm', 'root');

interface FleetJson {
  hosts: { name: string; status: string; detail?: string; checked: boolean; errors: number; warnings: number; unreadablePaths: string[]; files: { path: string; diagnostics: { rule: string; severity: string }[] }[] }[];
  certificates: { host: string; path: string; names: string[]; notAfter: string; daysLeft: number }[];
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
    assert.match(ja.stdout, /^検査できなかったホスト:\n {2}down：接続できません/m);
  });

  test('SARIF: one run; locations are HOST/etc/…; the unreachable host is a tool notification', () => {
    const sarif = JSON.parse(runSchedlint(['fleet', dir, '--format', 'sarif']).stdout);
    assert.equal(sarif.runs.length, 1);
    const uris: string[] = sarif.runs[0].results.map((result: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => result.locations[0].physicalLocation.artifactLocation.uri);
    assert.ok(uris.includes('seed001/var/spool/cron/crontabs/root'), uris.join(' '));
    assert.ok(uris.includes(encodeURI('<img src=x onerror=alert(1)>/etc/crontab')));
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
