// Which of schedlint's formats a file is in, and why: a choice (`--kind`, the editor's status bar), the
// editor's language id, the path, or the content. The one place the CLI, the server, the host scan and the
// repository walk ask; each format says what it claims and how sure (formats/format.ts claimPath,
// claimContent), and the strongest claim wins (a tie goes to the format listed first in formats/registry.ts).
// The crontab formats' own finer rules (settings, install steps, the content vote) stay in crontab/kind.ts.
//
// Path rules match by the tail, so a host file copied anywhere keeps its format (`…/var/spool/cron/root`,
// `…/letsencrypt/renewal/x.conf`). Content rules exist because the same files are linted away from any host
// path (`schedlint ./example.com.conf`). What no format claims (INI of another program, a script, a binary file, a
// program in a run-parts folder, a README) is `unrecognized`: not linted, and the CLI says why.
import * as path from 'node:path';
import { isRunPartsPath, notACrontab, type KindReason } from './crontab/kind';
import { isDocumentationName } from './util/documentation-name';
import { CLAIM_SCORES, type Claim, type FileFormat, type FormatDecision } from './formats/format';
import { FALLBACK_FORMAT, FORMATS } from './formats/registry';
import { HostFacts } from './host/facts';
import type { Host } from './host/host';
import { MemoryHost } from './host/memory-host';

export type { FormatDecision } from './formats/format';

/** Every format `--kind` accepts, in the order the help lists them. */
export const FORMAT_NAMES: readonly string[] = FORMATS.flatMap((format) => format.kinds);
export type FormatName = string;

export function isFormatName(value: string): value is FormatName {
  return FORMAT_NAMES.includes(value);
}

/** The format a `--kind` value belongs to. */
export function formatOfKind(kind: string): FileFormat | undefined {
  return FORMATS.find((format) => format.kinds.includes(kind));
}

interface Claimed {
  format: FileFormat;
  claim: Claim;
}

/** The strongest claim among the formats' answers; the first format wins a tie. */
function strongest(ask: (format: FileFormat) => Claim | undefined, formats: readonly FileFormat[] = FORMATS): Claimed | undefined {
  let best: Claimed | undefined;
  for (const format of formats) {
    const claim = ask(format);
    if (claim && (!best || CLAIM_SCORES[claim.strength] > CLAIM_SCORES[best.claim.strength])) best = { format, claim };
  }
  return best;
}

/** The format whose path rules claim the file, and how sure. */
export function claimOfPath(filePath: string, host?: Host): Claimed | undefined {
  return strongest((format) => format.claimPath(filePath, host));
}

/** The format (its kind) a path names (tail match), or undefined when only the content can tell. */
export function formatFromPath(filePath: string, host?: Host): FormatName | undefined {
  return claimOfPath(filePath, host)?.claim.kind;
}

const NO_HOST = new HostFacts(new MemoryHost());

/**
 * The format the text is in when its content says so (more than a guess), `ini` for INI-shaped text no format
 * claims, or undefined when it may be a crontab.
 */
export function formatFromContent(text: string, facts: HostFacts = NO_HOST): FormatName | 'ini' | undefined {
  const best = strongest((format) => format.claimContent(text, facts));
  if (!best) return 'ini';
  return best.claim.strength === 'guess' ? undefined : best.claim.kind;
}

/**
 * The format to lint a file in: `--kind`, then the path, then the content (certbot's and systemd's INI first,
 * then the crontab vote). A crontab path is never overruled by the content: a copy of `/var/spool/cron/root`
 * whose job starts with `root` stays a user crontab, and the user-column rule says what is wrong with it.
 */
export function decideFormat(options: { path?: string; text: string; facts: HostFacts; explicit?: { kind: FormatName; reason: KindReason } }): FormatDecision {
  if (options.explicit) return { format: options.explicit.kind, reason: options.explicit.reason };
  // A README or a licence kept beside the files it describes (a repository's `cron.d/README.md`): prose, whatever
  // folder it sits in. Linted as a crontab it gave errors on every sentence. `--kind` still lints it.
  if (options.path !== undefined && isDocumentationName(path.posix.basename(options.path))) return { format: 'unrecognized', reason: 'path', notLinted: 'documentation' };
  const byPath = options.path !== undefined ? formatFromPath(options.path, options.facts.host) : undefined;
  if (byPath) return { format: byPath, reason: 'path' };
  // A program run-parts runs (`/etc/cron.daily/logrotate`), whatever its lines look like: `--kind` still lints it.
  if (options.path !== undefined && isRunPartsPath(options.path)) return { format: 'unrecognized', reason: 'path', notLinted: 'run-parts' };
  const byContent = strongest((format) => format.claimContent(options.text, options.facts));
  if (!byContent) return { format: 'unrecognized', reason: 'content', notLinted: notACrontab(options.text) ?? 'ini' };
  return byContent.claim.weak !== undefined ? { format: byContent.claim.kind, reason: 'content', weak: byContent.claim.weak } : { format: byContent.claim.kind, reason: 'content' };
}

/**
 * Editor languages that clients send for some paths only (the VS Code client selects YAML documents by the
 * pattern `.github/workflows/*.{yml,yaml}`): a document in one of them that no format claims is linted by none,
 * not read as the fallback's crontab. Other clients (Neovim) may send every YAML file they open.
 */
const PATH_ONLY_LANGUAGES: ReadonlySet<string> = new Set(['yaml']);

/** What lints a document no format may lint: nothing, and no finding. */
export const NO_FORMAT: FileFormat = {
  id: 'none',
  kinds: [],
  languageIds: [],
  rules: [],
  messagePrefixes: [],
  fixtures: '',
  comments: { line: [] },
  inlineDisables: false,
  repositoryFiles: 'claimed',
  claimPath: () => undefined,
  claimContent: () => undefined,
  affectsHost: () => false,
  lint: () => ({ findings: [] }),
  report: (_result, decision) => ({ kind: 'unrecognized', assumed: decision }),
};

/**
 * The format of an editor's document: the strongest claim by its language id or its path, else the fallback
 * (nothing for a YAML document no format claims: PATH_ONLY_LANGUAGES).
 * The fallback's own language ids claim nothing: a document is a crontab when nothing else claims it anyway,
 * and a unit or certbot path opened as `crontab` stays what its path says.
 */
export function formatOfDocument(languageId: string, hostPath: string | undefined, host: Host): { format: FileFormat; kind?: string } {
  const others = FORMATS.filter((format) => format !== FALLBACK_FORMAT);
  const best = strongest((format) => (format.languageIds.includes(languageId) ? { kind: format.kinds.includes(languageId) ? languageId : format.kinds[0], strength: 'language' } : hostPath !== undefined ? format.claimPath(hostPath, host) : undefined), others);
  if (best) return { format: best.format, kind: best.claim.kind };
  return { format: PATH_ONLY_LANGUAGES.has(languageId) ? NO_FORMAT : FALLBACK_FORMAT };
}

/** Whether saving this host file changes what the host runs (any format's files, run-parts folders, links). */
export function affectsHost(hostPath: string, host: Host): boolean {
  return FORMATS.some((format) => format.affectsHost(hostPath, host));
}
