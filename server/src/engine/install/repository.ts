// Linting a repository as `schedlint DIR` and the editor's workspace scan do: every crontab-like file and
// every file an install step names, each in the format (and for the cron) its install gives it; the
// installers' own findings (installed-both-ways on the Dockerfile line); ConfigMap crontabs linted inside
// their manifest, positions mapped back into the YAML.
import * as path from 'node:path';
import { HostFacts, isChosenDialect } from '../host/facts';
import { lintCrontab, type LintResult } from '../lint';
import { installLineFindings } from '../rules/crontab/installed-both-ways';
import { internalErrorReport, lintFileText, readFailureReport, unreadableReport, type FileReport, type LintFileOptions } from '../scan';
import { decideFormat, formatFromPath, formatOfKind } from '../file-format';
import { FORMATS } from '../formats/registry';
import { crontabAssumption } from '../crontab/format';
import { ruleErrorFinding } from '../rule';
import type { CronDialect, FileKind, Finding, Position, Range, TextEdit } from '../types';
import { EditorPositions } from '../editor-positions';
import { findInstallSteps, walkRepository, type RepositoryFiles } from './find';
import { installDialect, type InlineCrontab, type InstallStep } from './model';
import { hasJinja, maskJinja, type JinjaMask } from './jinja';

export { installDialect };
import { appendAll } from '../util/append';

// Rules that look at the machine's other files for a file (formats/format.ts hostBoundRules).
const RULES_OF_THE_HOST = FORMATS.flatMap((format) => format.hostBoundRules ?? []);

export interface RepositoryLint {
  reports: FileReport[];
  /** Install steps by crontab (repository path, or `manifest#configmap/key`), for hovers. */
  installs: Map<string, InstallStep[]>;
}

/**
 * Lints a folder as a repository. `files` may come from the caller's own walk; without it the folder is
 * walked here. Reports are sorted by path; an installer with findings gets a report of kind `installer`.
 */
export function lintRepository(folder: string, options: LintFileOptions, files: RepositoryFiles = walkRepository(options.facts.host, folder)): RepositoryLint {
  const host = options.facts.host;
  const installerErrors = new Map<string, unknown>();
  const installs = findInstallSteps(host, folder, files, installerErrors);
  const reports = new Map<string, FileReport>();
  const extra = new Map<string, Finding[]>();
  for (const [installer, error] of installerErrors) extra.set(installer, [ruleErrorFinding('findInstallSteps', error, options.locale, 'file')]);
  const factsByDialect = new Map<CronDialect, HostFacts>();
  // The image's cron decides the dialect, unless the user chose one (--dialect, the setting, the config file).
  const factsFor = (steps: InstallStep[] | undefined): HostFacts => {
    const dialect = installDialect(steps);
    if (!dialect || isChosenDialect(options.facts.dialect())) return options.facts;
    let facts = factsByDialect.get(dialect);
    if (!facts) factsByDialect.set(dialect, (facts = new HostFacts(host, dialect, 'install')));
    return facts;
  };
  const addExtra = (result: LintResult, crontab: string) => {
    for (const [installer, findings] of installLineFindings(result, crontab, options.locale, options.settings?.severities)) {
      let list = extra.get(installer);
      if (!list) extra.set(installer, (list = []));
      appendAll(list, findings);
    }
  };

  // --kind names one format for the whole folder; only a crontab format means anything there (to its crontabs).
  const explicitKind = options.explicitKind && formatOfKind(options.explicitKind.kind)?.repositoryFiles === 'installed' ? { kind: options.explicitKind.kind as FileKind, reason: options.explicitKind.reason } : undefined;
  const dialectSource = (steps: InstallStep[] | undefined) => (installDialect(steps) && !isChosenDialect(options.facts.dialect()) ? 'install' : undefined);

  for (const folderPath of files.unreadableFolders) reports.set(folderPath, unreadableReport(folderPath, options.locale));
  const crontabs = new Set(files.crontabs);
  for (const source of installs.keys()) if (!source.includes('#') && (source === folder || source.startsWith(folder === '/' ? '/' : folder + '/'))) crontabs.add(source);

  for (const file of [...crontabs].sort()) {
    const steps = installs.get(file);
    const read = host.readText(file);
    if (!read.ok) {
      reports.set(file, readFailureReport(file, read, options.locale));
      continue;
    }
    // A Jinja template (Ansible `template:`) is linted with its Jinja masked (install/jinja.ts): a copy of
    // the same file by anything else is crontab text as it is.
    const template = steps?.length && steps.every((step) => step.template) && hasJinja(read.text) ? maskJinja(read.text, userColumnOf(steps)) : undefined;
    // One file's bug is one finding on that file; the rest of the repository is still linted.
    try {
      const result = lintCrontab({ text: template?.text ?? read.text, path: path.posix.normalize(file), facts: factsFor(steps), settings: options.settings, locale: options.locale, explicitKind, installs: steps, utf8: read.utf8 });
      if (template) result.findings = result.findings.map((finding) => withoutTemplatedFixes(finding, template.masked));
      const assumed = crontabAssumption(result, dialectSource(steps));
      reports.set(file, { path: file, kind: result.kind, findings: result.findings, result, assumed: template?.unchecked.length ? { ...assumed, unchecked: template.unchecked } : assumed });
      addExtra(result, file);
    } catch (error) {
      reports.set(file, internalErrorReport(file, 'lintCrontab', error, options.locale));
    }
  }

  // Units and certbot's files (a role's `files/certbot.timer`, `files/example.com.conf`): by path, else by
  // content; a `.conf` that is neither (nginx.conf, a unit-less INI) is not ours and is left out.
  // A repository's copy is not on the host it is for: rules that look at this machine's files for it (the
  // lineage's certificates, the web servers installed, key modes) would speak of the wrong machine. --rule
  // turns them back on. These files were met by the scan, not named (LintInput.scanned), unless --kind named
  // their very kind for the folder.
  const hostRulesOff = Object.fromEntries(RULES_OF_THE_HOST.map((id) => [id, 'off' as const]));
  const otherOptions: LintFileOptions = { ...options, explicitKind: undefined, scanned: true, settings: { ...options.settings, severities: { ...hostRulesOff, ...options.settings?.severities } } };
  // YAML files are read for their install steps too; those a format claims (a CronJob manifest) are also linted.
  for (const file of [...files.others, ...files.yaml]) {
    if (reports.has(file) || crontabs.has(file)) continue;
    const read = host.readText(file);
    if (!read.ok) {
      // Unreadable is worth saying only of a file whose path says it is ours.
      if (formatFromPath(file, host)) reports.set(file, unreadableReport(file, options.locale, read.reason === 'denied' ? undefined : (read.detail ?? read.reason)));
      continue;
    }
    // A copied tree keeps a unit link as a file holding the path it pointed to (schedule/inventory.ts): no unit.
    if (/^\/\S+\s*$/.test(read.text)) continue;
    const decision = decideFormat({ path: path.posix.normalize(file), text: read.text, facts: options.facts });
    // Formats whose copies are found by what claims them (units, certbot's files); crontabs come from install steps above.
    if (formatOfKind(decision.format)?.repositoryFiles !== 'claimed') continue;
    const named = options.explicitKind?.kind === decision.format ? { explicitKind: options.explicitKind } : {};
    reports.set(file, lintFileText(read.text, file, { ...otherOptions, ...named }, decision, read.utf8));
  }

  // ConfigMap keys: lint the inline text, then move every position into the manifest.
  for (const [source, steps] of installs) {
    const inline = steps[0].inline;
    if (!source.includes('#') || !inline) continue;
    const manifest = source.split('#')[0];
    let list = extra.get(manifest);
    if (!list) extra.set(manifest, (list = []));
    try {
      const result = lintCrontab({ text: inline.text, facts: factsFor(steps), settings: options.settings, locale: options.locale, explicitKind, installs: steps });
      appendAll(list, result.findings.map((finding) => mapInline(finding, inline, manifest)));
      // Lines an installer writes itself are its install lines: the same finding again on them would be noise.
      if (!inline.written) addExtra(result, manifest);
    } catch (error) {
      list.push(ruleErrorFinding('lintCrontab', error, options.locale, 'file'));
    }
  }

  // Installers (Dockerfiles, YAML, scripts) are read with lines ended at "\n"; an editor also ends them at "\r".
  const installerPositions = new Map<string, EditorPositions | undefined>();
  const positionsOf = (file: string) => {
    if (!installerPositions.has(file)) {
      const read = host.readText(file);
      installerPositions.set(file, read.ok ? new EditorPositions(read.text, 'lf') : undefined);
    }
    return installerPositions.get(file);
  };
  for (const [installer, findings] of extra) {
    const positions = positionsOf(installer);
    if (positions) findings.splice(0, findings.length, ...findings.map((finding) => positions.finding(finding)));
  }
  for (const report of reports.values()) {
    if (report.kind === 'installer') continue;
    report.findings = report.findings.map((finding) => mapOtherFiles(finding, positionsOf));
  }

  for (const [installer, findings] of extra) {
    const existing = reports.get(installer);
    if (existing) appendAll(existing.findings, findings);
    else reports.set(installer, { path: installer, kind: 'installer', findings });
  }
  const sorted = [...reports.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const report of sorted) report.findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { reports: sorted, installs };
}


/** The system (true) or user (false) format every step gives a template, when they agree. */
function userColumnOf(steps: readonly InstallStep[]): boolean | undefined {
  if (steps.every((step) => step.format === 'crontab-system')) return true;
  if (steps.every((step) => step.format === 'crontab-user')) return false;
  return undefined;
}

/** Fixes were computed on the masked template: those that edit what the masking changed are dropped. */
function withoutTemplatedFixes(finding: Finding, masked: JinjaMask['masked']): Finding {
  if (!finding.fixes?.some((fix) => fix.edits.some((edit) => touches(edit.range, masked)))) return finding;
  const fixes = finding.fixes.filter((fix) => !fix.edits.some((edit) => touches(edit.range, masked)));
  return { ...finding, fixes: fixes.length > 0 ? fixes : undefined };
}

function touches(range: Range, masked: JinjaMask['masked']): boolean {
  for (let line = range.start.line; line <= range.end.line; line++) {
    const columns = masked.get(line);
    if (columns === 'all') return true;
    if (!columns) continue;
    // The edit's columns on this line: all of it between its start and end lines.
    const from = line === range.start.line ? range.start.character : 0;
    const to = line === range.end.line ? range.end.character : Number.MAX_SAFE_INTEGER;
    if (columns.some(([start, end]) => from <= end && to >= start)) return true;
  }
  return false;
}

/** A finding on ConfigMap text, moved to the manifest's lines. */
function mapInline(finding: Finding, inline: InlineCrontab, manifest: string): Finding {
  const position = (at: Position): Position => {
    const line = inline.lines[Math.min(at.line, inline.lines.length - 1)];
    if (line?.characters) return line.characters[Math.min(at.character, line.characters.length - 1)] ?? { line: line.line, character: line.character };
    return line ? { line: line.line, character: line.character + at.character } : at;
  };
  // A range ends right after its last character, which for echo's lines may be far from the next one (a quote between).
  const end = (at: Position): Position => {
    const line = inline.lines[Math.min(at.line, inline.lines.length - 1)];
    const last = line?.characters && at.character > 0 ? line.characters[Math.min(at.character, line.characters.length) - 1] : undefined;
    return last ? { line: last.line, character: last.character + 1 } : position(at);
  };
  const mapRange = (range: Range): Range => {
    const start = position(range.start);
    return { start, end: range.end.line === range.start.line && range.end.character === range.start.character ? start : end(range.end) };
  };
  const mapEdit = (edit: TextEdit): TextEdit => ({ range: mapRange(edit.range), newText: edit.newText });
  const fixes = finding.fixes?.filter((fix) => fix.edits.every((edit) => editableInPlace(edit, inline))).map((fix) => ({ ...fix, edits: fix.edits.map(mapEdit) }));
  return {
    ...finding,
    range: mapRange(finding.range),
    related: finding.related?.map((related) => (related.path === undefined ? { ...related, path: manifest, range: mapRange(related.range) } : related)),
    // Fixes none of which can be made in the installer are no fixes.
    fixes: fixes?.length === 0 && finding.fixes!.length > 0 ? undefined : fixes,
  };
}

/**
 * Whether an edit of the inline text is the same edit in the installer. Always for a ConfigMap's block scalar;
 * for lines an echo wrote (install/echo-lines.ts), only inside one line, on characters quoted and written as
 * themselves, with a replacement that needs no quoting: anything else would have to be re-quoted for the shell.
 */
function editableInPlace(edit: TextEdit, inline: InlineCrontab): boolean {
  if (!inline.written) return true;
  const line = inline.lines[edit.range.start.line];
  if (!line?.characters) return false;
  if (edit.range.end.line !== edit.range.start.line || /['"\\$`\n\r]/.test(edit.newText)) return false;
  const { character: from } = edit.range.start;
  const { character: to } = edit.range.end;
  const safe = line.safe ?? [];
  for (let k = from; k < to; k++) if (!safe[k]) return false;
  // An insertion sits between two characters (or at the line's end, before its closing quote): one of them must be safe.
  if (from === to && !safe[from] && !safe[from - 1]) return false;
  const start = line.characters[from];
  const end = line.characters[to];
  return start !== undefined && end !== undefined && start.line === end.line && end.character - start.character === to - from;
}

/** A crontab finding whose fixes edit its installer: those edits moved to the installer's editor lines. */
function mapOtherFiles(finding: Finding, positionsOf: (file: string) => EditorPositions | undefined): Finding {
  if (!finding.fixes?.some((fix) => fix.otherFiles?.length)) return finding;
  const fixes = finding.fixes.map((fix) => {
    if (!fix.otherFiles?.length) return fix;
    const otherFiles = fix.otherFiles.map((other) => {
      const positions = other.create ? undefined : positionsOf(other.path);
      return positions ? { ...other, edits: other.edits.map((edit) => positions.edit(edit)) } : other;
    });
    return { ...fix, otherFiles };
  });
  return { ...finding, fixes };
}
