// Inputs from issue #18 that hung the parsers (renewal files, cli.ini, did-you-mean), kept as tests. Each one
// checks the work done, not the clock: the count of steps on an input of size n and 10n must grow by about 10×
// (a backtracking regex grows by 100× to 2^n×), and the sizes are such that the old code took many seconds.
// The linear matcher is also checked against JavaScript's own engine on random short lines, where backtracking
// is cheap, to show it finds the same match with the same groups.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LinearRegex } from '../../server/src/engine/util/linear-regex';
import { boundedEditDistance, lastEditDistanceSteps } from '../../server/src/engine/util/edit-distance';
import { parseRenewalFile, MAX_INTERPOLATED_LENGTH } from '../../server/src/engine/certbot/configobj';
import { parseCliIni } from '../../server/src/engine/certbot/cli-ini';
import { resolveCliKey } from '../../server/src/engine/certbot/known-keys';
import { suggestDirective } from '../../server/src/engine/systemd/directives';
import { closest } from '../../server/src/engine/rules/certbot/support';
import { parseRenewalInterval, subjectAltNames } from '../../server/src/engine/certbot/certificates';
import { trimEndOf } from '../../server/src/engine/util/trim';

// configobj's patterns (as configobj.ts runs them) and cli-ini.ts's.
const PATTERNS = [
  String.raw`^(\s*)((?:".*?")|(?:'.*?')|(?:[^'"=].*?))\s*=\s*(.*)$`,
  String.raw`^(\s*)((?:\[\s*)+)((?:"\s*\S.*?\s*")|(?:'\s*\S.*?\s*')|(?:[^'"\s].*?))((?:\s*\])+)\s*(#.*)?$`,
  String.raw`^(?:(?:((?:(?:(?:".*?")|(?:'.*?')|(?:[^'",#][^,#]*?))\s*,\s*)*)((?:".*?")|(?:'.*?')|(?:[^'",#\s][^,]*?)|(?:(?<!,)))?)|(,))\s*(#.*)?$`,
  String.raw`((?:".*?")|(?:'.*?')|(?:[^'",#]?.*?))\s*,\s*`,
  String.raw`^'''(.*?)'''\s*(#.*)?$`,
  String.raw`^(.*?)"""\s*(#.*)?$`,
  String.raw`^([^:=;#\s]+)\s*(?:([:=\s])\s*(?:"(.+?)?"|'(.+?)?'|(.+?)?))?\s*(?:\s[;#]\s*(.*?)\s*)?$`,
];

/** A small deterministic generator, so a failure can be reproduced. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

test('the linear matcher finds what JavaScript finds (same match, same groups) on random short lines', () => {
  const next = random(18);
  const alphabet = [' ', ' ', '\t', 'a', 'b', '=', ',', '"', "'", '#', '[', ']', ':', ';', '\u00a0'];
  for (const source of PATTERNS) {
    const linear = new LinearRegex(source, { flavor: 'javascript' });
    const native = new RegExp(source, 'dg');
    for (let round = 0; round < 3000; round++) {
      const length = Math.floor(next() * 13);
      let text = '';
      for (let index = 0; index < length; index++) text += alphabet[Math.floor(next() * alphabet.length)];
      const expected = [...text.matchAll(native)].map((match) => ({ groups: [...match], indices: [...match.indices!] }));
      const actual = source.startsWith('^') ? [linear.match(text)].filter((match) => match !== undefined) : linear.all(text);
      // JavaScript leaves an optional group that matched the empty string undefined where Python (and the
      // linear matcher) report '': only the empty `(?<!,)` item of the value pattern does that.
      const normalize = (groups: (string | undefined)[]) => groups.map((group) => group ?? '');
      assert.deepEqual(
        actual.map((match) => normalize(match.groups)),
        expected.map((match) => normalize(match.groups)),
        `/${source}/ on ${JSON.stringify(text)}`,
      );
      assert.deepEqual(
        actual.map((match) => match.indices[0]),
        expected.map((match) => match.indices[0]),
        `/${source}/ on ${JSON.stringify(text)}`,
      );
    }
  }
});

/** Steps the matcher takes on make(n) and make(10n): linear means about 10× more. */
function assertLinear(regex: LinearRegex, make: (n: number) => string, n: number): void {
  regex.match(make(n));
  const small = regex.lastSteps;
  regex.match(make(n * 10));
  const large = regex.lastSteps;
  assert.ok(large <= small * 12, `/${regex.source}/: ${small} steps at n=${n}, ${large} at n=${n * 10}`);
}

test('the linear matcher takes linear steps on the lines that made the backtracking engine hang', () => {
  const [keyword, section, value, , , , cliLine] = PATTERNS.map((source) => new LinearRegex(source));
  assertLinear(keyword, (n) => ' '.repeat(n) + 'x', 300);
  assertLinear(keyword, (n) => 'x' + ' '.repeat(n) + '"', 300);
  assertLinear(section, (n) => '[' + ' ]'.repeat(n) + 'x', 300);
  assertLinear(value, (n) => 'a ,'.repeat(n) + '"', 300);
  assertLinear(value, (n) => 'a' + ' '.repeat(n) + ',"', 300);
  assertLinear(cliLine, (n) => 'k' + ' '.repeat(n) + 'v' + ' '.repeat(n) + '\u0001;', 300);
  const list = new LinearRegex(PATTERNS[3]);
  list.all('a' + ' '.repeat(3000) + 'x');
  const small = list.lastSteps;
  list.all('a' + ' '.repeat(30000) + 'x');
  assert.ok(list.lastSteps <= small * 12, `${small} → ${list.lastSteps}`);
});

/** Runs `work` and fails when it takes more than `limit` ms: the bound is 10× or more under what the old code took. */
function within(limit: number, work: () => void): void {
  const start = performance.now();
  work();
  const elapsed = performance.now() - start;
  assert.ok(elapsed < limit, `took ${elapsed.toFixed(0)} ms`);
}

test('issue #18: renewal files with long indented lines parse in a blink', () => {
  // Old code: 9 s at 3,000 spaces, over 190 s at 20,000.
  within(2000, () => {
    const document = parseRenewalFile(' '.repeat(20000) + 'x\n');
    assert.deepEqual(document.problems.map((problem) => problem.messageId), ['invalid-line']);
  });
  // Old code: 37 s for 800 indented lines.
  within(2000, () => {
    const document = parseRenewalFile(('\t' + ' '.repeat(300) + 'x\n').repeat(800));
    assert.equal(document.problems.length, 800);
  });
  within(2000, () => {
    const document = parseRenewalFile(('\t' + ' '.repeat(300) + 'x = "a" ,\n').repeat(800));
    assert.equal(document.problems.length, 799);
  });
  // Old code: exponential (25 items: about 10 s; 40 items: hours).
  within(2000, () => {
    const document = parseRenewalFile(`webroot_path = ${'a ,'.repeat(2000)}"\n`);
    assert.deepEqual(document.problems.map((problem) => problem.messageId), ['invalid-value']);
  });
  within(2000, () => {
    const document = parseRenewalFile(`[renewalparams]\nkey = ${'a ,'.repeat(2000)}b\n`);
    assert.equal(document.get('key')?.value.length, 2001);
  });
  within(2000, () => parseRenewalFile('x' + '\r'.repeat(100000) + 'y = 1\n'));
});

test('issue #18: interpolation stops at a bounded length instead of doubling forever', () => {
  const levels = Array.from({ length: 40 }, (_, index) => `v${index} = %(v${index + 1})s%(v${index + 1})s`);
  within(2000, () => {
    const document = parseRenewalFile(`[renewalparams]\n${levels.join('\n')}\nv40 = xx\n`);
    assert.ok(document.problems.some((problem) => problem.messageId === 'interpolation-too-long'));
  });
  // Shallow nesting still expands: 2^10 copies.
  const document = parseRenewalFile(`[renewalparams]\n${levels.slice(30).join('\n')}\nv40 = xx\n`);
  assert.equal(document.get('v30')?.value, 'x'.repeat(2 ** 11));
  assert.ok(2 ** 11 < MAX_INTERPOLATED_LENGTH);
  within(2000, () => parseRenewalFile(`[renewalparams]\nkey = ${'%('.repeat(100000)}\n`));
});

test('issue #18: cli.ini lines and keys of 100 KB are cheap', () => {
  within(2000, () => parseCliIni('k' + ' '.repeat(20000) + 'v' + ' '.repeat(20000) + '\u0001;\n'));
  within(2000, () => assert.equal(resolveCliKey('-'.repeat(100000) + 'x').kind, 'unknown'));
  // Old code: 30 s (a full matrix against every option name).
  within(2000, () => assert.equal(closest('k'.repeat(100000), ['deploy-hook', 'pre-hook']), undefined));
});

test('issue #18: did-you-mean on a 40 KB directive name is cheap; the bounded distance equals the full one', () => {
  // Old code: 7–10 s.
  within(2000, () => assert.equal(suggestDirective('Timer', 'X'.repeat(40000)), undefined));
  assert.equal(boundedEditDistance('a'.repeat(40000), 'a'.repeat(39990) + 'b', 3), 4);
  assert.ok(lastEditDistanceSteps <= 40000 * 7, `${lastEditDistanceSteps} cells`);
  assert.equal(boundedEditDistance('x'.repeat(40000), 'Persistent', 13600), 13601);
  assert.equal(lastEditDistanceSteps, 0);

  const full = (left: string, right: string): number => {
    const table = Array.from({ length: left.length + 1 }, (_, row) => Array.from({ length: right.length + 1 }, (_, column) => (row === 0 ? column : column === 0 ? row : 0)));
    for (let row = 1; row <= left.length; row++) {
      for (let column = 1; column <= right.length; column++) {
        const cost = left[row - 1] === right[column - 1] ? 0 : 1;
        table[row][column] = Math.min(table[row - 1][column] + 1, table[row][column - 1] + 1, table[row - 1][column - 1] + cost);
        if (row > 1 && column > 1 && left[row - 1] === right[column - 2] && left[row - 2] === right[column - 1]) table[row][column] = Math.min(table[row][column], table[row - 2][column - 2] + 1);
      }
    }
    return table[left.length][right.length];
  };
  const next = random(7);
  const word = () => Array.from({ length: Math.floor(next() * 9) }, () => 'abc'[Math.floor(next() * 3)]).join('');
  for (let round = 0; round < 3000; round++) {
    const [left, right, bound] = [word(), word(), Math.floor(next() * 5)];
    const expected = full(left, right);
    assert.equal(boundedEditDistance(left, right, bound), expected <= bound ? expected : bound + 1, `${left} / ${right} within ${bound}`);
  }
});

test('issue #18: a renew_before_expiry of 100,000 spaces is not understood, and cheaply', () => {
  within(2000, () => assert.equal(parseRenewalInterval(`1${' '.repeat(100000)}x`), undefined));
  assert.deepEqual(parseRenewalInterval('30 days'), { months: 0, milliseconds: 30 * 24 * 3600 * 1000 });
});

test('issue #18: trailing runs are trimmed by scanning (a long run of "/" that is not at the end)', () => {
  assert.equal(trimEndOf('/etc/cron.daily///', '/'), '/etc/cron.daily');
  assert.equal(trimEndOf('line \t', ' \t'), 'line');
  assert.equal(trimEndOf('', '/'), '');
  within(2000, () => assert.equal(trimEndOf(`${'/'.repeat(200000)}x`, '/'), `${'/'.repeat(200000)}x`));
});

test('issue #18: subject alternative names are split in linear time, as before', () => {
  assert.deepEqual(subjectAltNames('DNS:a.example, DNS:"b,c.example", IP Address:192.0.2.1, email:x@y'), { dns: ['a.example', 'b,c.example'], ip: ['192.0.2.1'] });
  within(2000, () => assert.deepEqual(subjectAltNames(`DNS:a, ${'_'.repeat(100000)}=`), { dns: ['a'], ip: [] }));
});
