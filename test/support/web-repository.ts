// A repository laid out as a root (`etc/nginx/sites-available/shop.conf` + `etc/ssl/...`), made at test time
// with openssl, for the engine's and the CLI's repository tests of web-server certificates.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestPki } from './certificates';

/** Days from now as openssl's `YYYY-MM-DD`: the CLI counts validity from the real clock. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

// Line numbers (1-based) the tests expect findings on.
export const SHOP_SITE = `# A site of the shop (deployed to /etc/nginx/sites-available/shop.conf)
server {
    listen 443 ssl;
    server_name shop.example.com other.example.com;
    ssl_certificate /etc/ssl/certs/shop.crt;
    ssl_certificate_key /etc/ssl/private/wrong.key;
}
# Correct: the key and the names belong to the certificate.
server {
    listen 443 ssl;
    server_name www.example.com;
    ssl_certificate /etc/ssl/certs/www.crt;
    ssl_certificate_key /etc/ssl/private/www.key;
}
# Files that are not in the repository (the first is on this machine, and must not be read): they live on the server.
server {
    listen 443 ssl;
    server_name api.example.com;
    ssl_certificate /etc/ssl/certs/ca-certificates.crt;
    ssl_certificate_key /etc/ssl/private/api.key;
}
# Relative to nginx's configuration prefix, <root>/etc/nginx.
server {
    listen 443 ssl;
    server_name www.example.com;
    ssl_certificate ssl/www.crt;
    ssl_certificate_key ssl/wrong.key;
}
`;

// Apache, read from ServerRoot /etc/apache2: still serving the shop with last year's certificate.
export const OLD_SHOP_SITE = `<VirtualHost *:443>
    ServerName shop.example.com
    SSLEngine on
    SSLCertificateFile /etc/ssl/certs/shop-old.crt
    SSLCertificateKeyFile /etc/ssl/private/shop-old.key
</VirtualHost>
`;

export interface WebRepository {
  folder: string;
  remove(): void;
}

/** The repository, with its tree at `folder/<under>` (`''`: the repository itself is the root). */
export function makeWebRepository(under = ''): WebRepository {
  const pki = new TestPki();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-webrepo-'));
  try {
    const root = pki.root('Repo Root');
    const ca = pki.intermediate(root, 'Repo CA');
    const shop = pki.leaf(ca, ['shop.example.com'], { start: day(-30), end: day(300) });
    const www = pki.leaf(ca, ['www.example.com'], { start: day(-30), end: day(300) });
    const oldShop = pki.leaf(ca, ['shop.example.com'], { start: day(-300), end: day(100) });
    const other = pki.leaf(ca, ['unrelated.example.com'], { start: day(-30), end: day(300) });
    const files: Record<string, string> = {
      'etc/nginx/sites-available/shop.conf': SHOP_SITE,
      'etc/ssl/certs/shop.crt': shop.certPem + ca.certPem,
      'etc/ssl/private/wrong.key': other.keyPem,
      'etc/apache2/sites-available/shop-old.conf': OLD_SHOP_SITE,
      'etc/ssl/certs/shop-old.crt': oldShop.certPem + ca.certPem,
      'etc/ssl/private/shop-old.key': oldShop.keyPem,
      'etc/ssl/certs/www.crt': www.certPem + ca.certPem,
      'etc/ssl/private/www.key': www.keyPem,
      'etc/nginx/ssl/www.crt': www.certPem + ca.certPem,
      'etc/nginx/ssl/wrong.key': other.keyPem,
    };
    for (const [name, text] of Object.entries(files)) {
      const file = path.join(folder, under, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
  } finally {
    pki.remove();
  }
  return { folder, remove: () => fs.rmSync(folder, { recursive: true, force: true }) };
}
