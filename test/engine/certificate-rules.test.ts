// The certificate rules (engine/rules/certificate/) and the reader under them, on certificates made with the real
// openssl at test time: a root, two intermediates under it (the right one and seed 004's wrong one), a second
// level of intermediate, leaves with exact dates (backdated, expiring, expired, not yet valid: `openssl ca
// -startdate/-enddate`), and keys in every encoding (PKCS#8, PKCS#1, SEC1, Ed25519, encrypted, DER).
// Each rule has cases that must fire and cases that must not.
import { strict as assert } from 'node:assert';
import { after, before, describe, test } from 'node:test';
import { certificateChecklist } from '../../server/src/engine/certificate/checklist';
import { lintCertificates } from '../../server/src/engine/certificate/lint';
import { readCertificateFile } from '../../server/src/engine/certificate/read';
import type { CertificateCheckInput, NamedCertificateFile } from '../../server/src/engine/certificate/review';
import { hostTrustStore, trustStoreFromData, type TrustStore } from '../../server/src/engine/certificate/trust';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import type { Finding, Locale } from '../../server/src/engine/types';
import { TestPki, hasOpenssl, type Authority, type IssuedCertificate } from '../support/certificates';

const NOW = new Date('2026-06-15T00:00:00Z');
const OPENSSL = hasOpenssl();
const needsOpenssl = OPENSSL ? {} : { skip: 'openssl is not installed (apt-get install openssl)' };

let pki: TestPki;
let root: Authority;
let otherRoot: Authority;
let realCa: Authority;
let otherCa: Authority;
let subCa: Authority;
/** The renewed certificate: example.com, www.example.com; 2026-06-01 to 2027-06-01, by Real CA. */
let renewed: IssuedCertificate;
/** The one it replaces: also api.example.com; 2025-06-01 to 2026-07-01. */
let current: IssuedCertificate;
let wildcard: IssuedCertificate;
let expiringSoon: IssuedCertificate;
let expiredCert: IssuedCertificate;
let future: IssuedCertificate;
/** Issued by Sub CA (itself issued by Real CA): a chain of two intermediates. */
let deep: IssuedCertificate;
let ecLeaf: IssuedCertificate;
let edLeaf: IssuedCertificate;

before(() => {
  if (!OPENSSL) return;
  pki = new TestPki();
  ({ root, realCa, otherCa } = pki.seedAuthorities());
  otherRoot = pki.root('Other Root');
  subCa = pki.intermediate(realCa, 'Sub CA');
  renewed = pki.leaf(realCa, ['example.com', 'www.example.com'], { start: '2026-06-01', end: '2027-06-01' });
  current = pki.leaf(realCa, ['example.com', 'www.example.com', 'api.example.com'], { start: '2025-06-01', end: '2026-07-01' });
  wildcard = pki.leaf(realCa, ['example.com', '*.example.com'], { start: '2026-06-01', end: '2027-06-01' });
  expiringSoon = pki.leaf(realCa, ['example.com'], { start: '2026-03-01', end: '2026-06-25T12:00' });
  expiredCert = pki.leaf(realCa, ['example.com'], { start: '2025-01-01', end: '2026-06-01' });
  future = pki.leaf(realCa, ['example.com'], { start: '2026-07-01', end: '2027-07-01' });
  deep = pki.leaf(subCa, ['deep.example.com'], { start: '2026-06-01', end: '2027-06-01' });
  ecLeaf = pki.leaf(realCa, ['ec.example.com'], { start: '2026-06-01', end: '2027-06-01', keyType: 'ec' });
  edLeaf = pki.leaf(realCa, ['ed.example.com'], { start: '2026-06-01', end: '2027-06-01', keyType: 'ed25519' });
});

after(() => pki?.remove());

function named(path: string, data: string | Buffer): NamedCertificateFile {
  return { path, file: readCertificateFile(data) };
}

function trust(...authorities: Authority[]): TrustStore {
  return trustStoreFromData('ca-file', 'ca.pem', authorities.map((authority) => authority.certPem).join(''));
}

interface Case {
  cert: string | Buffer;
  key?: string | Buffer;
  chain?: string;
  previous?: string;
  trust?: TrustStore;
  expiringDays?: number;
  locale?: Locale;
}

function lint(given: Case) {
  const input: CertificateCheckInput = {
    cert: named('example.crt', given.cert),
    key: given.key === undefined ? undefined : named('example.key', given.key),
    chain: given.chain === undefined ? undefined : named('intermediate.crt', given.chain),
    previous: given.previous === undefined ? undefined : named('current.crt', given.previous),
    trust: given.trust,
    now: NOW,
    expiringDays: given.expiringDays,
  };
  return lintCertificates(input, { locale: given.locale ?? 'en' });
}

/** `rule@file:line` of every finding. */
function findings(given: Case): string[] {
  return lint(given).files.flatMap((file) => file.findings.map((finding: Finding) => `${finding.ruleId}@${file.path}:${finding.range.start.line + 1}`));
}

function fired(given: Case, ruleId: string): string[] {
  return findings(given).filter((entry) => entry.startsWith(`${ruleId}@`));
}

test('a file of unterminated BEGIN lines is read in linear time (8 MiB, the most a Host reads)', () => {
  const text = '-----BEGIN CERTIFICATE-----\n'.repeat(Math.floor((8 * 1024 * 1024) / 28));
  const started = process.hrtime.bigint();
  assert.deepEqual(readCertificateFile(text).blocks, []);
  // About 0.1 s; the backtracking pattern it replaces took minutes here.
  assert.ok(Number(process.hrtime.bigint() - started) / 1e9 < 3);
});

describe('reading certificate and key files', needsOpenssl, () => {
  test('PEM blocks keep their lines: a full chain and a key in one file', () => {
    const text = `# issued 2026-06-01\n${renewed.certPem}${realCa.certPem}\n${renewed.keyPem}`;
    const file = readCertificateFile(text);
    assert.equal(file.format, 'pem');
    assert.deepEqual(file.blocks.map((block) => block.kind), ['certificate', 'certificate', 'private-key']);
    const certLines = renewed.certPem.trimEnd().split('\n').length;
    assert.equal(file.blocks[0].range.start.line, 1);
    assert.equal(file.blocks[0].range.end.line, certLines);
    assert.equal(file.blocks[1].range.start.line, 1 + certLines);
    assert.equal(file.blocks[2].range.start.line, 1 + certLines + realCa.certPem.trimEnd().split('\n').length + 1);
  });

  test('DER certificates and keys are read; text that is neither gives no certificate and no crash', () => {
    const der = readCertificateFile(pki.der(renewed.certPem));
    assert.equal(der.format, 'der');
    assert.ok(der.blocks[0].certificate);
    const key = readCertificateFile(pki.keyAs({ file: renewed.keyFile }, 'der'));
    assert.equal(key.blocks[0].kind, 'private-key');
    assert.ok(key.blocks[0].publicKey);
    assert.deepEqual(readCertificateFile(Buffer.from([0x30, 0x03, 0x02, 0x01, 0x00])).blocks.map((block) => block.kind), ['other']);
    assert.deepEqual(readCertificateFile('').blocks, []);
    const broken = readCertificateFile('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    assert.equal(broken.blocks[0].certificate, undefined);
    assert.ok(broken.blocks[0].problem);
  });

  test('encrypted keys are recognised without a passphrase, in both PEM forms', () => {
    for (const form of ['encrypted', 'encrypted-traditional'] as const) {
      const file = readCertificateFile(pki.keyAs({ file: renewed.keyFile }, form));
      assert.equal(file.blocks[0].problem, 'encrypted', form);
      assert.equal(file.blocks[0].publicKey, undefined);
    }
  });

  test('the trust store of a host: Debian, else RHEL path; none when neither holds a certificate', () => {
    const debian = new MemoryHost({ '/etc/ssl/certs/ca-certificates.crt': root.certPem + otherRoot.certPem });
    assert.equal(hostTrustStore(debian)?.anchors.length, 2);
    const rhel = new MemoryHost({ '/etc/pki/tls/certs/ca-bundle.crt': root.certPem });
    assert.equal(hostTrustStore(rhel)?.path, '/etc/pki/tls/certs/ca-bundle.crt');
    assert.equal(hostTrustStore(new MemoryHost({ '/etc/ssl/certs/ca-certificates.crt': 'nothing here\n' })), undefined);
  });
});

describe('certificate/key-mismatch', needsOpenssl, () => {
  test('fires on the key block when the key belongs to another certificate', () => {
    assert.deepEqual(fired({ cert: renewed.certPem, key: current.keyPem }, 'certificate/key-mismatch'), ['certificate/key-mismatch@example.key:1']);
    assert.deepEqual(fired({ cert: ecLeaf.certPem, key: renewed.keyPem }, 'certificate/key-mismatch'), ['certificate/key-mismatch@example.key:1']);
  });

  test('stays quiet for the right key in every encoding (PKCS#8, PKCS#1, SEC1, Ed25519, DER)', () => {
    assert.deepEqual(fired({ cert: renewed.certPem, key: renewed.keyPem }, 'certificate/key-mismatch'), []);
    assert.deepEqual(fired({ cert: renewed.certPem, key: pki.keyAs({ file: renewed.keyFile }, 'traditional') }, 'certificate/key-mismatch'), []);
    assert.deepEqual(fired({ cert: ecLeaf.certPem, key: pki.keyAs({ file: ecLeaf.keyFile }, 'traditional') }, 'certificate/key-mismatch'), []);
    assert.deepEqual(fired({ cert: edLeaf.certPem, key: edLeaf.keyPem }, 'certificate/key-mismatch'), []);
    assert.deepEqual(fired({ cert: pki.der(renewed.certPem), key: pki.keyAs({ file: renewed.keyFile }, 'der') }, 'certificate/key-mismatch'), []);
    assert.match(readCertificateFile(pki.keyAs({ file: renewed.keyFile }, 'traditional')).blocks[0].label, /^RSA PRIVATE KEY$/);
    assert.match(readCertificateFile(pki.keyAs({ file: ecLeaf.keyFile }, 'traditional')).blocks[0].label, /^EC PRIVATE KEY$/);
  });

  test('an encrypted key is not checked: no finding, and the review says encrypted', () => {
    const result = lint({ cert: renewed.certPem, key: pki.keyAs({ file: current.keyFile }, 'encrypted') });
    assert.equal(result.review.key.status, 'encrypted');
    assert.deepEqual(result.files.flatMap((file) => file.findings), []);
  });
});

describe('certificate/chain-mismatch', needsOpenssl, () => {
  test("fires on seed 004's wrong intermediate, naming the issuer that is needed", () => {
    const result = lint({ cert: renewed.certPem, chain: otherCa.certPem });
    const finding = result.files.find((file) => file.path === 'intermediate.crt')!.findings.find((candidate) => candidate.ruleId === 'certificate/chain-mismatch');
    assert.ok(finding);
    assert.match(finding.message, /"CN=Other CA" in intermediate\.crt did not issue "CN=example\.com", which was issued by "CN=Real CA"/);
    assert.equal(finding.related?.[0].path, 'example.crt');
  });

  test('fires on a stray certificate after a correct chain', () => {
    assert.deepEqual(fired({ cert: renewed.certPem, chain: realCa.certPem + otherCa.certPem }, 'certificate/chain-mismatch'), [
      `certificate/chain-mismatch@intermediate.crt:${realCa.certPem.trimEnd().split('\n').length + 1}`,
    ]);
  });

  test('stays quiet for the right intermediate, two levels of them, and a chain that includes its root', () => {
    assert.deepEqual(fired({ cert: renewed.certPem, chain: realCa.certPem }, 'certificate/chain-mismatch'), []);
    assert.deepEqual(fired({ cert: deep.certPem, chain: subCa.certPem + realCa.certPem }, 'certificate/chain-mismatch'), []);
    assert.deepEqual(fired({ cert: renewed.certPem + realCa.certPem + root.certPem }, 'certificate/chain-mismatch'), []);
    assert.deepEqual(fired({ cert: renewed.certPem }, 'certificate/chain-mismatch'), []);
  });
});

describe('certificate/chain-order', needsOpenssl, () => {
  test('fires when the bundle starts with the intermediate, and when intermediates are reversed', () => {
    assert.deepEqual(fired({ cert: realCa.certPem + renewed.certPem }, 'certificate/chain-order'), ['certificate/chain-order@example.crt:1']);
    assert.deepEqual(fired({ cert: deep.certPem, chain: realCa.certPem + subCa.certPem }, 'certificate/chain-order'), ['certificate/chain-order@intermediate.crt:1']);
  });

  test('stays quiet for leaf first and each issuer after', () => {
    assert.deepEqual(fired({ cert: renewed.certPem + realCa.certPem }, 'certificate/chain-order'), []);
    assert.deepEqual(fired({ cert: deep.certPem, chain: subCa.certPem + realCa.certPem }, 'certificate/chain-order'), []);
  });
});

describe('certificate/chain-incomplete', needsOpenssl, () => {
  test('fires when only the server certificate is given, on its block', () => {
    const result = lint({ cert: renewed.certPem, trust: trust(root) });
    const finding = result.files[0].findings.find((candidate) => candidate.ruleId === 'certificate/chain-incomplete');
    assert.equal(finding?.messageId, 'missing-issuer');
    assert.match(finding!.message, /issued by "CN=Real CA", which is neither in the chain nor in the trust store ca\.pem/);
  });

  test('fires with the wrong intermediate, and at a root the store does not hold', () => {
    assert.deepEqual(fired({ cert: renewed.certPem, chain: otherCa.certPem, trust: trust(root) }, 'certificate/chain-incomplete'), ['certificate/chain-incomplete@example.crt:1']);
    const untrusted = lint({ cert: renewed.certPem, chain: realCa.certPem + root.certPem, trust: trust(otherRoot) });
    assert.deepEqual(untrusted.files.flatMap((file) => file.findings.map((finding) => `${finding.messageId}@${file.path}`)), ['untrusted-root@intermediate.crt']);
  });

  test('stays quiet when a trusted root is reached, and when there is no trust store to check against', () => {
    assert.deepEqual(fired({ cert: renewed.certPem, chain: realCa.certPem, trust: trust(root) }, 'certificate/chain-incomplete'), []);
    assert.deepEqual(fired({ cert: deep.certPem, chain: subCa.certPem + realCa.certPem + root.certPem, trust: trust(root) }, 'certificate/chain-incomplete'), []);
    assert.deepEqual(fired({ cert: renewed.certPem, trust: trust(root, realCa) }, 'certificate/chain-incomplete'), [], 'an intermediate in the store is trusted, as with -CAfile');
    assert.deepEqual(fired({ cert: renewed.certPem }, 'certificate/chain-incomplete'), []);
  });
});

describe('certificate/san-removed', needsOpenssl, () => {
  test('fires on the new certificate with the dropped names', () => {
    const result = lint({ cert: renewed.certPem, previous: current.certPem });
    const finding = result.files[0].findings.find((candidate) => candidate.ruleId === 'certificate/san-removed');
    assert.match(finding!.message, /no longer covers api\.example\.com, which current\.crt covered: HTTPS to that name fails/);
    assert.equal(finding!.related?.[0].path, 'current.crt');
    const ja = lint({ cert: renewed.certPem, previous: current.certPem, locale: 'ja' }).files[0].findings.find((candidate) => candidate.ruleId === 'certificate/san-removed');
    assert.match(ja!.message, /current\.crt が対象としていた api\.example\.com（1 件）を対象にしていません/);
  });

  test('stays quiet when every name is kept, exactly or by a wildcard', () => {
    assert.deepEqual(fired({ cert: current.certPem, previous: renewed.certPem }, 'certificate/san-removed'), []);
    assert.deepEqual(fired({ cert: wildcard.certPem, previous: current.certPem }, 'certificate/san-removed'), []);
    assert.deepEqual(fired({ cert: renewed.certPem }, 'certificate/san-removed'), []);
  });
});

describe('certificate/not-newer', needsOpenssl, () => {
  test('fires on the same certificate again, and on one that expires earlier', () => {
    const same = lint({ cert: current.certPem, previous: current.certPem }).files[0].findings.find((finding) => finding.ruleId === 'certificate/not-newer');
    assert.equal(same?.messageId, 'same');
    const older = lint({ cert: current.certPem, previous: renewed.certPem }).files[0].findings.find((finding) => finding.ruleId === 'certificate/not-newer');
    assert.equal(older?.messageId, 'older');
    assert.match(older!.message, /expires on 2026-07-01, no later than current\.crt \(2027-06-01\)/);
  });

  test('stays quiet for a renewal', () => {
    assert.deepEqual(fired({ cert: renewed.certPem, previous: current.certPem }, 'certificate/not-newer'), []);
  });
});

describe('certificate/expired, expiring, not-yet-valid', needsOpenssl, () => {
  test('expired: fires as an error once notAfter has passed', () => {
    const finding = lint({ cert: expiredCert.certPem }).files[0].findings.find((candidate) => candidate.ruleId === 'certificate/expired');
    assert.equal(finding?.severity, 'error');
    assert.match(finding!.message, /expired on 2026-06-01/);
    assert.deepEqual(fired({ cert: renewed.certPem }, 'certificate/expired'), []);
    assert.deepEqual(fired({ cert: expiredCert.certPem }, 'certificate/expiring'), [], 'an expired certificate is not also expiring');
  });

  test('expiring: fires under the default 30 days and under --days, not above', () => {
    const finding = lint({ cert: expiringSoon.certPem }).files[0].findings.find((candidate) => candidate.ruleId === 'certificate/expiring');
    assert.equal(finding?.severity, 'warning');
    assert.match(finding!.message, /expires on 2026-06-25 \(10 days left, fewer than 30\)/);
    assert.deepEqual(fired({ cert: expiringSoon.certPem, expiringDays: 10 }, 'certificate/expiring'), []);
    assert.deepEqual(fired({ cert: current.certPem }, 'certificate/expiring'), ['certificate/expiring@example.crt:1'], '16 days left');
    assert.deepEqual(fired({ cert: current.certPem, expiringDays: 16 }, 'certificate/expiring'), []);
    assert.deepEqual(fired({ cert: renewed.certPem, expiringDays: 44 }, 'certificate/expiring'), []);
  });

  test('not-yet-valid: fires before notBefore, not after', () => {
    assert.deepEqual(fired({ cert: future.certPem }, 'certificate/not-yet-valid'), ['certificate/not-yet-valid@example.crt:1']);
    assert.deepEqual(fired({ cert: renewed.certPem }, 'certificate/not-yet-valid'), []);
  });
});

describe('the checklist', needsOpenssl, () => {
  test("seed 004's renewal done right: every check passes", () => {
    const result = lint({ cert: renewed.certPem, key: renewed.keyPem, chain: realCa.certPem, previous: pki.leaf(realCa, ['example.com', 'www.example.com'], { start: '2025-06-01', end: '2026-07-01' }).certPem, trust: trust(root) });
    assert.deepEqual(certificateChecklist(result, 'en').map((item) => `${item.check}:${item.status}`), ['key:pass', 'chain:pass', 'order:pass', 'trust:pass', 'names:pass', 'newer:pass', 'days:pass']);
  });

  test('failures carry their findings; checks without input are skipped with the reason', () => {
    const result = lint({ cert: renewed.certPem, key: current.keyPem, chain: otherCa.certPem, previous: current.certPem, trust: trust(root) });
    const items = certificateChecklist(result, 'en');
    assert.deepEqual(items.map((item) => `${item.check}:${item.status}`), ['key:fail', 'chain:fail', 'order:pass', 'trust:warn', 'names:warn', 'newer:pass', 'days:pass']);
    assert.deepEqual(items.find((item) => item.check === 'chain')!.findings.map((entry) => entry.path), ['intermediate.crt']);
    const bare = certificateChecklist(lint({ cert: renewed.certPem }), 'ja');
    assert.deepEqual(bare.map((item) => item.status), ['skip', 'skip', 'skip', 'skip', 'skip', 'skip', 'pass']);
    assert.match(bare[0].detail!, /--key が指定されていません/);
    const encrypted = certificateChecklist(lint({ cert: renewed.certPem, key: pki.keyAs({ file: renewed.keyFile }, 'encrypted') }), 'en');
    assert.match(encrypted[0].detail!, /can't check: the key in example\.key is encrypted/);
  });
});
