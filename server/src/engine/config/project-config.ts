// The project configuration file, `.schedlint.yaml` (or `.schedlint.yml`, `.schedlint.json`), as the CLI and
// the language server both read it: found from the linted file's folder upwards, stopping at the repository
// root (a folder with `.git`) or the filesystem root, the nearest one alone applying (as ruff's and
// shellcheck's do; no cascade). Schema (README "Configure"):
//
//   rules:        { <rule id>: off|hint|info|warning|error }
//   overrides:    [ { files: <glob or list>, format: <--kind name>, dialect: debian|cronie, rules: {…} } ]
//   ignore:       [ <glob>… ]          files found in folders that are not linted
//   certificates: { expiryDays: <days> }  report a certificate with fewer days left, whatever certbot's window
//
// Globs are relative to the file's folder, `**` crossing folders (util/glob.ts); a later override beats an
// earlier one. Parsing never throws: a file that is not valid gives problems with their line and column.
// Reads go through a Host, so the engine stays free of `fs`.
import * as path from 'node:path';
import type * as Yaml from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { yamlModule } from '../util/lazy-modules';
import { FORMAT_NAMES, isFormatName, type FormatName } from '../file-format';
import type { Host } from '../host/host';
import { translate, type MessageKey, type MessageParams } from '../i18n/catalog';
import { ALL_RULE_IDS } from '../rules';
import type { CronDialect, Finding, Locale, SeveritySetting } from '../types';
import { globToRegExp } from '../util/glob';

/** The names looked for in each folder, in this order. */
export const CONFIG_FILE_NAMES = ['.schedlint.yaml', '.schedlint.yml', '.schedlint.json'] as const;

// The yaml package is loaded when a configuration file is read, not by every run (util/lazy-modules.ts).
const isMap = ((node: unknown) => yamlModule().isMap(node)) as typeof Yaml.isMap;
const isScalar = ((node: unknown) => yamlModule().isScalar(node)) as typeof Yaml.isScalar;
const isSeq = ((node: unknown) => yamlModule().isSeq(node)) as typeof Yaml.isSeq;

const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];
/** A certificate threshold beyond ten years is a typo (certificates are issued for at most 398 days). */
const MAX_EXPIRY_DAYS = 3650;

export interface ConfigOverride {
  files: string[];
  format?: FormatName;
  dialect?: CronDialect;
  rules: Record<string, SeveritySetting>;
}

export interface ProjectConfig {
  /** Path of the file (on the machine that read it). */
  file: string;
  rules: Record<string, SeveritySetting>;
  overrides: ConfigOverride[];
  ignore: string[];
  expiryDays?: number;
}

export interface ConfigProblem {
  file: string;
  /** 1-based, as editors and compilers print them. */
  line: number;
  column: number;
  key: MessageKey;
  params: MessageParams;
}

export type ConfigLoad = { ok: true; config: ProjectConfig | undefined } | { ok: false; problems: ConfigProblem[] };

/** What applies to one file: the config's settings with its overrides for this path merged in. */
export interface FileConfig {
  /** The config file it came from, or undefined when none was found. */
  source?: string;
  severities: Record<string, SeveritySetting>;
  format?: FormatName;
  dialect?: CronDialect;
  /** The path matches `ignore`: not linted when found in a folder. */
  ignored: boolean;
  expiryDays?: number;
}

/** The config file that applies to `filePath` (a file or a folder): the nearest one upwards, if any. */
export function findConfigFile(host: Host, filePath: string): string | undefined {
  let folder = host.stat(filePath)?.kind === 'directory' ? filePath : path.posix.dirname(filePath);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.posix.join(folder, name);
      if (host.stat(candidate)?.kind === 'file') return candidate;
    }
    // The repository's root is as far as a project's settings reach; a home folder's file is not the project's.
    if (host.lstat(path.posix.join(folder, '.git')) !== undefined) return undefined;
    const parent = path.posix.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/** Reads and checks one config file. */
export function loadConfigFile(host: Host, file: string): ConfigLoad {
  const read = host.readText(file);
  if (!read.ok) return { ok: false, problems: [{ file, line: 1, column: 1, key: 'config.error.unreadable', params: { detail: read.detail ?? read.reason } }] };
  return parseConfig(read.text, file);
}

/** The nearest config of `filePath`, loaded (memoized by `cache` when given: one read per config file per run). */
export function loadConfigFor(host: Host, filePath: string, cache?: Map<string, ConfigLoad>): ConfigLoad {
  const file = findConfigFile(host, filePath);
  if (file === undefined) return { ok: true, config: undefined };
  let load = cache?.get(file);
  if (!load) {
    load = loadConfigFile(host, file);
    cache?.set(file, load);
  }
  return load;
}

/** Parses the text of a config file (YAML; JSON is YAML too, and a `.json` file must also be strict JSON). */
export function parseConfig(text: string, file: string): ConfigLoad {
  const counter = new (yamlModule().LineCounter)();
  const problems: ConfigProblem[] = [];
  const at = (offset: number | undefined, key: MessageKey, params: MessageParams = {}) => {
    const { line, col } = counter.linePos(offset ?? 0);
    problems.push({ file, line, column: col, key, params });
  };
  if (file.endsWith('.json')) {
    try {
      JSON.parse(text);
    } catch (error) {
      const offset = Number((error as Error).message.match(/position (\d+)/)?.[1] ?? 0);
      // LineCounter learns line starts while parsing: count them here for the JSON error's offset.
      let line = 1;
      let lineStart = 0;
      for (let index = 0; index < Math.min(offset, text.length); index++) if (text.charCodeAt(index) === 10) [line, lineStart] = [line + 1, index + 1];
      return { ok: false, problems: [{ file, line, column: offset - lineStart + 1, key: 'config.error.syntax', params: { detail: (error as Error).message.split('\n')[0] } }] };
    }
  }
  const document = yamlModule().parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    for (const error of document.errors.slice(0, 5)) at(error.pos[0], 'config.error.syntax', { detail: error.message.split('\n')[0] });
    return { ok: false, problems };
  }
  const config: ProjectConfig = { file, rules: {}, overrides: [], ignore: [] };
  const root = document.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { ok: true, config };
  if (!isMap(root)) {
    at(root.range?.[0], 'config.error.notAMapping', { key: '(top level)' });
    return { ok: false, problems };
  }
  const offsetOf = (node: unknown) => (node as YamlNode | null)?.range?.[0];
  const keyName = (node: unknown) => (isScalar(node) ? String(node.value) : String(node));

  const readRules = (node: unknown, where: string): Record<string, SeveritySetting> => {
    const rules: Record<string, SeveritySetting> = {};
    if (!isMap(node)) {
      at(offsetOf(node), 'config.error.notAMapping', { key: where });
      return rules;
    }
    for (const pair of node.items) {
      const id = keyName(pair.key);
      const value = isScalar(pair.value) ? pair.value.value : undefined;
      if (!ALL_RULE_IDS.includes(id)) at(offsetOf(pair.key), 'config.error.unknownRule', { rule: id });
      else if (typeof value !== 'string' || !(SEVERITY_SETTINGS as readonly string[]).includes(value)) at(offsetOf(pair.value) ?? offsetOf(pair.key), 'config.error.value', { key: `${where}.${id}`, allowed: SEVERITY_SETTINGS.join(', ') });
      else rules[id] = value as SeveritySetting;
    }
    return rules;
  };
  const readGlobs = (node: unknown, where: string): string[] => {
    const items = isSeq(node) ? node.items : [node];
    const globs: string[] = [];
    for (const item of items) {
      if (isScalar(item) && typeof item.value === 'string' && item.value !== '') globs.push(item.value);
      else at(offsetOf(item) ?? offsetOf(node), 'config.error.glob', { key: where });
    }
    return globs;
  };

  for (const pair of root.items) {
    const key = keyName(pair.key);
    if (key === 'rules') config.rules = readRules(pair.value, 'rules');
    else if (key === 'ignore') config.ignore = readGlobs(pair.value, 'ignore');
    else if (key === 'certificates') {
      if (!isMap(pair.value)) {
        at(offsetOf(pair.value) ?? offsetOf(pair.key), 'config.error.notAMapping', { key: 'certificates' });
        continue;
      }
      for (const inner of pair.value.items) {
        const name = keyName(inner.key);
        const value = isScalar(inner.value) ? inner.value.value : undefined;
        if (name !== 'expiryDays') at(offsetOf(inner.key), 'config.error.unknownKey', { key: `certificates.${name}`, allowed: 'expiryDays' });
        else if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_EXPIRY_DAYS) at(offsetOf(inner.value) ?? offsetOf(inner.key), 'config.error.days', { key: 'certificates.expiryDays', most: MAX_EXPIRY_DAYS });
        else config.expiryDays = value;
      }
    } else if (key === 'overrides') {
      if (!isSeq(pair.value)) {
        at(offsetOf(pair.value) ?? offsetOf(pair.key), 'config.error.notAList', { key: 'overrides' });
        continue;
      }
      pair.value.items.forEach((item, index) => {
        const where = `overrides[${index}]`;
        if (!isMap(item)) {
          at(offsetOf(item), 'config.error.notAMapping', { key: where });
          return;
        }
        const override: ConfigOverride = { files: [], rules: {} };
        for (const inner of item.items) {
          const name = keyName(inner.key);
          const value = isScalar(inner.value) ? inner.value.value : undefined;
          if (name === 'files') override.files = readGlobs(inner.value, `${where}.files`);
          else if (name === 'rules') override.rules = readRules(inner.value, `${where}.rules`);
          else if (name === 'format') {
            if (typeof value === 'string' && isFormatName(value)) override.format = value;
            else at(offsetOf(inner.value) ?? offsetOf(inner.key), 'config.error.value', { key: `${where}.format`, allowed: FORMAT_NAMES.join(', ') });
          } else if (name === 'dialect') {
            if (value === 'debian' || value === 'cronie') override.dialect = value;
            else at(offsetOf(inner.value) ?? offsetOf(inner.key), 'config.error.value', { key: `${where}.dialect`, allowed: 'debian, cronie' });
          } else at(offsetOf(inner.key), 'config.error.unknownKey', { key: `${where}.${name}`, allowed: 'files, format, dialect, rules' });
        }
        if (override.files.length === 0) at(offsetOf(item), 'config.error.overrideFiles', { key: where });
        config.overrides.push(override);
      });
    } else at(offsetOf(pair.key), 'config.error.unknownKey', { key, allowed: 'rules, overrides, ignore, certificates' });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config };
}

/** Whether `filePath` matches `glob`, a pattern relative to the config file's folder. */
function matches(config: ProjectConfig, glob: string, filePath: string): boolean {
  const relative = path.posix.relative(path.posix.dirname(config.file), filePath);
  if (relative.startsWith('..')) return false;
  // `deploy/*.cron` is anchored at the config's folder; `*.cron` (no slash) matches at any depth, as
  // .gitignore does; a trailing `/` or `/**` names a folder's whole content.
  const pattern = glob.replace(/^\.\//, '').replace(/\/$/, '/**');
  const anchored = pattern.includes('/') ? '/' + pattern.replace(/^\//, '') : pattern;
  return globToRegExp(anchored).test('/' + relative) || (pattern.endsWith('/**') && globToRegExp(anchored.slice(0, -3)).test('/' + relative));
}

/** What `config` (possibly none) says for one file, overrides merged in order. */
export function configForFile(config: ProjectConfig | undefined, filePath: string): FileConfig {
  if (!config) return { severities: {}, ignored: false };
  const result: FileConfig = { source: config.file, severities: { ...config.rules }, ignored: config.ignore.some((glob) => matches(config, glob, filePath)), expiryDays: config.expiryDays };
  for (const override of config.overrides) {
    if (!override.files.some((glob) => matches(config, glob, filePath))) continue;
    Object.assign(result.severities, override.rules);
    if (override.format) result.format = override.format;
    if (override.dialect) result.dialect = override.dialect;
  }
  return result;
}

/** A problem as one line, `FILE:LINE:COLUMN: message`, in the user's language. */
export function configProblemText(problem: ConfigProblem, locale: Locale): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${translate(locale, problem.key, problem.params)}`;
}

/**
 * For a process that stays up (the language server): each call finds the nearest config again and reads it
 * again, parsing only when its text changed, so an edited, added or removed `.schedlint.yaml` applies at the
 * next lint without a file watcher. A few stats per folder level and one small read per lint.
 */
export class ProjectConfigReader {
  private readonly parsed = new Map<string, { text: string; load: ConfigLoad }>();

  constructor(private readonly host: Host) {}

  /** What applies to `filePath`, and the problems of its config file when that is invalid (then nothing applies). */
  forFile(filePath: string): { config: FileConfig; problems?: ConfigProblem[] } {
    const file = findConfigFile(this.host, filePath);
    if (file === undefined) return { config: configForFile(undefined, filePath) };
    const read = this.host.readText(file);
    let load: ConfigLoad;
    if (!read.ok) load = loadConfigFile(this.host, file);
    else {
      const known = this.parsed.get(file);
      load = known && known.text === read.text ? known.load : parseConfig(read.text, file);
      if (this.parsed.size > 100) this.parsed.clear();
      this.parsed.set(file, { text: read.text, load });
    }
    return load.ok ? { config: configForFile(load.config, filePath) } : { config: configForFile(undefined, filePath), problems: load.problems };
  }
}

/**
 * Findings with the config's rule severities applied after linting, as the engine applies `severities` (one
 * severity for all of a rule's findings; `off` drops them), except for the rules in `stronger` (command-line
 * `--rule`, the editor's `schedlint.rules`), which were applied already and win.
 */
export function withConfigSeverities(findings: Finding[], config: FileConfig, stronger: Readonly<Record<string, SeveritySetting>>): Finding[] {
  const configured = Object.entries(config.severities).filter(([ruleId]) => stronger[ruleId] === undefined);
  if (configured.length === 0) return findings;
  const severities = new Map(configured);
  return findings.flatMap((finding) => {
    const severity = severities.get(finding.ruleId);
    if (severity === undefined) return [finding];
    return severity === 'off' ? [] : [{ ...finding, severity }];
  });
}
