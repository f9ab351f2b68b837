// Crontabs as a format of the registry (formats/format.ts): system crontabs (/etc/crontab, /etc/cron.d, with a
// user column) and user crontabs (the spool, `crontab -e`'s temporary file), as Debian's cron and cronie read
// them (crontab(5)). It is the registry's fallback: cron reads any file name in its folders, so text that no
// other format claims is linted as a crontab.
import * as path from 'node:path';
import type { FileFormat, HostFiles } from '../formats/format';
import { iniLines } from '../formats/ini-lines';
import { HostFacts, isChosenDialect } from '../host/facts';
import { hoverAt } from '../hover';
import { translate } from '../i18n/catalog';
import { installDialect, installStandIn } from '../install/model';
import { lintCrontab, type LintResult } from '../lint';
import { CrontabDocument } from './document';
import { crontabRules } from '../rules/crontab';
import type { FileKind } from '../types';
import { cronFilePaths } from './host-files';
import { guessKindFromContent, isCrontabPath, kindFromPath, notACrontab } from './kind';
import type { Assumption } from '../formats/format';

const KINDS: readonly FileKind[] = ['crontab-system', 'crontab-user'];

// Folders whose files cron runs through run-parts or anacron: saving one changes the host's schedule.
const RUN_PARTS = /^\/etc\/(cron\.(hourly|daily|weekly|monthly)\/|anacrontab$)/;

/** What a crontab lint assumed: its format and why, and its cron and why. */
export function crontabAssumption(result: LintResult, dialectSource?: Assumption['dialectSource']): Assumption {
  const assumption: Assumption = { format: result.kind, reason: result.kindReason, weak: result.kindWeak, dialect: result.dialect.dialect, dialectSource: dialectSource ?? result.dialect.source, distribution: dialectSource ? undefined : result.dialect.distribution };
  const standIn = (dialectSource ?? result.dialect.source) === 'install' ? installStandIn(result.installs) : undefined;
  return standIn ? { ...assumption, cron: standIn } : assumption;
}

export const crontabFormat: FileFormat<LintResult> = {
  id: 'crontab',
  kinds: KINDS,
  languageIds: ['crontab', 'crontab-system'],
  rules: crontabRules,
  messagePrefixes: ['kind.', 'status.', 'field.', 'consequence.', 'dialect.'],
  fixtures: 'crontab',
  comments: { line: ['#'] },
  inlineDisables: true,
  // A repository's crontab takes its format from the step that installs it (install/find.ts, repository.ts).
  repositoryFiles: 'installed',

  claimPath(filePath) {
    // Cron reads every file of its folders whatever the name: a claim by folder, below another format's name.
    const kind = kindFromPath(filePath) ?? (path.posix.basename(path.posix.dirname(filePath)) === 'cron.d' ? 'crontab-system' : undefined);
    return kind ? { kind, strength: 'folder' } : undefined;
  },

  claimContent(text, facts) {
    // cron rejects a line starting with `[`: INI-shaped text is never a crontab. A script (`#!` first line)
    // or a binary file is not one either: cron would read the one's `#!` as a comment and its shell lines as
    // bad entries, and nobody means the other as text; file-format.ts says why neither was linted.
    if (notACrontab(text) !== undefined || iniLines(text).sections.length > 0) return undefined;
    const guess = guessKindFromContent(text, facts);
    return { kind: guess.kind, strength: 'guess', weak: guess.weak };
  },

  affectsHost(hostPath) {
    return isCrontabPath(hostPath) || RUN_PARTS.test(hostPath);
  },

  lint(input) {
    const explicit = input.explicit && (KINDS as readonly string[]).includes(input.explicit.kind) ? { kind: input.explicit.kind as FileKind, reason: input.explicit.reason } : undefined;
    // The image's cron (Debian's, cronie) decides the dialect of a crontab a repository installs, unless set.
    const imageDialect = installDialect(input.installs);
    const facts = imageDialect && !isChosenDialect(input.facts.dialect()) ? new HostFacts(input.facts.host, imageDialect, 'install') : input.facts;
    const previous = isCrontabResult(input.previous) ? input.previous : undefined;
    return lintCrontab({ text: input.text, path: input.path, facts, installs: input.installs, locale: input.locale, settings: input.settings, explicitKind: explicit, utf8: input.utf8, previous, incremental: input.incremental });
  },

  report(result) {
    return { kind: result.kind, result, assumed: crontabAssumption(result) };
  },

  reportKindOf(hostPath) {
    return hostPath.startsWith('/var/spool/') ? 'crontab-user' : 'crontab-system';
  },

  hostFiles(facts): HostFiles {
    return cronFilePaths(facts);
  },

  hover(result, position, context) {
    return hoverAt(result, position, { facts: context.facts, locale: context.locale });
  },

  documentInfo(result, locale) {
    const kind = translate(locale, `kind.${result.kind}`);
    return {
      kind: result.kind,
      reason: result.kindReason,
      dialect: result.dialect.dialect,
      label: translate(locale, 'status.format', { kind }),
      tooltip: translate(locale, 'status.tooltip', { kind, reason: translate(locale, `hover.reason.${result.kindReason}`) }),
    };
  },
};

/** A result lintCrontab made (the previous lint the server hands back), not another format's. */
function isCrontabResult(value: unknown): value is LintResult {
  return typeof value === 'object' && value !== null && (value as Partial<LintResult>).document instanceof CrontabDocument;
}
