// What a rule over a certbot file exports (renewal/*.conf or cli.ini): the same shape as crontab and unit rules.
import type { HostFacts } from '../host/facts';
import type { MessageKey, MessageParams } from '../i18n/catalog';
import type { Report, RuleMeta } from '../rule';
import type { Locale, Range } from '../types';

/** One `key = value` line as certbot's parser (configobj for renewal files, ConfigArgParse for cli.ini) reads it. */
export interface ConfigEntry {
  /** Section path: [] for the top, ['renewalparams'], ['renewalparams', 'webroot_map']. cli.ini has only []. */
  section: readonly string[];
  key: string;
  /** configobj's value: a string, or a list (`webroot_path = /var/www/html,` is a one-element list). */
  value: string | string[];
  line: number;
  keyRange: Range;
  valueRange: Range;
}

export interface CertbotDocument {
  kind: 'renewal' | 'cli-ini';
  entries: ConfigEntry[];
  /** Section headers as written, with the section path they open. */
  sections: { path: readonly string[]; range: Range }[];
  /** Lines the parser rejects (configobj raises on them, so certbot skips the whole renewal file). */
  problems: { messageId: string; params?: MessageParams; range: Range }[];
  /** The last entry with this key in the section (configobj keeps the last duplicate? see configobj.ts). */
  get(key: string, section?: readonly string[]): ConfigEntry | undefined;
}

export interface CertbotContext {
  document: CertbotDocument;
  /** Host path of the file (`/etc/letsencrypt/renewal/example.com.conf`), when it has one. */
  path?: string;
  /** The lineage name (file name without `.conf`), for renewal files. */
  certName?: string;
  facts: HostFacts;
  /** "Now" for expiry checks; tests pin it. */
  now: Date;
  locale: Locale;
  t(key: MessageKey, params?: MessageParams): string;
  report(report: Report): void;
}

export interface CertbotRule {
  id: string;
  meta: RuleMeta;
  check(context: CertbotContext): void;
}
