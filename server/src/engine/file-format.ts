// Which of schedlint's formats a file given on its own is in (a crontab of either format, a systemd unit, a
// certbot renewal file or cli.ini), and why: a choice (`--kind`), the path, or the content. The one place the
// CLI, the host scan and the repository walk ask; the crontab formats' own rules (settings, install steps,
// the crontab content vote) stay in crontab/kind.ts.
//
// Path rules match by the tail, so a host file copied anywhere keeps its format (`…/var/spool/cron/root`,
// `…/letsencrypt/renewal/x.conf`). Content rules exist because the same files are linted away from any host
// path (`schedlint ./example.com.conf`): certbot's files are INI (configobj, ConfigArgParse), units are
// systemd's INI dialect, and an INI-shaped file is never a crontab (cron rejects a line starting with `[`).
import * as path from 'node:path';
import { certbotFileKind, type CertbotFileKind } from './certbot/lint-certbot';
import { resolveCliKey } from './certbot/known-keys';
import { guessKindFromContent, kindFromPath, type KindReason } from './crontab/kind';
import type { HostFacts } from './host/facts';
import type { Host } from './host/host';
import { isUnitFilePath } from './systemd/lint-unit';
import type { FileKind } from './types';

/** Every format `--kind` accepts, in the order the help lists them. */
export const FORMAT_NAMES = ['crontab-system', 'crontab-user', 'unit', 'certbot-renewal', 'certbot-cli-ini'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export function isFormatName(value: string): value is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(value);
}

export function isCrontabFormat(format: FormatName): format is FileKind {
  return format === 'crontab-system' || format === 'crontab-user';
}

export interface FormatDecision {
  /** `unrecognized`: INI-shaped text that is none of certbot's files nor a unit; nothing lints it. */
  format: FormatName | 'unrecognized';
  reason: KindReason;
  /** With reason `content`: the guess rested on little (see crontab/kind.ts guessKindFromContent). */
  weak?: boolean;
}

/** The format a path names (tail match), or undefined when only the content can tell. */
export function formatFromPath(filePath: string, host?: Host): FormatName | undefined {
  const certbot: CertbotFileKind | undefined = certbotFileKind(filePath, host);
  if (certbot) return certbot;
  if (isUnitFilePath(filePath)) return 'unit';
  const crontab = kindFromPath(filePath);
  if (crontab) return crontab;
  // A repository's `cron.d/NAME` is headed for /etc/cron.d whatever folder holds it.
  if (path.posix.basename(path.posix.dirname(filePath)) === 'cron.d') return 'crontab-system';
  return undefined;
}

const SECTION = /^\s*\[([^\]\n]+)\]\s*$/;
const UNIT_SECTIONS = new Set(['Unit', 'Install', 'Service', 'Timer', 'Socket', 'Path', 'Mount', 'Automount', 'Swap', 'Slice', 'Scope']);

/**
 * The non-crontab format the text is in, `ini` for INI-shaped text of no known kind, or undefined when it
 * may be a crontab.
 */
export function formatFromContent(text: string): Exclude<FormatName, FileKind> | 'ini' | undefined {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith(';'));
  const sections = lines.flatMap((line) => SECTION.exec(line)?.[1].trim() ?? []);
  // certbot storage.py writes `version =`, `archive_dir =` and the four file paths above [renewalparams].
  if (sections.includes('renewalparams')) return 'certbot-renewal';
  const keys = lines.flatMap((line) => /^([A-Za-z_][\w.-]*)\s*=/.exec(line)?.[1] ?? []);
  if (keys.includes('version') && keys.some((key) => ['archive_dir', 'cert', 'privkey', 'chain', 'fullchain'].includes(key))) return 'certbot-renewal';
  if (sections.some((section) => UNIT_SECTIONS.has(section))) return 'unit';
  if (sections.length > 0) return 'ini';
  // cli.ini: only `key = value` and bare flag lines, most of them certbot's long options. Crontab environment
  // lines (`MAILTO=root`, `PATH=…`) name no certbot option.
  const iniShaped = lines.length > 0 && lines.every((line) => /^[A-Za-z][\w-]*\s*(=.*)?$/.test(line));
  if (!iniShaped) return undefined;
  const names = lines.map((line) => /^[A-Za-z][\w-]*/.exec(line)![0]);
  const known = names.filter((name) => resolveCliKey(name).kind === 'exact').length;
  return known > 0 && known * 2 >= names.length ? 'certbot-cli-ini' : undefined;
}

/**
 * The format to lint a file in: `--kind`, then the path, then the content (certbot's and systemd's INI first,
 * then the crontab vote). A crontab path is never overruled by the content: a copy of `/var/spool/cron/root`
 * whose job starts with `root` stays a user crontab, and the user-column rule says what is wrong with it.
 */
export function decideFormat(options: { path?: string; text: string; facts: HostFacts; explicit?: { kind: FormatName; reason: KindReason } }): FormatDecision {
  if (options.explicit) return { format: options.explicit.kind, reason: options.explicit.reason };
  const byPath = options.path !== undefined ? formatFromPath(options.path, options.facts.host) : undefined;
  if (byPath) return { format: byPath, reason: 'path' };
  const byContent = formatFromContent(options.text);
  if (byContent === 'ini') return { format: 'unrecognized', reason: 'content' };
  if (byContent) return { format: byContent, reason: 'content' };
  const guess = guessKindFromContent(options.text, options.facts);
  return { format: guess.kind, reason: 'content', weak: guess.weak };
}
