// Certificate and key files as documents (engine/certificate/document.ts): findings on the block's lines, the
// pairing by path (same base name; certbot's fullchain.pem + privkey.pem), hovers per block checked against
// `openssl x509 -fingerprint -sha256`, and silence on CA bundles (the machine's own, when it has one).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { certificateStatusText, compareCertificates, describeComparison } from '../../server/src/engine/certificate/compare';
import { certificateFacts } from '../../server/src/engine/certificate/facts';
import { describeCertificateBlockAt, isCertificateFilePath, lintCertificateDocument, pairedPaths } from '../../server/src/engine/certificate/document';
import { readCertificateFile } from '../../server/src/engine/certificate/read';
import { HostFacts } from '../../server/src/engine/host/facts';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import { lintRepository } from '../../server/src/engine/install/repository';
import { TestPki, hasOpenssl, type Authority, type IssuedCertificate } from '../support/certificates';

const NOW = new Date('2026-06-15T00:00:00Z');
const OPENSSL = hasOpenssl();
const needsOpenssl = OPENSSL ? {} : { skip: 'openssl is not installed (apt-get install openssl)' };

let pki: TestPki;
let root: Authority;
let realCa: Authority;
let otherCa: Authority;
let leaf: IssuedCertificate;
let other: IssuedCertificate;
let expired: IssuedCertificate;

before(() => {
  if (!OPENSSL) return;
  pki = new TestPki();
  ({ root, realCa, otherCa } = pki.seedAuthorities());
  leaf = pki.leaf(realCa, ['example.com', 'www.example.com'], { start: '2026-06-01', end: '2027-06-01' });
  other = pki.leaf(realCa, ['other.example'], { start: '2026-06-01', end: '2027-06-01' });
  expired = pki.leaf(realCa, ['old.example'], { start: '2025-01-01', end: '2026-06-01' });
});

after(() => pki?.remove());

function lintAt(host: MemoryHost, file: string) {
  const data = host.readBytes(file)!;
  return lintCertificateDocument({ data, path: file, host, now: NOW, locale: 'en' });
}

function summary(findings: { ruleId: string; range: { start: { line: number } } }[]): string[] {
  return findings.map((finding) => `${finding.ruleId}:${finding.range.start.line + 1}`);
}

test('pairing by path: same base name, certbot names, archive versions', () => {
  assert.deepEqual(pairedPaths('/etc/nginx/ssl/example.crt', 'certificate'), ['/etc/nginx/ssl/example.key', '/etc/nginx/ssl/example.pem']);
  assert.deepEqual(pairedPaths('/etc/nginx/ssl/example.key', 'key'), ['/etc/nginx/ssl/example.crt', '/etc/nginx/ssl/example.pem', '/etc/nginx/ssl/example.cer', '/etc/nginx/ssl/example.der']);
  assert.deepEqual(pairedPaths('/etc/letsencrypt/live/a/fullchain.pem', 'certificate'), ['/etc/letsencrypt/live/a/privkey.pem']);
  assert.deepEqual(pairedPaths('/etc/letsencrypt/live/a/privkey.pem', 'key'), ['/etc/letsencrypt/live/a/fullchain.pem', '/etc/letsencrypt/live/a/cert.pem']);
  assert.deepEqual(pairedPaths('/etc/letsencrypt/archive/a/cert3.pem', 'certificate'), ['/etc/letsencrypt/archive/a/privkey3.pem']);
  assert.ok(isCertificateFilePath('/x/EXAMPLE.CRT'));
  assert.ok(!isCertificateFilePath('/x/example.conf'));
});

test('no-certificate in a repository scan (the editor\'s workspace scan): only a file whose text claims PEM; named, every one (review 7 item 6)', () => {
  const files = { '/repo/secrets/api.key': 'sk_live_token\n', '/repo/certs/empty.pem': '', '/repo/certs/cut.crt': '-----BEGIN CERTIFICATE-----\nMIIB\n' };
  const { reports } = lintRepository('/repo', { facts: new HostFacts(new MemoryHost(files)), locale: 'en' });
  const reported = reports.filter((report) => report.findings.some((finding) => finding.ruleId === 'certificate/no-certificate')).map((report) => report.path);
  assert.deepEqual(reported, ['/repo/certs/cut.crt']);
  // Opened in the editor (no `scanned`): each one.
  for (const [file, data] of Object.entries(files)) assert.deepEqual(summary(lintCertificateDocument({ data, path: file, host: new MemoryHost(files), now: NOW, locale: 'en' }).findings), ['certificate/no-certificate:1'], file);
});

describe('lintCertificateDocument', needsOpenssl, () => {
  test('a certificate with the wrong key beside it: key-mismatch on the certificate block, and on the key block when the key is opened', () => {
    const host = new MemoryHost({ '/etc/nginx/ssl/example.crt': `# from the CA\n${leaf.certPem}`, '/etc/nginx/ssl/example.key': other.keyPem });
    const cert = lintAt(host, '/etc/nginx/ssl/example.crt');
    assert.equal(cert.partner, '/etc/nginx/ssl/example.key');
    assert.deepEqual(summary(cert.findings), ['certificate/key-mismatch:2']);
    assert.equal(cert.findings[0].related?.[0].path, '/etc/nginx/ssl/example.key');
    const key = lintAt(host, '/etc/nginx/ssl/example.key');
    assert.equal(key.partner, '/etc/nginx/ssl/example.crt');
    assert.deepEqual(summary(key.findings), ['certificate/key-mismatch:1']);
  });

  test('the matching pair is silent, in certbot names too', () => {
    const host = new MemoryHost({ '/etc/letsencrypt/live/a/fullchain.pem': leaf.certPem + realCa.certPem, '/etc/letsencrypt/live/a/privkey.pem': leaf.keyPem, '/etc/ssl/certs/ca-certificates.crt': root.certPem });
    assert.deepEqual(summary(lintAt(host, '/etc/letsencrypt/live/a/fullchain.pem').findings), []);
    assert.deepEqual(summary(lintAt(host, '/etc/letsencrypt/live/a/privkey.pem').findings), []);
    assert.equal(lintAt(host, '/etc/letsencrypt/live/a/privkey.pem').partner, '/etc/letsencrypt/live/a/fullchain.pem');
  });

  test("a full chain with seed 004's wrong intermediate: chain-mismatch on the second block, chain-incomplete from the host's store", () => {
    const host = new MemoryHost({ '/srv/example.pem': leaf.certPem + otherCa.certPem, '/etc/ssl/certs/ca-certificates.crt': root.certPem });
    const second = leaf.certPem.trimEnd().split('\n').length + 1;
    assert.deepEqual(summary(lintAt(host, '/srv/example.pem').findings).sort(), ['certificate/chain-incomplete:1', `certificate/chain-mismatch:${second}`]);
  });

  test('a lone server certificate is not reported for its missing chain; its dates are', () => {
    const host = new MemoryHost({ '/srv/leaf.crt': leaf.certPem, '/srv/old.crt': expired.certPem, '/etc/ssl/certs/ca-certificates.crt': root.certPem });
    assert.deepEqual(summary(lintAt(host, '/srv/leaf.crt').findings), []);
    assert.deepEqual(summary(lintAt(host, '/srv/old.crt').findings), ['certificate/expired:1']);
  });

  test('CA files (a bundle, an intermediate alone) are not judged', () => {
    const host = new MemoryHost({ '/etc/ssl/certs/bundle.crt': root.certPem + realCa.certPem + otherCa.certPem, '/srv/intermediate.crt': otherCa.certPem });
    assert.deepEqual(lintAt(host, '/etc/ssl/certs/bundle.crt').findings, []);
    assert.deepEqual(lintAt(host, '/srv/intermediate.crt').findings, []);
  });

  test("this machine's CA certificates stay silent (skipped when it has none)", (context) => {
    const folder = '/usr/share/ca-certificates/mozilla';
    const files = ['/etc/ssl/certs/ca-certificates.crt', ...(fs.existsSync(folder) ? fs.readdirSync(folder).map((name) => path.join(folder, name)) : [])].filter((file) => fs.existsSync(file));
    if (files.length === 0) {
      context.skip('no CA certificates on this machine (apt-get install ca-certificates)');
      return;
    }
    const host = new MemoryHost();
    for (const file of files) {
      const findings = lintCertificateDocument({ data: fs.readFileSync(file), path: file, host, now: new Date(), locale: 'en' }).findings;
      assert.deepEqual(findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning').map((finding) => finding.ruleId), [], file);
    }
  });
});

describe('hovers on blocks', needsOpenssl, () => {
  test('a certificate block: subject, names, issuer, days left, key, and the SHA-256 fingerprint openssl prints', () => {
    const text = `intro\n${leaf.certPem}${realCa.certPem}`;
    const file = readCertificateFile(text);
    const hover = describeCertificateBlockAt(file, 3, NOW, 'en')!;
    assert.match(hover, /\*\*Subject:\*\* CN=example\.com/);
    assert.match(hover, /\*\*Names:\*\* example\.com, www\.example\.com/);
    assert.match(hover, /\*\*Issuer:\*\* CN=Real CA/);
    assert.match(hover, /2026-06-01 to 2027-06-01 \(351 days left\)/);
    assert.match(hover, /\*\*Key:\*\* RSA, 2048 bits/);
    const certFile = path.join(pki.dir, 'hover-leaf.pem');
    fs.writeFileSync(certFile, leaf.certPem);
    const openssl = execFileSync('openssl', ['x509', '-noout', '-fingerprint', '-sha256', '-in', certFile], { encoding: 'utf8' }).trim().replace(/^.*Fingerprint=/, '');
    assert.ok(hover.includes(`**SHA-256 fingerprint:** ${openssl}`), hover);
    assert.match(describeCertificateBlockAt(file, leaf.certPem.split('\n').length + 2, NOW, 'ja')!, /\*\*サブジェクト\*\*：CN=Real CA/);
    assert.equal(describeCertificateBlockAt(file, 0, NOW, 'en'), undefined, 'the line before the first block');
  });

  test('a key block: type and size, never key material; an encrypted key says so', () => {
    const hover = describeCertificateBlockAt(readCertificateFile(leaf.keyPem), 0, NOW, 'en')!;
    assert.equal(hover, '**Private key:** RSA, 2048 bits (never shown)');
    const body = leaf.keyPem.split('\n')[1];
    assert.ok(!hover.includes(body.slice(0, 16)));
    assert.match(describeCertificateBlockAt(readCertificateFile(pki.keyAs({ file: leaf.keyFile }, 'encrypted')), 1, NOW, 'en')!, /encrypted; can't check it/);
  });
});

describe('comparing with the certificate it replaces, and the status at a glance', needsOpenssl, () => {
  test('names dropped and added, issuer, validity, key', () => {
    const replaced = pki.leaf(otherCa, ['example.com', 'www.example.com', 'api.example.com'], { start: '2025-06-01', end: '2026-07-01', key: { file: leaf.keyFile, pem: leaf.keyPem } });
    const current = readCertificateFile(leaf.certPem).blocks[0].certificate!;
    const previous = readCertificateFile(replaced.certPem).blocks[0].certificate!;
    const comparison = compareCertificates(current, previous, NOW);
    assert.deepEqual(comparison.dropped, ['api.example.com']);
    assert.deepEqual(comparison.added, []);
    assert.equal(comparison.issuerChanged, true);
    assert.equal(comparison.newer, true);
    assert.equal(comparison.sameKey, true);
    assert.equal(describeComparison(comparison, 'en'), [
      '**Names dropped:** api.example.com',
      '**Names added:** none',
      '**Issuer:** CN=Other CA → CN=Real CA',
      '**Valid:** 2025-06-01 – 2026-07-01 → 2026-06-01 – 2027-06-01',
      '**Key:** the same key (RSA, 2048 bits)',
    ].join('\n\n'));
    const back = compareCertificates(previous, current, NOW);
    assert.deepEqual(back.added, ['api.example.com']);
    assert.match(describeComparison(back, 'ja'), /有効期限が延びていません/);
    assert.match(describeComparison(compareCertificates(current, current, NOW), 'en'), /^\*\*The same certificate\*\*/);
  });

  test('status text: days left, expired, not yet valid', () => {
    const facts = (pem: string) => certificateFacts(readCertificateFile(pem).blocks[0].certificate!, NOW);
    assert.equal(certificateStatusText(facts(leaf.certPem), NOW, 'en'), 'example.com · 351 days left (until 2027-06-01)');
    assert.equal(certificateStatusText(facts(expired.certPem), NOW, 'ja'), 'old.example · 2026-06-01 に期限切れ');
    const future = pki.leaf(realCa, ['next.example'], { start: '2026-07-01', end: '2027-07-01' });
    assert.equal(certificateStatusText(facts(future.certPem), NOW, 'en'), 'next.example · valid from 2026-07-01');
  });
});
