// Reads /etc/letsencrypt/cli.ini the way certbot does: certbot/_internal/cli/helpful.py builds a
// configargparse.ArgParser with the default DefaultConfigFileParser (ConfigArgParse 1.5.3, Debian 12), whose
// parse() is mirrored here line by line: lines are stripped; blank lines and lines starting with `#`, `;`,
// `[` (section headers are ignored, not scopes) or `---` are skipped; then one regular expression gives
// `key`, `key value`, `key = value`, `key: value` (a flag written alone means "true"), optional matching quotes
// around the value, and a comment only after whitespace (` # …`, ` ; …`); a value in [brackets] is a list.
// Any other line makes ConfigArgParse raise, and certbot exit ("Unexpected line"). Duplicate keys: the last
// value wins. Checked on test/oracles/configargparse.json (scripts/oracles/configargparse-parse.sh).
//
// Why not the `ini` package: it is not faithful here either. `email admin@example.com` (space separator)
// becomes a key "email admin@example.com"; `pre-hook = echo a#b` loses `#b` (ConfigArgParse needs whitespace
// before a comment); `[section]` nests the keys below it (ConfigArgParse ignores section lines).
import type { Range } from '../types';
import { resolveCliKey } from './known-keys';
import type { CertbotDocument, ConfigEntry, ParseProblem } from './rule';
import { LinearRegex } from '../util/linear-regex';

// `key`, `equal`, `value` (in quotes, or not) and `comment`. Written first as
// /^(?<key>[^:=;#\s]+)\s*(?:(?<equal>[:=\s])\s*(['"]?)(?<value>.+?)?\3)?\s*(?:\s[;#]\s*(?<comment>.*?)\s*)?$/; on a
// backtracking engine that is polynomial of high degree on a long line of spaces, so it runs on the linear
// matcher, with the backreference to the optional quote spelled out as three alternatives in the same order.
const LINE = new LinearRegex(String.raw`^([^:=;#\s]+)\s*(?:([:=\s])\s*(?:"(.+?)?"|'(.+?)?'|(.+?)?))?\s*(?:\s[;#]\s*(.*?)\s*)?$`, { flavor: 'javascript' });

export function parseCliIni(text: string): CertbotDocument {
  // Python's text mode reads "\r\n", "\r" and "\n" as line ends, like the editor.
  const lines = text.split(/\r\n|\r|\n/);
  const entries: ConfigEntry[] = [];
  const problems: ParseProblem[] = [];
  const byKey = new Map<string, ConfigEntry>();
  lines.forEach((raw, index) => {
    const line = index === 0 ? raw.replace(/^\ufeff/, '') : raw;
    const shift = raw.length - line.length;
    const stripped = line.trim();
    if (!stripped || '#;['.includes(stripped[0]) || stripped.startsWith('---')) return;
    const indent = shift + line.length - line.trimStart().length;
    const match = LINE.match(stripped);
    const range = (start: number, end: number): Range => ({ start: { line: index, character: indent + start }, end: { line: index, character: indent + end } });
    if (!match) {
      problems.push({ messageId: 'cli-unexpected-line', range: range(0, stripped.length) });
      return;
    }
    const [, key, equal, doubleQuoted, singleQuoted, bare] = match.groups as [string, string, string | undefined, ...(string | undefined)[]];
    let value: string | string[] | undefined = doubleQuoted ?? singleQuoted ?? bare;
    const valueIndices = match.indices[3] ?? match.indices[4] ?? match.indices[5];
    if (value === undefined && equal !== undefined && equal !== ' ') value = '';
    else if (value === undefined) value = 'true';
    if (value.startsWith('[') && value.endsWith(']')) value = listValue(value);
    const keyIndices = match.indices[1]!;
    const valueStart = valueIndices ? valueIndices[0] : keyIndices[1];
    const entry: ConfigEntry = {
      section: [],
      key,
      value,
      line: index,
      endLine: index,
      keyRange: range(keyIndices[0], keyIndices[1]),
      valueRange: valueIndices ? range(valueStart, valueIndices[1]) : range(valueStart, valueStart),
      option: resolveCliKey(key),
    };
    byKey.set(key, entry);
    entries.push(entry);
  });
  return {
    kind: 'cli-ini',
    text,
    lines,
    entries,
    sections: [],
    problems,
    get(key) {
      return byKey.get(key);
    },
  };
}

/** `[a, b]`: JSON when it parses, else the legacy comma split (DefaultConfigFileParser.parse). */
function listValue(value: string): string[] {
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed)) return parsed.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
  } catch {
    // not JSON: fall through
  }
  return value.slice(1, -1).split(',').map((item) => item.trim());
}

/** The entries certbot uses, in file order, with the last of duplicate keys. */
export function effectiveCliEntries(document: CertbotDocument): ConfigEntry[] {
  return document.entries.filter((entry) => document.get(entry.key) === entry);
}
