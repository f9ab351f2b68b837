// The certificate rules and hovers on lineages made with the real openssl at test time: a root, two
// intermediates, RSA and EC leaves, a mismatched key, a wrong intermediate, a stale fullchain, short-lived and
// expired certificates, and an archive whose cert2.pem dropped a name of cert1.pem. Files are written into a
// temp folder read through FsHost (real symlinks, as certbot makes them); missing and unreadable files use MemoryHost.
import { CORPUS_ROOT } from '../support/paths';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  describeCertificateFile,
  describePrivateKeyMatch,
  inspectLineage,
  parseRenewalInterval,
  renewalWindow,
  subjectAltNames,
} from '../../server/src/engine/certbot/certificates';
import { PUBLIC_KEY_STAND_IN, readCertificateBundle, readPublicKeyOfPrivateKey } from '../../server/src/engine/certbot/pem';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { FsHost } from '../../server/src/engine/host/fs-host';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import type { Host } from '../../server/src/engine/host/host';
import { certificateRules } from '../../server/src/engine/rules/certbot/certificate-rules';
import type { Locale } from '../../server/src/engine/types';
import { TestPki, hasOpenssl, renewalText, runCertbotRules, simpleRenewalDocument, writeLineage, type Authority, type IssuedCertificate } from '../support/certificates';

const NOW = new Date('2025-02-15T00:00:00Z');
const RENEWAL = (name: string) => `/etc/letsencrypt/renewal/${name}.conf`;

// openssl is part of every Debian/Ubuntu base image and .ci/run installs it; without it these tests cannot make
// their certificates, and are reported as skipped with the reason instead of passing.
const OPENSSL = hasOpenssl();
const needsOpenssl = OPENSSL ? {} : { skip: 'openssl is not installed (apt-get install openssl)' };

let pki: TestPki;
let root: Authority;
let intermediateA: Authority;
let intermediateB: Authority;
let hostRoot: string;
let host: FsHost;
const texts = new Map<string, string>();
const leaves = new Map<string, IssuedCertificate>();

function lineage(name: string, versions: Parameters<typeof writeLineage>[2], extra = ''): void {
  texts.set(name, writeLineage(hostRoot, name, versions, extra));
}

before(() => {
  if (!OPENSSL) return;
  pki = new TestPki();
  root = pki.root('schedlint Test Root');
  intermediateA = pki.intermediate(root, 'schedlint Test CA A');
  intermediateB = pki.intermediate(root, 'schedlint Test CA B');
  hostRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-le-'));
  host = new FsHost(hostRoot);
  const days90 = { start: '2025-01-01', end: '2025-04-01' };
  const issue = (name: string, names: string[], options: Parameters<TestPki['leaf']>[2], issuer = intermediateA) => {
    const leaf = pki.leaf(issuer, names, options);
    leaves.set(name, leaf);
    return leaf;
  };

  const good = issue('good', ['good.example', 'www.good.example', '192.0.2.10'], days90);
  lineage('good', [{ cert: good.certPem, privkey: good.keyPem, chain: intermediateA.certPem }]);
  const ec = issue('ec', ['ec.example'], { ...days90, keyType: 'ec' });
  lineage('ec', [{ cert: ec.certPem, privkey: ec.keyPem, chain: intermediateA.certPem + root.certPem }]);

  const mismatch = issue('mismatch', ['mismatch.example'], days90);
  lineage('mismatch', [{ cert: mismatch.certPem, privkey: pki.key('rsa').pem, chain: intermediateA.certPem }]);
  const ecKeyForRsa = issue('ec-key', ['eckey.example'], days90);
  lineage('ec-key', [{ cert: ecKeyForRsa.certPem, privkey: pki.key('ec').pem, chain: intermediateA.certPem }]);

  const otherIssuer = issue('wrong-chain', ['wrongchain.example'], days90, intermediateB);
  lineage('wrong-chain', [{ cert: otherIssuer.certPem, privkey: otherIssuer.keyPem, chain: intermediateA.certPem }]);
  const brokenLink = issue('broken-link', ['brokenlink.example'], days90);
  lineage('broken-link', [{ cert: brokenLink.certPem, privkey: brokenLink.keyPem, chain: intermediateA.certPem + intermediateB.certPem }]);
  const staleFull = issue('stale-fullchain', ['stale.example'], days90);
  lineage('stale-fullchain', [{ cert: staleFull.certPem, privkey: staleFull.keyPem, chain: intermediateA.certPem, fullchain: good.certPem + intermediateA.certPem }]);
  const otherFull = issue('other-intermediate', ['otherint.example'], days90);
  lineage('other-intermediate', [{ cert: otherFull.certPem, privkey: otherFull.keyPem, chain: intermediateA.certPem, fullchain: otherFull.certPem + intermediateB.certPem }]);

  const expired = issue('expired', ['expired.example'], { start: '2024-10-01', end: '2024-12-30' });
  lineage('expired', [{ cert: expired.certPem, privkey: expired.keyPem, chain: intermediateA.certPem }]);
  const shortLived = issue('short', ['short.example'], { start: '2025-02-10', end: '2025-02-16' });
  lineage('short', [{ cert: shortLived.certPem, privkey: shortLived.keyPem, chain: intermediateA.certPem }]);
  lineage('configured', [{ cert: good.certPem, privkey: good.keyPem, chain: intermediateA.certPem }], 'renew_before_expiry = 10 days');

  const both = issue('sans-1', ['a.example', 'b.example'], { start: '2024-11-01', end: '2025-01-30' });
  const onlyA = issue('sans-2', ['a.example'], days90);
  lineage('sans', [
    { cert: both.certPem, privkey: both.keyPem, chain: intermediateA.certPem },
    { cert: onlyA.certPem, privkey: onlyA.keyPem, chain: intermediateA.certPem },
  ]);
  const onlyAFirst = issue('sans-grow-1', ['a.example'], { start: '2024-11-01', end: '2025-01-30' });
  const grown = issue('sans-grow-2', ['A.example', 'b.example'], days90);
  lineage('sans-grow', [
    { cert: onlyAFirst.certPem, privkey: onlyAFirst.keyPem, chain: intermediateA.certPem },
    { cert: grown.certPem, privkey: grown.keyPem, chain: intermediateA.certPem },
  ]);
  for (const [name, text] of texts) {
    fs.mkdirSync(path.join(hostRoot, 'etc/letsencrypt/renewal'), { recursive: true });
    fs.writeFileSync(path.join(hostRoot, RENEWAL(name)), text);
  }
});

after(() => {
  pki?.remove();
  if (hostRoot) fs.rmSync(hostRoot, { recursive: true, force: true });
});

/** `rule:messageId:severity@line` for every finding of the certificate rules. */
function lint(name: string, options: { now?: Date; on?: Host; text?: string; locale?: Locale; expiryDays?: number } = {}) {
  return runCertbotRules(certificateRules, {
    host: options.on ?? host,
    text: options.text ?? texts.get(name) ?? renewalText(name),
    path: RENEWAL(name),
    certName: name,
    now: options.now ?? NOW,
    locale: options.locale,
    expiryDays: options.expiryDays,
  });
}

function summary(findings: ReturnType<typeof lint>): string[] {
  return findings.map((finding) => `${finding.ruleId}:${finding.messageId}:${finding.severity}@${finding.range.start.line}`);
}

const LINE = { archive_dir: 2, cert: 3, privkey: 4, chain: 5, fullchain: 6 };

describe('healthy lineages', needsOpenssl, () => {
  test('RSA leaf with its intermediate, EC leaf with intermediate + root: nothing to report', () => {
    assert.deepEqual(summary(lint('good')), []);
    assert.deepEqual(summary(lint('ec')), []);
  });

  test('facts: names, issuer, dates, key, match, chain, fullchain, version', () => {
    const facts = inspectLineage(host, simpleRenewalDocument(texts.get('good')!), NOW);
    assert.deepEqual(facts.leaf?.dnsNames, ['good.example', 'www.good.example']);
    assert.deepEqual(facts.leaf?.ipAddresses, ['192.0.2.10']);
    assert.equal(facts.leaf?.commonName, 'good.example');
    assert.equal(facts.leaf?.issuer, 'CN=schedlint Test CA A');
    assert.equal(facts.leaf?.notBefore.toISOString(), '2025-01-01T00:00:00.000Z');
    assert.equal(facts.leaf?.notAfter.toISOString(), '2025-04-01T00:00:00.000Z');
    assert.equal(facts.leaf?.daysLeft, 45);
    assert.deepEqual(facts.leaf?.key, { type: 'rsa', bits: 2048, curve: undefined });
    assert.equal(facts.keyMatch, 'match');
    assert.deepEqual(facts.chain, { status: 'issued' });
    assert.equal(facts.fullchain, 'same');
    assert.equal(facts.version, 1);
    assert.equal(facts.files.cert?.target, '/etc/letsencrypt/archive/good/cert1.pem');
    assert.equal(facts.previous, undefined);
    assert.equal(facts.archiveDir?.status, 'ok');
    const ec = inspectLineage(host, simpleRenewalDocument(texts.get('ec')!), NOW);
    assert.deepEqual(ec.leaf?.key, { type: 'ec', bits: undefined, curve: 'P-256' });
    assert.equal(ec.keyMatch, 'match');
    assert.deepEqual(ec.chain, { status: 'issued' });
  });
});

describe('certbot/key-mismatch', needsOpenssl, () => {
  test('fires on a privkey of another certificate (RSA for RSA, EC for RSA), on the privkey line', () => {
    for (const name of ['mismatch', 'ec-key']) {
      const findings = lint(name).filter((finding) => finding.ruleId === 'certbot/key-mismatch');
      assert.deepEqual(summary(findings), [`certbot/key-mismatch:mismatch:error@${LINE.privkey}`], name);
      assert.match(findings[0].message, new RegExp(`/etc/letsencrypt/live/${name}/privkey.pem is not the key of the certificate in /etc/letsencrypt/live/${name}/cert.pem`));
      assert.equal(findings[0].related?.[0].range.start.line, LINE.cert);
      assert.doesNotMatch(findings[0].message, /BEGIN|PRIVATE/);
    }
  });

  test('a key this user cannot read is not reported; the hover says so', () => {
    const memory = memoryLineage('locked', leaves.get('mismatch')!, { privkeyUnreadable: true });
    assert.deepEqual(summary(lint('locked', { on: memory })), []);
    assert.equal(
      describePrivateKeyMatch(memory, '/etc/letsencrypt/live/locked/privkey.pem', '/etc/letsencrypt/live/locked/cert.pem', 'en'),
      "Can't read the private key as this user; match not checked.",
    );
  });

  test('hover on privkey: matches / does not match, never key material', () => {
    const good = describePrivateKeyMatch(host, '/etc/letsencrypt/live/good/privkey.pem', '/etc/letsencrypt/live/good/cert.pem', 'en');
    assert.equal(good, 'The private key matches the certificate (/etc/letsencrypt/live/good/cert.pem).');
    const bad = describePrivateKeyMatch(host, '/etc/letsencrypt/live/mismatch/privkey.pem', '/etc/letsencrypt/live/mismatch/cert.pem', 'ja');
    assert.match(bad, /対になって\*\*いません\*\*/);
    assert.doesNotMatch(good + bad, /BEGIN|MII/);
  });
});

describe('certbot/chain-mismatch', needsOpenssl, () => {
  test('fires when chain.pem did not issue cert.pem, naming both issuers', () => {
    const findings = lint('wrong-chain');
    assert.deepEqual(summary(findings), [`certbot/chain-mismatch:not-issued:error@${LINE.chain}`]);
    assert.match(findings[0].message, /issued by "CN=schedlint Test CA B", but \/etc\/letsencrypt\/live\/wrong-chain\/chain.pem starts with "CN=schedlint Test CA A"/);
  });

  test('fires when a certificate of the chain was not issued by the next one', () => {
    const findings = lint('broken-link');
    assert.deepEqual(summary(findings), [`certbot/chain-mismatch:broken-link:error@${LINE.chain}`]);
    assert.match(findings[0].message, /certificate 1 \("CN=schedlint Test CA A"\) was not issued by the one after it \("CN=schedlint Test CA B"\)/);
  });

  test('fires when fullchain.pem is not cert + chain (another leaf; other intermediates)', () => {
    assert.deepEqual(summary(lint('stale-fullchain')), [`certbot/chain-mismatch:fullchain-leaf:error@${LINE.fullchain}`]);
    assert.deepEqual(summary(lint('other-intermediate')), [`certbot/chain-mismatch:fullchain-chain:error@${LINE.fullchain}`]);
  });
});

describe('certbot/cert-expiring', needsOpenssl, () => {
  test('quiet before the renewal point and during the day of grace after it', () => {
    // Default for a 90-day certificate: 30 days before notAfter (2025-03-02), plus a day for the timer.
    assert.deepEqual(summary(lint('good', { now: new Date('2025-03-02T12:00:00Z') })), []);
    assert.deepEqual(summary(lint('good', { now: new Date('2025-03-02T23:59:00Z') })), []);
  });

  test('warns once certbot should have renewed (default), with the date and days left', () => {
    const findings = lint('good', { now: new Date('2025-03-20T00:00:00Z') });
    assert.deepEqual(summary(findings), [`certbot/cert-expiring:expiring:warning@${LINE.cert}`]);
    assert.equal(findings[0].message,
      "The certificate expires on 2025-04-01 (12 days left), and certbot should have renewed it from 2025-03-02 on (certbot's default): automatic renewal is failing or not running. Run `sudo certbot renew --dry-run --cert-name good` to see why.");
  });

  test('renew_before_expiry moves the point: 10 days', () => {
    assert.deepEqual(summary(lint('configured', { now: new Date('2025-03-20T00:00:00Z') })), []);
    const findings = lint('configured', { now: new Date('2025-03-25T00:00:00Z') });
    assert.deepEqual(summary(findings), [`certbot/cert-expiring:expiring:warning@${LINE.cert}`]);
    assert.match(findings[0].message, /7 days left.*from 2025-03-22 on \(`renew_before_expiry = 10 days`\)/);
  });

  test('expired: error with the date, in both languages', () => {
    assert.deepEqual(summary(lint('expired')), [`certbot/cert-expiring:expired:error@${LINE.cert}`]);
    assert.match(lint('expired')[0].message, /expired on 2024-12-30/);
    assert.match(lint('expired', { locale: 'ja' })[0].message, /2024-12-30 に有効期限が切れて/);
  });

  test('certificates.expiryDays (.schedlint.yaml): warns below the threshold before certbot\'s window, once', () => {
    // 2025-02-20: 40 days left, certbot renews from 2025-03-02.
    const early = new Date('2025-02-20T00:00:00Z');
    assert.deepEqual(summary(lint('good', { now: early })), []);
    assert.deepEqual(summary(lint('good', { now: early, expiryDays: 40 })), []);
    const findings = lint('good', { now: early, expiryDays: 45 });
    assert.deepEqual(summary(findings), [`certbot/cert-expiring:threshold:warning@${LINE.cert}`]);
    assert.match(findings[0].message, /40 days left\), fewer than the 45 days set in certificates\.expiryDays; certbot renews it from 2025-03-02 on/);
    assert.match(lint('good', { now: early, expiryDays: 45, locale: 'ja' })[0].message, /設定した 45 日を下回っています/);
    // Past certbot's point the usual message says more (renewal is failing), and says it alone.
    assert.deepEqual(summary(lint('good', { now: new Date('2025-03-20T00:00:00Z'), expiryDays: 45 })), [`certbot/cert-expiring:expiring:warning@${LINE.cert}`]);
  });

  test('a 6-day certificate renews at half its life: quiet on day 3, warns on day 5', () => {
    assert.deepEqual(summary(lint('short', { now: new Date('2025-02-13T12:00:00Z') })), []);
    const findings = lint('short', { now: new Date('2025-02-15T00:00:00Z') });
    assert.deepEqual(summary(findings), [`certbot/cert-expiring:expiring:warning@${LINE.cert}`]);
    assert.match(findings[0].message, /1 day left.*from 2025-02-13 on/);
    assert.deepEqual(summary(lint('short', { now: new Date('2025-02-16T00:00:00Z') })), [`certbot/cert-expiring:expired:error@${LINE.cert}`]);
  });
});

describe('certbot/san-removed', needsOpenssl, () => {
  test('cert2.pem dropped b.example that cert1.pem had', () => {
    const findings = lint('sans');
    assert.deepEqual(summary(findings), [`certbot/san-removed:removed:warning@${LINE.cert}`]);
    assert.match(findings[0].message, /no longer covers b\.example, which the previous one \(\/etc\/letsencrypt\/archive\/sans\/cert1\.pem\) had/);
    assert.match(findings[0].message, /--cert-name sans -d a\.example -d b\.example/);
    assert.equal(findings[0].related?.[0].path, '/etc/letsencrypt/archive/sans/cert1.pem');
  });

  test('names added (or only their case changed) are fine; a first certificate has nothing to compare', () => {
    assert.deepEqual(summary(lint('sans-grow')), []);
    assert.deepEqual(summary(lint('good')), []);
  });
});

/** A lineage in memory: live links into archive, optional unreadable key, overrides per file. */
function memoryLineage(name: string, leaf: IssuedCertificate, options: { privkeyUnreadable?: boolean; files?: Record<string, string | object | undefined> } = {}): MemoryHost {
  const archive = `/etc/letsencrypt/archive/${name}`;
  const live = `/etc/letsencrypt/live/${name}`;
  const memory = new MemoryHost({
    [`${archive}/cert1.pem`]: leaf.certPem,
    [`${archive}/chain1.pem`]: intermediateA.certPem,
    [`${archive}/fullchain1.pem`]: leaf.certPem + intermediateA.certPem,
    [`${archive}/privkey1.pem`]: { text: leaf.keyPem, mode: 0o600, unreadable: options.privkeyUnreadable },
  });
  for (const kind of ['cert', 'chain', 'fullchain', 'privkey']) memory.set(`${live}/${kind}.pem`, { link: `../../archive/${name}/${kind}1.pem` });
  for (const [file, value] of Object.entries(options.files ?? {})) if (value !== undefined) memory.set(file, value as string);
  return memory;
}

describe('public-key stand-in for a private key (trees from contrib/ansible/schedlint-collect.yml)', needsOpenssl, () => {
  const publicPem = (keyPem: string) => createPublicKey(createPrivateKey(keyPem)).export({ type: 'spki', format: 'pem' }) as string;
  const standIn = (body: string) => `${PUBLIC_KEY_STAND_IN}\n${body}`;
  const keyFindings = (memory: Host) => summary(lint('fleet', { on: memory }).filter((finding) => finding.ruleId === 'certbot/key-mismatch' || finding.ruleId === 'certbot/missing-file'));

  test('the public key computed on the host is compared like the private key would be', () => {
    const good = leaves.get('good')!;
    const matching = memoryLineage('fleet', good, { files: { '/etc/letsencrypt/archive/fleet/privkey1.pem': standIn(publicPem(good.keyPem)) } });
    assert.equal(inspectLineage(matching, simpleRenewalDocument(renewalText('fleet')), NOW).keyMatch, 'match');
    assert.deepEqual(keyFindings(matching), []);
    const other = memoryLineage('fleet', good, { files: { '/etc/letsencrypt/archive/fleet/privkey1.pem': standIn(publicPem(pki.key('rsa').pem)) } });
    assert.deepEqual(keyFindings(other), [`certbot/key-mismatch:mismatch:error@${LINE.privkey}`]);
  });

  test('a stand-in without a key (openssl missing on the host) judges nothing; a bare public key is still no key', () => {
    const good = leaves.get('good')!;
    const empty = memoryLineage('fleet', good, { files: { '/etc/letsencrypt/archive/fleet/privkey1.pem': standIn('') } });
    assert.equal(inspectLineage(empty, simpleRenewalDocument(renewalText('fleet')), NOW).keyMatch, 'unknown');
    assert.deepEqual(keyFindings(empty), []);
    assert.deepEqual(readPublicKeyOfPrivateKey(publicPem(good.keyPem)), { ok: false, problem: 'no-pem' });
    assert.deepEqual(readPublicKeyOfPrivateKey(standIn('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n')), { ok: false, problem: 'bad-block' });
  });
});

describe('certbot/missing-file', needsOpenssl, () => {
  test('a renewal file whose lineage is not on the host: one finding listing the files, not five (issue #19)', () => {
    const findings = lint('gone', { on: new MemoryHost({}) });
    assert.deepEqual(summary(findings), [`certbot/missing-file:lineage-missing:error@${LINE.cert}`]);
    assert.match(findings[0].message, /^The certificate lineage `gone` is not on this host: 5 paths this renewal file names do not exist \(\/etc\/letsencrypt\/live\/gone\/cert\.pem, \/etc\/letsencrypt\/live\/gone\/privkey\.pem, .*\/etc\/letsencrypt\/archive\/gone\)/);
    assert.deepEqual(findings[0].related?.map((related) => related.range.start.line), [LINE.privkey, LINE.chain, LINE.fullchain, LINE.archive_dir]);
    const ja = lint('gone', { on: new MemoryHost({}), locale: 'ja' });
    assert.match(ja[0].message, /^証明書のリネージ `gone` がこのホストにありません。この更新設定ファイルが指す 5 個のパスが存在しません（/);
  });

  test('one missing file is reported on its own line, with what to restore', () => {
    const memory = memoryLineage('one', leaves.get('good')!);
    const text = renewalText('one').replace('/live/one/chain.pem', '/live/one/chain-old.pem');
    const findings = lint('one', { on: memory, text });
    assert.deepEqual(summary(findings), [`certbot/missing-file:missing:error@${LINE.chain}`]);
    assert.match(findings[0].message, /`chain` points at \/etc\/letsencrypt\/live\/one\/chain-old\.pem, which does not exist/);
  });

  test('issue #18: a certificate or key over the read limit is reported with its size, not passed over', () => {
    const memory = memoryLineage('huge', leaves.get('good')!);
    memory.maxFileBytes = 64;
    const findings = lint('huge', { on: memory });
    assert.deepEqual(summary(findings), [
      `certbot/missing-file:too-large:error@${LINE.cert}`,
      `certbot/missing-file:too-large:error@${LINE.privkey}`,
      `certbot/missing-file:too-large:error@${LINE.chain}`,
      `certbot/missing-file:too-large:error@${LINE.fullchain}`,
    ]);
    assert.match(findings[0].message, /`cert` points at \/etc\/letsencrypt\/live\/huge\/cert\.pem, which is \d+ B, more than schedlint reads \(64 B\): the certificate was not checked/);
  });

  test('a dangling live link (MemoryHost and a real symlink)', () => {
    const memory = memoryLineage('dangle', leaves.get('good')!);
    memory.set('/etc/letsencrypt/live/dangle/cert.pem', { link: '../../archive/dangle/cert2.pem' });
    const findings = lint('dangle', { on: memory });
    assert.deepEqual(summary(findings), [`certbot/missing-file:dangling:error@${LINE.cert}`]);
    assert.match(findings[0].message, /link to \.\.\/\.\.\/archive\/dangle\/cert2\.pem, which does not exist/);

    const real = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-le-'));
    try {
      const good = leaves.get('good')!;
      const text = writeLineage(real, 'real', [{ cert: good.certPem, privkey: good.keyPem, chain: intermediateA.certPem }]);
      fs.rmSync(path.join(real, 'etc/letsencrypt/archive/real/chain1.pem'));
      assert.deepEqual(summary(lint('real', { on: new FsHost(real), text })), [`certbot/missing-file:dangling:error@${LINE.chain}`]);
    } finally {
      fs.rmSync(real, { recursive: true, force: true });
    }
  });

  test('a plain file where certbot needs a link; a file without PEM', () => {
    const good = leaves.get('good')!;
    const memory = memoryLineage('plain', good, { files: {
      '/etc/letsencrypt/live/plain/cert.pem': good.certPem,
      '/etc/letsencrypt/archive/plain/chain1.pem': 'not a certificate\n',
    } });
    assert.deepEqual(summary(lint('plain', { on: memory })), [
      `certbot/missing-file:not-a-link:error@${LINE.cert}`,
      `certbot/missing-file:no-certificate:error@${LINE.chain}`,
    ]);
  });

  test('nothing for files this user cannot read, for relative paths (certbot test data), or with everything present', () => {
    const memory = memoryLineage('locked', leaves.get('good')!, { privkeyUnreadable: true });
    assert.deepEqual(summary(lint('locked', { on: memory })), []);
    const relative = renewalText('x').replace(/\/etc\/letsencrypt/g, 'MAGICDIR');
    assert.deepEqual(summary(lint('x', { on: new MemoryHost({}), text: relative })), []);
    assert.deepEqual(summary(lint('good')), []);
  });

  test('certbot test data from the corpus: no finding of these rules', () => {
    const corpus = path.join(CORPUS_ROOT, 'certbot-testdata');
    const files = fs.readdirSync(corpus).filter((file) => file.endsWith('.conf'));
    assert.ok(files.length > 0);
    for (const file of files) {
      const text = fs.readFileSync(path.join(corpus, file), 'utf8');
      assert.deepEqual(summary(lint(file.replace(/\.conf$/, ''), { on: new MemoryHost({}), text })), [], file);
    }
  });
});

describe('PEM reading never throws', needsOpenssl, () => {
  test('garbage, truncated and mixed bundles', () => {
    assert.deepEqual(readCertificateBundle('').problem, 'no-pem');
    // What is wrong is told apart (issue #18): DER that is not a certificate, base64 that does not decode.
    assert.equal(readCertificateBundle('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n').problem, 'not-certificate');
    assert.equal(readCertificateBundle('-----BEGIN CERTIFICATE-----\nAA*A\n-----END CERTIFICATE-----\n').problem, 'bad-base64');
    const good = leaves.get('good')!;
    const mixed = readCertificateBundle(`junk\n${good.certPem}\n${intermediateA.certPem}trailing`);
    assert.equal(mixed.certificates.length, 2);
    assert.equal(mixed.problem, undefined);
    assert.deepEqual(readPublicKeyOfPrivateKey('nothing'), { ok: false, problem: 'no-pem' });
    assert.deepEqual(readPublicKeyOfPrivateKey('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----'), { ok: false, problem: 'bad-block' });
  });

  test('subjectAltName strings, quoted values included', () => {
    assert.deepEqual(subjectAltNames('DNS:a.example, DNS:b.example, IP Address:192.0.2.1'), { dns: ['a.example', 'b.example'], ip: ['192.0.2.1'] });
    assert.deepEqual(subjectAltNames('DNS:"x, y", DNS:c.example'), { dns: ['x, y', 'c.example'], ip: [] });
    assert.deepEqual(subjectAltNames(undefined), { dns: [], ip: [] });
  });
});

describe('renew_before_expiry', needsOpenssl, () => {
  test('the forms add_time_interval documents', () => {
    const day = 86_400_000;
    assert.deepEqual(parseRenewalInterval('30 days'), { months: 0, milliseconds: 30 * day });
    assert.deepEqual(parseRenewalInterval('30'), { months: 0, milliseconds: 30 * day });
    assert.deepEqual(parseRenewalInterval('3 weeks'), { months: 0, milliseconds: 21 * day });
    assert.deepEqual(parseRenewalInterval('6 months 1 week'), { months: 6, milliseconds: 7 * day });
    assert.deepEqual(parseRenewalInterval('3 days 12 hours'), { months: 0, milliseconds: 3.5 * day });
    assert.deepEqual(parseRenewalInterval('4 years'), { months: 48, milliseconds: 0 });
    assert.equal(parseRenewalInterval('soon'), undefined);
  });

  test('an unreadable value falls back to the default window', () => {
    const facts = inspectLineage(host, simpleRenewalDocument(texts.get('good')!), NOW).leaf!;
    const window = renewalWindow(simpleRenewalDocument(renewalText('good', 'renew_before_expiry = soon')), facts);
    assert.deepEqual([window.source, window.renewAt.toISOString()], ['default', '2025-03-02T00:00:00.000Z']);
  });
});

describe('hover on certificate files', needsOpenssl, () => {
  test('cert: subject, names, issuer, validity with days left, key', () => {
    assert.equal(describeCertificateFile(host, '/etc/letsencrypt/live/good/cert.pem', NOW, 'en'), [
      '**Subject:** CN=good.example',
      '**Names:** good.example, www.good.example, 192.0.2.10',
      '**Issuer:** CN=schedlint Test CA A',
      '**Valid:** 2025-01-01 to 2025-04-01 (45 days left)',
      '**Key:** RSA, 2048 bits',
    ].join('\n\n'));
  });

  test('fullchain says the chain follows; EC key; expired; missing; unreadable (ja)', () => {
    assert.match(describeCertificateFile(host, '/etc/letsencrypt/live/ec/fullchain.pem', NOW, 'en')!, /\*\*Key:\*\* ECDSA, P-256\n\nFollowed by 2 more certificates \(the chain\)\./);
    assert.match(describeCertificateFile(host, '/etc/letsencrypt/live/expired/cert.pem', NOW, 'en')!, /expired 47 days ago/);
    assert.equal(describeCertificateFile(new MemoryHost({}), '/etc/letsencrypt/live/x/cert.pem', NOW, 'en'), '/etc/letsencrypt/live/x/cert.pem does not exist.');
    const locked = new MemoryHost({ '/etc/letsencrypt/live/x/cert.pem': { text: '', unreadable: true } });
    assert.equal(describeCertificateFile(locked, '/etc/letsencrypt/live/x/cert.pem', NOW, 'ja'), 'このユーザーでは /etc/letsencrypt/live/x/cert.pem を読めないため、確認していません。');
  });
});
