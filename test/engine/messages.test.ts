// Message texts that say what really happens: the CRLF message against the shells themselves (the `\r` reaches
// `/bin/sh -c` and sticks to the last word; issue #19: it used to blame the first word), and other examples.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { lintCrontab } from '../../server/src/engine/lint';
import { carriageReturnEffect } from '../../server/src/engine/rules/crontab/crlf-line-ending';
import { fixtureFacts } from '../support/fixture-host';

function crlfMessage(command: string, locale: 'en' | 'ja' = 'en', shell?: string): string {
  const text = `${shell ? `SHELL=${shell}\r\n` : ''}0 3 * * * root ${command}\r\n`;
  const result = lintCrontab({ text, path: '/etc/cron.d/backup', facts: fixtureFacts('debian'), locale });
  const finding = result.findings.find((found) => found.ruleId === 'crontab/crlf-line-ending');
  assert.ok(finding, `no CRLF finding for ${command}`);
  return finding.message;
}

test('CRLF: the last argument carries the \\r, not the program', () => {
  const message = crlfMessage('/usr/local/bin/backup.sh --full');
  assert.match(message, /`\/usr\/local\/bin\/backup\.sh` gets the argument `--full\\r` instead of `--full`/);
  assert.match(message, /`\/bin\/sh -c`/);
  assert.doesNotMatch(message, /backup\.sh\\r/);
  assert.match(crlfMessage('/usr/local/bin/backup.sh --full', 'ja'), /`\/usr\/local\/bin\/backup\.sh` が引数 `--full` ではなく `--full\\r` を受け取ります/);
});

test('CRLF: a one-word command is a program named with the \\r, which is not found', () => {
  const message = crlfMessage('/usr/local/bin/backup.sh');
  assert.match(message, /a program named `\/usr\/local\/bin\/backup\.sh\\r`, finds none/);
  assert.match(crlfMessage('cd /srv && ./run.sh', 'en', '/bin/bash'), /`\/bin\/bash -c`.*a program named `\.\/run\.sh\\r`/);
});

test('CRLF: redirections at the end', () => {
  assert.match(crlfMessage('backup.sh >/dev/null 2>&1'), /the redirection becomes `2>&1\\r`, which the shell rejects .*so `backup\.sh` never runs/);
  assert.match(crlfMessage('backup.sh >>/var/log/backup.log'), /a new file `\/var\/log\/backup\.log\\r` instead of `\/var\/log\/backup\.log`/);
  assert.match(crlfMessage('backup.sh > /var/log/backup.log'), /a new file `\/var\/log\/backup\.log\\r`/);
  assert.match(crlfMessage('backup.sh --full # nightly'), /lands in a comment or in the standard input/);
});

// The effects above, run for real: dash (Debian's /bin/sh) and bash given the command with its `\r`.
test('CRLF: the shells do what the message says', (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-crlf-'));
  try {
    const script = path.join(folder, 'show-args');
    fs.writeFileSync(script, '#!/bin/sh\nfor a in "$@"; do printf "[%s]" "$a"; done\n', { mode: 0o755 });
    for (const shell of ['/bin/sh', '/bin/bash']) {
      if (!fs.existsSync(shell)) {
        t.diagnostic(`${shell} missing`);
        continue;
      }
      const run = (command: string) => spawnSync(shell, ['-c', `${command}\r`], { cwd: folder, encoding: 'utf8' });
      assert.equal(run(`${script} --full`).stdout, '[--full\r]');
      assert.deepEqual(carriageReturnEffect(`${script} --full`), { kind: 'argument', program: script, word: '--full' });
      assert.equal(run(`${script} --full `).stdout, '[--full][\r]');
      assert.equal(carriageReturnEffect(`${script} --full `)?.kind, 'extra-argument');
      assert.equal(run(script).status, 127, `${shell}: ${script}\\r is not found`);
      assert.equal(carriageReturnEffect(script)?.kind, 'program');
      const redirect = run(`${script} x >/dev/null 2>&1`);
      assert.notEqual(redirect.status, 0);
      assert.match(redirect.stderr, /Bad fd number|ambiguous redirect/);
      assert.equal(carriageReturnEffect(`${script} x >/dev/null 2>&1`)?.kind, 'bad-redirect');
      assert.equal(run(`${script} x >out.log`).status, 0);
      assert.ok(fs.existsSync(path.join(folder, 'out.log\r')));
      assert.equal(run(`${script} x # comment`).stdout, '[x]');
      assert.equal(carriageReturnEffect(`${script} x # comment`), undefined);
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

// The never-runs detail quotes the fields as written (`feb`, `30,31`), in both languages.
test('never-runs names the fields it quotes', () => {
  const message = (locale: 'en' | 'ja') =>
    lintCrontab({ text: '0 0 30,31 feb * true\n', path: '/var/spool/cron/crontabs/root', facts: fixtureFacts('debian'), locale }).findings.find((found) => found.ruleId === 'crontab/never-runs')?.message ?? '';
  assert.match(message('en'), /\(day-of-month `30,31` in month `feb`\)/);
  assert.match(message('ja'), /（月 `feb` の日 `30,31`）/);
});
