// The certificates nginx and Apache serve (engine/certificate/web-servers.ts, web-lint.ts), on in-memory hosts
// with certificates made by openssl at test time: names not covered (certificate/name-not-covered), a site left
// on the older certificate (certificate/stale-reference, seed 004 item 5), a key and a chain that do not belong,
// each on the directive's line; and configurations that must stay silent.
import { strict as assert } from 'node:assert';
import { before, after, describe, test } from 'node:test';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { PUBLIC_KEY_STAND_IN } from '../../server/src/engine/certificate/pem';
import { readCertificateFile } from '../../server/src/engine/certificate/read';
import { webServerCertificateFindings } from '../../server/src/engine/certificate/web-lint';
import { webServerSites } from '../../server/src/engine/certificate/web-servers';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import { TestPki, hasOpenssl, type Authority, type IssuedCertificate } from '../support/certificates';

const NOW = new Date('2026-06-15T00:00:00Z');
const OPENSSL = hasOpenssl();
const needsOpenssl = OPENSSL ? {} : { skip: 'openssl is not installed (apt-get install openssl)' };

let pki: TestPki;
let realCa: Authority;
let otherCa: Authority;
let renewed: IssuedCertificate;
let previous: IssuedCertificate;
let shop: IssuedCertificate;
let wildcard: IssuedCertificate;

before(() => {
  if (!OPENSSL) return;
  pki = new TestPki();
  ({ realCa, otherCa } = pki.seedAuthorities());
  renewed = pki.leaf(realCa, ['example.com', 'www.example.com', 'api.example.com'], { start: '2026-06-01', end: '2027-06-01' });
  previous = pki.leaf(realCa, ['example.com', 'api.example.com'], { start: '2025-06-01', end: '2026-07-01', key: { file: renewed.keyFile, pem: renewed.keyPem } });
  shop = pki.leaf(realCa, ['shop.example.com', 'www.shop.example.com'], { start: '2026-06-01', end: '2027-06-01' });
  wildcard = pki.leaf(realCa, ['example.org', '*.example.org'], { start: '2026-06-01', end: '2027-06-01' });
});

after(() => pki?.remove());

const NGINX_CONF = `user www-data;
events { worker_connections 768; }
http {
    include /etc/nginx/mime.types;
    # include /etc/nginx/conf.d/disabled.conf;
    include /etc/nginx/conf.d/*.conf;
    include /etc/nginx/sites-enabled/*;
}
`;

function site(names: string, cert: string, key: string, listen = '443 ssl'): string {
  return `server {\n    listen ${listen};\n    server_name ${names};\n    ssl_certificate     ${cert};\n    ssl_certificate_key ${key};\n    location / { return 200; }\n}\n`;
}

function seedHost(): MemoryHost {
  return new MemoryHost({
    '/etc/nginx/nginx.conf': NGINX_CONF,
    '/etc/nginx/mime.types': 'types { text/html html; }\n',
    '/etc/nginx/sites-enabled/www': site('example.com www.example.com example1.com', '/etc/nginx/ssl/example-2026.crt', '/etc/nginx/ssl/example.key'),
    '/etc/nginx/sites-enabled/api': site('example.com api.example.com', '/etc/nginx/ssl/example-2025.crt', '/etc/nginx/ssl/example.key', '8443 ssl'),
    '/etc/nginx/sites-enabled/plain': 'server {\n    listen 80;\n    server_name plain.example;\n}\n',
    '/etc/nginx/ssl/example-2026.crt': renewed.certPem + realCa.certPem,
    '/etc/nginx/ssl/example-2025.crt': previous.certPem + realCa.certPem,
    '/etc/nginx/ssl/example.key': renewed.keyPem,
    '/etc/apache2/apache2.conf': 'ServerRoot "/etc/apache2"\nIncludeOptional sites-enabled/*.conf\n',
    '/etc/apache2/sites-enabled/shop.conf': `<IfModule mod_ssl.c>
<VirtualHost *:443>
    ServerName shop.example.com:443
    ServerAlias www.shop.example.com \\
        other.example
    SSLEngine on
    SSLCertificateFile /etc/ssl/shop.crt
    SSLCertificateKeyFile /etc/ssl/shop.key
    SSLCertificateChainFile /etc/ssl/chain.crt
</VirtualHost>
</IfModule>
`,
    '/etc/ssl/shop.crt': shop.certPem,
    '/etc/ssl/shop.key': renewed.keyPem,
    '/etc/ssl/chain.crt': otherCa.certPem,
  });
}

function summary(findings: Map<string, { ruleId: string; range: { start: { line: number } } }[]>): string[] {
  return [...findings].flatMap(([file, list]) => list.map((finding) => `${finding.ruleId}@${file}:${finding.range.start.line + 1}`)).sort();
}

describe('web server sites', needsOpenssl, () => {
  test('nginx and Apache sites: names, certificate, key and chain with their lines; plain HTTP servers left out', () => {
    const sites = webServerSites(seedHost());
    assert.deepEqual(sites.map((entry) => `${entry.server} ${entry.names.map((name) => name.value).join(',')} ${entry.certificate?.value}:${entry.certificate!.range.start.line + 1}`), [
      'nginx example.com,api.example.com /etc/nginx/ssl/example-2025.crt:4',
      'nginx example.com,www.example.com,example1.com /etc/nginx/ssl/example-2026.crt:4',
      'apache shop.example.com,www.shop.example.com,other.example /etc/ssl/shop.crt:7',
    ]);
    assert.equal(sites[2].chain?.value, '/etc/ssl/chain.crt');
    assert.equal(sites[2].names[2].range.start.line, 3, 'a continued ServerAlias sits on its first line');
  });

  test("seed 004's host: a name not covered, the site left on the older certificate, a key and a chain that do not belong", () => {
    const findings = webServerCertificateFindings(seedHost(), { now: NOW, locale: 'en' });
    assert.deepEqual(summary(findings), [
      'certificate/chain-mismatch@/etc/apache2/sites-enabled/shop.conf:9',
      'certificate/key-mismatch@/etc/apache2/sites-enabled/shop.conf:8',
      'certificate/name-not-covered@/etc/apache2/sites-enabled/shop.conf:4',
      'certificate/name-not-covered@/etc/nginx/sites-enabled/www:3',
      'certificate/stale-reference@/etc/nginx/sites-enabled/api:4',
    ]);
    const messages = [...findings.values()].flat().map((finding) => finding.message);
    assert.ok(messages.some((message) => /^`example1\.com` is served with \/etc\/nginx\/ssl\/example-2026\.crt, which covers only example\.com, www\.example\.com, and api\.example\.com/.test(message)), messages.join('\n'));
    assert.ok(messages.some((message) => /This place serves example\.com with \/etc\/nginx\/ssl\/example-2025\.crt, which expires on 2026-07-01, while \/etc\/nginx\/sites-enabled\/www:4 serves the same names with the newer \/etc\/nginx\/ssl\/example-2026\.crt \(until 2027-06-01\)/.test(message)), messages.join('\n'));
    const ja = webServerCertificateFindings(seedHost(), { now: NOW, locale: 'ja' });
    assert.ok([...ja.values()].flat().some((finding) => /同じ名前に新しい \/etc\/nginx\/ssl\/example-2026\.crt/.test(finding.message)));
  });

  test('a host set up right stays silent: names covered (wildcards, nginx .name, _), one certificate everywhere', () => {
    const host = new MemoryHost({
      '/etc/nginx/nginx.conf': NGINX_CONF,
      '/etc/nginx/sites-enabled/www': site('example.com www.example.com', '/etc/nginx/ssl/example.crt', '/etc/nginx/ssl/example.key'),
      '/etc/nginx/sites-enabled/api': site('api.example.com', '/etc/nginx/ssl/example-copy.crt', '/etc/nginx/ssl/example.key', '[::]:443 ssl http2'),
      '/etc/nginx/sites-enabled/org': site('.example.org', '/etc/nginx/ssl/org.crt', '/etc/nginx/ssl/org.key'),
      '/etc/nginx/sites-enabled/default': site('_ ""', '/etc/nginx/ssl/example.crt', '/etc/nginx/ssl/example.key', '443 ssl default_server'),
      '/etc/nginx/ssl/example.crt': renewed.certPem + realCa.certPem,
      '/etc/nginx/ssl/example-copy.crt': renewed.certPem + realCa.certPem,
      '/etc/nginx/ssl/example.key': renewed.keyPem,
      '/etc/nginx/ssl/org.crt': wildcard.certPem,
      '/etc/nginx/ssl/org.key': wildcard.keyPem,
    });
    assert.deepEqual(summary(webServerCertificateFindings(host, { now: NOW, locale: 'en' })), []);
  });

  test('nothing to read: no configuration, a missing certificate, an include loop — no findings, no crash', () => {
    assert.deepEqual(summary(webServerCertificateFindings(new MemoryHost(), { now: NOW, locale: 'en' })), []);
    const host = new MemoryHost({
      '/etc/nginx/nginx.conf': 'http { include /etc/nginx/nginx.conf; server { listen 443 ssl; server_name a.example; ssl_certificate /nope.crt; } }\n',
      '/etc/apache2/apache2.conf': 'Include apache2.conf\n<VirtualHost *:443\nServerName "unterminated\n',
    });
    assert.deepEqual(summary(webServerCertificateFindings(host, { now: NOW, locale: 'en' })), []);
  });

  test('a certificate or chain file the configuration names that is not there: missing-file on its line, for the host only', () => {
    const host = new MemoryHost({
      '/etc/nginx/nginx.conf': NGINX_CONF,
      // Renewed as example-2026.crt; this site still names the old file.
      '/etc/nginx/sites-enabled/www': site('example.com www.example.com', '/etc/nginx/ssl/example.crt', '/etc/nginx/ssl/example.key'),
      '/etc/nginx/sites-enabled/api': site('api.example.com', '/etc/nginx/ssl/example-2026.crt', '/etc/nginx/ssl/example.key'),
      // Resolved per connection (nginx 1.15.9+): not a path to check.
      '/etc/nginx/sites-enabled/sni': site('sni.example.com', '/etc/nginx/ssl/$ssl_server_name.crt', '/etc/nginx/ssl/$ssl_server_name.key'),
      '/etc/nginx/ssl/example-2026.crt': renewed.certPem + realCa.certPem,
      '/etc/nginx/ssl/example.key': renewed.keyPem,
    });
    const hostFindings = webServerCertificateFindings(host, { now: NOW, locale: 'en', reportMissing: true });
    assert.deepEqual(summary(hostFindings), ['certificate/missing-file@/etc/nginx/sites-enabled/www:4']);
    assert.match(hostFindings.get('/etc/nginx/sites-enabled/www')![0].message, /^\/etc\/nginx\/ssl\/example\.crt does not exist: nginx refuses/);
    assert.match(webServerCertificateFindings(host, { now: NOW, locale: 'ja', reportMissing: true }).get('/etc/nginx/sites-enabled/www')![0].message, /がありません。nginx はこの設定を読み込めず/);
    // A repository's tree (reportMissing off): the certificate lives on the server, nothing to say.
    assert.deepEqual(summary(webServerCertificateFindings(host, { now: NOW, locale: 'en' })), []);
    // Off by setting.
    assert.deepEqual(summary(webServerCertificateFindings(host, { now: NOW, locale: 'en', reportMissing: true, severities: { 'certificate/missing-file': 'off' } })), []);
  });

  test("a key that came back from the fleet as the public-key stand-in is checked like the key: one that matches is silent, seed 004's wrong key is key-mismatch", () => {
    const standIn = (keyPem: string) => `${PUBLIC_KEY_STAND_IN}\n${createPublicKey(createPrivateKey(keyPem)).export({ type: 'spki', format: 'pem' })}`;
    const host = (key: string) => new MemoryHost({
      '/etc/nginx/nginx.conf': NGINX_CONF,
      '/etc/nginx/sites-enabled/shop': site('shop.example.com', '/etc/ssl/certs/shop.crt', '/etc/ssl/private/shop.key'),
      '/etc/ssl/certs/shop.crt': shop.certPem + realCa.certPem,
      '/etc/ssl/private/shop.key': key,
    });
    assert.deepEqual(summary(webServerCertificateFindings(host(standIn(shop.keyPem)), { now: NOW, locale: 'en' })), []);
    assert.deepEqual(summary(webServerCertificateFindings(host(standIn(renewed.keyPem)), { now: NOW, locale: 'en' })), ['certificate/key-mismatch@/etc/nginx/sites-enabled/shop:5']);
    // The same public key without the stand-in line is no private key: nothing to compare, so nothing said, and
    // the file reads as a public key.
    const bare = createPublicKey(createPrivateKey(renewed.keyPem)).export({ type: 'spki', format: 'pem' }) as string;
    assert.deepEqual(summary(webServerCertificateFindings(host(bare), { now: NOW, locale: 'en' })), []);
    assert.deepEqual(readCertificateFile(bare).blocks.map((block) => block.kind), ['public-key']);
    assert.deepEqual(readCertificateFile(standIn(renewed.keyPem)).blocks.map((block) => [block.kind, block.standIn]), [['private-key', true]]);
    // A stand-in line the host could not follow with a key (no openssl there): nothing to judge, no crash.
    assert.deepEqual(summary(webServerCertificateFindings(host(PUBLIC_KEY_STAND_IN + '\n'), { now: NOW, locale: 'en' })), []);
  });
});
