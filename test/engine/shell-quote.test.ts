// One shellQuote (util/shell-quote.ts) for the quick fixes' paths and the certbot code lens's lineage names.
// The two functions it replaced are kept here as oracles: the lens text is unchanged for every name, and a
// fix's command is unchanged for every path but those with `%`, `=` or `,`, which are now left unquoted and
// still reach the program as the same word.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { certbotCodeLenses } from '../../server/src/engine/certbot/code-lens';
import { parseRenewalFile } from '../../server/src/engine/certbot/configobj';
import { shellQuote } from '../../server/src/engine/util/shell-quote';

/** certbot/code-lens.ts's own quoting before it used util/shell-quote.ts. */
function lensQuoteBefore(word: string): string {
  return /^[A-Za-z0-9._@%+=:,/-]+$/.test(word) && !word.startsWith('-') ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** util/shell-quote.ts before the lens shared it. */
function fixQuoteBefore(value: string): string {
  return /^[\w./@:+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

const NAMES = [
  'example.com', 'example.com-0001', '*.example.com', 'xn--bcher-kva.example', 'a_b', 'a%b', 'a=b', 'a,b', 'a:b', 'a+b', 'a@b',
  '-rf', '--dry-run', '-', "it's $(reboot)", 'a b;c', 'x`y`', 'ünïcode', 'tab\there', 'new\nline', '~root', '!x', 'a&b', 'a|b', '"q"', '\\',
];

test('the code lens types the same command as before for every lineage name', () => {
  for (const name of NAMES) {
    assert.equal(shellQuote(name), lensQuoteBefore(name), name);
    const [lens] = certbotCodeLenses(parseRenewalFile('version = 2.1.0\n'), `/etc/letsencrypt/renewal/${name}.conf`, { trusted: true });
    const before = `sudo certbot renew --dry-run --cert-name${name.startsWith('-') ? '=' : ' '}${lensQuoteBefore(name)}`;
    assert.equal(lens.command, before, name);
  }
});

test('a fix quotes a path as before, except `%`, `=` and `,`, which the shell passes unquoted as the same word', () => {
  for (const name of NAMES) {
    const path = `/etc/letsencrypt/archive/${name}/privkey1.pem`;
    if (/[%=,]/.test(path) && !/[^\w./@%+=:,-]/.test(path)) {
      assert.notEqual(shellQuote(path), fixQuoteBefore(path), path);
      const printed = execFileSync('/bin/sh', ['-c', `printf '%s\\n' ${shellQuote(path)}`], { encoding: 'utf8' });
      assert.equal(printed, `${path}\n`, path);
    } else assert.equal(shellQuote(path), fixQuoteBefore(path), path);
  }
});
