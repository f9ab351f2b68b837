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
    const pluralMatch = inner.match(PLURAL);
    if (!pluralMatch) {
      const value = params[inner.trim()];
      out += value === undefined ? `{${inner}}` : String(value);
      continue;
    }
    out += formatPlural(pluralMatch, params, locale);
  }
  return out;
}

const PLURAL = /^\s*(\w+)\s*,\s*plural\s*,(.*)$/s;

function formatPlural(pluralMatch: RegExpMatchArray, params: MessageParams, locale: Locale): string {
  const count = Number(params[pluralMatch[1]] ?? 0);
  const branches = parseBranches(pluralMatch[2]);
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  const branch = branches.get(`=${count}`) ?? branches.get(rules.select(count)) ?? branches.get('other') ?? '';
  return formatMessage(branch.replace(/#/g, String(count)), params, locale);
}

type MessagePart = string | { name: string; inner: string; plural: boolean };

/**
 * A template split at its `{…}` placeholders, for rendering it many times (same result as formatMessage).
 * It remembers its last rendering: a long file often gets the same message (same parameters) thousands of
 * times in a row, and one string for all of them saves building (and collecting) each copy.
 */
export interface CompiledMessage {
  readonly parts: readonly MessagePart[];
  /** Parameter names, in order, when no part is a plural (whose branches may use any parameter). */
  readonly names: readonly string[] | undefined;
  lastValues: (string | number | undefined)[] | undefined;
  lastOutput: string;
}

export function compileMessage(template: string): CompiledMessage {
  const parts: MessagePart[] = [];
  let pos = 0;
  while (pos < template.length) {
    const open = template.indexOf('{', pos);
    if (open < 0) {
      parts.push(template.slice(pos));
      break;
    }
    parts.push(template.slice(pos, open));
    const close = matchingBrace(template, open);
    const inner = template.slice(open + 1, close);
    pos = close + 1;
    parts.push({ name: inner.trim(), inner, plural: PLURAL.test(inner) });
  }
  const placeholders = parts.filter((part) => typeof part !== 'string');
  const names = placeholders.some((part) => part.plural) ? undefined : placeholders.map((part) => part.name);
  return { parts, names, lastValues: undefined, lastOutput: '' };
}

export function renderMessage(message: CompiledMessage, params: MessageParams, locale: Locale): string {
  const names = message.names;
  if (names === undefined) return renderParts(message.parts, params, locale);
  const last = message.lastValues;
  if (last !== undefined) {
    let same = true;
    for (let index = 0; index < names.length && same; index++) same = params[names[index]] === last[index];
    if (same) return message.lastOutput;
  }
  const values: (string | number | undefined)[] = [];
  for (const name of names) {
    const value = params[name] as unknown;
    // Only plain values (anything else might render differently next time), and only short strings: a longer
    // one may be a slice of a linted file, which the memo would keep in memory after the lint.
    if (value !== undefined && typeof value !== 'number' && (typeof value !== 'string' || value.length >= 13)) return renderParts(message.parts, params, locale);
    values.push(value as string | number | undefined);
  }
  const output = renderParts(message.parts, params, locale);
  message.lastValues = values;
  message.lastOutput = output;
  return output;
}

function renderParts(parts: readonly MessagePart[], params: MessageParams, locale: Locale): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if (part.plural) out += formatPlural(part.inner.match(PLURAL) as RegExpMatchArray, params, locale);
    else {
      const value = params[part.name];
      out += value === undefined ? `{${part.inner}}` : String(value);
    }
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
