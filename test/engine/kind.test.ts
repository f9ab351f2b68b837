// Which format a file is in: the paths cron reads (matched by their tail) and the temporary copies `crontab -e`
// opens, certbot's files and units by content, and the crontab vote with its weak guesses.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { decideKind, guessKindFromContent, kindFromPath } from '../../server/src/engine/crontab/kind';
import { decideFormat, formatFromContent } from '../../server/src/engine/file-format';
import { HostFacts } from '../../server/src/engine/host/facts';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import { singleLineEdit } from '../../server/src/engine/util/line-edit';
import { Random } from '../support/random';

test('paths of Debian cron and cronie, crontab -e temp files, and what is not a crontab', () => {
  const cases: [string, string | undefined][] = [
    ['/etc/crontab', 'crontab-system'],
    ['/etc/cron.d/certbot', 'crontab-system'],
    ['/var/spool/cron/crontabs/root', 'crontab-user'],
    ['/var/spool/cron/root', 'crontab-user'],
    ['/tmp/crontab.Xq3vT9/crontab', 'crontab-user'], // Debian: mkdtemp("crontab.XXXXXX") + "/crontab"
    ['/tmp/crontab.AbC123', 'crontab-user'], // cronie: crontab.XXXXXX in /tmp or $TMPDIR
    ['/root/tmp/crontab.AbC123', 'crontab-user'],
    ['/var/spool/cron/atjobs', undefined],
    ['/var/spool/cron/atspool', undefined],
    ['/var/spool/cron/atjobs/a0001', undefined],
    ['/tmp/crontab.toolong1/crontab', undefined],
    ['/etc/cron.daily/logrotate', undefined],
    ['/srv/app/crontab', undefined],
  ];
  for (const [path, kind] of cases) assert.equal(kindFromPath(path), kind, path);
});

test('host paths match by their tail wherever the file sits', () => {
  const cases: [string, string | undefined][] = [
    // Issue #19: a copy of an Amazon Linux host's spool, linted as /some/dir/var/spool/cron/root.
    ['/some/dir/var/spool/cron/root', 'crontab-user'],
    ['/backup/host1/var/spool/cron/crontabs/alice', 'crontab-user'],
    ['/srv/copy/etc/cron.d/certbot', 'crontab-system'],
    ['/srv/copy/etc/crontab', 'crontab-system'],
    ['etc/crontab', 'crontab-system'],
    ['/srv/copy/etc/anacrontab', undefined],
    ['/srv/myetc/crontab', undefined],
    ['/srv/copy/var/spool/cron/atjobs', undefined],
    ['/srv/copy/var/spool/cron/atjobs/a0001', undefined],
    ['/srv/copy/var/spool/cronx/root', undefined],
  ];
  for (const [path, kind] of cases) assert.equal(kindFromPath(path), kind, path);
});

const facts = new HostFacts(new MemoryHost());
const SEED_000 = '39 1,13 * * * root certbot renew --no-self-upgrade\n';

test('a user-crontab path is never turned into system format by the content', () => {
  // The line reads like a system crontab (a user column); the path says spool, and the path wins.
  assert.deepEqual(decideFormat({ path: '/some/dir/var/spool/cron/root', text: SEED_000, facts }), { format: 'crontab-user', reason: 'path' });
  assert.deepEqual(decideKind({ path: '/some/dir/var/spool/cron/root', text: SEED_000, facts }), { kind: 'crontab-user', reason: 'path' });
  // Without a telling path the content decides, and says that it was a weak guess (one line).
  assert.deepEqual(decideKind({ path: '/srv/app/jobs', text: SEED_000, facts }), { kind: 'crontab-system', reason: 'content', weak: true });
  const many = '0 1 * * * root a\n0 2 * * * root b\n0 3 * * * root c\n';
  assert.deepEqual(decideKind({ text: many, facts }), { kind: 'crontab-system', reason: 'content', weak: false });
  assert.equal(decideKind({ text: many + '0 4 * * * /bin/d\n0 5 * * * /bin/e\n', facts }).weak, true, 'two of five lines disagree');
});

const RENEWAL = [
  '# renew_before_expiry = 30 days',
  'version = 2.1.0',
  'archive_dir = /etc/letsencrypt/archive/example.com',
  'cert = /etc/letsencrypt/live/example.com/cert.pem',
  'privkey = /etc/letsencrypt/live/example.com/privkey.pem',
  '',
  '[renewalparams]',
  'authenticator = standalone',
  '',
].join('\n');

test('certbot files, units and INI by content; crontabs are left to the crontab vote', () => {
  assert.equal(formatFromContent(RENEWAL), 'certbot-renewal');
  assert.equal(formatFromContent('version = 0.31.0\narchive_dir = /etc/letsencrypt/archive/a\ncert = /x\n'), 'certbot-renewal', 'a renewal file cut before [renewalparams]');
  assert.equal(formatFromContent('# certbot\nrsa-key-size = 4096\nemail = admin@example.com\nagree-tos = true\nauthenticator = webroot\n'), 'certbot-cli-ini');
  assert.equal(formatFromContent('non-interactive\nkey-type = ecdsa\n'), 'certbot-cli-ini', 'a bare flag line');
  assert.equal(formatFromContent('[Unit]\nDescription=x\n[Timer]\nOnCalendar=daily\n'), 'unit');
  assert.equal(formatFromContent('[Service]\nEnvironment=A=1\n'), 'unit', 'a drop-in');
  assert.equal(formatFromContent('[server]\nlisten = 80\n'), 'ini');
  assert.equal(formatFromContent('MAILTO=root\nSHELL=/bin/sh\n0 3 * * * /usr/bin/backup\n'), undefined);
  assert.equal(formatFromContent('MAILTO=root\nPATH=/usr/bin:/bin\n'), undefined, 'environment lines name no certbot option');
  assert.equal(formatFromContent(''), undefined);
});

test('decideFormat: --kind, then the path (tail), then the content', () => {
  assert.deepEqual(decideFormat({ path: '/work/example.com.conf', text: RENEWAL, facts }), { format: 'certbot-renewal', reason: 'content' });
  assert.deepEqual(decideFormat({ path: '/backup/etc/letsencrypt/renewal/example.com.conf', text: '', facts }), { format: 'certbot-renewal', reason: 'path' });
  assert.deepEqual(decideFormat({ path: '/backup/etc/letsencrypt/cli.ini', text: '', facts }), { format: 'certbot-cli-ini', reason: 'path' });
  assert.deepEqual(decideFormat({ path: '/role/files/certbot.timer', text: '', facts }), { format: 'unit', reason: 'path' });
  assert.deepEqual(decideFormat({ path: '/role/files/app.ini', text: '[server]\nlisten = 80\n', facts }), { format: 'unrecognized', reason: 'content', notLinted: 'ini' });
  // Neither a script nor a binary file is a crontab by its content, nor is a run-parts program by its path;
  // where cron reads every file (cron.d) the path still decides, and --kind always does.
  assert.deepEqual(decideFormat({ path: '/srv/bin/cleanup', text: '#!/bin/sh\nfi\n', facts }), { format: 'unrecognized', reason: 'content', notLinted: 'script' });
  assert.deepEqual(decideFormat({ text: 'ELF\0\0\0\x01\x02', facts }), { format: 'unrecognized', reason: 'content', notLinted: 'binary' });
  assert.deepEqual(decideFormat({ path: '/backup/etc/cron.daily/backup', text: '17 3 * * * root /usr/bin/backup\n', facts }), { format: 'unrecognized', reason: 'path', notLinted: 'run-parts' });
  assert.deepEqual(decideFormat({ path: '/etc/cron.d/cleanup', text: '#!/bin/sh\nfi\n', facts }), { format: 'crontab-system', reason: 'path' });
  assert.deepEqual(decideFormat({ path: '/etc/cron.daily/backup', text: '#!/bin/sh\n', facts, explicit: { kind: 'crontab-system', reason: 'cli' } }), { format: 'crontab-system', reason: 'cli' });
  assert.deepEqual(decideFormat({ path: '/role/files/app.ini', text: '[server]\n', facts, explicit: { kind: 'crontab-user', reason: 'cli' } }), { format: 'crontab-user', reason: 'cli' });
  assert.deepEqual(decideFormat({ path: '/role/files/cron.d/job', text: '[x]\n', facts }), { format: 'crontab-system', reason: 'path' });
  assert.deepEqual(decideFormat({ text: '0 3 * * * /usr/bin/backup\n', facts }), { format: 'crontab-user', reason: 'content', weak: true });
});

// The vote as it was first written (split, trim, a regex, split again), kept as the reference for the scanner
// that replaced it (issue #20: the server asks on every change of a file its content decides).
function referenceVote(text: string, facts: HostFacts): { kind: string; weak: boolean } {
  const common = new Set(['root', 'www-data', 'nobody', 'daemon', 'postgres', 'mysql', 'apache', 'nginx', 'backup', 'mail', 'news', 'www', 'ubuntu', 'admin', 'ec2-user', 'debian', 'nagios', 'zabbix', 'redis', 'git', 'jenkins', 'deploy', 'app']);
  let systemVotes = 0;
  let userVotes = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || /^[A-Za-z_][A-Za-z0-9_]*\s*=/.test(line)) continue;
    const words = line.split(/[ \t]+/);
    const word = line.startsWith('@') ? words[1] : words[5];
    if (word === undefined) continue;
    if (facts.isUser(word) === true || common.has(word)) systemVotes++;
    else userVotes++;
  }
  const winner = Math.max(systemVotes, userVotes);
  return { kind: systemVotes > userVotes ? 'crontab-system' : 'crontab-user', weak: winner < 2 || Math.min(systemVotes, userVotes) * 4 > winner };
}

/** `text` with one of its lines changed (or a line break added or removed now and then). */
function editOneLine(text: string, random: Random): string {
  const at = random.int(text.length + 1);
  const removed = random.int(Math.min(6, text.length - at) + 1);
  return text.slice(0, at) + random.pick(['', 'root', ' ', '#', 'x=', '\n', '0 ', '@daily ']) + text.slice(at + removed);
}

test('guessKindFromContent votes as the split-and-regex reference does, on random lines', () => {
  const facts = new HostFacts(new MemoryHost({ '/etc/passwd': 'root:x:0:0::/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\n' }));
  const random = new Random(8);
  const pieces = ['*', '0', '5', '*/5', '@daily', '@reboot', 'root', 'alice', 'bob', 'www-data', '/bin/true', '#', 'A', '_x', 'PATH', '=', ' ', '  ', '\t', '\r', '\u00a0', '\ufeff', '\u2028', 'x=1', '9A'];
  let systems = 0;
  for (let round = 0; round < 3000; round++) {
    // Loose pieces, and lines shaped like jobs whose sixth word (second after a keyword) is a user or not.
    const line = () =>
      random.chance(0.5)
        ? random.times(random.int(9), () => random.pick(pieces))
        : `${random.pick(['', ' ', '\t'])}${random.chance(0.2) ? '@daily' : '0 5 * * *'}${random.pick([' ', '\t ', '  '])}${random.pick(['root', 'alice', 'bob', '/bin/true', 'www-data'])} cmd${random.pick(['', '\r', ' '])}`;
    const text = random.times(random.int(8), line, '\n') + (random.chance(0.5) ? '\n' : '');
    const expected = referenceVote(text, facts);
    const guess = guessKindFromContent(text, facts);
    assert.deepEqual({ kind: guess.kind, weak: guess.weak }, expected, JSON.stringify(text));
    // The same text reached by editing one line of another: counted from that text's votes, the same answer.
    const edited = editOneLine(text, random);
    const fromEdit = guessKindFromContent(text, facts, guessKindFromContent(edited, facts).votes);
    // The same with the edit handed in, as lintCrontab does (it finds it once for the vote and the parser).
    const handed = guessKindFromContent(text, facts, guessKindFromContent(edited, facts).votes, singleLineEdit(edited, text));
    assert.deepEqual(handed.votes, fromEdit.votes);
    assert.deepEqual({ kind: fromEdit.kind, weak: fromEdit.weak, system: fromEdit.votes.system, user: fromEdit.votes.user }, { ...expected, system: guess.votes.system, user: guess.votes.user }, JSON.stringify({ edited, text }));
    // The same text again (an edit undone, a no-op change): the previous votes as they were.
    const again = guessKindFromContent(text, facts, guess.votes);
    assert.deepEqual({ kind: again.kind, weak: again.weak, system: again.votes.system, user: again.votes.user }, { ...expected, system: guess.votes.system, user: guess.votes.user });
    if (expected.kind === 'crontab-system') systems++;
  }
  assert.ok(systems > 300 && systems < 2700, `both kinds voted (${systems} system of 3000)`);
});
