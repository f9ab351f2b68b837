// Hover text in certbot's files: our own short docs for the keys of renewal files (storage.py's top section,
// renewal.py's restored [renewalparams] items, plugin options, [[webroot_map]] entries) and for cli.ini's long
// options (resolved as certbot's argparse resolves them, prefixes included); on the certificate files a renewal
// file points at, the certificate facts; on `privkey`, only whether it belongs to the certificate (never key
// material). Keys certbot does not know get no hover: certbot/unknown-key explains them.
import type { HostFacts } from '../host/facts';
import { isMessageKey, translate, type MessageKey, type MessageParams } from '../i18n/catalog';
import type { Locale, Position, Range } from '../types';
import { describeCertificateFile, describePrivateKeyMatch } from './certificates';
import { canonicalOption, longOptions, PLUGIN_NAMESPACES, resolveCliKey, TOP_LEVEL_KEYS } from './known-keys';
import type { CertbotDocument, ConfigEntry } from './rule';

export interface CertbotHoverOptions {
  /** The host the paths in the file lead to; without it no certificate is read. */
  facts?: HostFacts;
  locale: Locale;
  now: Date;
  /** Host path of the hovered file, as the rules get it (the hover does not need it yet). */
  path?: string;
}

export interface CertbotHover {
  markdown: string;
  range: Range;
}

const CERTIFICATE_KEYS = new Set(['cert', 'fullchain', 'chain']);

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const contains = (range: Range, position: Position) => before(range.start, position) && before(position, range.end);

export function hoverCertbotAt(document: CertbotDocument, position: Position, options: CertbotHoverOptions): CertbotHover | undefined {
  const t = (key: MessageKey, params?: MessageParams) => translate(options.locale, key, params);
  if (document.kind === 'renewal') {
    for (const section of document.sections) {
      if (!contains(section.range, position)) continue;
      const name = section.path[section.path.length - 1];
      const key = `certbot-editor.section.${name}`;
      return isMessageKey(key) ? { markdown: `**[${section.path.length > 1 ? `[${name}]` : name}]** — ${t(key)}`, range: section.range } : undefined;
    }
  }
  const entry = document.entries.find((candidate) => contains({ start: candidate.keyRange.start, end: candidate.valueRange.end }, position));
  if (!entry) return undefined;
  const range = { start: entry.keyRange.start, end: entry.valueRange.end };
  const doc = document.kind === 'renewal' ? renewalDoc(entry, t) : cliIniDoc(entry, t);
  if (!doc) return undefined;
  const parts = [doc];
  if (document.kind === 'renewal' && entry.section.length === 0 && contains(entry.valueRange, position) && typeof entry.value === 'string' && entry.value !== '') {
    const facts = fileFacts(document, entry, options);
    if (facts) parts.push(facts);
  }
  return { markdown: parts.join('\n\n'), range };
}

function renewalDoc(entry: ConfigEntry, t: (key: MessageKey, params?: MessageParams) => string): string | undefined {
  const { section, key } = entry;
  if (section.length === 0) {
    if (!TOP_LEVEL_KEYS.includes(key)) return undefined;
    return titled(key, t(`certbot-editor.key.${key}` as MessageKey));
  }
  if (section.length === 2 && section[0] === 'renewalparams' && section[1] === 'webroot_map') {
    const path = Array.isArray(entry.value) ? entry.value.join(', ') : entry.value;
    return titled(key, t('certbot-editor.webrootMapEntry', { name: key, path }));
  }
  if (section.length !== 1 || section[0] !== 'renewalparams') return undefined;
  const docKey = `certbot-editor.param.${key}`;
  if (isMessageKey(docKey) && docKey !== 'certbot-editor.param.plugin') return titled(key, t(docKey));
  // Plugin options (`nginx_ctl`, `dns_cloudflare_credentials`): renewal.py _restore_plugin_configs reads the
  // `<plugin>_` keys of the lineage's authenticator and installer.
  const namespace = [...PLUGIN_NAMESPACES].sort((a, b) => b.length - a.length).find((prefix) => key.startsWith(prefix));
  if (namespace) return titled(key, t('certbot-editor.param.plugin', { plugin: namespace.slice(0, -1).replace(/_/g, '-') }));
  return undefined;
}

function cliIniDoc(entry: ConfigEntry, t: (key: MessageKey, params?: MessageParams) => string): string | undefined {
  const resolution = entry.option ?? resolveCliKey(entry.key);
  if (resolution.kind !== 'exact' && resolution.kind !== 'prefix') return undefined;
  const written = entry.key.replace(/^--/, '');
  // The doc of the name as written, else of any spelling of the same option (`keep` → `keep-until-expiring`).
  const canonical = resolution.option;
  const spellings = [written, canonical, ...longOptions().filter((name) => canonicalOption(name) === canonical)];
  const docKey = spellings.map((name) => `certbot-editor.option.${name}`).find((candidate) => isMessageKey(candidate) && candidate !== 'certbot-editor.option.generic');
  const title = `**${written}** (\`--${resolution.kind === 'prefix' ? canonical : written}\`)`;
  return `${title} — ${docKey ? t(docKey as MessageKey) : t('certbot-editor.option.generic', { name: canonical })}`;
}

const titled = (key: string, text: string) => `**${key}** — ${text}`;

/** Certificate facts for cert/fullchain/chain, the key match for privkey. */
function fileFacts(document: CertbotDocument, entry: ConfigEntry, options: CertbotHoverOptions): string | undefined {
  const host = options.facts?.host;
  if (!host || typeof entry.value !== 'string') return undefined;
  if (CERTIFICATE_KEYS.has(entry.key)) return describeCertificateFile(host, entry.value, options.now, options.locale);
  if (entry.key === 'privkey') {
    const cert = document.get('cert', []);
    if (!cert || typeof cert.value !== 'string') return undefined;
    return describePrivateKeyMatch(host, entry.value, cert.value, options.locale);
  }
  return undefined;
}
