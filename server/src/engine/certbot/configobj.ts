// Reads a renewal file (/etc/letsencrypt/renewal/NAME.conf) the way certbot does: configobj 5.0.8's
// ConfigObj(path, encoding='utf-8', default_encoding='utf-8') (certbot/_internal/storage.py). The regular
// expressions are configobj's own (__init__.py: _keyword, _sectionmarker, _valueexp, _listvalueexp and the
// triple-quote ones), run through the same steps as ConfigObj._parse, _handle_value, _multiline and the
// default ConfigParser-style %(name)s interpolation done when certbot reads a value.
// Checked against configobj itself on test/oracles/configobj.json (scripts/oracles/configobj-parse.sh).
//
// Why not the `ini` package: on these files it is not faithful. It reads `webroot_path = /var/www/html,` as
// the string "/var/www/html," (configobj: a one-element list), `a = x, y` as one string, `[[webroot_map]]`
// as a key of [renewalparams] (so the map's domains land in renewalparams), cuts `echo a#b` at the `#`
// (configobj only starts a comment at an unquoted `#` of the value part, the same here, but ini also does it
// inside list items differently), and keeps the last of duplicate keys where configobj rejects the file.
//
// Lines: configobj reads the file in binary and splits on "\n" only, stripping "\r" and "\n" from line ends,
// so "\r\n" files read the same; a lone "\r" inside a line stays in it (the editor would show a line break).
import type { Range } from '../types';
import type { CertbotDocument, ConfigEntry, ParseProblem } from './rule';
import { sameSection } from './rule';
import { LinearRegex, isPythonSpace } from '../util/linear-regex';

// configobj's patterns, run on a matcher that is linear in the line (util/linear-regex.ts) with Python's
// meaning of `\s` and `.`: on a backtracking engine VALUE is exponential (`a = x ,x ,x ,… "`) and KEYWORD
// cubic (an indented line without `=`), and the host scan reads every renewal file. Lines never hold "\n",
// so `$` (end of text here, also before a final "\n" in Python) and `.` mean the same as in configobj.
const KEYWORD = new LinearRegex(String.raw`^(\s*)((?:".*?")|(?:'.*?')|(?:[^'"=].*?))\s*=\s*(.*)$`);
const SECTION_MARKER = new LinearRegex(String.raw`^(\s*)((?:\[\s*)+)((?:"\s*\S.*?\s*")|(?:'\s*\S.*?\s*')|(?:[^'"\s].*?))((?:\s*\])+)\s*(#.*)?$`);
const VALUE = new LinearRegex(String.raw`^(?:(?:((?:(?:(?:".*?")|(?:'.*?')|(?:[^'",#][^,#]*?))\s*,\s*)*)((?:".*?")|(?:'.*?')|(?:[^'",#\s][^,]*?)|(?:(?<!,)))?)|(,))\s*(#.*)?$`);
const LIST_VALUE = new LinearRegex(String.raw`((?:".*?")|(?:'.*?')|(?:[^'",#]?.*?))\s*,\s*`);
const TRIPLE: Record<string, { single: LinearRegex; multi: LinearRegex }> = {
  "'''": { single: new LinearRegex(String.raw`^'''(.*?)'''\s*(#.*)?$`), multi: new LinearRegex(String.raw`^(.*?)'''\s*(#.*)?$`) },
  '"""': { single: new LinearRegex(String.raw`^"""(.*?)"""\s*(#.*)?$`), multi: new LinearRegex(String.raw`^(.*?)"""\s*(#.*)?$`) },
};

class ConfigSyntaxError extends Error {}

interface SectionNode {
  name: string;
  depth: number;
  parent: SectionNode | undefined;
  path: string[];
  /** Scalars and subsections by name, in order (configobj's Section is a dict). */
  children: Map<string, { entry: ConfigEntry; raw: string | string[] } | SectionNode>;
}

function isSection(value: unknown): value is SectionNode {
  return typeof value === 'object' && value !== null && 'children' in value;
}

export function parseRenewalFile(text: string): CertbotDocument {
  const editorLines = text.split(/\r\n|\r|\n/);
  // configobj's lines: split on "\n" only; a UTF-8 BOM is removed from the first.
  const lines = text.split('\n').map(stripLineEnd);
  if (lines.length > 0 && lines[0].startsWith('\ufeff')) lines[0] = lines[0].slice(1);
  const bomShift = text.startsWith('\ufeff') ? 1 : 0;
  if (lines.length > 0 && lines[lines.length - 1] === '' && text.endsWith('\n')) lines.pop();
  const column = (line: number, character: number) => character + (line === 0 ? bomShift : 0);
  const span = (line: number, start: number, end: number, endLine = line): Range => ({
    start: { line, character: column(line, start) },
    end: { line: endLine, character: column(endLine, end) },
  });

  const root: SectionNode = { name: '', depth: 0, parent: undefined, path: [], children: new Map() };
  const entries: ConfigEntry[] = [];
  const rawValues = new Map<ConfigEntry, string | string[]>();
  const owners = new Map<ConfigEntry, SectionNode>();
  const sections: CertbotDocument['sections'] = [];
  const problems: ParseProblem[] = [];
  const wholeLine = (index: number) => span(index, 0, lines[index].length);
  let current = root;

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    // ConfigObj._parse: `sline = line.strip()`; blank and comment lines are skipped.
    const first = firstNonSpace(line);
    if (first === line.length || line[first] === '#') continue;

    // Cheap necessary conditions first (a marker starts with `[` and has a `]`; a key line has a `=`), so most
    // lines never reach the matcher.
    const marker = line[first] === '[' && line.includes(']') ? SECTION_MARKER.match(line) : undefined;
    if (marker) {
      const [, , open, rawName, close] = marker.groups as string[];
      const depth = (open.match(/\[/g) ?? []).length;
      if (depth !== (close.match(/\]/g) ?? []).length) {
        problems.push({ messageId: 'section-brackets', range: wholeLine(index) });
        continue;
      }
      // ConfigObj._parse: back to an earlier level, a sibling, or one level deeper; anything else is a NestingError.
      let parent: SectionNode | undefined;
      if (depth < current.depth) parent = matchDepth(current, depth)?.parent;
      else if (depth === current.depth) parent = current.parent;
      else if (depth === current.depth + 1) parent = current;
      if (parent === undefined) {
        problems.push({ messageId: 'section-nesting', params: { depth }, range: wholeLine(index) });
        continue;
      }
      const name = unquote(rawName);
      if (parent.children.has(name)) {
        problems.push({ messageId: 'duplicate-section', params: { name }, range: wholeLine(index) });
        continue;
      }
      const node: SectionNode = { name, depth, parent, path: [...parent.path, name], children: new Map() };
      parent.children.set(name, node);
      sections.push({ path: node.path, range: wholeLine(index) });
      current = node;
      continue;
    }

    const keyword = line.includes('=') ? KEYWORD.match(line) : undefined;
    if (!keyword) {
      problems.push({ messageId: 'invalid-line', range: wholeLine(index) });
      continue;
    }
    const rawKey = keyword.groups[2]!;
    const rawValue = keyword.groups[3]!;
    const keyStart = keyword.indices[2]![0];
    const valueStart = keyword.indices[3]![0];
    const startLine = index;
    let value: string | string[];
    let valueEnd: number;
    try {
      if (rawValue.startsWith('"""') || rawValue.startsWith("'''")) {
        const result = multiline(rawValue, lines, index, valueStart);
        value = result.value;
        index = result.index;
        valueEnd = result.end;
      } else {
        const result = handleValue(rawValue);
        value = result.value;
        valueEnd = valueStart + result.end;
      }
    } catch (error) {
      if (!(error instanceof ConfigSyntaxError)) throw error;
      problems.push({ messageId: rawValue.startsWith('"""') || rawValue.startsWith("'''") ? 'unterminated-triple-quote' : 'invalid-value', range: wholeLine(startLine) });
      // _multiline raises before advancing cur_index, so configobj goes on with the next line.
      continue;
    }
    let key: string;
    try {
      key = unquote(rawKey);
    } catch {
      problems.push({ messageId: 'invalid-line', range: wholeLine(startLine) });
      continue;
    }
    const entry: ConfigEntry = {
      section: current.path,
      key,
      value,
      line: startLine,
      endLine: index,
      keyRange: span(startLine, keyStart, keyStart + rawKey.length),
      valueRange: index === startLine ? span(startLine, valueStart, Math.max(valueStart, valueEnd)) : span(startLine, valueStart, valueEnd, index),
    };
    if (current.children.has(key)) {
      problems.push({ messageId: 'duplicate-key', params: { key }, range: entry.keyRange });
      continue;
    }
    current.children.set(key, { entry, raw: value });
    entries.push(entry);
    rawValues.set(entry, value);
    owners.set(entry, current);
  }

  // Values as certbot reads them: configobj interpolates %(name)s on every read.
  for (const entry of entries) {
    const owner = owners.get(entry)!;
    const read = (item: string): string | undefined => {
      try {
        return interpolate(entry.key, item, owner);
      } catch (error) {
        if (!(error instanceof InterpolationError)) throw error;
        problems.push({ messageId: error.kind, params: { key: entry.key, name: error.name }, range: entry.valueRange });
        return undefined;
      }
    };
    const raw = rawValues.get(entry)!;
    if (Array.isArray(raw)) entry.value = raw.map((item) => read(item) ?? item);
    else entry.value = read(raw) ?? raw;
  }
  problems.sort((a, b) => a.range.start.line - b.range.start.line);

  return {
    kind: 'renewal',
    text,
    lines: editorLines,
    entries,
    sections,
    problems,
    get(key, section = ['renewalparams']) {
      return entries.find((entry) => entry.key === key && sameSection(entry.section, section));
    },
  };
}

/** configobj reads lines with their "\r\n" stripped (`line.rstrip('\r\n')`); a loop, not /[\r\n]+$/, which is quadratic on a run of "\r". */
function stripLineEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 13 || line.charCodeAt(end - 1) === 10)) end--;
  return end === line.length ? line : line.slice(0, end);
}

function firstNonSpace(line: string): number {
  let at = 0;
  while (at < line.length && isPythonSpace(line.charCodeAt(at))) at++;
  return at;
}

function matchDepth(section: SectionNode, depth: number): SectionNode | undefined {
  let node: SectionNode | undefined = section;
  while (node && depth < node.depth) node = node.parent;
  return node && node.depth === depth ? node : undefined;
}

function unquote(value: string): string {
  if (!value) throw new ConfigSyntaxError();
  if (value[0] === value[value.length - 1] && (value[0] === '"' || value[0] === "'")) return value.slice(1, -1);
  return value;
}

/** configobj's _handle_value with list_values on: the value, and where its text ends (before a comment). */
function handleValue(raw: string): { value: string | string[]; end: number } {
  const match = VALUE.match(raw);
  if (!match) throw new ConfigSyntaxError();
  const [, listValues, single, emptyList, comment] = match.groups;
  const end = comment !== undefined ? raw.slice(0, match.indices[4]![0]).trimEnd().length : raw.trimEnd().length;
  if (listValues === '' && single === undefined) throw new ConfigSyntaxError();
  if (emptyList !== undefined) return { value: [], end };
  let last: string | undefined;
  if (single !== undefined) {
    if (listValues && !single) last = undefined;
    else last = unquote(single || '""');
  }
  if (!listValues) return { value: last ?? '', end };
  const items = LIST_VALUE.all(listValues).map((found) => unquote(found.groups[1]!));
  if (last !== undefined) items.push(last);
  return { value: items, end };
}

/** configobj's _multiline: a value opened with ''' or """, maybe closed on a later line. */
function multiline(raw: string, lines: readonly string[], index: number, valueStart: number): { value: string; index: number; end: number } {
  const quote = raw.slice(0, 3);
  const patterns = TRIPLE[quote];
  const rest = raw.slice(3);
  const single = patterns.single.match(raw);
  if (single) return { value: single.groups[1]!, index, end: valueStart + (single.groups[2] === undefined ? raw : raw.slice(0, single.indices[2]![0])).trimEnd().length };
  if (rest.includes(quote)) throw new ConfigSyntaxError();
  let value = rest;
  let cursor = index;
  let line: string | undefined;
  while (cursor < lines.length - 1) {
    cursor += 1;
    value += '\n';
    line = lines[cursor];
    if (!line.includes(quote)) value += line;
    else break;
  }
  if (line === undefined || !line.includes(quote)) throw new ConfigSyntaxError();
  const closing = patterns.multi.match(line);
  if (!closing) throw new ConfigSyntaxError();
  return { value: value + closing.groups[1]!, index: cursor, end: closing.groups[1]!.length + 3 };
}

class InterpolationError extends Error {
  constructor(readonly kind: 'interpolation-missing' | 'interpolation-loop' | 'interpolation-too-long', override readonly name: string) {
    super(kind);
  }
}

/**
 * Longest value we expand. configobj has no limit, so `a = %(b)s%(b)s`, `b = %(c)s%(c)s`, … doubles per level
 * and certbot runs out of memory on it; past this we stop and report instead.
 */
export const MAX_INTERPOLATED_LENGTH = 1 << 20;

/** configobj's ConfigParserInterpolation: %(name)s from this section, its DEFAULT subsection, then parents. */
function interpolate(key: string, value: string, section: SectionNode): string {
  if (!value.includes('%')) return value;
  const trail = new Set<string>();
  // A value that expanded once expands the same way again (had it reached the trail it would have looped then),
  // so each referenced value is expanded once per read, not once per reference.
  const expanded = new Map<string, string>();
  const recurse = (name: string, text: string, owner: SectionNode, mark: string): string => {
    if (trail.has(mark)) throw new InterpolationError('interpolation-loop', name);
    trail.add(mark);
    // configobj goes on searching after the inserted text, so the result is built from the pieces of `text`.
    const parts: string[] = [];
    let length = 0;
    let from = 0;
    for (let reference = findReference(text, 0); reference; reference = findReference(text, from)) {
      const found = fetch(reference.name, owner);
      const foundMark = `${reference.name}\0${found.section.path.join('\0')}`;
      const replacement = expanded.get(foundMark) ?? recurse(reference.name, found.value, found.section, foundMark);
      expanded.set(foundMark, replacement);
      parts.push(text.slice(from, reference.start), replacement);
      length += reference.start - from + replacement.length;
      if (length > MAX_INTERPOLATED_LENGTH) throw new InterpolationError('interpolation-too-long', reference.name);
      from = reference.end;
    }
    parts.push(text.slice(from));
    trail.delete(mark);
    return parts.join('');
  };
  return recurse(key, value, section, `${key}\0${section.path.join('\0')}`);
}

/**
 * The next `%(name)s` at or after `from` (configobj's `%\(([^)]*)\)s`), by scanning: on a backtracking
 * engine that pattern is quadratic on `%(%(%(…` without a `)`.
 */
function findReference(text: string, from: number): { start: number; end: number; name: string } | undefined {
  let at = from;
  for (;;) {
    const open = text.indexOf('%(', at);
    if (open < 0) return undefined;
    const close = text.indexOf(')', open + 2);
    if (close < 0) return undefined;
    if (text.charCodeAt(close + 1) === 115 /* s */) return { start: open, end: close + 2, name: text.slice(open + 2, close) };
    // Every later start before `close - 1` meets the same `)` and fails the same way.
    at = close - 1;
  }
}

function fetch(name: string, section: SectionNode): { value: string; section: SectionNode } {
  let current: SectionNode = section;
  for (;;) {
    const own = current.children.get(name);
    if (own !== undefined && !isSection(own) && typeof own.raw === 'string') return { value: own.raw, section: current };
    const defaults = current.children.get('DEFAULT');
    if (defaults !== undefined && isSection(defaults)) {
      const fallback = defaults.children.get(name);
      if (fallback !== undefined && !isSection(fallback) && typeof fallback.raw === 'string') return { value: fallback.raw, section: current };
    }
    if (current.parent === undefined) throw new InterpolationError('interpolation-missing', name);
    current = current.parent;
  }
}

export function isSameSection(entry: ConfigEntry, section: readonly string[]): boolean {
  return sameSection(entry.section, section);
}
