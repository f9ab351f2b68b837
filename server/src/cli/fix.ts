// `schedlint --fix`, `--fix-dry-run` and `--diff`: apply the safe preferred fix of every finding in the files
// given, the way `eslint --fix` and `ruff --fix` do. Fixes are applied in memory and the files linted again
// until nothing changes (at most MAX_PASSES: a fix can reveal the next problem on its line), then each
// changed file is written atomically (a temporary file in the same folder, the original's mode and owner,
// rename) — or, with --diff, shown as a unified diff and not written. The caller lints the result afterwards
// and reports what remains. Never with --root/--host: those lint a host's own files, which schedlint never
// edits except through an edit the user applies in the editor.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAllEdits } from '../engine/fix-all';
import { HostFacts } from '../engine/host/facts';
import { FsHost } from '../engine/host/fs-host';
import type { Host, HostReadResult } from '../engine/host/host';
import { translate } from '../engine/i18n/catalog';
import type { LintFileOptions } from '../engine/scan';
import type { Finding, Locale, TextEdit } from '../engine/types';
import type { CliOptions } from './args';
import { unifiedDiff } from './diff';
import { escapeControls } from './output';
import type { CliConfig } from './config';
import { lintGivenPaths } from './lint-given';
import { decodeFileName, fileSystemPath, showFileNameBytes } from '../engine/util/file-names';

/** Enough for a fix that reveals the next problem on its line, and the one after; a loop stops here. */
export const MAX_PASSES = 10;

export interface FixIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

interface FixedFile {
  /** Path as the user gave it (or as the repository walk found it), for messages. */
  path: string;
  original: string;
  text: string;
  /** Every text this file had, so a pair of fixes undoing each other stops at once. */
  seen: Set<string>;
  applied: { finding: Finding; line: number }[];
}

/**
 * Runs the fix passes over the paths of `options` (files and folders on this machine). `exit`: the run ends
 * here with that status (--diff: 1 when a fix would apply, else 0); otherwise the files are written and the
 * caller lints and reports them as usual, exiting 2 when `failed` (a file could not be written).
 */
export function runFixes(options: CliOptions, settings: LintFileOptions['settings'], config: CliConfig, io: FixIo): { exit?: number; failed: boolean } {
  const files = new Map<string, FixedFile>();
  const host = new OverlayHost(new FsHost('/'), files);
  const lintOptions = (): LintFileOptions => ({ facts: new HostFacts(host, options.dialect), settings, locale: options.locale, explicitKind: options.kind ? { kind: options.kind, reason: 'cli' } : undefined });
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const lint = lintOptions();
    let changed = false;
    // The walk and configuration of a lint run (lint-given.ts): a format a config names is the one fixed in,
    // rules it turns off are not fixed.
    for (const report of lintGivenPaths(options.paths, lint, config)) {
      if (report.path === '-' || !report.findings.some((finding) => finding.fixes?.some((fix) => fix.safe && fix.isPreferred))) continue;
      const file = files.get(report.path) ?? startFile(report.path, host);
      if (!file) continue;
      const edits = fixAllEdits(report.findings, true);
      if (edits.length === 0) continue;
      const document = TextDocument.create('file:///fixed', 'plaintext', 0, file.text);
      const next = TextDocument.applyEdits(document, edits);
      if (file.seen.has(next)) continue;
      file.applied.push(...appliedFindings(report.findings, edits));
      file.seen.add(next);
      file.text = next;
      files.set(report.path, file);
      changed = true;
    }
    if (!changed) break;
  }

  const fixed = [...files.values()].filter((file) => file.text !== file.original);
  const log = options.format === 'text' && !options.diff ? io.stdout : io.stderr;
  if (options.diff) {
    for (const file of fixed) io.stdout(escapeTerminal(unifiedDiff(showFileNameBytes(file.path), file.original, file.text)));
    return { exit: fixed.length > 0 ? 1 : 0, failed: false };
  }
  let failed = false;
  const written: FixedFile[] = [];
  for (const file of fixed) {
    const problem = writeAtomically(file, options.locale);
    if (problem) {
      io.stderr(escapeControls(translate(options.locale, 'cli.fix.writeFailed', { path: showFileNameBytes(file.path), detail: problem })) + '\n');
      failed = true;
      continue;
    }
    written.push(file);
    for (const { finding, line } of file.applied) {
      log(escapeControls(translate(options.locale, 'cli.fix.applied', { path: showFileNameBytes(file.path), line: line + 1, title: finding.fixes?.find((fix) => fix.isPreferred)?.title ?? '', rule: finding.ruleId })) + '\n');
    }
  }
  // Only what is on disk now: a file that could not be written has none of its fixes.
  if (written.length > 0) log(translate(options.locale, 'cli.fix.summary', { fixes: written.reduce((sum, file) => sum + file.applied.length, 0), files: written.length }) + '\n');
  return { failed };
}

/** A file about to get its first fix: its text, unless it is not UTF-8 (writing it back would change bytes we did not mean to). */
function startFile(hostPath: string, host: Host): FixedFile | undefined {
  const read = host.readText(hostPath);
  if (!read.ok || read.utf8?.valid === false) return undefined;
  return { path: hostPath, original: read.text, text: read.text, seen: new Set([read.text]), applied: [] };
}

/** The findings whose safe preferred fix made it into `edits` whole (fixAllEdits skips overlapping ones). */
function appliedFindings(findings: readonly Finding[], edits: readonly TextEdit[]): { finding: Finding; line: number }[] {
  return findings
    .filter((finding) => {
      const fix = finding.fixes?.find((candidate) => candidate.isPreferred);
      return fix?.safe && !fix.otherFiles?.length && fix.edits.length > 0 && fix.edits.every((edit) => edits.includes(edit));
    })
    .map((finding) => ({ finding, line: finding.range.start.line }));
}

/**
 * Replaces the file with `file.text` so that a reader (cron rereads /etc/cron.d every minute) sees the old file
 * or the new one, never half of either: a temporary file beside it (same filesystem), the original's mode and
 * owner, then rename. A symlink is followed: the file it points at is replaced, the link stays. A file that
 * changed since it was read is left alone. Returns why it failed, or undefined.
 */
function writeAtomically(file: FixedFile, locale: Locale): string | undefined {
  let target: string | Buffer;
  let temporary: string | Buffer | undefined;
  let chowning = false;
  try {
    // Every name as the bytes it has (file-names.ts): a name that is not UTF-8 is a string fs cannot find.
    // realpath(3) itself: fs.realpathSync walks the path as a string and loses those bytes even from a Buffer.
    const real = decodeFileName(fs.realpathSync.native(fileSystemPath(file.path), { encoding: 'buffer' }));
    target = fileSystemPath(real);
    const stat = fs.statSync(target);
    if (fs.readFileSync(target, 'utf8') !== file.original) return translate(locale, 'cli.fix.changedMeanwhile');
    temporary = fileSystemPath(path.join(path.dirname(real), `.${path.basename(real)}.schedlint-${process.pid}.tmp`));
    fs.writeFileSync(temporary, file.text, { flag: 'wx', mode: 0o600 });
    // A crontab's owner and mode are what cron checks (cron.d files owned by root, not group/other-writable).
    chowning = true;
    if (stat.uid !== process.getuid?.() || stat.gid !== process.getgid?.()) fs.chownSync(temporary, stat.uid, stat.gid);
    chowning = false;
    fs.chmodSync(temporary, stat.mode & 0o7777);
    fs.renameSync(temporary, target);
    return undefined;
  } catch (error) {
    if (temporary !== undefined) fs.rmSync(temporary, { force: true });
    const detail = (error as Error).message;
    return chowning ? translate(locale, 'cli.fix.ownerNotKept', { detail }) : detail;
  }
}

/** A diff prints file text: control characters other than tab and line ends shown as escapes, never sent to the terminal raw. */
function escapeTerminal(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f\u009b]/g, (character) => `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** The machine's files, with the texts fixed so far in place of theirs. */
class OverlayHost implements Host {
  readonly label: string;

  constructor(
    private readonly inner: Host,
    private readonly files: ReadonlyMap<string, FixedFile>,
  ) {
    this.label = inner.label;
  }

  readText(hostPath: string): HostReadResult {
    const file = this.files.get(hostPath);
    return file ? { ok: true, text: file.text, utf8: { valid: true } } : this.inner.readText(hostPath);
  }
  readBytes(hostPath: string): Uint8Array | undefined {
    const file = this.files.get(hostPath);
    return file ? Buffer.from(file.text, 'utf8') : this.inner.readBytes(hostPath);
  }
  list(hostPath: string): string[] {
    return this.inner.list(hostPath);
  }
  canList(hostPath: string): boolean {
    return this.inner.canList(hostPath);
  }
  lstat(hostPath: string) {
    return this.inner.lstat(hostPath);
  }
  stat(hostPath: string) {
    return this.inner.stat(hostPath);
  }
  readLink(hostPath: string): string | undefined {
    return this.inner.readLink(hostPath);
  }
}
