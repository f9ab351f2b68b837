// SARIF 2.1.0 output, shaped for code scanning (GitHub's "SARIF support for code scanning"): artifact URIs
// relative to the repository root under the `%SRCROOT%` base id, fingerprints that survive re-runs and moved
// lines (fingerprint.ts), rule metadata from the rule modules and their pages, and the run's exit status.
// Files read through `--root DIR` are host paths (/etc/cron.d/job); the artifact is the file under DIR
// (repository-relative when DIR is inside the repository) and the host path is kept in the result's
// `properties.hostPath` and as a logical location.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { translate } from '../engine/i18n/catalog';
import type { FileReport } from '../engine/scan';
import type { Finding, Locale, Severity } from '../engine/types';
import { ruleDocsUrl } from '../engine/docs';
import { fileUriOf, percentEncodePath } from '../engine/util/file-names';
import { FingerprintCounter, lineHashes } from './fingerprint';
import { ruleInfos, ruleSummary } from './rule-docs';

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  locale: Locale;
  version: string;
  /** The working directory: the repository root is its git top level, else the directory itself. */
  cwd: string;
  /** `--root DIR` (absolute), when report paths are host paths inside it. */
  root?: string;
  /** The run's exit status, for `invocations`. */
  exitCode: number;
  /** A file's text by report path (host path with --root), for the fingerprints; undefined when unreadable. */
  readText: (reportPath: string) => string | undefined;
}

/** The git top level above `cwd` (a `.git` folder, or the `.git` file of a worktree or submodule), else cwd. */
export function repositoryRoot(cwd: string): string {
  for (let folder = path.resolve(cwd); ; folder = path.dirname(folder)) {
    if (fs.existsSync(path.join(folder, '.git'))) return folder;
    if (path.dirname(folder) === folder) return path.resolve(cwd);
  }
}

/** A folder's URI ends in `/`, so relative URIs resolve inside it (SARIF §3.14.14). */
function folderUri(absolute: string): string {
  const uri = fileUriOf(absolute);
  return uri.endsWith('/') ? uri : uri + '/';
}

export function formatSarif(reports: FileReport[], options: SarifOptions): string {
  const repository = repositoryRoot(options.cwd);
  const rules = ruleInfos(options.locale);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));

  /** Where a report path is: the SARIF artifact location and, with --root, the host path. */
  const locate = (reportPath: string) => {
    if (reportPath === '-') return { artifactLocation: { uri: 'stdin' }, key: '-' };
    const real = options.root !== undefined ? path.join(options.root, reportPath) : path.resolve(options.cwd, reportPath);
    const relative = path.relative(repository, real);
    const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
    const hostPath = options.root !== undefined ? reportPath : undefined;
    return inside
      ? { artifactLocation: { uri: percentEncodePath(relative.split(path.sep).join('/')), uriBaseId: SRCROOT }, hostPath, key: relative.split(path.sep).join('/') }
      : { artifactLocation: { uri: fileUriOf(real) }, hostPath, key: hostPath ?? real };
  };
  const region = (range: Finding['range']) => ({ startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 });

  const results = reports.flatMap((report) => {
    if (report.findings.length === 0) return [];
    const where = locate(report.path);
    const text = options.readText(report.path);
    const lines = text?.split(/\r\n|\r|\n/);
    const hashes = text !== undefined ? lineHashes(text) : undefined;
    const counter = new FingerprintCounter();
    const sorted = [...report.findings].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return sorted.map((finding) => {
      const line = finding.range.start.line;
      const hash = hashes?.[line];
      return {
        ruleId: finding.ruleId,
        ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
        level: SARIF_LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [
          {
            physicalLocation: { artifactLocation: where.artifactLocation, region: region(finding.range) },
            ...(where.hostPath ? { logicalLocations: [{ fullyQualifiedName: where.hostPath, kind: 'resource' }] } : {}),
          },
        ],
        partialFingerprints: {
          ...(hash ? { primaryLocationLineHash: hash } : {}),
          'schedlint/v1': counter.next(finding.ruleId, where.key, lines?.[line] ?? ''),
        },
        relatedLocations: (finding.related ?? []).map((related, index) => {
          const other = locate(related.path ?? report.path);
          return {
            id: index,
            message: { text: related.message },
            physicalLocation: { artifactLocation: other.artifactLocation, region: region(related.range) },
            ...(other.hostPath ? { logicalLocations: [{ fullyQualifiedName: other.hostPath, kind: 'resource' }] } : {}),
          };
        }),
        ...(where.hostPath ? { properties: { hostPath: where.hostPath } } : {}),
      };
    });
  });

  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'schedlint',
            version: options.version,
            semanticVersion: options.version,
            informationUri: 'https://github.com/schedlint/schedlint',
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.title },
              fullDescription: { text: ruleSummary(rule.id, options.locale) ?? rule.title },
              helpUri: ruleDocsUrl(rule.id, options.locale),
              help: { text: translate(options.locale, 'cli.sarif.help', { url: ruleDocsUrl(rule.id, options.locale) }) },
              defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
              properties: { tags: [rule.family, ...(rule.fixable ? ['fixable'] : [])] },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(repository), description: { text: translate(options.locale, 'cli.sarif.srcroot') } } },
        invocations: [{ executionSuccessful: options.exitCode !== 2, exitCode: options.exitCode, workingDirectory: { uri: folderUri(path.resolve(options.cwd)) } }],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
