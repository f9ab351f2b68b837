// Certificates made with the real openssl at test time (tests only: the engine never runs anything): keys in
// every encoding servers meet (PKCS#8, PKCS#1/SEC1, encrypted, DER), certificates with exact dates, laid out
// the way certbot leaves them (archive/NAME/<kind>N.pem, live/NAME/<kind>.pem links), plus a tiny stand-in for
// the renewal-file parser and a runner for the certificate rules.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CertbotContext, CertbotDocument, CertbotRule, ConfigEntry } from '../../server/src/engine/certbot/rule';
import { HostFacts } from '../../server/src/engine/host/facts';
import type { Host } from '../../server/src/engine/host/host';
import { translate } from '../../server/src/engine/i18n/catalog';
import type { Finding, Locale } from '../../server/src/engine/types';

export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

export type KeyType = 'rsa' | 'ec' | 'ed25519';

export interface Authority {
  name: string;
  certPem: string;
  keyFile: string;
  certFile: string;
}

export interface IssuedCertificate {
  certPem: string;
  keyPem: string;
  /** The key's file in the PKI folder, for keyAs. */
  keyFile: string;
}

/** `2025-01-01` or `2025-01-01T12:00` → openssl's `20250101120000Z`. */
function opensslTime(date: string): string {
  const iso = new Date(date.length === 10 ? `${date}T00:00:00Z` : `${date}Z`).toISOString();
  return iso.replace(/[-:T]/g, '').slice(0, 14) + 'Z';
}

const CA_CONFIG = `[ ca ]
default_ca = test_ca
[ test_ca ]
dir = DIR
database = $dir/index.txt
new_certs_dir = $dir/issued
serial = $dir/serial
default_md = sha256
policy = any_name
unique_subject = no
email_in_dn = no
copy_extensions = none
[ any_name ]
commonName = supplied
`;

/** A throwaway PKI in a temp folder: keys, a root, intermediates, leaves with exact validity dates (`openssl ca`). */
export class TestPki {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-pki-'));
  private counter = 0;

  constructor() {
    fs.mkdirSync(path.join(this.dir, 'issued'));
    fs.writeFileSync(path.join(this.dir, 'index.txt'), '');
    fs.writeFileSync(path.join(this.dir, 'serial'), '1000\n');
    fs.writeFileSync(path.join(this.dir, 'ca.cnf'), CA_CONFIG.replace('DIR', this.dir));
  }

  private file(suffix: string): string {
    return path.join(this.dir, `f${++this.counter}${suffix}`);
  }

  private openssl(args: string[]): void {
    execFileSync('openssl', args, { stdio: 'pipe', cwd: this.dir });
  }

  /** A new private key, PEM (PKCS#8, as certbot writes since 2.0; RSA 2048 or EC P-256). */
  key(type: KeyType = 'rsa'): { file: string; pem: string } {
    const file = this.file('.key');
    this.openssl(type === 'rsa'
      ? ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', file]
      : type === 'ec'
        ? ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file]
        : ['genpkey', '-algorithm', 'ED25519', '-out', file]);
    return { file, pem: fs.readFileSync(file, 'utf8') };
  }

  /**
   * The same key in another encoding: `traditional` is PKCS#1 (`RSA PRIVATE KEY`) or SEC1 (`EC PRIVATE KEY`), as
   * `openssl genrsa` and older tools write; `encrypted` is PKCS#8 `ENCRYPTED PRIVATE KEY` (passphrase `secret`);
   * `encrypted-traditional` the PEM-header form (`Proc-Type: 4,ENCRYPTED`); `der` PKCS#8 in binary.
   */
  keyAs(key: { file: string }, form: 'traditional' | 'encrypted' | 'encrypted-traditional' | 'der'): Buffer {
    const file = this.file(form === 'der' ? '.der' : '.key');
    const args = ['pkey', '-in', key.file, '-out', file];
    if (form === 'traditional') args.push('-traditional');
    if (form === 'encrypted') args.push('-aes256', '-passout', 'pass:secret');
    if (form === 'encrypted-traditional') args.push('-traditional', '-aes256', '-passout', 'pass:secret');
    if (form === 'der') args.push('-outform', 'DER');
    this.openssl(args);
    return fs.readFileSync(file);
  }

  /** A certificate in DER (`.cer`/`.der`), as Windows and some CAs hand them out. */
  der(certPem: string): Buffer {
    const input = this.file('.pem');
    fs.writeFileSync(input, certPem);
    const file = this.file('.der');
    this.openssl(['x509', '-in', input, '-outform', 'DER', '-out', file]);
    return fs.readFileSync(file);
  }

  root(name: string): Authority {
    const key = this.key('ec');
    const certFile = this.file('.pem');
    this.openssl(['req', '-x509', '-new', '-key', key.file, '-out', certFile, '-subj', `/CN=${name}`, '-days', '36500',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    return { name, certPem: fs.readFileSync(certFile, 'utf8'), keyFile: key.file, certFile };
  }

  intermediate(issuer: Authority, name: string): Authority {
    const key = this.key('ec');
    const certFile = this.sign(issuer, key.file, name, 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always\n', '2020-01-01', '2040-01-01');
    return { name, certPem: fs.readFileSync(certFile, 'utf8'), keyFile: key.file, certFile };
  }

  /**
   * Seed 004's authorities: one root with the intermediate that issues the site's certificates ("Real CA") and a
   * look-alike the CA might send instead ("Other CA").
   */
  seedAuthorities(): { root: Authority; realCa: Authority; otherCa: Authority } {
    const root = this.root('Demo Root');
    return { root, realCa: this.intermediate(root, 'Real CA'), otherCa: this.intermediate(root, 'Other CA') };
  }

  /** A server certificate for `names` (first one is the CN), valid from `start` to `end` (UTC). */
  leaf(issuer: Authority, names: string[], options: { start: string; end: string; keyType?: KeyType; key?: { file: string; pem: string } }): IssuedCertificate {
    const key = options.key ?? this.key(options.keyType ?? 'rsa');
    const san = names.map((name) => (/^[\d.]+$|:/.test(name) ? `IP:${name}` : `DNS:${name}`)).join(',');
    const certFile = this.sign(issuer, key.file, names[0], `basicConstraints=CA:FALSE\nsubjectAltName=${san}\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always\n`, options.start, options.end);
    return { certPem: fs.readFileSync(certFile, 'utf8'), keyPem: key.pem, keyFile: key.file };
  }

  private sign(issuer: Authority, keyFile: string, commonName: string, extensions: string, start: string, end: string): string {
    const request = this.file('.csr');
    this.openssl(['req', '-new', '-key', keyFile, '-subj', `/CN=${commonName}`, '-out', request]);
    const extensionFile = this.file('.ext');
    fs.writeFileSync(extensionFile, `[ ext ]\n${extensions}`);
    const certFile = this.file('.pem');
    this.openssl(['ca', '-batch', '-notext', '-config', path.join(this.dir, 'ca.cnf'), '-cert', issuer.certFile, '-keyfile', issuer.keyFile,
      '-in', request, '-out', certFile, '-startdate', opensslTime(start), '-enddate', opensslTime(end), '-extfile', extensionFile, '-extensions', 'ext']);
    return certFile;
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface LineageVersion {
  cert: string;
  privkey: string;
  chain: string;
  /** Defaults to cert + chain, as certbot writes it. */
  fullchain?: string;
}

/**
 * Writes archive/NAME/<kind>N.pem for each version (1, 2, …) and live/NAME/<kind>.pem links to the newest
 * (relative, as certbot makes them), under `root` taken as `/`. Returns the renewal file's text.
 */
export function writeLineage(root: string, name: string, versions: LineageVersion[], extraTopLines = ''): string {
  const archive = path.join(root, 'etc/letsencrypt/archive', name);
  const live = path.join(root, 'etc/letsencrypt/live', name);
  fs.mkdirSync(archive, { recursive: true });
  fs.mkdirSync(live, { recursive: true });
  versions.forEach((version, index) => {
    const files = { ...version, fullchain: version.fullchain ?? version.cert + version.chain };
    for (const kind of ['cert', 'privkey', 'chain', 'fullchain'] as const) {
      fs.writeFileSync(path.join(archive, `${kind}${index + 1}.pem`), files[kind], { mode: kind === 'privkey' ? 0o600 : 0o644 });
    }
  });
  for (const kind of ['cert', 'privkey', 'chain', 'fullchain']) {
    fs.symlinkSync(`../../archive/${name}/${kind}${versions.length}.pem`, path.join(live, `${kind}.pem`));
  }
  return renewalText(name, extraTopLines);
}

/** The top of a renewal file as certbot 2.1 writes it. */
export function renewalText(name: string, extraTopLines = ''): string {
  return `# renew_before_expiry = 30 days
version = 2.1.0
archive_dir = /etc/letsencrypt/archive/${name}
cert = /etc/letsencrypt/live/${name}/cert.pem
privkey = /etc/letsencrypt/live/${name}/privkey.pem
chain = /etc/letsencrypt/live/${name}/chain.pem
fullchain = /etc/letsencrypt/live/${name}/fullchain.pem
${extraTopLines}
# Options used in the renewal process
[renewalparams]
account = 0123456789abcdef0123456789abcdef
authenticator = nginx
installer = nginx
server = https://acme-v02.api.letsencrypt.org/directory
key_type = rsa
`;
}

/**
 * A stand-in for the renewal-file parser (another module's job): `key = value` lines, `[section]` and
 * `[[subsection]]` headers, whole-line comments; values unquoted, no lists. Enough for these tests.
 */
export function simpleRenewalDocument(text: string): CertbotDocument {
  const entries: ConfigEntry[] = [];
  const sections: CertbotDocument['sections'] = [];
  let section: string[] = [];
  text.split('\n').forEach((line, number) => {
    const header = line.match(/^\s*(\[+)\s*([^\]]+?)\s*\]+\s*$/);
    if (header) {
      section = header[1].length === 1 ? [header[2]] : [...section.slice(0, header[1].length - 1), header[2]];
      sections.push({ path: section, range: { start: { line: number, character: 0 }, end: { line: number, character: line.length } } });
      return;
    }
    const pair = line.match(/^(\s*)([^=#\s][^=]*?)\s*=\s*(.*?)\s*$/);
    if (!pair) return;
    const keyStart = pair[1].length;
    let valueStart = line.indexOf('=') + 1;
    while (line[valueStart] === ' ' || line[valueStart] === '\t') valueStart++;
    entries.push({
      section,
      key: pair[2],
      value: pair[3],
      line: number,
      keyRange: { start: { line: number, character: keyStart }, end: { line: number, character: keyStart + pair[2].length } },
      valueRange: { start: { line: number, character: valueStart }, end: { line: number, character: valueStart + pair[3].length } },
    });
  });
  return {
    kind: 'renewal',
    entries,
    sections,
    problems: [],
    get(key, where = []) {
      for (let index = entries.length - 1; index >= 0; index--) {
        const entry = entries[index];
        if (entry.key === key && entry.section.join('\0') === where.join('\0')) return entry;
      }
      return undefined;
    },
  };
}

/** Runs certificate rules the way the certbot linter will: severity from the report or the rule's default. */
export function runCertbotRules(
  rules: readonly CertbotRule[],
  options: { host: Host; text: string; path?: string; certName?: string; now: Date; locale?: Locale; expiryDays?: number },
): Finding[] {
  const findings: Finding[] = [];
  const document = simpleRenewalDocument(options.text);
  const locale = options.locale ?? 'en';
  const facts = new HostFacts(options.host);
  for (const rule of rules) {
    const context: CertbotContext = {
      document,
      path: options.path,
      certName: options.certName,
      facts,
      now: options.now,
      expiryDays: options.expiryDays,
      locale,
      t: (key, params) => translate(locale, key, params),
      report(report) {
        findings.push({
          ruleId: rule.id,
          messageId: report.messageId,
          severity: report.severity ?? rule.meta.defaultSeverity,
          range: report.range,
          message: translate(locale, `${rule.id}.${report.messageId}` as Parameters<typeof translate>[1], report.params),
          related: report.related,
        });
      },
    };
    rule.check(context);
  }
  return findings;
}
