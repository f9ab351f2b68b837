// Glob patterns for settings (`**/files/crontab`, `/srv/*/cron/*`): `**` crosses folders, `*` and `?` do not.
const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  let regex = cache.get(glob);
  if (regex) return regex;
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const ch = glob[index];
    if (ch === '*' && glob[index + 1] === '*') {
      const slash = glob[index + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      index += slash ? 2 : 1;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A relative pattern matches at any depth, like VS Code's files.associations.
  regex = new RegExp(glob.startsWith('/') ? `^${source}$` : `(?:^|/)${source}$`);
  cache.set(glob, regex);
  return regex;
}
