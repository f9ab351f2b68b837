// Input that is not what a linter expects, and bugs in schedlint itself (issue #18): a rule that throws is one
// `internal/rule-error` finding naming it, beside every other rule's findings, in every linter family; a file
// whose checking throws is one such finding and the scan goes on; binary files, bytes that are not UTF-8 and a
// byte-order mark are one clear finding each; a certificate that cannot be decoded is one finding.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { lintCertbotFile } from '../../server/src/engine/certbot/lint-certbot';
import { readCertificateBundle } from '../../server/src/engine/certbot/pem';
import { HostFacts } from '../../server/src/engine/host/facts';
import { MemoryHost, type MemoryFile } from '../../server/src/engine/host/memory-host';
import { lintRepository } from '../../server/src/engine/install/repository';
import { lintCrontab } from '../../server/src/engine/lint';
import { isRuleError, RULE_ERROR_ID } from '../../server/src/engine/rule';
import { crontabRules } from '../../server/src/engine/rules';
import { certbotRules } from '../../server/src/engine/rules/certbot';
import { hostRules } from '../../server/src/engine/rules/schedule';
import { unitRules } from '../../server/src/engine/rules/systemd';
import { buildHostInventory } from '../../server/src/engine/schedule/inventory';
import { hostScheduleFindings } from '../../server/src/engine/schedule/host-findings';
import { lintHostFile } from '../../server/src/engine/scan';
import { lintUnit } from '../../server/src/engine/systemd/lint-unit';
import { inspectText } from '../../server/src/engine/text-check';
import { firstInvalidUtf8 } from '../../server/src/engine/util/utf8';
import { applyEdits } from '../support/apply-edits';
import type { Finding, Locale } from '../../server/src/engine/types';
import { hasOpenssl } from '../support/certificates';

const PASSWD = 'root:x:0:0:root:/root:/bin/bash\n';
const ids = (findings: readonly Finding[]) => findings.map((finding) => `${finding.ruleId}:${finding.range.start.line}`).sort();

/** Runs `body` with a rule that throws added to `rules` (the registries are plain arrays). */
function withThrowingRule<T>(rules: readonly { id: string }[], id: string, body: () => T): T {
  const list = rules as { id: string; meta: unknown; check: unknown }[];
  list.push({ id, meta: { defaultSeverity: 'error', fixable: false }, check: () => { throw new TypeError("Cannot read properties of undefined (reading 'x')"); } });
  try {
    return body();
  } finally {
    list.pop();
  }
}

function assertOneRuleError(withBug: Finding[], without: Finding[], ruleId: string, locale: Locale = 'en'): void {
  const errors = withBug.filter(isRuleError);
  assert.equal(errors.length, 1, JSON.stringify(withBug.map((finding) => finding.message)));
  assert.equal(errors[0].ruleId, RULE_ERROR_ID);
  assert.equal(errors[0].severity, 'error');
  assert.ok(errors[0].message.includes(ruleId), errors[0].message);
  assert.ok(errors[0].message.includes('https://github.com/schedlint/schedlint/issues'), errors[0].message);
  if (locale === 'ja') assert.match(errors[0].message, /バグ/);
  assert.deepEqual(ids(withBug.filter((finding) => !isRuleError(finding))), ids(without));
  assert.ok(without.length > 0, 'the other rules have findings to keep');
}

test('a throwing crontab rule is one internal/rule-error finding, and the other rules still report (en, ja)', () => {
  const facts = new HostFacts(new MemoryHost({ '/etc/passwd': PASSWD }));
  const text = '* * * * * root /bin/true\n0 0 31 2 * root /bin/true\n';
  for (const locale of ['en', 'ja'] as const) {
    const without = lintCrontab({ text, path: '/etc/cron.d/app', facts, locale }).findings;
    const withBug = withThrowingRule(crontabRules, 'crontab/test-bug', () => lintCrontab({ text, path: '/etc/cron.d/app', facts, locale }).findings);
    assertOneRuleError(withBug, without, 'crontab/test-bug', locale);
  }
});

test('a throwing unit rule is one internal/rule-error finding', () => {
  const facts = new HostFacts(new MemoryHost({}));
  const text = '[Timer]\nOnCalendar=daily\nBogus=1\n';
  const without = lintUnit({ text, path: '/etc/systemd/system/x.timer', facts }).findings;
  const withBug = withThrowingRule(unitRules, 'systemd/test-bug', () => lintUnit({ text, path: '/etc/systemd/system/x.timer', facts }).findings);
  assertOneRuleError(withBug, without, 'systemd/test-bug');
});

test('a throwing certbot rule is one internal/rule-error finding', () => {
  const facts = new HostFacts(new MemoryHost({}));
  const text = '[renewalparams]\nauthenticator = webroot\nbogus_key = 1\n';
  const path = '/etc/letsencrypt/renewal/x.conf';
  const without = lintCertbotFile({ text, path, facts }).findings;
  const withBug = withThrowingRule(certbotRules, 'certbot/test-bug', () => lintCertbotFile({ text, path, facts }).findings);
  assertOneRuleError(withBug, without, 'certbot/test-bug');
});

test('a throwing host-schedule rule is one internal/rule-error finding', () => {
  const facts = new HostFacts(new MemoryHost({ '/etc/passwd': PASSWD, '/etc/crontab': '17 * * * * root /bin/true\n' }));
  const inventory = buildHostInventory(facts);
  const withBug = withThrowingRule(hostRules, 'schedule/test-bug', () => hostScheduleFindings(inventory, { from: 0 }));
  const all = [...withBug.values()].flat();
  assert.equal(all.filter(isRuleError).length, 1);
  assert.ok(all[0].message.includes('schedule/test-bug'));
});

test('a file whose checking throws outside any rule is one finding; the scan and the repository go on', () => {
  class BrokenFacts extends HostFacts {
    override timeZone(): string {
      throw new RangeError('boom');
    }
  }
  const host = new MemoryHost({ '/etc/passwd': PASSWD, '/etc/cron.d/app': '17 * * * * root /bin/true\n' });
  const report = lintHostFile('/etc/cron.d/app', { facts: new BrokenFacts(host), locale: 'en' });
  assert.equal(report.kind, 'internal-error');
  assert.deepEqual(report.findings.map((finding) => finding.ruleId), [RULE_ERROR_ID]);
  assert.match(report.findings[0].message, /lintHostFile.*boom/);

  const repo = new MemoryHost({ '/a/crontab': '17 * * * * /bin/true\n', '/b/crontab': '17 * * * * /bin/true\n' });
  const lint = lintRepository('/', { facts: new BrokenFacts(repo), locale: 'en' });
  assert.deepEqual(lint.reports.map((entry) => [entry.path, entry.kind, entry.findings.map((finding) => finding.ruleId)]), [
    ['/a/crontab', 'internal-error', [RULE_ERROR_ID]],
    ['/b/crontab', 'internal-error', [RULE_ERROR_ID]],
  ]);
});

test('a host file whose reading throws is one finding in the lint and in the host schedule; the rest of the schedule stays', () => {
  class FaultyHost extends MemoryHost {
    override readText(file: string) {
      if (file === '/etc/cron.d/bad') throw new Error('EIO: simulated');
      return super.readText(file);
    }
  }
  const host = new FaultyHost({ '/etc/passwd': PASSWD, '/etc/cron.d/bad': '17 * * * * root /bin/true\n', '/etc/cron.d/good': '17 * * * * root /usr/bin/good\n' });
  const facts = new HostFacts(host);
  assert.deepEqual(lintHostFile('/etc/cron.d/bad', { facts, locale: 'ja' }).findings.map((finding) => finding.ruleId), [RULE_ERROR_ID]);
  const inventory = buildHostInventory(facts);
  assert.deepEqual(inventory.jobs.map((job) => job.path), ['/etc/cron.d/good']);
  const findings = hostScheduleFindings(inventory, { from: 0, locale: 'en' });
  assert.deepEqual(findings.get('/etc/cron.d/bad')?.map((finding) => finding.ruleId), [RULE_ERROR_ID]);
  assert.match(findings.get('/etc/cron.d/bad')?.[0].message ?? '', /buildHostInventory.*EIO: simulated/);
});

// ---- Files that are not UTF-8 text ----

function hostWith(file: string, bytes: Uint8Array): MemoryHost {
  const entry: MemoryFile = { bytes };
  return new MemoryHost({ '/etc/passwd': PASSWD, [file]: entry, '/etc/systemd/system/x.service': '[Service]\nExecStart=/bin/true\n' });
}

function lintBytes(file: string, bytes: Uint8Array, locale: Locale = 'en'): Finding[] {
  return lintHostFile(file, { facts: new HostFacts(hostWith(file, bytes)), locale }).findings;
}

const ELF = fs.readFileSync(process.execPath).subarray(0, 64 * 1024);

test('an ELF binary in /etc/cron.d is one file/not-text finding (it was 144 findings of garbage)', () => {
  for (const locale of ['en', 'ja'] as const) {
    const findings = lintBytes('/etc/cron.d/tool', ELF, locale);
    assert.deepEqual(findings.map((finding) => `${finding.ruleId}.${finding.messageId}`), ['file/not-text.binary']);
    assert.equal(findings[0].severity, 'error');
  }
  assert.match(lintBytes('/etc/cron.d/tool', ELF)[0].message, /not a text file \(it contains NUL bytes\).*cron/);
});

test('a binary .timer and a binary renewal file are one file/not-text finding each (the timer gave none)', () => {
  assert.deepEqual(lintBytes('/etc/systemd/system/x.timer', ELF).map((finding) => finding.ruleId), ['file/not-text']);
  assert.match(lintBytes('/etc/systemd/system/x.timer', ELF)[0].message, /systemd/);
  assert.deepEqual(lintBytes('/etc/letsencrypt/renewal/x.conf', ELF).map((finding) => finding.ruleId), ['file/not-text']);
});

test('a Latin-1 crontab is reported at the byte that is not UTF-8, not silently decoded', () => {
  const bytes = Buffer.from('17 * * * * root /bin/true\n0 1 * * * root echo caf\xe9\n', 'latin1');
  const findings = lintBytes('/etc/cron.d/latin', bytes).filter((finding) => finding.ruleId === 'file/not-utf8');
  assert.equal(findings.length, 1);
  assert.equal(findings[0].range.start.line, 1);
  assert.match(findings[0].message, /byte offset 49 \(line 2\)/);
  // The same text from an editor, where the byte became U+FFFD.
  const editor = lintCrontab({ text: bytes.toString('utf8'), path: '/etc/cron.d/latin', facts: new HostFacts(new MemoryHost({ '/etc/passwd': PASSWD })) }).findings;
  assert.deepEqual(editor.filter((finding) => finding.ruleId === 'file/not-utf8').map((finding) => [finding.messageId, finding.range.start.line]), [['crontab-editor', 1]]);
});

test('a unit line that is not UTF-8 fails the unit (systemd conf-parser); in a comment it is only noted', () => {
  const bad = lintBytes('/etc/systemd/system/x.timer', Buffer.from('[Unit]\nDescription=caf\xe9\n[Timer]\nOnCalendar=daily\n', 'latin1'));
  assert.deepEqual(bad.filter((finding) => finding.ruleId === 'file/not-utf8').map((finding) => [finding.severity, finding.range.start.line]), [['error', 1]]);
  const comment = lintBytes('/etc/systemd/system/x.timer', Buffer.from('[Timer]\n# caf\xe9\nOnCalendar=daily\n', 'latin1'));
  assert.deepEqual(comment.filter((finding) => finding.ruleId === 'file/not-utf8').map((finding) => finding.severity), ['info']);
});

test('a byte-order mark is one finding that names it, and no message prints an invisible U+FEFF', () => {
  const bom = Buffer.from('\ufeff17 * * * * root /bin/true\n', 'utf8');
  for (const locale of ['en', 'ja'] as const) {
    const findings = lintBytes('/etc/cron.d/bom', bom, locale);
    assert.deepEqual(findings.map((finding) => finding.ruleId), ['file/byte-order-mark']);
    assert.ok(findings.every((finding) => !finding.message.includes('\ufeff')));
    assert.match(findings[0].message, /EF BB BF/);
  }
  const unit = lintBytes('/etc/systemd/system/x.timer', Buffer.from('\ufeff[Timer]\nOnCalendar=daily\n', 'utf8'));
  assert.deepEqual(unit.filter((finding) => finding.ruleId === 'file/byte-order-mark').map((finding) => finding.severity), ['info']);
});

test('the byte-order mark has a safe fix that deletes the mark and nothing else, in every format (stranger report 15)', () => {
  const cases: [string, string][] = [
    ['/etc/cron.d/bom', '\ufeff17 * * * * root /bin/true\n'],
    ['/etc/systemd/system/x.timer', '\ufeff[Timer]\nOnCalendar=daily\n'],
    ['/etc/letsencrypt/renewal/x.conf', '\ufeffversion = 2.1.0\n'],
  ];
  for (const [file, text] of cases) {
    const finding = lintBytes(file, Buffer.from(text, 'utf8')).find((candidate) => candidate.ruleId === 'file/byte-order-mark');
    const fix = finding?.fixes?.[0];
    assert.ok(fix?.isPreferred && fix.safe, `${file}: a preferred safe fix`);
    assert.equal(applyEdits(text, fix.edits), text.slice(1), file);
  }
});

test('inspectText and firstInvalidUtf8 on the edge cases', () => {
  assert.equal(firstInvalidUtf8(Buffer.from('plain ascii')), -1);
  assert.equal(firstInvalidUtf8(Buffer.from('日本語 ✓ 😀', 'utf8')), -1);
  assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80])), 1); // overlong
  assert.equal(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80])), 0); // surrogate
  assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xe3, 0x81])), 2); // cut short
  assert.equal(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80])), 0); // above U+10FFFF
  // A real U+FFFD in a file that is valid UTF-8 is not a problem when the bytes were checked.
  assert.deepEqual(inspectText('x \uFFFD y\n', { valid: true }), []);
  // Escape sequences do not make a file binary (hostile crontabs are text and get linted).
  assert.deepEqual(inspectText('\x1b[2J\x1b]0;title\x07 * * * * root true\n'.repeat(3)), []);
});

// ---- A certificate that cannot be decoded ----

const needsOpenssl = hasOpenssl() ? {} : { skip: 'openssl is not installed (apt-get install openssl)' };

test('a corrupted certificate is one finding that says what is wrong, and the other certificate rules stay quiet', needsOpenssl, () => {
  const dir = fs.mkdtempSync('/tmp/schedlint-badcert-');
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${dir}/key.pem`, '-out', `${dir}/cert.pem`, '-subj', '/CN=x.example', '-days', '30'], { stdio: 'ignore' });
    const good = fs.readFileSync(`${dir}/cert.pem`, 'utf8');
    const key = fs.readFileSync(`${dir}/key.pem`, 'utf8');
    // Corrupt one base64 character at a time until Node reads the certificate but not its public key: the
    // case that made five rules report "internal error … decode error" at once.
    const lines = good.split('\n');
    let badKey: string | undefined;
    for (let line = 1; line < lines.length - 2 && !badKey; line++) {
      for (let at = 0; at < lines[line].length && !badKey; at++) {
        const copy = lines.slice();
        copy[line] = copy[line].slice(0, at) + (copy[line][at] === 'A' ? 'B' : 'A') + copy[line].slice(at + 1);
        if (readCertificateBundle(copy.join('\n')).problem === 'bad-key') badKey = copy.join('\n');
      }
    }
    assert.ok(badKey, 'found a corruption of the public key');
    const cases: [string, string, RegExp][] = [
      ['bad-key', badKey, /public key inside the certificate cannot be decoded \(OpenSSL: decode error\)/],
      ['bad-base64', '-----BEGIN CERTIFICATE-----\nMIIB!!!notbase64$$$\n-----END CERTIFICATE-----\n', /not valid base64/],
      ['not-certificate', '-----BEGIN CERTIFICATE-----\nAAAAAAAAAAAA\n-----END CERTIFICATE-----\n', /not an X\.509 certificate/],
    ];
    for (const [name, cert, message] of cases) {
      const files: Record<string, string | MemoryFile> = {};
      for (const [kind, text] of Object.entries({ cert, privkey: key, chain: good, fullchain: cert + good })) {
        files[`/etc/letsencrypt/archive/x/${kind}1.pem`] = text;
        files[`/etc/letsencrypt/live/x/${kind}.pem`] = { link: `../../archive/x/${kind}1.pem` };
      }
      const text = ['cert', 'privkey', 'chain', 'fullchain'].map((kind) => `${kind} = /etc/letsencrypt/live/x/${kind}.pem`).join('\n') + '\narchive_dir = /etc/letsencrypt/archive/x\n[renewalparams]\nauthenticator = nginx\n';
      const path = '/etc/letsencrypt/renewal/x.conf';
      files[path] = text;
      for (const locale of ['en', 'ja'] as const) {
        const findings = lintCertbotFile({ text, path, facts: new HostFacts(new MemoryHost(files)), locale, now: new Date() }).findings;
        assert.deepEqual(findings.filter(isRuleError), [], name);
        // cert.pem and fullchain.pem (which holds the same broken block): one finding each, nothing else.
        assert.deepEqual(findings.map((finding) => `${finding.ruleId}.${finding.messageId}:${finding.range.start.line}`), ['certbot/missing-file.bad-certificate:0', 'certbot/missing-file.bad-certificate:3'], name);
        if (locale === 'en') assert.match(findings[0].message, message, name);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
