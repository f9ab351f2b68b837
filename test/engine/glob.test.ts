// Globs from users' files and settings: Docker COPY sources and chmod operands (shell/filepath.Match
// semantics) and the formatOverrides setting. No pattern may throw (issue #18: `COPY crontab[1 …` crashed
// `schedlint DIR` with "Invalid regular expression: /^crontab[1$/").
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { HostFacts } from '../../server/src/engine/host/facts';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import { lintRepository } from '../../server/src/engine/install/repository';
import { globToRegExp, matchName } from '../../server/src/engine/util/glob';

const CRONTAB = 'SHELL=/bin/sh\n17 * * * * root /usr/local/bin/report\n';

function lintTree(files: Record<string, string>) {
  return lintRepository('/', { facts: new HostFacts(new MemoryHost(files)), locale: 'en' });
}

test('COPY crontab[1 /etc/cron.d/app: no crash, the file named `crontab[1` is installed as a system crontab', () => {
  const { reports, installs } = lintTree({ '/Dockerfile': 'FROM debian:12\nRUN apt-get install -y cron\nCOPY crontab[1 /etc/cron.d/app\n', '/crontab[1': CRONTAB });
  assert.deepEqual([...installs.keys()], ['/crontab[1']);
  const report = reports.find((candidate) => candidate.path === '/crontab[1');
  assert.equal(report?.kind, 'crontab-system');
  assert.deepEqual(report?.findings.filter((finding) => finding.severity === 'error'), []);
});

test('COPY sources match as Docker and the shell do: classes, ranges, negation, escapes', () => {
  const files = { '/crontab-a': CRONTAB, '/crontab-b': CRONTAB, '/crontab-z': CRONTAB, '/crontab.txt': CRONTAB };
  const targets = (source: string) => [...lintTree({ ...files, '/Dockerfile': `FROM debian:12\nCOPY ${source} /etc/cron.d/\n` }).installs.keys()].sort();
  assert.deepEqual(targets('crontab-[ab]'), ['/crontab-a', '/crontab-b']);
  assert.deepEqual(targets('crontab-[a-c]'), ['/crontab-a', '/crontab-b']);
  assert.deepEqual(targets('crontab-[!a]'), ['/crontab-b', '/crontab-z']);
  assert.deepEqual(targets('crontab-[^a-b]'), ['/crontab-z']);
  assert.deepEqual(targets('crontab?txt'), ['/crontab.txt']);
  assert.deepEqual(targets('crontab-?'), ['/crontab-a', '/crontab-b', '/crontab-z']);
});

test('matchName: shell semantics, malformed patterns taken literally, never a throw', () => {
  const cases: [string, string, boolean][] = [
    ['crontab[1', 'crontab[1', true],
    ['crontab[1', 'crontab1', false],
    ['a[]b', 'a[]b', true],
    ['[]]', ']', true],
    ['[!]]', 'a', true],
    ['[a-]', '-', true],
    ['x\\*', 'x*', true],
    ['x\\*', 'xy', false],
    ['(a|b)+', '(a|b)+', true],
    ['(a|b)+', 'a', false],
    ['$^.{2}', '$^.{2}', true],
    ['[z-a]', 'm', false],
    ['[\\]]', ']', true],
    ['*', '.hidden', true],
    ['a*b*c*d*e*f*g*h', 'a'.repeat(5000), false],
  ];
  for (const [pattern, name, expected] of cases) assert.equal(matchName(pattern, name), expected, `${pattern} vs ${name}`);
  // Every string of these characters compiles.
  const alphabet = ['[', ']', '!', '^', '-', '\\', '*', '?', 'a', '(', '{', '/'];
  for (const a of alphabet) for (const b of alphabet) for (const c of alphabet) {
    assert.doesNotThrow(() => matchName(a + b + c, 'abc'));
    assert.doesNotThrow(() => globToRegExp(a + b + c));
  }
});

test('globToRegExp (settings): `**` crosses folders, classes do not match `/`, brackets no longer literal-only', () => {
  assert.ok(globToRegExp('**/files/crontab').test('/repo/deploy/files/crontab'));
  assert.ok(globToRegExp('/srv/*/cron/*').test('/srv/app/cron/jobs'));
  assert.ok(!globToRegExp('/srv/*/cron/*').test('/srv/a/b/cron/jobs'));
  assert.ok(globToRegExp('cron/job[12]').test('/x/cron/job2'));
  assert.ok(!globToRegExp('cron[/]job').test('/cron/job'));
  assert.ok(globToRegExp('crontab[1').test('/x/crontab[1'));
});
