// Glob patterns given on the command line, expanded by schedlint for when the shell did not (a quoted
// `'deploy/**/*.cron'`, or a shell without globstar), the way bash does with `shopt -s globstar`:
// `*`, `?` and `[...]` within one path component (engine/util/glob.ts matchName), `**` as any number of
// folders, `{a,b}` alternatives; names starting with `.` only match a pattern that starts with `.`;
// `**` does not follow symbolic links to folders (bash 5's globstar does not either, and links can loop).
// A path that exists is taken as it is, glob characters or not (a file named `crontab[1]`).
import * as path from 'node:path';
import type { Host } from '../engine/host/host';
import { isGlob, matchName } from '../engine/util/glob';

/** Folders `**` walks at most: a pattern rooted at / must end, not read the whole disk. */
const MAX_FOLDERS = 100_000;

export function hasGlob(text: string): boolean {
  return isGlob(text) || expandBraces(text).length > 1;
}

/**
 * Host paths matching `pattern` (an absolute host path pattern), sorted; empty when none does. Reads through
 * `host`, so with `--root DIR` the pattern is matched inside DIR.
 */
export function expandGlob(pattern: string, host: Host): string[] {
  const found = new Set<string>();
  for (const alternative of expandBraces(pattern)) {
    const segments = alternative.split('/').filter((segment) => segment !== '' && segment !== '.');
    for (const match of walk(host, '/', segments, { folders: 0 })) found.add(match);
  }
  return [...found].sort();
}

function walk(host: Host, base: string, segments: string[], budget: { folders: number }): string[] {
  if (segments.length === 0) return host.stat(base) ? [base] : [];
  const [segment, ...rest] = segments;
  if (segment === '**') {
    // Zero folders, then each folder below (not through links, not into hidden folders).
    const results = walk(host, base, rest, budget);
    for (const name of host.list(base)) {
      if (name.startsWith('.') || ++budget.folders > MAX_FOLDERS) continue;
      const child = path.posix.join(base, name);
      if (host.lstat(child)?.kind === 'directory') results.push(...walk(host, child, segments, budget));
    }
    return results;
  }
  if (!isGlob(segment)) return walk(host, path.posix.join(base, unescape(segment)), rest, budget);
  const results: string[] = [];
  for (const name of host.list(base)) {
    if (name.startsWith('.') && !segment.startsWith('.')) continue;
    if (!matchName(segment, name)) continue;
    const child = path.posix.join(base, name);
    if (rest.length > 0 && host.stat(child)?.kind !== 'directory') continue;
    results.push(...walk(host, child, rest, budget));
  }
  return results;
}

/** `\x` is a literal x in a pattern; a component without glob characters is taken letter for letter. */
function unescape(segment: string): string {
  return segment.replace(/\\(.)/g, '$1');
}

/** `a{b,c}d` → `abd`, `acd`, nested and repeated; a brace without a comma inside stays as it is, as in bash. */
export function expandBraces(pattern: string): string[] {
  let depth = 0;
  let open = -1;
  let comma = false;
  for (let index = 0; index < pattern.length; index++) {
    const ch = pattern[index];
    if (ch === '\\') {
      index++;
    } else if (ch === '{') {
      if (depth++ === 0) [open, comma] = [index, false];
    } else if (ch === ',' && depth === 1) {
      comma = true;
    } else if (ch === '}' && depth > 0 && --depth === 0 && comma) {
      const before = pattern.slice(0, open);
      const after = pattern.slice(index + 1);
      return splitTopLevel(pattern.slice(open + 1, index)).flatMap((choice) => expandBraces(before + choice + after));
    }
  }
  return [pattern];
}

function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < body.length; index++) {
    const ch = body[index];
    if (ch === '\\') index++;
    else if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(body.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

/**
 * The PATH arguments with every pattern replaced by its matches (host paths). A pattern that matches nothing is
 * reported through `noMatch` and dropped, as a missing file is; `-` and paths without glob characters are
 * passed on untouched, and so is a pattern that names an existing file.
 */
export function expandArguments(args: readonly string[], host: Host, options: { root?: string; cwd: string }, noMatch: (pattern: string) => void): string[] {
  const result: string[] = [];
  for (const arg of args) {
    if (arg === '-' || !hasGlob(arg)) {
      result.push(arg);
      continue;
    }
    const hostPattern = options.root !== undefined ? path.posix.normalize('/' + arg) : path.resolve(options.cwd, arg);
    if (host.stat(hostPattern) !== undefined) {
      result.push(arg);
      continue;
    }
    const matches = expandGlob(hostPattern, host);
    if (matches.length === 0) noMatch(arg);
    result.push(...matches);
  }
  return result;
}
