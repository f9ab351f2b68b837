// The CLI on hostile and broken input (issue #18): control characters in files never reach the terminal raw,
// a Dockerfile glob with an unclosed `[` does not crash a repository lint, an ELF binary in /etc/cron.d is one
// finding.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { escapeControls } from '../../server/src/cli/output';
import { runSchedlint } from '../support/run-cli';

function makeRoot(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-hostile-'));
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
  return root;
}

// Clears the screen, sets the window title, rings the bell; then a CSI in its C1 form and a direction override.
const HOSTILE = '\x1b[2J\x1b]0;pwned\x07 * * * * root /bin/true\n0 * * * * root echo \x9b31m \u202eevil\n';

test('a crontab line with terminal escapes is printed visibly, never obeyed (--root, text output)', () => {
  const root = makeRoot({ 'etc/passwd': 'root:x:0:0:root:/root:/bin/bash\n', 'etc/cron.d/evil\x1b[31m': HOSTILE, 'etc/cron.d/evil': HOSTILE });
  try {
    const run = runSchedlint(['--root', root]);
    assert.ok(run.stdout.length > 0);
    assert.doesNotMatch(run.stdout, /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]/, JSON.stringify(run.stdout));
    assert.match(run.stdout, /found `\^\[`/);
    assert.match(run.stdout, /^\/etc\/cron\.d\/evil\^\[\[31m:1:1: /m);
    assert.doesNotMatch(run.stderr, /[\x1b\x07]/);
    // JSON keeps the real characters (escaped by JSON itself).
    const json = runSchedlint(['--root', root, '--format', 'json']);
    assert.ok(json.stdout.includes('\\u001b'), json.stdout.slice(0, 400));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('schedule explanations echo their input visibly: cron and timespan', () => {
  for (const args of [['cron', '0 * * * * \x1b]0;pwned\x07'], ['timespan', '5\x1b[2Js']]) {
    const run = runSchedlint(args);
    assert.doesNotMatch(run.stdout + run.stderr, /[\x1b\x07]/, JSON.stringify(run));
    assert.match(run.stdout + run.stderr, /\^\[/);
  }
});

test('the schedule timeline shows escape characters of a job visibly', () => {
  const root = makeRoot({ 'etc/passwd': 'root:x:0:0:root:/root:/bin/bash\n', 'etc/crontab': '17 * * * * root /usr/local/bin/\x1b]0;pwned\x07report\n' });
  try {
    const run = runSchedlint(['schedule', '--root', root]);
    assert.match(run.stdout, /root: \^\[\]0/, run.stderr);
    assert.doesNotMatch(run.stdout + run.stderr, /[\x1b\x07]/);
    // The SVG stays well-formed XML 1.0, which allows no C0 control characters but tab and newlines.
    const svg = runSchedlint(['schedule', '--root', root, '--format', 'svg']);
    assert.match(svg.stdout, /^<svg/);
    assert.doesNotMatch(svg.stdout, /[\x00-\x08\x0b\x0c\x0e-\x1f]/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('escapeControls: cat -v notation, tab and newline kept', () => {
  assert.equal(escapeControls('a\x1b[2Jb\x07c\td\ne\x7f\x9b\r\u202e'), 'a^[[2Jb^Gc\td\ne^?M-^[^M<U+202E>');
  assert.equal(escapeControls('日本語 ok'), '日本語 ok');
  assert.equal(escapeControls('\ufeff0 \u200b*'), '<U+FEFF>0 <U+200B>*');
});

test('schedlint DIR with `COPY crontab[1 /etc/cron.d/app` lints instead of crashing', () => {
  const root = makeRoot({ Dockerfile: 'FROM debian:12\nRUN apt-get install -y cron\nCOPY crontab[1 /etc/cron.d/app\n', 'crontab[1': '17 * * * * /usr/local/bin/report\n' });
  try {
    const run = runSchedlint([root]);
    assert.doesNotMatch(run.stderr, /SyntaxError|Invalid regular expression/);
    // Installed into /etc/cron.d, the file needs a user column: found because the glob matched the file.
    assert.match(run.stdout, /crontab\[1:1:\d+: error: .*\[crontab\/install-target-mismatch\]/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('an ELF binary in /etc/cron.d is one finding, not a hundred', () => {
  const root = makeRoot({ 'etc/passwd': 'root:x:0:0:root:/root:/bin/bash\n', 'etc/cron.d/tool': fs.readFileSync(process.execPath).subarray(0, 64 * 1024) });
  try {
    const run = runSchedlint(['--root', root, '--format', 'json']);
    const output = JSON.parse(run.stdout) as { files: { path: string; diagnostics: { rule: string }[] }[] };
    const file = output.files.find((entry) => entry.path === '/etc/cron.d/tool');
    assert.deepEqual(file?.diagnostics.map((diagnostic) => diagnostic.rule), ['file/not-text']);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
