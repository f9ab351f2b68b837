// Message formatting for the catalog: `{name}` inserts a parameter; `{name, plural, one {…} other {…}}`
// picks a plural form by Intl.PluralRules (English needs it, Japanese has one form). `#` inside a plural
// branch is the number. A parameter may be a list of strings: `{name}` then joins it as an enumeration
// ("a, b" / 「a、b」), `{name, list}` as a conjunction ("a and b", "a, b, and c" / 「a、b、c」, by
// Intl.ListFormat), and `{name, plural, …}` counts its items, so "is"/"are" follows the list itself.
// No concatenation happens outside the catalog, so word order stays the translator's.
import type { Locale } from '../types';

export type MessageValue = string | number | readonly string[];
export type MessageParams = Record<string, MessageValue>;

const pluralRules = new Map<Locale, Intl.PluralRules>();
const listFormats = new Map<Locale, Intl.ListFormat>();

/** A list as running text: "a", "a and b", "a, b, and c"; in Japanese 「a、b、c」. */
export function formatList(items: readonly string[], locale: Locale): string {
  let format = listFormats.get(locale);
  if (!format) listFormats.set(locale, (format = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })));
  return format.format(items);
}

/** A list as an enumeration after a label ("Names: a, b"): commas in English, 「、」 in Japanese. */
export function formatEnumeration(items: readonly string[], locale: Locale): string {
  return items.join(locale === 'ja' ? '、' : ', ');
}

function valueText(value: MessageValue, locale: Locale, list: boolean): string {
  if (typeof value !== 'object') return String(value);
  return list ? formatList(value, locale) : formatEnumeration(value, locale);
}

function countOf(value: MessageValue | undefined): number {
  return typeof value === 'object' ? value.length : Number(value ?? 0);
}

const LIST = /^\s*(\w+)\s*,\s*list\s*$/;

// docs/ja-style.md: one half-width space where Japanese meets an ASCII word, number or code span, and none
// between Japanese words. A parameter may hold either (「{kind}として」 gets 「タイマー」 or 「システム crontab」,
// 「cron は {source}」 gets 「--dialect で指定」 or 「設定ファイルで指定」), so in Japanese the space at a
// parameter's edges is decided here, from the value, rather than in the catalog.
function isJapanese(code: number): boolean {
  return (code >= 0x3040 && code <= 0x30fa) || (code >= 0x30fc && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff);
}

function isAsciiWord(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x60;
}

const SPACE = 0x20;

/**
 * `out + piece`, in Japanese with the space docs/ja-style.md wants where Japanese and ASCII touch, and
 * without a single space the catalog put between Japanese words. Only message pieces meet here: the catalog's
 * text and the parameter values between them.
 */
function appendText(out: string, piece: string, locale: Locale): string {
  if (locale !== 'ja' || out.length === 0 || piece.length === 0) return out + piece;
  const before = out.charCodeAt(out.length - 1);
  const after = piece.charCodeAt(0);
  if ((isJapanese(before) && isAsciiWord(after)) || (isAsciiWord(before) && isJapanese(after))) return `${out} ${piece}`;
  if (before === SPACE && isJapanese(after) && out.length >= 2 && isJapanese(out.charCodeAt(out.length - 2))) return out.slice(0, -1) + piece;
  if (after === SPACE && isJapanese(before) && piece.length >= 2 && isJapanese(piece.charCodeAt(1))) return out + piece.slice(1);
  return out + piece;
}

export function formatMessage(template: string, params: MessageParams, locale: Locale): string {
  let out = '';
  let pos = 0;
  while (pos < template.length) {
    const open = template.indexOf('{', pos);
    if (open < 0) {
      out = appendText(out, template.slice(pos), locale);
      break;
    }
    out = appendText(out, template.slice(pos, open), locale);
    const close = matchingBrace(template, open);
    const inner = template.slice(open + 1, close);
    pos = close + 1;
    const pluralMatch = inner.match(PLURAL);
    if (!pluralMatch) {
      const listMatch = inner.match(LIST);
      const value = params[listMatch ? listMatch[1] : inner.trim()];
      out = appendText(out, value === undefined ? `{${inner}}` : valueText(value, locale, listMatch !== null), locale);
      continue;
    }
    out = appendText(out, formatPlural(pluralMatch, params, locale), locale);
  }
  return out;
}

const PLURAL = /^\s*(\w+)\s*,\s*plural\s*,(.*)$/s;

// A plural's branches, and each branch once its `#` is the number, parsed once: a long file may get the same
// plural message thousands of times. Keyed by catalog text, so bounded by the catalog (cleared if ever not).
const branchTables = new Map<string, PluralBranches>();
const PLURAL_CACHE_LIMIT = 2000;

/**
 * A plural's branches, and the compiled branch already picked for a (locale, count): choosing one asks
 * Intl.PluralRules and rewrites `#`, which cost more than the rest of a message when thousands of findings
 * of a long file each have their own count (crontab/wildcard-minute, issue #20). Counts are bounded by the
 * rules (a count of runs, of items), and each table starts over past PLURAL_CACHE_LIMIT.
 */
interface PluralBranches {
  readonly branches: Map<string, string>;
  readonly picked: Map<string, Map<number, CompiledMessage>>;
}

function formatPlural(pluralMatch: RegExpMatchArray, params: MessageParams, locale: Locale): string {
  const count = countOf(params[pluralMatch[1]]);
  let table = branchTables.get(pluralMatch[2]);
  if (table === undefined) {
    if (branchTables.size >= PLURAL_CACHE_LIMIT) branchTables.clear();
    branchTables.set(pluralMatch[2], (table = { branches: parseBranches(pluralMatch[2]), picked: new Map() }));
  }
  let picked = table.picked.get(locale);
  if (picked === undefined) table.picked.set(locale, (picked = new Map()));
  let compiled = picked.get(count);
  if (compiled === undefined) {
    compiled = pluralBranch(table.branches, count, locale);
    if (picked.size >= PLURAL_CACHE_LIMIT) picked.clear();
    picked.set(count, compiled);
  }
  return renderParts(compiled.parts, params, locale);
}

/** The branch of a plural for `count`, with `#` as the number, compiled (formatPlural keeps it per locale and count). */
function pluralBranch(branches: Map<string, string>, count: number, locale: Locale): CompiledMessage {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  const branch = branches.get(`=${count}`) ?? branches.get(rules.select(count)) ?? branches.get('other') ?? '';
  return compileMessage(branch.replace(/#/g, String(count)));
}

type MessagePart = string | { name: string; inner: string; plural: RegExpMatchArray | null; list: boolean };

/**
 * A template split at its `{…}` placeholders, for rendering it many times (same result as formatMessage).
 * It remembers its last rendering: a long file often gets the same message (same parameters) thousands of
 * times in a row, and one string for all of them saves building (and collecting) each copy.
 */
export interface CompiledMessage {
  readonly parts: readonly MessagePart[];
  /** Parameter names, in order, when no part is a plural (whose branches may use any parameter). */
  readonly names: readonly string[] | undefined;
  lastValues: (MessageValue | undefined)[] | undefined;
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
    const listMatch = inner.match(LIST);
    parts.push({ name: listMatch ? listMatch[1] : inner.trim(), inner, plural: inner.match(PLURAL), list: listMatch !== null });
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
  const values: (MessageValue | undefined)[] = [];
  for (const name of names) {
    const value = params[name] as unknown;
    // Only plain values (anything else, lists included, might render differently next time), and only short
    // strings: a longer one may be a slice of a linted file, which the memo would keep in memory after the lint.
    if (value !== undefined && typeof value !== 'number' && (typeof value !== 'string' || value.length >= 13)) return renderParts(message.parts, params, locale);
    values.push(value as MessageValue);
  }
  const output = renderParts(message.parts, params, locale);
  message.lastValues = values;
  message.lastOutput = output;
  return output;
}

function renderParts(parts: readonly MessagePart[], params: MessageParams, locale: Locale): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out = appendText(out, part, locale);
    else if (part.plural) out = appendText(out, formatPlural(part.plural, params, locale), locale);
    else {
      const value = params[part.name];
      out = appendText(out, value === undefined ? `{${part.inner}}` : valueText(value, locale, part.list), locale);
    }
  }
  return out;
}

/** Parameter names a template uses, for the catalog's completeness test. */
export function parameterNames(template: string, names = new Set<string>()): Set<string> {
  for (const part of compileMessage(template).parts) {
    if (typeof part === 'string') continue;
    const plural = part.inner.match(PLURAL);
    if (!plural) {
      names.add(part.name);
      continue;
    }
    // A plural's branches are texts of their own (`one {is} other {are}`), which may hold parameters.
    names.add(plural[1]);
    for (const branch of parseBranches(plural[2]).values()) parameterNames(branch, names);
  }
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
