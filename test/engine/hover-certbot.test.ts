// Hovers in renewal files and cli.ini, on documents from the real parsers: our docs on every key certbot writes
// (top section, [renewalparams], [[webroot_map]], plugin options) and on cli.ini options (prefixes and other
// spellings included), nothing on keys certbot does not know, and on cert/fullchain/chain/privkey the facts of
// the files, made with the real openssl at test time. The private key never appears in a hover.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { parseCliIni } from '../../server/src/engine/certbot/cli-ini';
import { parseRenewalFile } from '../../server/src/engine/certbot/configobj';
import { hoverCertbotAt } from '../../server/src/engine/certbot/hover-certbot';
import { TOP_LEVEL_KEYS } from '../../server/src/engine/certbot/known-keys';
import type { CertbotDocument } from '../../server/src/engine/certbot/rule';
import { HostFacts } from '../../server/src/engine/host/facts';
import { FsHost } from '../../server/src/engine/host/fs-host';
import { catalogs } from '../../server/src/engine/i18n/catalog';
import type { Locale, Position } from '../../server/src/engine/types';
import { hasOpenssl, TestPki, writeLineage } from '../support/certificates';
import { CORPUS_ROOT } from '../support/paths';

const NOW = new Date('2025-03-01T00:00:00Z');
const CORPUS = path.join(CORPUS_ROOT);

function at(document: CertbotDocument, line: number, character: number, locale: Locale = 'en', facts?: HostFacts) {
  return hoverCertbotAt(document, { line, character } as Position, { locale, now: NOW, facts });
}

/** Position of the first occurrence of `needle` in the text (line and character). */
function find(text: string, needle: string, offset = 0): [number, number] {
  const lines = text.split('\n');
  const line = lines.findIndex((candidate) => candidate.includes(needle));
  assert.ok(line >= 0, `${needle} is in the text`);
  return [line, lines[line].indexOf(needle) + offset];
}

const RENEWAL = `# renew_before_expiry = 30 days
version = 2.1.0
archive_dir = /etc/letsencrypt/archive/example.com
cert = /etc/letsencrypt/live/example.com/cert.pem
privkey = /etc/letsencrypt/live/example.com/privkey.pem
chain = /etc/letsencrypt/live/example.com/chain.pem
fullchain = /etc/letsencrypt/live/example.com/fullchain.pem
renew_before_expiry = 30 days

# Options used in the renewal process
[renewalparams]
account = 0123456789abcdef0123456789abcdef
authenticator = webroot
installer = nginx
server = https://acme-v02.api.letsencrypt.org/directory
key_type = ecdsa
rsa_key_size = 2048
elliptic_curve = secp256r1
webroot_path = /var/www/html,
renew_hook = systemctl reload nginx
deploy_hook = systemctl reload nginx
pre_hook = systemctl stop nginx
post_hook = systemctl start nginx
manual_auth_hook = /usr/local/bin/auth.sh
must_staple = True
reuse_key = False
preferred_chain = ISRG Root X1
nginx_ctl = nginx
dns_cloudflare_credentials = /root/.secrets/cloudflare.ini
made_up_key = 1
[[webroot_map]]
example.com = /var/www/example
`;

test('every key certbot writes in a renewal file has our doc, in English and Japanese', () => {
  const document = parseRenewalFile(RENEWAL);
  assert.deepEqual(document.problems, []);
  for (const entry of document.entries) {
    if (entry.key === 'made_up_key') continue;
    for (const locale of ['en', 'ja'] as const) {
      const hover = hoverCertbotAt(document, entry.keyRange.start, { locale, now: NOW });
      assert.ok(hover, `${entry.key} has a hover (${locale})`);
      assert.ok(hover.markdown.startsWith(`**${entry.key}**`), hover.markdown);
      assert.deepEqual(hover.range.start, entry.keyRange.start);
      assert.deepEqual(hover.range.end, entry.valueRange.end);
    }
  }
  for (const key of TOP_LEVEL_KEYS) assert.ok(document.get(key, []), `the sample has ${key}`);
});

test('the hook docs say what certbot does with each key', () => {
  const document = parseRenewalFile(RENEWAL);
  const doc = (key: string, locale: Locale = 'en') => {
    const entry = document.get(key, ['renewalparams']);
    assert.ok(entry, key);
    return hoverCertbotAt(document, entry.keyRange.start, { locale, now: NOW })?.markdown ?? '';
  };
  assert.match(doc('renew_hook'), /The deploy hook: what `--deploy-hook` saved\. `certbot renew` runs it after each successful renewal/);
  assert.match(doc('deploy_hook'), /before 5\.3 .*does not read it back/);
  assert.match(doc('pre_hook'), /before `certbot renew` obtains a certificate/);
  assert.match(doc('pre_hook'), /cli\.ini/);
  assert.match(doc('nginx_ctl'), /`nginx` plugin/);
  assert.match(doc('dns_cloudflare_credentials'), /`dns-cloudflare` plugin/);
  assert.match(doc('renew_hook', 'ja'), /デプロイフック/);
  assert.notEqual(doc('authenticator', 'ja'), doc('authenticator', 'en'));
});

test('no hover on keys certbot does not know, on blank lines or comments', () => {
  const document = parseRenewalFile(RENEWAL);
  assert.equal(at(document, ...find(RENEWAL, 'made_up_key', 2)), undefined);
  assert.equal(at(document, 0, 3), undefined, 'comment');
  assert.equal(at(document, 8, 0), undefined, 'blank line');
  const legacy = parseRenewalFile('cert = /x\n[renewalparams]\nfunc = <function obtain_cert at 0x7f093a163c08>\n');
  assert.equal(at(legacy, 2, 1), undefined);
});

test('section headers and [[webroot_map]] entries', () => {
  const document = parseRenewalFile(RENEWAL);
  const params = at(document, ...find(RENEWAL, '[renewalparams]', 3));
  assert.ok(params);
  assert.match(params.markdown, /^\*\*\[renewalparams\]\*\* — The options `certbot renew` reuses/);
  const map = at(document, ...find(RENEWAL, '[[webroot_map]]', 4));
  assert.ok(map);
  assert.match(map.markdown, /^\*\*\[\[webroot_map\]\]\*\*/);
  const entry = at(document, ...find(RENEWAL, 'example.com = /var/www/example', 2));
  assert.ok(entry);
  assert.match(entry.markdown, /`example\.com` is validated from the webroot `\/var\/www\/example`: the challenge file goes into `\/var\/www\/example\/\.well-known\/acme-challenge\/`/);
});

test('cli.ini: long options, their other spellings and prefixes; nothing on unknown keys', () => {
  const text = fs.readFileSync(path.join(CORPUS, 'debian-bookworm', 'root', 'etc', 'letsencrypt', 'cli.ini'), 'utf8');
  const debian = parseCliIni(text);
  const backups = at(debian, ...find(text, 'max-log-backups'));
  assert.ok(backups);
  assert.match(backups.markdown, /^\*\*max-log-backups\*\* \(`--max-log-backups`\) — How many rotated logs/);
  const preconfigured = at(debian, ...find(text, 'preconfigured-renewal'), 'ja');
  assert.ok(preconfigured);
  assert.match(preconfigured.markdown, /定期実行/);

  const written = ['pre-hook = systemctl stop nginx', '--post-hook = systemctl start nginx', 'keep = true', 'renew-hoo = x', 'hsts = true', 'not-an-option = 1', 'deploy-hook = systemctl reload nginx'].join('\n');
  const document = parseCliIni(written);
  const pre = at(document, 0, 1);
  assert.ok(pre);
  assert.match(pre.markdown, /Runs in a shell before any certificate is obtained/);
  const post = at(document, 1, 4);
  assert.ok(post);
  assert.match(post.markdown, /^\*\*post-hook\*\* \(`--post-hook`\)/);
  assert.match(at(document, 2, 1)?.markdown ?? '', /Keep an existing certificate that matches/, 'keep is --keep-until-expiring');
  assert.match(at(document, 3, 1)?.markdown ?? '', /\(`--renew-hook`\) — The old spelling of `deploy-hook`/, 'argparse takes a unique prefix');
  assert.match(at(document, 4, 1)?.markdown ?? '', /Same as `--hsts` on certbot's command line/, 'a known option without our own doc');
  assert.equal(at(document, 5, 1), undefined);
  assert.match(at(document, 6, 1)?.markdown ?? '', /after each certificate is successfully issued or renewed/);
});

test("every doc key has a Japanese text of its own", () => {
  const keys = Object.keys(catalogs.en).filter((key) => key.startsWith('certbot-editor.'));
  assert.ok(keys.length > 50);
  for (const key of keys) {
    const en = catalogs.en[key as keyof typeof catalogs.en];
    const ja = catalogs.ja[key as keyof typeof catalogs.ja];
    assert.ok(ja && ja !== en, key);
  }
});

const pki = hasOpenssl() ? new TestPki() : undefined;
const roots: string[] = [];
after(() => {
  pki?.remove();
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

test('cert, fullchain and chain values show the certificate; privkey only whether it matches', { skip: !pki && 'openssl is needed to make certificates' }, () => {
  assert.ok(pki, 'openssl available');
  const root = pki.root('Test Root X1');
  const intermediate = pki.intermediate(root, 'Test Intermediate R3');
  const leaf = pki.leaf(intermediate, ['example.com', 'www.example.com'], { start: '2025-01-01', end: '2025-04-01' });
  const hostRoot = fs.mkdtempSync(path.join(pki.dir, 'host-'));
  roots.push(hostRoot);
  const text = writeLineage(hostRoot, 'example.com', [{ cert: leaf.certPem, privkey: leaf.keyPem, chain: intermediate.certPem }]);
  const document = parseRenewalFile(text);
  const facts = new HostFacts(new FsHost(hostRoot));
  for (const key of ['cert', 'fullchain']) {
    const entry = document.get(key, []);
    assert.ok(entry);
    const hover = hoverCertbotAt(document, entry.valueRange.start, { locale: 'en', now: NOW, facts });
    assert.ok(hover);
    assert.match(hover.markdown, /example\.com, www\.example\.com/, key);
    assert.match(hover.markdown, /Test Intermediate R3/, key);
    assert.match(hover.markdown, /2025-04-01/, key);
    // On the key itself: only the doc.
    const onKey = hoverCertbotAt(document, entry.keyRange.start, { locale: 'en', now: NOW, facts });
    assert.ok(onKey);
    assert.doesNotMatch(onKey.markdown, /www\.example\.com/);
  }
  const chain = document.get('chain', []);
  assert.ok(chain);
  assert.match(hoverCertbotAt(document, chain.valueRange.start, { locale: 'en', now: NOW, facts })?.markdown ?? '', /Test Intermediate R3/);

  const privkey = document.get('privkey', []);
  assert.ok(privkey);
  const matching = hoverCertbotAt(document, privkey.valueRange.start, { locale: 'en', now: NOW, facts });
  assert.ok(matching);
  assert.doesNotMatch(matching.markdown, /PRIVATE KEY|MII/, 'no key material');
  const keyBody = leaf.keyPem.split('\n').filter((line) => line && !line.startsWith('-----')).join('');
  assert.ok(!matching.markdown.includes(keyBody.slice(10, 40)));

  // The same lineage with another key: the hover says it does not match.
  const other = pki.key('rsa');
  fs.writeFileSync(path.join(hostRoot, 'etc/letsencrypt/archive/example.com/privkey1.pem'), other.pem);
  const mismatching = hoverCertbotAt(document, privkey.valueRange.start, { locale: 'en', now: NOW, facts });
  assert.ok(mismatching);
  assert.notEqual(mismatching.markdown, matching.markdown);
  assert.doesNotMatch(mismatching.markdown, /PRIVATE KEY|MII/);
});

test('without a host, values get the doc only; relative test-data paths are not read', () => {
  const text = fs.readFileSync(path.join(CORPUS, 'certbot-testdata', 'sample-renewal-ec.conf'), 'utf8');
  const document = parseRenewalFile(text);
  const cert = document.get('cert', []);
  assert.ok(cert);
  const hover = hoverCertbotAt(document, cert.valueRange.start, { locale: 'en', now: NOW });
  assert.ok(hover);
  assert.match(hover.markdown, /^\*\*cert\*\* — The certificate/);
  const withHost = hoverCertbotAt(document, cert.valueRange.start, { locale: 'en', now: NOW, facts: new HostFacts(new FsHost(path.join(CORPUS, 'debian-bookworm', 'root'))) });
  assert.equal(withHost?.markdown, hover.markdown, 'MAGICDIR/… is relative: nothing to read');
});
