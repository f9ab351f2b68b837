// `schedlint cert`: seed 004's pre-flight on the bundled CLI, with certificates made by openssl at test time
// around the real clock (the command judges validity against now). Checklist text in English and Japanese,
// JSON (the lint shape plus `checks`), SARIF, trust from --ca and from --root, and the exit statuses.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TestPki, hasOpenssl, type Authority, type IssuedCertificate } from '../support/certificates';
import { runSchedlint } from '../support/run-cli';

const OPENSSL = hasOpenssl();
const needsOpenssl = OPENSSL ? {} : { skip: 'openssl is not installed (apt-get install openssl)' };
const DAY = 86_400_000;

/** `YYYY-MM-DD` this many days from now. */
function day(offset: number): string {
  return new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
}

let pki: TestPki;
let folder: string;
let root: Authority;
let realCa: Authority;
let renewed: IssuedCertificate;

function write(name: string, data: string | Buffer): string {
  fs.writeFileSync(path.join(folder, name), data);
  return name;
}

function cert(args: string[], env: NodeJS.ProcessEnv = {}) {
  return runSchedlint(['cert', ...args], { cwd: folder, env });
}

before(() => {
  if (!OPENSSL) return;
  pki = new TestPki();
  folder = fs.mkdtempSync(path.join(pki.dir, 'download-'));
  root = pki.root('Demo Root');
  realCa = pki.intermediate(root, 'Real CA');
  const otherCa = pki.intermediate(root, 'Other CA');
  renewed = pki.leaf(realCa, ['example.com', 'www.example.com'], { start: day(-1), end: day(396) });
  const current = pki.leaf(realCa, ['example.com', 'www.example.com', 'api.example.com'], { start: day(-360), end: day(36) });
  const sameNames = pki.leaf(realCa, ['example.com', 'www.example.com'], { start: day(-360), end: day(36) });
  write('example.crt', renewed.certPem);
  write('example.key', renewed.keyPem);
  write('intermediate.crt', otherCa.certPem);
  write('right-intermediate.crt', realCa.certPem);
  write('current.crt', current.certPem);
  write('same-names.crt', sameNames.certPem);
  write('root.pem', root.certPem);
  write('encrypted.key', pki.keyAs({ file: renewed.keyFile }, 'encrypted'));
  write('example.cer', pki.der(renewed.certPem));
  write('notes.txt', 'not a certificate\n');
  write('haproxy.pem', renewed.certPem + realCa.certPem + renewed.keyPem);
  write('haproxy-wrong.pem', renewed.certPem + realCa.certPem + current.keyPem);
  fs.mkdirSync(path.join(folder, 'host/etc/ssl/certs'), { recursive: true });
  write('host/etc/ssl/certs/ca-certificates.crt', root.certPem);
});

after(() => pki?.remove());

describe('schedlint cert', needsOpenssl, () => {
  test("seed 004's mistakes: wrong intermediate and a dropped name, as a checklist that exits 1", () => {
    const run = cert(['example.crt', '--key', 'example.key', '--chain', 'intermediate.crt', '--previous', 'current.crt', '--ca', 'root.pem']);
    assert.equal(run.code, 1, run.stderr);
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], 'example.crt: CN=example.com');
    assert.equal(lines[1], '  names: example.com, www.example.com');
    const heads = lines.filter((line) => line.startsWith('['));
    assert.deepEqual(heads.map((line) => line.replace(/:.*/, '')), [
      '[ok]   key matches',
      '[FAIL] chain verifies',
      '[ok]   chain order',
      '[warn] trusted root reached',
      '[warn] names kept',
      '[ok]   newer than the previous',
      '[ok]   days left',
    ]);
    assert.match(run.stdout, /^ {4}intermediate\.crt:1: error: "CN=Other CA" in intermediate\.crt did not issue "CN=example\.com", which was issued by "CN=Real CA".* \[certificate\/chain-mismatch\]$/m);
    assert.match(run.stdout, /^ {4}example\.crt:1: warning: This certificate no longer covers api\.example\.com, which current\.crt covered.* \[certificate\/san-removed\]$/m);
    assert.match(run.stdout, /^\[ok\] {3}key matches: the key in example\.key belongs to the certificate \(RSA, 2048 bits\)$/m);
    assert.match(run.stdout, /^\[ok\] {3}days left: 39[56] days left \(until \d{4}-\d\d-\d\d; warning under 30\)$/m);
    assert.equal(lines.at(-2), '1 error, 2 warnings');
  });

  test('the same in Japanese', () => {
    const run = cert(['example.crt', '--key', 'example.key', '--chain', 'intermediate.crt', '--previous', 'current.crt', '--ca', 'root.pem', '--lang', 'ja']);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^\[OK\] {3}秘密鍵の一致：example\.key の鍵は証明書と対になっています/m);
    assert.match(run.stdout, /^\[失敗\] チェーンの検証：$/m);
    assert.match(run.stdout, /intermediate\.crt の「CN=Other CA」は「CN=example\.com」を発行していません（発行者は「CN=Real CA」）/);
    assert.match(run.stdout, /^\[警告\] 名前の維持：$/m);
    assert.match(run.stdout, /^エラー 1 件、警告 2 件$/m);
    // LANG decides when --lang is not given, as in lint runs.
    assert.match(cert(['example.crt'], { LANG: 'ja_JP.UTF-8' }).stdout, /^\[OK\] {3}残り日数：残り 39[56] 日/m);
  });

  test('the renewal done right passes every check and exits 0', () => {
    const run = cert(['example.crt', '--key', 'example.key', '--chain', 'right-intermediate.crt', '--previous', 'same-names.crt', '--ca', 'root.pem']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(run.stdout.split('\n').filter((line) => line.startsWith('[')).map((line) => line.slice(0, 6)), Array(7).fill('[ok]  '));
    assert.match(run.stdout, /^\[ok\] {3}trusted root reached: reaches "CN=Demo Root" in root\.pem \(nothing fetched from the network\)$/m);
    assert.match(run.stdout, /^\[ok\] {3}newer than the previous: expires on \S+, after same-names\.crt \(\S+\)$/m);
    assert.match(run.stdout, /^0 errors, 0 warnings$/m);
  });

  test('trust from the bundle under --root; DER certificates; an encrypted key is skipped, not asked for', () => {
    const rooted = cert(['example.cer', '--chain', 'right-intermediate.crt', '--root', 'host', '--key', 'encrypted.key']);
    assert.equal(rooted.code, 0, rooted.stdout + rooted.stderr);
    assert.match(rooted.stdout, /^\[ok\] {3}trusted root reached: reaches "CN=Demo Root" in host\/etc\/ssl\/certs\/ca-certificates\.crt/m);
    assert.match(rooted.stdout, /^\[skip\] key matches: can't check: the key in encrypted\.key is encrypted \(schedlint never asks for a passphrase\)$/m);
    const missing = cert(['example.crt', '--root', 'host', '--chain', 'intermediate.crt']);
    assert.match(missing.stdout, /^\[warn\] trusted root reached:$/m);
    const empty = fs.mkdtempSync(path.join(folder, 'empty-root-'));
    assert.match(cert(['example.crt', '--root', empty]).stdout, /^\[skip\] trusted root reached: not checked: no trust store found/m);
  });

  test("a certificate with its key in one file (HAProxy's combined PEM) is checked as a pair", () => {
    const right = cert(['haproxy.pem', '--ca', 'root.pem']);
    assert.equal(right.code, 0, right.stdout);
    assert.match(right.stdout, /^\[ok\] {3}key matches: the key in haproxy\.pem belongs to the certificate/m);
    const wrong = cert(['haproxy-wrong.pem', '--format', 'json']);
    assert.equal(wrong.code, 1);
    const json = JSON.parse(wrong.stdout) as { files: { path: string; diagnostics: { rule: string; line: number }[] }[] };
    assert.deepEqual(json.files.map((file) => file.path), ['haproxy-wrong.pem']);
    const keyLine = renewed.certPem.split('\n').length + realCa.certPem.split('\n').length - 1;
    assert.deepEqual(json.files[0].diagnostics.filter((diagnostic) => diagnostic.rule === 'certificate/key-mismatch').map((diagnostic) => diagnostic.line), [keyLine]);
  });

  test('JSON: files with diagnostics (rule, line, severity, message) as in lint runs, plus the checks', () => {
    const run = cert(['example.crt', '--key', 'example.key', '--chain', 'intermediate.crt', '--previous', 'current.crt', '--ca', 'root.pem', '--format', 'json']);
    assert.equal(run.code, 1);
    const json = JSON.parse(run.stdout) as { files: { path: string; kind: string; diagnostics: { rule: string; line: number; severity: string; message: string }[] }[]; checks: { check: string; status: string; rules: string[] }[] };
    assert.deepEqual(json.files.map((file) => file.path), ['example.crt', 'example.key', 'intermediate.crt', 'current.crt']);
    assert.deepEqual(json.files.flatMap((file) => file.diagnostics.map((diagnostic) => `${file.path}:${diagnostic.line}:${diagnostic.severity}:${diagnostic.rule}`)), [
      'example.crt:1:warning:certificate/chain-incomplete',
      'example.crt:1:warning:certificate/san-removed',
      'intermediate.crt:1:error:certificate/chain-mismatch',
    ]);
    assert.deepEqual(json.checks.map((check) => `${check.check}:${check.status}`), ['key:pass', 'chain:fail', 'order:pass', 'trust:warn', 'names:warn', 'newer:pass', 'days:pass']);
    assert.deepEqual(json.checks[1].rules, ['certificate/chain-mismatch']);
  });

  test('SARIF: results with the certificate rules and their files', () => {
    const run = cert(['example.crt', '--chain', 'intermediate.crt', '--ca', 'root.pem', '--format', 'sarif', '--lang', 'ja']);
    const sarif = JSON.parse(run.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    const results = sarif.runs[0].results;
    assert.deepEqual(results.map((result) => `${result.ruleId}:${result.level}:${result.locations[0].physicalLocation.artifactLocation.uri}:${result.locations[0].physicalLocation.region.startLine}`), [
      'certificate/chain-incomplete:warning:example.crt:1',
      'certificate/chain-mismatch:error:intermediate.crt:1',
    ]);
    assert.match(results[1].message.text, /発行していません/);
    assert.ok(sarif.runs[0].tool.driver.rules.some((rule) => rule.id === 'certificate/key-mismatch'));
  });

  test('a CA certificate given as CERT is said to be one (certificate/ca-certificate), and its checks still run (stranger report 17)', () => {
    const run = cert(['intermediate.crt', '--ca', 'root.pem']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^intermediate\.crt: CN=Other CA\n {2}intermediate\.crt:1: warning: "CN=Other CA" in intermediate\.crt is a CA certificate .* \[certificate\/ca-certificate\]$/m);
    assert.match(run.stdout, /^\[ok\] {3}days left: /m);
    assert.match(run.stdout, /^0 errors, 1 warning$/m);
    const json = JSON.parse(cert(['intermediate.crt', '--ca', 'root.pem', '--format', 'json']).stdout) as { files: { diagnostics: { rule: string; severity: string }[] }[] };
    assert.deepEqual(json.files[0].diagnostics.map((diagnostic) => `${diagnostic.rule}:${diagnostic.severity}`), ['certificate/ca-certificate:warning']);
    // The server's certificate with that intermediate: not a CA, nothing said.
    assert.doesNotMatch(cert(['example.crt', '--chain', 'right-intermediate.crt', '--ca', 'root.pem']).stdout, /ca-certificate/);
  });

  test('--chain holding only the certificate itself: the chain checks say so, not "no intermediate given" (stranger report 17)', () => {
    const run = cert(['example.crt', '--chain', 'example.crt', '--ca', 'root.pem']);
    assert.match(run.stdout, /^\[skip\] chain verifies: not checked: example\.crt \(--chain\) holds no intermediate, only the certificate itself$/m);
    assert.match(run.stdout, /^\[skip\] chain order: not checked: example\.crt \(--chain\) holds no intermediate/m);
    assert.doesNotMatch(run.stdout, /no intermediate given/);
    assert.match(cert(['example.crt', '--ca', 'root.pem']).stdout, /^\[skip\] chain verifies: not checked: no intermediate given/m);
  });

  test('a lint run with --kind certificate on a file with no certificate reports it (certificate/no-certificate), as `cert` refuses it (stranger report 17)', () => {
    const run = runSchedlint(['--kind', 'certificate', 'notes.txt'], { cwd: folder });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /^\S*notes\.txt:1:1: error: This file holds no certificate or private key that can be read .* \[certificate\/no-certificate\]$/m);
    assert.equal(cert(['notes.txt']).code, 2);
    assert.equal(runSchedlint(['--kind', 'certificate', 'example.crt', '--format', 'json'], { cwd: folder }).stdout.includes('no-certificate'), false);
  });

  test('--rule changes a severity; --days moves the threshold', () => {
    const milder = cert(['example.crt', '--chain', 'intermediate.crt', '--rule', 'certificate/chain-mismatch=warning']);
    assert.equal(milder.code, 0);
    assert.match(milder.stdout, /^\[warn\] chain verifies:$/m);
    const strict = cert(['example.crt', '--days', '400']);
    assert.match(strict.stdout, /^\[warn\] days left:$/m);
    assert.match(strict.stdout, /fewer than 400/);
  });

  test('bad input: a clear line and exit 2, never a stack trace', () => {
    const cases: [string[], RegExp][] = [
      [['missing.crt'], /^schedlint: cannot read missing\.crt: no such file or folder$/],
      [['notes.txt'], /^schedlint: notes\.txt holds no certificate that can be read$/],
      [['example.crt', '--key', 'example.crt'], /^schedlint: example\.crt holds no private key$/],
      [['example.crt', '--ca', 'notes.txt'], /^schedlint: notes\.txt holds no certificate to trust$/],
      [['example.crt', '--format', 'xml'], /--format does not take 'xml'/],
      [['example.crt', '--days', 'soon'], /--days does not take 'soon'/],
      [['example.crt', '--rule', 'crontab/never-runs=off'], /unknown rule: 'crontab\/never-runs'/],
      [[], /give the certificate to check/],
      [['example.crt', '--keys', 'x'], /--keys/],
    ];
    for (const [args, message] of cases) {
      const run = cert(args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stdout}${run.stderr}`);
      assert.match(run.stderr.split('\n')[0], message, args.join(' '));
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    }
    const help = cert(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: schedlint cert CERT/);
    assert.match(help.stdout, /Nothing is fetched from the network \(no AIA, no OCSP\)/);
  });
});
