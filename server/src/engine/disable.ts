// Inline disables, written as ordinary crontab comments so cron ignores them:
//   # schedlint-disable-next-line [rule-id …]   the line right below
//   # schedlint-disable-file [rule-id …]        the whole file
// Without ids, every rule is disabled there.
import type { CrontabDocument } from './crontab/parse';

const DIRECTIVE = /^#\s*schedlint-disable-(next-line|file)\b(.*)$/;

export interface Disables {
  isDisabled(ruleId: string, line: number): boolean;
}

export function collectDisables(document: CrontabDocument): Disables {
  const fileWide = new Set<string>();
  let allFile = false;
  const byLine = new Map<number, Set<string> | 'all'>();
  for (const line of document.lines) {
    if (line.type !== 'comment') continue;
    const match = line.text.slice(line.start).trim().match(DIRECTIVE);
    if (!match) continue;
    const ids = match[2].split(/[\s,]+/).filter(Boolean);
    if (match[1] === 'file') {
      if (ids.length === 0) allFile = true;
      ids.forEach((id) => fileWide.add(id));
    } else {
      byLine.set(line.line + 1, ids.length === 0 ? 'all' : new Set(ids));
    }
  }
  return {
    isDisabled(ruleId, line) {
      if (allFile || fileWide.has(ruleId)) return true;
      const entry = byLine.get(line);
      return entry === 'all' || (entry !== undefined && entry.has(ruleId));
    },
  };
}

/** The comment a "disable for this line" fix inserts above a line. */
export function disableNextLineComment(ruleId: string, indentation = ''): string {
  return `${indentation}# schedlint-disable-next-line ${ruleId}\n`;
}
