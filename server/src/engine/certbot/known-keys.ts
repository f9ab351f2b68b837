// Which keys certbot knows, from certbot-options.json (generated from certbot 2.1.0, Debian 12, with the
// nginx, apache and DNS plugins Debian packages: scripts/oracles/certbot-options.sh):
// - cli.ini keys are certbot's long option names; ConfigArgParse turns `key = value` into `--key=value` and
//   argparse accepts a unique prefix of a long option (allow_abbrev), so `renew-hoo` is `--renew-hook`.
//   Anything else makes certbot exit with "unrecognized arguments" (or "ambiguous option") before doing anything.
// - Renewal files: the top section holds what storage.py reads (version, archive_dir, the four file paths,
//   renew_before_expiry); [renewalparams] holds renewal.py's STR/INT/BOOL_CONFIG_ITEMS and pref_challs, webroot's
//   webroot_path/webroot_map, and the prefixed options of the authenticator and installer in use
//   (_restore_plugin_configs). Other option names are what certbot before 0.5 wrote for every option (and
//   storage.relevant_values now leaves out): read by nothing, dropped at the next rewrite.
import options from './certbot-options.json';
import type { OptionResolution } from './rule';

export const CERTBOT_VERSION = options.certbot;

/** Keys newer certbot releases read back that 2.1.0 does not have (certbot 4.0 renewal.py STR_CONFIG_ITEMS). */
const NEWER_RENEWAL_ITEMS = ['preferred_profile', 'required_profile'];
/** Their command-line spellings, so a cli.ini written for a newer certbot is not called unknown. */
const NEWER_OPTIONS = ['preferred-profile', 'required-profile'];

const LONG_OPTIONS: readonly string[] = [...new Set([...options.options.map((option) => option.name), ...NEWER_OPTIONS])].sort();
const LONG_OPTION_SET = new Set(LONG_OPTIONS);
const DESTS = new Set(options.options.map((option) => option.dest));
const OPTION_BY_NAME = new Map(options.options.map((option) => [option.name, option]));

export function longOptions(): readonly string[] {
  return LONG_OPTIONS;
}

/** The action's last long option string (`non-interactive` → `noninteractive`, `domains` → `domain`), as certbot names it. */
export function canonicalOption(name: string): string {
  return OPTION_BY_NAME.get(name)?.canonical ?? name;
}

/** Whether a long option takes no value (store_true and the like): `key = true/false` in cli.ini. */
export function isFlagOption(name: string): boolean {
  const kind = OPTION_BY_NAME.get(name)?.kind;
  return kind === 'flag' || kind === 'count';
}

/** How certbot's argparse resolves the `--key=value` argument ConfigArgParse makes of a cli.ini key. */
export function resolveCliKey(key: string): OptionResolution {
  const bare = key.startsWith('--') ? key.slice(2) : key;
  if (key.startsWith('--') ? LONG_OPTION_SET.has(bare) : LONG_OPTION_SET.has(key)) return { kind: 'exact', option: canonicalOption(bare) };
  // ConfigArgParse: key.strip('-') prefixed with "--"; argparse (3.11 _get_option_tuples) then matches every
  // option string starting with it, and refuses when more than one does.
  const stripped = trimDashes(key);
  if (stripped === '') return { kind: 'unknown' };
  const candidates = LONG_OPTIONS.filter((option) => option.startsWith(stripped));
  if (candidates.length === 1) return { kind: 'prefix', option: canonicalOption(candidates[0]) };
  if (candidates.length > 1) return { kind: 'ambiguous', candidates };
  return { kind: 'unknown' };
}

/** `key.strip('-')`, by scanning: /^-+|-+$/g is quadratic on a long run of dashes. */
function trimDashes(key: string): string {
  let start = 0;
  let end = key.length;
  while (start < end && key[start] === '-') start++;
  while (end > start && key[end - 1] === '-') end--;
  return key.slice(start, end);
}

export const TOP_LEVEL_KEYS: readonly string[] = ['version', 'archive_dir', 'cert', 'privkey', 'chain', 'fullchain', 'renew_before_expiry'];
/** Written by the 0.x renewer (RENEWER_DEFAULTS had renewer_enabled and deploy_before_expiry); read by nothing now. */
const LEGACY_TOP_LEVEL_KEYS = new Set(['renewer_enabled', 'deploy_before_expiry', 'autodeploy', 'autorenew']);

export const CORE_RENEWAL_KEYS: ReadonlySet<string> = new Set([
  ...options.renewal.str,
  ...options.renewal.int,
  ...options.renewal.bool,
  ...options.renewal.other,
  ...NEWER_RENEWAL_ITEMS,
]);

/** Keys the 0.x client wrote into [renewalparams] that were never command-line options (`func`, `checkpoints`). */
const LEGACY_RENEWAL_KEYS = new Set(['func', 'checkpoints', 'verb', 'config_file', 'noninteractive_mode', 'text_mode', 'ifaces', 'agree_dev_preview', 'configurator', 'apache', 'nginx', 'standalone', 'webroot', 'manual', 'init', 'prepare', 'key_path', 'cert_path', 'chain_path', 'fullchain_path', 'domains', 'tos', 'csr', 'verbose_count', 'standalone_supported_challenges', 'tls_sni_01_port', 'manual_test_mode']);

export const PLUGIN_NAMESPACES: readonly string[] = options.pluginNamespaces.filter((namespace) => !namespace.includes(':'));

export type RenewalKeyStatus =
  /** certbot renew reads it. */
  | 'read'
  /** A key certbot (or an older certbot) writes, which `certbot renew` does not read: harmless, gone at the next rewrite. */
  | 'not-read'
  /** A plugin's option for a plugin this lineage does not use: not read, kept only while certbot keeps it. */
  | 'other-plugin'
  | 'unknown';

export function pluginPrefix(name: string | undefined): string | undefined {
  return name && name !== 'None' ? `${name.replace(/-/g, '_')}_` : undefined;
}

/**
 * What certbot does with `key` in a renewal file's `section` (top, [renewalparams], or a subsection), given the
 * lineage's authenticator and installer (renewal.py _restore_plugin_configs reads `<plugin>_*` keys of those two).
 */
export function renewalKeyStatus(section: readonly string[], key: string, authenticator?: string, installer?: string): RenewalKeyStatus {
  if (section.length === 0) {
    if (TOP_LEVEL_KEYS.includes(key)) return 'read';
    return LEGACY_TOP_LEVEL_KEYS.has(key) ? 'not-read' : 'unknown';
  }
  if (section.length !== 1 || section[0] !== 'renewalparams') return 'read';
  if (CORE_RENEWAL_KEYS.has(key)) return 'read';
  // webroot's own keys come back through _restore_webroot_config, not the prefix loop (which skips webroot).
  const prefixes: string[] = [];
  if (authenticator === 'webroot') {
    if (key === 'webroot_path' || key === 'webroot_map') return 'read';
  } else if (authenticator) prefixes.push(pluginPrefix(authenticator) ?? '');
  // `renewalparams.get("installer") is not None`: the string "None" counts too, harmlessly.
  if (installer !== undefined) prefixes.push(`${installer.replace(/-/g, '_')}_`);
  if (prefixes.some((prefix) => prefix !== '' && key.startsWith(prefix))) return 'read';
  if (key === 'webroot_path' || key === 'webroot_map') return 'other-plugin';
  if (PLUGIN_NAMESPACES.some((namespace) => key.startsWith(namespace)) || /^dns_[a-z0-9_]+_(credentials|propagation_seconds)$/.test(key)) return 'other-plugin';
  if (DESTS.has(key) || LEGACY_RENEWAL_KEYS.has(key) || options.renewal.deprecated.includes(key)) return 'not-read';
  return 'unknown';
}

/** Every key a renewal file's section may hold, for did-you-mean. */
export function renewalKeyCandidates(section: readonly string[]): readonly string[] {
  if (section.length === 0) return TOP_LEVEL_KEYS;
  return [...CORE_RENEWAL_KEYS, ...[...DESTS].filter((dest) => PLUGIN_NAMESPACES.some((namespace) => dest.startsWith(namespace))), 'webroot_path'];
}
