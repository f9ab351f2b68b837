// The rules as the CLI lists and explains them: metadata from the rule modules, titles from the catalog, and
// the pages in docs/rules/<family>/<name>.md (.ja.md), which ship beside the bundle (.vscodeignore keeps
// docs/rules/** in the .vsix; the npm package has no `files` list, so it takes the whole tree).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { translate, type MessageKey } from '../engine/i18n/catalog';
import { ALL_RULE_IDS, DEFAULT_SEVERITIES, FIXABLE_RULE_IDS } from '../engine/rules';
import { boundedEditDistance } from '../engine/util/edit-distance';
import type { Locale, Severity } from '../engine/types';

export interface RuleInfo {
  id: string;
  /** The part before the slash: crontab, systemd, certbot, schedule, file, internal. */
  family: string;
  defaultSeverity: Severity;
  fixable: boolean;
  title: string;
}

export function ruleInfos(locale: Locale): RuleInfo[] {
  return ALL_RULE_IDS.map((id) => ({
    id,
    family: id.split('/')[0],
    defaultSeverity: (DEFAULT_SEVERITIES.get(id) ?? 'warning') as Severity,
    // Every format's rules (the list once named five families and left the newer formats' fixes out).
    fixable: FIXABLE_RULE_IDS.has(id),
    title: translate(locale, `rule.${id}.title` as MessageKey),
  }));
}

let docsFolder: string | null | undefined;

/**
 * docs/rules, found from the running script upwards: dist/cli/ in the repository, the .vsix and the npm
 * package, out/server/src/cli/ in the tests. Null when it is not installed.
 */
export function rulesDocsFolder(): string | null {
  if (docsFolder !== undefined) return docsFolder;
  docsFolder = null;
  for (let folder = __dirname, depth = 0; depth < 6; depth++, folder = path.dirname(folder)) {
    const candidate = path.join(folder, 'docs', 'rules');
    if (fs.existsSync(path.join(candidate, 'README.md'))) return (docsFolder = candidate);
  }
  return docsFolder;
}

/** The page's Markdown in the language asked for (English when there is no translation), or undefined. */
export function rulePage(ruleId: string, locale: Locale): { file: string; text: string } | undefined {
  const folder = rulesDocsFolder();
  if (!folder || !ALL_RULE_IDS.includes(ruleId)) return undefined;
  for (const file of locale === 'ja' ? [`${ruleId}.ja.md`, `${ruleId}.md`] : [`${ruleId}.md`]) {
    const full = path.join(folder, file);
    try {
      return { file: full, text: fs.readFileSync(full, 'utf8') };
    } catch {
      // Try the next language.
    }
  }
  return undefined;
}

/** The page's first paragraph of prose (after the title and the "Default severity" line), as plain text. */
export function ruleSummary(ruleId: string, locale: Locale): string | undefined {
  const page = rulePage(ruleId, locale);
  if (!page) return undefined;
  const paragraphs = page.text.split(/\n\s*\n/).map((paragraph) => paragraph.trim());
  // 既定の重大度 (the Japanese pages' "Default severity") as escapes: one non-ASCII character in the CLI bundle
  // makes V8 hold and read the whole megabyte as two-byte text on every start (issue #20).
  const prose = paragraphs.find((paragraph) => paragraph !== '' && !/^(#|```|Default severity|\u65e2\u5b9a\u306e\u91cd\u5927\u5ea6|[-*|>] )/.test(paragraph) && !/^\S+:\s*\*\*/.test(paragraph));
  // Links keep their words: a SARIF reader shows the description as plain text.
  return prose?.replace(/\s*\n\s*/g, ' ').replace(/\[([^\]]+)\]\([^)\s]+\)/g, '$1');
}

/** Known rule ids nearest a mistyped one: by the whole id or by the name after the slash, closest first. */
export function suggestRules(given: string, limit = 3): string[] {
  const bound = Math.max(2, Math.floor(given.length / 4));
  const scored = ALL_RULE_IDS.map((id) => {
    const name = id.slice(id.indexOf('/') + 1);
    const distance = Math.min(boundedEditDistance(given, id, bound), boundedEditDistance(given, name, bound), name.startsWith(given) || id.startsWith(given) ? 1 : bound + 1);
    return { id, distance };
  }).filter((entry) => entry.distance <= bound);
  scored.sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id));
  return scored.slice(0, limit).map((entry) => entry.id);
}
