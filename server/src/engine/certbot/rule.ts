// What a rule over a certbot file exports (renewal/*.conf or cli.ini): the same shape as crontab and unit rules,
// and the parsed-document shape both certbot parsers (configobj.ts, cli-ini.ts) produce.
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
  /** Last line of the entry (a triple-quoted configobj value may span lines); `line` when it is one line. */
  endLine?: number;
  /** cli.ini only: the key resolved the way certbot's argparse resolves `--key=value` (see cli-ini.ts). */
  option?: OptionResolution;
}

export type OptionResolution =
  | { kind: 'exact'; option: string }
  | { kind: 'prefix'; option: string }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'unknown' };

export interface ParseProblem {
  /** `certbot/invalid-syntax.<messageId>` in the catalog. */
  messageId: string;
  params?: MessageParams;
  range: Range;
}

export interface CertbotDocument {
  kind: 'renewal' | 'cli-ini';
  /** The text and its lines as the editor numbers them (optional so hand-built documents in tests stay small). */
  text?: string;
  lines?: readonly string[];
  entries: ConfigEntry[];
  /** Section headers as written, with the section path they open. */
  sections: { path: readonly string[]; range: Range }[];
  /** Lines the parser rejects (configobj raises on them, so certbot skips the whole renewal file; ConfigArgParse
   *  raises, so certbot refuses to start). */
  problems: ParseProblem[];
  /**
   * The entry certbot uses for this key in the section: configobj keeps the *first* of duplicates (and reports a
   * DuplicateError, so the file is skipped anyway); ConfigArgParse keeps the *last* (an OrderedDict assignment).
   */
  get(key: string, section?: readonly string[]): ConfigEntry | undefined;
}

export interface CertbotContext {
  document: CertbotDocument;
  /** Host path of the file (`/etc/letsencrypt/renewal/example.com.conf`), when it has one. */
  path?: string;
  /** The lineage name (file name without `.conf`), for renewal files. */
  certName?: string;
  /** certbot's config folder the file belongs to (`/etc/letsencrypt`), from its path; the default without one. */
  configDir?: string;
  facts: HostFacts;
  /** "Now" for expiry checks; tests pin it. */
  now: Date;
  /** `certificates.expiryDays` of the project's config (certbot/cert-expiring), when set. */
  expiryDays?: number;
  locale: Locale;
  t(key: MessageKey, params?: MessageParams): string;
  report(report: Report): void;
}

export interface CertbotRule {
  id: string;
  meta: RuleMeta;
  check(context: CertbotContext): void;
}

/** A value as one string (a configobj list joined the way certbot would see it printed), for messages. */
export function valueText(value: string | string[]): string {
  return Array.isArray(value) ? value.join(', ') : value;
}

export function sameSection(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((part, index) => part === right[index]);
}
