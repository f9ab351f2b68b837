// The certificate format through the registry (engine/certificate/format.ts), as the server, the CLI and the
// scans reach it: which paths and texts it claims (and that certbot keeps its lineages), a DER certificate linted
// from its bytes with the key beside it, the host scan reading nginx's TLS settings and the certificates they
// name, the hover (names, days left, never key material), the status lens and the comparison. Certificates are
// made by openssl at test time, dated from today (the format counts days from the clock).
import { strict as assert } from 'node:assert';
import { X509Certificate } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { claimOfPath, decideFormat, formatOfDocument } from '../../server/src/engine/file-format';
import { FORMATS } from '../../server/src/engine/formats/registry';
import { HostFacts } from '../../server/src/engine/host/facts';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import { hostCrontabPaths, lintHostFile } from '../../server/src/engine/scan';
import { TestPki, hasOpenssl, type Authority, type IssuedCertificate } from '../support/certificates';

const OPENSSL = hasOpenssl();
const needsOpenssl = OPENSSL ? {} : { skip: 'openssl is not installed (apt-get install openssl)' };
const certificate = FORMATS.find((format) => format.id === 'certificate')!;

/** A date `days` from today, as TestPki takes it. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let pki: TestPki;
let root: Authority;
let ca: Authority;
let current: IssuedCertificate;
let previous: IssuedCertificate;
let expired: IssuedCertificate;

before(() => {
  if (!OPENSSL) return;
  pki = new TestPki();
  root = pki.root('Format Root');
  ca = pki.intermediate(root, 'Format CA');
  current = pki.leaf(ca, ['example.com', 'www.example.com'], { start: day(-10), end: day(200) });
  previous = pki.leaf(ca, ['example.com', 'www.example.com', 'old.example.com'], { start: day(-300), end: day(60) });
  expired = pki.leaf(ca, ['gone.example'], { start: day(-400), end: day(-5) });
});

after(() => pki?.remove());

const facts = (host = new MemoryHost()) => new HostFacts(host);

test('claims: certificate and key files by name and PEM content; web servers by their folders; certbot keeps its files', () => {
  assert.equal(claimOfPath('/etc/ssl/certs/example.crt')?.claim.kind, 'certificate');
  assert.equal(claimOfPath('/home/ops/Downloads/example.KEY')?.claim.kind, 'certificate');
  assert.equal(claimOfPath('/srv/app/certs/example.der')?.claim.kind, 'certificate');
  assert.equal(claimOfPath('/etc/nginx/sites-enabled/default')?.claim.kind, 'web-server');
  assert.equal(claimOfPath('/srv/repo/etc/apache2/sites-available/shop.conf')?.claim.kind, 'web-server');
  assert.equal(claimOfPath('/etc/httpd/conf.d/ssl.conf')?.claim.kind, 'web-server');
  assert.equal(claimOfPath('/etc/nginx/html/index.html'), undefined);
  // certbot's renewal file and cli.ini stay certbot's; its lineage's PEM files are no certbot kind, so they are
  // certificates (the hover), but certbot's rules judge them (see below).
  assert.equal(claimOfPath('/etc/letsencrypt/renewal/example.com.conf')?.format.id, 'certbot');
  assert.equal(claimOfPath('/etc/letsencrypt/cli.ini')?.format.id, 'certbot');
  assert.equal(claimOfPath('/etc/letsencrypt/live/example.com/fullchain.pem')?.format.id, 'certificate');
  const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
  assert.deepEqual(decideFormat({ path: '/srv/app/server-cert', text: pem, facts: facts() }), { format: 'certificate', reason: 'content' });
  assert.deepEqual(decideFormat({ text: 'Some notes\n-----BEGIN RSA PRIVATE KEY-----\nx\n', facts: facts() }).format, 'certificate');
  // A crontab that greps for a PEM label is still a crontab; a renewal file is certbot's whatever it holds.
  assert.notEqual(decideFormat({ text: "0 3 * * * root grep -c -- '-----BEGIN CERTIFICATE-----' /etc/ssl/certs/ca-certificates.crt\n", facts: facts() }).format, 'certificate');
  assert.equal(decideFormat({ path: '/etc/letsencrypt/renewal/a.conf', text: pem, facts: facts() }).format, 'certbot-renewal');
  // The editor: our language id, the nginx and Apache extensions' ids.
  assert.deepEqual(formatOfDocument('pem', undefined, new MemoryHost()), { format: certificate, kind: 'certificate' });
  assert.equal(formatOfDocument('nginx', '/etc/nginx/nginx.conf', new MemoryHost()).format, certificate);
  assert.equal(formatOfDocument('plaintext', '/etc/ssl/example.crt', new MemoryHost()).format, certificate);
});

describe('certificate files through the format', needsOpenssl, () => {
  test('a DER certificate is linted from its bytes, with the key beside it; findings on the block', () => {
    const der = new X509Certificate(current.certPem).raw;
    const host = new MemoryHost({ '/etc/ssl/example.cer': { bytes: der }, '/etc/ssl/example.key': expired.keyPem });
    const report = lintHostFile('/etc/ssl/example.cer', { facts: facts(host), locale: 'en' });
    assert.equal(report.kind, 'certificate');
    assert.deepEqual(report.findings.map((finding) => `${finding.ruleId}:${finding.range.start.line}`), ['certificate/key-mismatch:0']);
    host.set('/etc/ssl/example.key', current.keyPem);
    assert.deepEqual(lintHostFile('/etc/ssl/example.cer', { facts: facts(host), locale: 'en' }).findings, [], 'its own key: silent');
  });

  test("seed 004's folder: example.crt with its key and the intermediate.crt beside it; a wrong intermediate is found", () => {
    const other = pki.intermediate(root, 'Other CA');
    const host = new MemoryHost({ '/home/ops/renewal/example.crt': current.certPem, '/home/ops/renewal/example.key': current.keyPem, '/home/ops/renewal/intermediate.crt': other.certPem });
    const report = lintHostFile('/home/ops/renewal/example.crt', { facts: facts(host), locale: 'en' });
    const mismatch = report.findings.filter((finding) => finding.ruleId === 'certificate/chain-mismatch');
    assert.equal(mismatch.length, 1, JSON.stringify(report.findings.map((finding) => finding.ruleId)));
    assert.equal(mismatch[0].range.start.line, 0, 'on the certificate block of example.crt');
    assert.equal(mismatch[0].related?.[0]?.path, '/home/ops/renewal/intermediate.crt');
    assert.match(mismatch[0].message, /"CN=Other CA" in \/home\/ops\/renewal\/intermediate.crt did not issue/);
    // The intermediate.crt itself is a CA file: nothing to judge there. The right one beside: no chain finding.
    assert.deepEqual(lintHostFile('/home/ops/renewal/intermediate.crt', { facts: facts(host), locale: 'en' }).findings, []);
    host.set('/home/ops/renewal/intermediate.crt', ca.certPem);
    assert.deepEqual(lintHostFile('/home/ops/renewal/example.crt', { facts: facts(host), locale: 'en' }).findings.filter((finding) => finding.ruleId === 'certificate/chain-mismatch'), []);
  });

  test("a lineage file leaves to certbot what certbot's rules say; the same certificate elsewhere is judged", () => {
    const text = expired.certPem + ca.certPem;
    const lint = (file: string) => certificate.lint({ text, path: file, facts: facts(), locale: 'en' }).findings.map((finding) => finding.ruleId);
    assert.deepEqual(lint('/etc/letsencrypt/live/gone.example/fullchain.pem'), []);
    assert.deepEqual(lint('/etc/ssl/gone.example.pem'), ['certificate/expired']);
  });

  test('hover: subject, names, issuer, days left, key and fingerprint; a key block shows no key material', () => {
    const text = current.certPem + current.keyPem;
    const result = certificate.lint({ text, path: '/tmp/combined.pem', facts: facts(), locale: 'en' });
    const context = { facts: facts(), locale: 'en' as const, trusted: true, now: new Date() };
    const hover = certificate.hover!(result, { line: 2, character: 0 }, context)!;
    assert.match(hover.markdown, /\*\*Names:\*\* example\.com, www\.example\.com/);
    assert.match(hover.markdown, /\((199|200) days left\)/);
    assert.match(hover.markdown, /SHA-256 fingerprint/);
    assert.equal(hover.range.start.line, 0);
    const keyLine = text.split('\n').findIndex((line) => line.includes('PRIVATE KEY'));
    const keyHover = certificate.hover!(result, { line: keyLine + 1, character: 0 }, context)!;
    assert.match(keyHover.markdown, /never shown/);
    const keyBody = current.keyPem.split('\n')[1];
    assert.ok(!keyHover.markdown.includes(keyBody) && !hover.markdown.includes(keyBody), 'no key material in a hover');
    assert.equal(certificate.hover!(result, { line: text.split('\n').length + 5, character: 0 }, context), undefined);
  });

  test('status lens and Compare with…: days left at a glance; names dropped against the older certificate', () => {
    const result = certificate.lint({ text: current.certPem, path: '/srv/new/example.crt', facts: facts(), locale: 'en' });
    const lenses = certificate.codeLenses!(result, '/srv/new/example.crt', { trusted: true, locale: 'en' });
    assert.match(lenses[0].title, /^example\.com · (199|200) days left \(until \d{4}-\d\d-\d\d\)$/);
    assert.equal(lenses[0].command, undefined);
    assert.equal(lenses[1].editorCommand?.command, 'schedlint.compareCertificate');
    assert.deepEqual(certificate.codeLenses!(certificate.lint({ text: current.keyPem, path: '/srv/new/example.key', facts: facts(), locale: 'en' }), '/srv/new/example.key', { trusted: true, locale: 'en' }), [], 'a key has no status');
    const compared = certificate.compare!(result, { path: '/srv/old/example.crt', data: Buffer.from(previous.certPem) }, { locale: 'en', now: new Date() });
    assert.ok('markdown' in compared);
    assert.equal(compared.title, 'example.com compared with /srv/old/example.crt');
    assert.match(compared.markdown, /\*\*Names dropped:\*\* old\.example\.com/);
    assert.match(compared.markdown, /\*\*Names added:\*\* none/);
    const ja = certificate.compare!(result, { path: '/srv/old/example.crt', data: Buffer.from('not a certificate') }, { locale: 'ja', now: new Date() });
    assert.deepEqual(ja, { unavailable: '/srv/old/example.crt には読み取れる証明書がありません。' });
  });

  test("--root: the format lists nginx's TLS files and the certificates they name; findings on the directive's line", () => {
    const host = new MemoryHost({
      '/etc/nginx/nginx.conf': 'events {}\nhttp {\n    include /etc/nginx/sites-enabled/*;\n}\n',
      '/etc/nginx/sites-enabled/www': 'server {\n    listen 443 ssl;\n    server_name example.com shop.example.com;\n    ssl_certificate /etc/ssl/example.crt;\n    ssl_certificate_key /etc/ssl/private/example.key;\n}\n',
      '/etc/ssl/example.crt': current.certPem,
      '/etc/ssl/private/example.key': current.keyPem,
      '/etc/letsencrypt/live/a/fullchain.pem': expired.certPem,
    });
    const scan = facts(host);
    const files = hostCrontabPaths(scan).files;
    assert.deepEqual(files, ['/etc/nginx/sites-enabled/www', '/etc/ssl/example.crt']);
    const site = lintHostFile('/etc/nginx/sites-enabled/www', { facts: scan, locale: 'en' });
    assert.equal(site.kind, 'web-server');
    assert.deepEqual(site.findings.map((finding) => `${finding.ruleId}:${finding.range.start.line + 1}`), ['certificate/name-not-covered:3']);
    assert.deepEqual(lintHostFile('/etc/ssl/example.crt', { facts: scan, locale: 'en' }).findings, []);
    // A hover on ssl_certificate describes the certificate it names, in a trusted workspace only.
    const linted = certificate.lint({ text: '', path: '/etc/nginx/sites-enabled/www', facts: scan, locale: 'en' });
    const context = { facts: scan, locale: 'en' as const, trusted: true, now: new Date(), path: '/etc/nginx/sites-enabled/www' };
    const hover = certificate.hover!(linted, { line: 3, character: 8 }, context);
    assert.match(hover?.markdown ?? '', /\*\*Names:\*\* example\.com, www\.example\.com/);
    assert.equal(hover?.range.start.line, 3);
    assert.equal(certificate.hover!(linted, { line: 3, character: 8 }, { ...context, trusted: false }), undefined);
    assert.equal(certificate.hover!(linted, { line: 2, character: 8 }, context), undefined);
    // Off by the settings, as --rule gives them.
    assert.deepEqual(lintHostFile('/etc/nginx/sites-enabled/www', { facts: facts(host), locale: 'en', settings: { severities: { 'certificate/name-not-covered': 'off' } } }).findings, []);
  });
});

test('a host without web servers or certificates gives the format no files', () => {
  assert.deepEqual(certificate.hostFiles!(facts()).files, []);
});
