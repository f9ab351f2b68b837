// Glob patterns, compiled to regular expressions whose every literal character is escaped, so no pattern
// taken from a user's file or setting can make `new RegExp` throw.
// - `globToRegExp`: settings (`**/files/crontab`, `/srv/*/cron/*`): `**` crosses folders, `*` and `?` do not.
// - `matchName`: one path component, as Docker's COPY (Go's path/filepath.Match) and the shell (fnmatch(3))
//   match it: `*`, `?`, `[abc]`, `[a-z]`, `[!a]`/`[^a]`, `\x` for a literal x.
// Where the two differ on a malformed pattern — an unclosed `[` (`crontab[1`), an empty class `[]` — Go
// reports ErrBadPattern and the shell takes the text literally; we take it literally, as the shell does, so a
// file named `crontab[1` is still found (bash: `echo crontab[1` prints `crontab[1`).
const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  let regex = cache.get(glob);
  if (regex) return regex;
  const source = globSource(glob, true);
  // A relative pattern matches at any depth, like VS Code's files.associations.
  regex = new RegExp(glob.startsWith('/') ? `^${source}$` : `(?:^|/)${source}$`);
  if (cache.size > 1000) cache.clear();
  cache.set(glob, regex);
  return regex;
}

/** Whether `name` (one path component) matches the glob `pattern`. */
export function matchName(pattern: string, name: string): boolean {
  let regex = cache.get('\0name:' + pattern);
  if (!regex) {
    regex = new RegExp(`^${globSource(pattern, false)}$`, 's');
    if (cache.size > 1000) cache.clear();
    cache.set('\0name:' + pattern, regex);
  }
  return regex.test(name);
}

/** Whether a path or name has a character that makes it a pattern (else it names one file). */
export function isGlob(text: string): boolean {
  return /[*?[]/.test(text);
}

function escapeLiteral(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function globSource(glob: string, doubleStar: boolean): string {
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const ch = glob[index];
    if (ch === '\\' && index + 1 < glob.length) {
      source += escapeLiteral(glob[++index]);
    } else if (ch === '*' && doubleStar && glob[index + 1] === '*') {
      const slash = glob[index + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      index += slash ? 2 : 1;
    } else if (ch === '*') {
      // Runs of `*` mean one `*`; collapsing them keeps the expression linear.
      while (glob[index + 1] === '*' && !doubleStar) index++;
      source += '[^/]*';
    } else if (ch === '?') source += '[^/]';
    else if (ch === '[') {
      const parsed = bracket(glob, index);
      if (parsed) {
        source += parsed.source;
        index = parsed.end;
      } else source += '\\[';
    } else source += escapeLiteral(ch);
  }
  return source;
}

/** `[…]` starting at `start`: the regex class and the index of its `]`, or undefined when it is not closed. */
function bracket(glob: string, start: number): { source: string; end: number } | undefined {
  let index = start + 1;
  let negate = false;
  if (glob[index] === '!' || glob[index] === '^') {
    negate = true;
    index++;
  }
  const items: string[] = [];
  let first = true;
  for (; index < glob.length; index++) {
    let ch = glob[index];
    if (ch === ']' && !first) {
      // A class never matches `/` (fnmatch with FNM_PATHNAME, filepath.Match).
      return { source: `(?!/)[${negate ? '^' : ''}${items.join('')}]`, end: index };
    }
    first = false;
    if (ch === '\\' && index + 1 < glob.length) ch = glob[++index];
    if (glob[index + 1] === '-' && index + 2 < glob.length && glob[index + 2] !== ']') {
      let high = glob[index + 2];
      index += 2;
      if (high === '\\' && index + 1 < glob.length) high = glob[++index];
      // A reversed range (`[z-a]`) matches nothing in the shell; an empty alternative keeps the class valid.
      if (high < ch) continue;
      items.push(`${escapeClass(ch)}-${escapeClass(high)}`);
    } else items.push(escapeClass(ch));
  }
  return undefined;
}

function escapeClass(ch: string): string {
  return /[\\\]^[-]/.test(ch) ? `\\${ch}` : ch;
}
