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
import { crontabFormat } from '../../server/src/engine/crontab/format';
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
const CHARACTERS = ' \t*0123456789/-,%#=@\nr';

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A random edit of `text`, by offsets: a line replaced, inserted, deleted or joined, or a few characters typed. */
function randomEdit(random: Random, text: string): Edit {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const line = random.int(lineStarts.length);
  const start = lineStarts[line];
  const end = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length;
  switch (random.int(6)) {
    case 0:
      return { start, end, text: random.pick(LINES) };
    case 1:
      return { start, end: start, text: `${random.pick(LINES)}\n` };
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

// A system crontab by its folder, a `crontab -e` copy by its name, and a file whose format the content decides
// (edits that add or drop user columns can change it).
const DOCUMENTS = [
  { file: path.join(folder, 'cron.d', 'jobs'), seed: 20 },
  { file: path.join(folder, 'crontab.Qw3rT9', 'crontab'), seed: 21 },
  { file: path.join(folder, 'notes', 'schedule'), seed: 22 },
];

for (const { file, seed } of DOCUMENTS) {
  test(`${path.relative(folder, file)}: after each of 60 random edits, the diagnostics of a fresh lint (seed ${seed})`, { timeout: 60_000 }, async () => {
    const random = new Random(seed);
    const uri = pathToFileURL(file).href;
    let document = TextDocument.create(uri, 'crontab', 1, random.times(30, () => `${random.pick(LINES)}\n`));
    const steps: { text: string; diagnostics: Diagnostic[] }[] = [];
    await withServer({ timeoutMs: 10_000 }, async (server) => {
      await server.open(uri, document.getText(), 'crontab', 1);
      steps.push({ text: document.getText(), diagnostics: await server.waitForDiagnostics(uri, () => true) });
      for (let version = 2; version <= 61; version++) {
        // Sometimes two changes in one notification, the second relative to the text after the first.
        const changes = [];
        for (let count = random.chance(0.2) ? 2 : 1; count > 0; count--) {
          const edit = randomEdit(random, document.getText());
          const change = { range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, text: edit.text };
          document = TextDocument.update(document, [change], version);
          changes.push(change);
        }
        await server.edit(uri, version, changes);
        steps.push({ text: document.getText(), diagnostics: await server.waitForDiagnostics(uri, () => true) });
      }
    });
    const facts = () => new HostFacts(new FsHost('/'));
    for (let step = steps.length - 1; step >= 0; step--) {
      const { text, diagnostics } = steps[step];
      const fresh = crontabFormat.lint({ text, path: file, facts: facts(), locale: 'en', settings: { severities: {}, formatOverrides: [] }, languageId: 'crontab' });
      assert.deepEqual(fromServer(diagnostics), fromEngine(fresh.findings), `step ${step} (seed ${seed}), text:\n${JSON.stringify(text)}`);
    }
    // The edits reached the rules: the run saw more than one set of findings.
    assert.ok(new Set(steps.map((step) => JSON.stringify(fromServer(step.diagnostics)))).size > 10, 'the edits changed the findings');
  });
}
