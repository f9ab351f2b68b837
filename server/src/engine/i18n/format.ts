// Message formatting for the catalog: `{name}` inserts a parameter; `{name, plural, one {…} other {…}}`
// picks a plural form by Intl.PluralRules (English needs it, Japanese has one form). `#` inside a plural
// branch is the number. No concatenation happens outside the catalog, so word order stays the translator's.
import type { Locale } from '../types';

export type MessageParams = Record<string, string | number>;

const pluralRules = new Map<Locale, Intl.PluralRules>();

export function formatMessage(template: string, params: MessageParams, locale: Locale): string {
  let out = '';
  let pos = 0;
  while (pos < template.length) {
    const open = template.indexOf('{', pos);
    if (open < 0) {
      out += template.slice(pos);
      break;
    }
    out += template.slice(pos, open);
    const close = matchingBrace(template, open);
    const inner = template.slice(open + 1, close);
    pos = close + 1;
    const pluralMatch = inner.match(/^\s*(\w+)\s*,\s*plural\s*,(.*)$/s);
    if (!pluralMatch) {
      const value = params[inner.trim()];
      out += value === undefined ? `{${inner}}` : String(value);
      continue;
    }
    const count = Number(params[pluralMatch[1]] ?? 0);
    const branches = parseBranches(pluralMatch[2]);
    let rules = pluralRules.get(locale);
    if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
    const branch = branches.get(`=${count}`) ?? branches.get(rules.select(count)) ?? branches.get('other') ?? '';
    out += formatMessage(branch.replace(/#/g, String(count)), params, locale);
  }
  return out;
}

/** Parameter names a template uses, for the catalog's completeness test. */
export function parameterNames(template: string): Set<string> {
  const names = new Set<string>();
  for (const match of template.matchAll(/\{\s*(\w+)\s*(,\s*plural)?/g)) names.add(match[1]);
  for (const match of template.matchAll(/\b(one|other|=\d+)\s*\{/g)) names.delete(match[1]);
  return names;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === '{') depth++;
    else if (text[index] === '}' && --depth === 0) return index;
  }
  return text.length - 1;
}

function parseBranches(text: string): Map<string, string> {
  const branches = new Map<string, string>();
  let pos = 0;
  while (pos < text.length) {
    const match = /\s*(=\d+|\w+)\s*\{/y;
    match.lastIndex = pos;
    const found = match.exec(text);
    if (!found) break;
    const open = match.lastIndex - 1;
    const close = matchingBrace(text, open);
    branches.set(found[1], text.slice(open + 1, close));
    pos = close + 1;
  }
  return branches;
}
