// Many edits, one document: after each of a seeded run of random edits (sent as ranged changes, the way VS
// Code sends them, sometimes several in one notification), the server's diagnostics must be exactly what a
// fresh lint of the same text gives. Whatever the server or the engine keeps from one lint to the next
// (results per document, cached job heads, message memos, any cache added for speed, issue #20) is then held
// to the answer without it. The fresh lints run in this process, in reverse order, so they do not share the
// server's history of texts.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { formatOfDocument } from '../../server/src/engine/file-format';
import { HostFacts } from '../../server/src/engine/host/facts';
import { FsHost } from '../../server/src/engine/host/fs-host';
import type { Finding } from '../../server/src/engine/types';
import { Random } from '../support/random';
import { stopAllServers, withServer } from './harness';

after(stopAllServers);

// Lines that set off most crontab rules, right and wrong, for both formats; edits mix them and cut them up.
const LINES = [
  '',
  '# nightly jobs',
  'SHELL=/bin/bash',
  'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  'MAILTO=',
  'MAILTO=""',
  'CRON_TZ=Asia/Tokyo',
  'FOO BAR=1',
  '17 *\t* * *\troot    cd / && run-parts --report /etc/cron.hourly',
  '* * * * * root /usr/bin/true',
  '*/5 * * * * www-data php /var/www/cron.php',
  '0 3 * * * root /usr/local/bin/backup > /var/log/backup-$(date +%F).log 2>&1',
  '0 0 31 2 * root /bin/never',
  '0 0 */2 * 1 root /bin/every-other-monday',
  '60 * * * * root /bin/out-of-range',
  '@reboot root /usr/local/bin/start',
  '@daily /usr/bin/updatedb',
  '15 4 * * 1-5 certbot renew',
  '39 1,13 * * * root certbot renew --no-self-upgrade',
  '5 4 * * sun postgres vacuumdb --all',
  '0 12 * * * mail -s hello root',
  '* * * * * nosuchuser /bin/true',
  '30 2 * * MON-FRI root /usr/bin/report \\% done',
  '0 5 * * * root echo "a\r',
];
// A timer's lines: calendar events right and wrong, random delays, triggers that clear, a missing service.
const TIMER_LINES = [
  '',
  '# nightly backup',
  '[Unit]',
  'Description=Nightly backup',
  '[Timer]',
  'OnCalendar=*-*-* 03:00:00',
  'OnCalendar=Mon..Fri 9:00',
  'OnCalendar=daily',
  'OnCalendar=',
  'OnCalendar=*-02-30',
  'OnCalendar=Europe/Berlin *-*-* 02:30',
  'OnCalendar=*-02~1',
  'OnBootSec=15min',
  'OnUnitActiveSec=1d',
  'OnActiveSec=-5s',
  'RandomizedDelaySec=1h',
  'FixedRandomDelay=true',
  'Persistent=true',
  'AccuracySec=1us',
  'Unit=backup.service',
  'Unit=missing-schedlint-test.service',
  'Bogus=1',
  '[Install]',
  'WantedBy=timers.target',
];
const CHARACTERS = ' \t*0123456789/-,%#=@\nr.:~[]';

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A random edit of `text`, by offsets: a line replaced, inserted, deleted or joined, or a few characters typed. */
function randomEdit(random: Random, text: string, lines: readonly string[]): Edit {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const line = random.int(lineStarts.length);
  const start = lineStarts[line];
  const end = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length;
  switch (random.int(6)) {
    case 0:
      return { start, end, text: random.pick(lines) };
    case 1:
      return { start, end: start, text: `${random.pick(lines)}\n` };
    case 2:
      return { start, end: Math.min(text.length, end + 1), text: '' };
    case 3:
      // Two lines become one (or the final newline goes).
      return { start: end, end: Math.min(text.length, end + 1), text: '' };
    default: {
      const at = start + random.int(end - start + 1);
      const removed = random.int(3);
      return { start: at, end: Math.min(end, at + removed), text: random.times(random.int(3), () => random.pick([...CHARACTERS])) };
    }
  }
}

const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;

function fromServer(diagnostics: Diagnostic[]) {
  return diagnostics.map((diagnostic) => ({ code: diagnostic.code, range: diagnostic.range, severity: diagnostic.severity, message: diagnostic.message }));
}

function fromEngine(findings: Finding[]) {
  return findings.map((finding) => ({ code: finding.ruleId, range: finding.range, severity: SEVERITY[finding.severity], message: finding.message }));
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-edits-'));
after(() => fs.rmSync(folder, { recursive: true, force: true }));

// A system crontab by its folder, a `crontab -e` copy by its name, a file whose format the content decides
// (edits that add or drop user columns can change it), and a timer (its lint reads the host's unit index).
const DOCUMENTS = [
  { file: path.join(folder, 'cron.d', 'jobs'), seed: 20, languageId: 'crontab', lines: LINES },
  { file: path.join(folder, 'crontab.Qw3rT9', 'crontab'), seed: 21, languageId: 'crontab', lines: LINES },
  { file: path.join(folder, 'notes', 'schedule'), seed: 22, languageId: 'crontab', lines: LINES },
  { file: path.join(folder, 'system', 'backup.timer'), seed: 23, languageId: 'systemd-unit-file', lines: TIMER_LINES },
];

for (const { file, seed, languageId, lines } of DOCUMENTS) {
  test(`${path.relative(folder, file)}: after each of 60 random edits, the diagnostics of a fresh lint (seed ${seed})`, { timeout: 60_000 }, async () => {
    const random = new Random(seed);
    const uri = pathToFileURL(file).href;
    let document = TextDocument.create(uri, languageId, 1, random.times(30, () => `${random.pick(lines)}\n`));
    const steps: { text: string; diagnostics: Diagnostic[] }[] = [];
    await withServer({ timeoutMs: 10_000 }, async (server) => {
      await server.open(uri, document.getText(), languageId, 1);
      steps.push({ text: document.getText(), diagnostics: await server.waitForDiagnostics(uri, () => true) });
      for (let version = 2; version <= 61; version++) {
        // Sometimes two changes in one notification, the second relative to the text after the first.
        const changes = [];
        for (let count = random.chance(0.2) ? 2 : 1; count > 0; count--) {
          const edit = randomEdit(random, document.getText(), lines);
          const change = { range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, text: edit.text };
          document = TextDocument.update(document, [change], version);
          changes.push(change);
        }
        await server.edit(uri, version, changes);
        steps.push({ text: document.getText(), diagnostics: await server.waitForDiagnostics(uri, () => true) });
      }
    });
    const host = new FsHost('/');
    const { format, kind } = formatOfDocument(languageId, file, host);
    for (let step = steps.length - 1; step >= 0; step--) {
      const { text, diagnostics } = steps[step];
      const fresh = format.lint({ text, path: file, facts: new HostFacts(host), locale: 'en', settings: { severities: {}, formatOverrides: [] }, languageId, decided: kind });
      assert.deepEqual(fromServer(diagnostics), fromEngine(fresh.findings), `step ${step} (seed ${seed}), text:\n${JSON.stringify(text)}`);
    }
    // The edits reached the rules: the run saw more than one set of findings.
    assert.ok(new Set(steps.map((step) => JSON.stringify(fromServer(step.diagnostics)))).size > 10, 'the edits changed the findings');
  });
}

// The server keeps the host's facts for the lints of one burst of typing (server/src/facts-cache.ts): a host
// file saved in the editor counts at once, one changed elsewhere within a second (facts-cache.ts FRESH_MS).
test('a user added to the host\'s /etc/passwd counts at the next lint after its save, or a second later', { timeout: 30_000 }, async () => {
  const root = fs.mkdtempSync(path.join(folder, 'root-'));
  fs.mkdirSync(path.join(root, 'etc', 'cron.d'), { recursive: true });
  const passwd = path.join(root, 'etc', 'passwd');
  const withoutAlice = 'root:x:0:0:root:/root:/bin/bash\n';
  const withAlice = `${withoutAlice}alice:x:1000:1000:Alice:/home/alice:/bin/bash\n`;
  fs.writeFileSync(passwd, withoutAlice);
  const jobs = pathToFileURL(path.join(root, 'etc', 'cron.d', 'jobs')).href;
  const unknownUser = (diagnostics: Diagnostic[]) => diagnostics.some((diagnostic) => diagnostic.code === 'crontab/unknown-user');
  await withServer({ workspaceFolders: [root], timeoutMs: 10_000 }, async (server) => {
    await server.open(jobs, '0 * * * * alice /bin/true\n');
    assert.ok(unknownUser(await server.waitForDiagnostics(jobs, () => true)), 'alice is nobody yet');
    // Saved in the editor: the next keystroke's lint reads the host again.
    const passwdUri = pathToFileURL(passwd).href;
    await server.open(passwdUri, withAlice, 'plaintext');
    fs.writeFileSync(passwd, withAlice);
    await server.notify('textDocument/didSave', { textDocument: { uri: passwdUri } });
    await server.change(jobs, 2, '0 * * * * alice /bin/true\n# edited\n');
    assert.ok(!unknownUser(await server.waitForDiagnostics(jobs, () => true)), 'alice counts after the save');
    // Changed on disk by another program: seen once the facts are a second old.
    fs.writeFileSync(passwd, withoutAlice);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await server.change(jobs, 3, '0 * * * * alice /bin/true\n');
    assert.ok(unknownUser(await server.waitForDiagnostics(jobs, () => true)), 'alice is gone again');
  });
});
