// What one file format is to schedlint: the files it claims (by language id, path or content, and how sure),
// how it lints them, and what an editor gets from its results (hover, completion, code lenses, the status
// bar). Each format is one module beside its parser (crontab/format.ts, systemd/format.ts, certbot/format.ts)
// and one line of formats/registry.ts; the language server, the CLI, the host scan and the repository scan
// iterate the registry and name no format.
//
// Modelled on VS Code's language features (a provider per document selector, the selector's match score
// deciding between providers: `languages.match`), ESLint plugins (a plugin bundles its rules, processors and
// configs in one object) and Ruff's per-linter rule registry (the CLI and the server read one table).
import type { KindReason } from '../crontab/kind';
import type { HostFacts, DialectChoice } from '../host/facts';
import type { Host, HostFiles } from '../host/host';
import type { CronProgram, InstallStep } from '../install/model';
import type { LintResult, LintSettings } from '../lint';
import type { RuleMeta } from '../rule';
import type { Utf8Check } from '../util/utf8';
import type { UnitLintResult } from '../systemd/lint-unit';
import type { CertbotLintResult } from '../certbot/lint-certbot';
import type { CronDialect, Finding, Locale, Position, Range, SeveritySetting } from '../types';

/**
 * How sure a claim is; the highest wins, a tie goes to the format listed first in the registry. Path claims
 * outrank content claims, so a crontab path is never overruled by what the file holds (a copy of
 * `/var/spool/cron/root` whose job starts with `root` stays a user crontab). Within each:
 * - `language`: the editor's language id of the document (the user's or the editor's explicit choice);
 * - `name`: a file name or layout only this format uses (`*.timer`, `letsencrypt/renewal/*.conf`);
 * - `folder`: a folder whose every file the program reads (`/etc/cron.d/*`, the cron spool);
 * - `signature`: content only this format's writer produces (certbot's `[renewalparams]`);
 * - `shape`: content shaped like the format (a unit's `[Timer]` sections, cli.ini's option names);
 * - `guess`: a vote over the lines, the format any text may be (crontab, the fallback).
 */
export const CLAIM_SCORES = { language: 60, name: 50, folder: 40, signature: 30, shape: 20, guess: 10 } as const;
export type ClaimStrength = keyof typeof CLAIM_SCORES;

export interface Claim {
  /** One of the format's `kinds` (the `--kind` value). */
  kind: string;
  strength: ClaimStrength;
  /** A `guess` that rested on few or disagreeing lines (the CLI and status bar say so). */
  weak?: boolean;
}

/** How the format of a file was decided (file-format.ts decideFormat). */
export interface FormatDecision {
  /** `unrecognized`: text that no format claims (INI of another program, a script, a binary file); nothing lints it. */
  format: string;
  reason: KindReason;
  /** With reason `content`: the guess rested on little (see crontab/kind.ts guessKindFromContent). */
  weak?: boolean;
  /**
   * With format `unrecognized`: what the file is instead (`ini` of no format of ours, a `script`, a `binary`
   * file, a program in a `run-parts` folder), for the line that says it was not linted.
   */
  notLinted?: 'ini' | 'script' | 'binary' | 'run-parts' | 'documentation';
}

export interface Assumption extends FormatDecision {
  /** Crontabs: the cron that reads the file, and where that choice came from. */
  dialect?: CronDialect;
  dialectSource?: DialectChoice['source'] | 'install';
  /** With dialectSource `os-release`: the distribution it names. */
  distribution?: string;
  /** The cron that reads the file when `dialect` only stands in for it (an Alpine image's busybox crond). */
  cron?: CronProgram;
  /** A Jinja template's lines (0-based) that were not checked: Jinja decides their schedule, user or text. */
  unchecked?: number[];
}

export interface FileReport {
  /** Host path (`/etc/crontab`), or the path as given for files outside a host. */
  path: string;
  /**
   * What the file was read as: a format's report kind (`crontab-system`, `crontab-user`, `systemd-timer`,
   * `systemd-service`, …, `certbot-renewal`, `certbot-cli-ini`, `certbot-hook`), or `unreadable`, `installer`
   * (a Dockerfile, playbook, manifest reported for its install steps), `unrecognized` (INI that is no format of
   * ours), `internal-error` (checking it hit a bug).
   */
  kind: string;
  findings: Finding[];
  /** What the file was read as, and why (the CLI's `--verbose` line and JSON `assumed`). */
  assumed?: Assumption;
  /** The lint result, for callers that look inside (hovers of a repository's files, tests), by format. */
  result?: LintResult;
  unit?: UnitLintResult;
  certbot?: CertbotLintResult;
}

/** What every format's lint returns; the rest of the result is the format's own (its document, its kinds). */
export interface FormatResult {
  findings: Finding[];
}

/** One file to lint, as any caller has it. */
export interface LintInput {
  text: string;
  /** Host path (normalized), when the text is a file of a host. */
  path?: string;
  facts: HostFacts;
  locale: Locale;
  settings?: LintSettings;
  /** A kind the user chose (`--kind`, the editor's status bar); a format takes it only when it is one of its kinds. */
  explicit?: { kind: string; reason: KindReason };
  /** The kind the path or content decided (decideFormat), when the caller asked. */
  decided?: string;
  /**
   * The file was met by a folder scan (a repository, the editor's workspace), not named by the user (a path
   * given, an open document): a format may stay silent where only the file's name made it claim the file.
   */
  scanned?: boolean;
  /** The editor's language id of the document. */
  languageId?: string;
  /** How a repository installs the file (install/find.ts). */
  installs?: readonly InstallStep[];
  /** Whether the bytes were UTF-8, when a Host read them (text-check.ts); absent for an editor's text. */
  utf8?: Utf8Check;
  /**
   * The file's bytes as the Host has them, for formats whose files may be binary (DER certificates); read only
   * when called. Absent when the text is not a file (standard input, an unsaved editor document).
   */
  bytes?: () => Uint8Array | undefined;
  /**
   * This format's last result for the same document (the editor's previous lint of it), which a format may
   * reuse the unchanged part of (crontab: an edit inside one job line). Never changes the findings.
   */
  previous?: unknown;
  /** The caller will pass this lint's result as `previous` for the next version of the text (the language server). */
  incremental?: boolean;
}

export interface HoverContext {
  /** The host of the document, with the cron dialect of the settings. */
  facts: HostFacts;
  locale: Locale;
  /** Workspace trust: no reads of the host's other files (certificates) in an untrusted workspace. */
  trusted: boolean;
  now: Date;
  path?: string;
}

export interface Hover {
  markdown: string;
  range: Range;
}

export interface Completion {
  label: string;
  insertText: string;
  documentation?: string;
}

/**
 * A line of the document with a shell command the user may run in a terminal (not run by us), or with one of
 * the editor's own commands (`editorCommand`: a status at a glance whose click opens, say, a comparison).
 */
export interface CodeLens {
  range: Range;
  title: string;
  command?: string;
  editorCommand?: { command: string; arguments?: unknown[] };
}

/** What comparing a document with another file of its format shows (the editor's "Compare with…"). */
export interface Comparison {
  title: string;
  markdown: string;
}

/** What the editor's status bar shows about a document (the `schedlint/documentInfo` notification). */
export interface DocumentInfo {
  kind: string;
  reason: string;
  dialect?: string;
  label: string;
  tooltip: string;
}

export type { HostFiles } from '../host/host';

export interface RuleInfo {
  id: string;
  meta: RuleMeta;
}

export interface FileFormat<R extends FormatResult = FormatResult> {
  /** The family of its rules and docs (`docs/rules/<id>/`), and its name in the registry. */
  id: string;
  /** The kinds of file it lints, as `--kind` names them, in the order the help lists them. */
  kinds: readonly string[];
  /** Editor language ids of its files (package.json `contributes.languages`, and other extensions' ids). */
  languageIds: readonly string[];
  /** Its rules, in the order their findings are listed for one line. */
  rules: readonly RuleInfo[];
  /** Rules reported by hostFindings() about host files that are not linted as text. */
  hostRules?: readonly RuleInfo[];
  /**
   * Rules that read other files of the host the file is on (certificates, web servers, key modes): off for a
   * repository's copy, which is not on the host it is for (`--rule` turns them back on).
   */
  hostBoundRules?: readonly string[];
  /** Prefixes of the message keys it owns besides `<rule id>.` (hover, editor and status texts). */
  messagePrefixes: readonly string[];
  /** Its fixtures: `test/fixtures/<fixtures>/<rule name>/`. */
  fixtures: string;
  /** How a comment starts in its files (an inline `# schedlint-disable` is one of them). */
  comments: { line: readonly string[] };
  /** Whether `schedlint-disable` comments work in its files (engine/disable.ts; offered as quick fixes). */
  inlineDisables: boolean;
  /**
   * How a repository's copies are found: `claimed`, every file its path or content claims; `installed`, the
   * files install steps name and the names install/find.ts knows (crontabs: their format comes from the step).
   */
  repositoryFiles: 'claimed' | 'installed';

  /** Whether the path is one of its files, and how sure that is (`name` or `folder`). */
  claimPath(filePath: string, host?: Host): Claim | undefined;
  /** Whether the text is one of its files (`signature`, `shape` or `guess`). */
  claimContent(text: string, facts: HostFacts): Claim | undefined;
  /** Whether saving this host file changes what the host runs (the server reads the host's schedule again). */
  affectsHost(hostPath: string, host: Host): boolean;

  lint(input: LintInput): R;
  /** The report of a linted file: its kind and what was assumed (`decision`: how the format was chosen). */
  report(result: R, decision: FormatDecision): Omit<FileReport, 'path' | 'findings'>;
  /** The report kind of a host file with host-wide findings but no report of its own, if the path is its. */
  reportKindOf?(hostPath: string): string | undefined;

  /** The host's files it lints in `--root`/`--host`, in the order they are reported. */
  hostFiles?(facts: HostFacts): HostFiles;
  /** Findings about host files that are not linted as text (a hook that is not executable), by host path. */
  hostFindings?(facts: HostFacts, locale: Locale, severities?: Record<string, SeveritySetting>): Map<string, Finding[]>;

  hover?(result: R, position: Position, context: HoverContext): Hover | undefined;
  /** Completions at `position` of the line `lineText`. */
  complete?(result: R, lineText: string, position: Position, locale: Locale): Completion[];
  codeLenses?(result: R, hostPath: string | undefined, options: { trusted: boolean; locale: Locale }): CodeLens[];
  /** The name of the terminal its code lenses' commands are typed into. */
  terminalName?: string;
  documentInfo?(result: R, locale: Locale): DocumentInfo;
  /** The document beside another file of the same kind (the one it replaces): markdown, or a reason it can't. */
  compare?(result: R, other: { path: string; data: Uint8Array }, context: { locale: Locale; now: Date }): Comparison | { unavailable: string };
}
