// certificate/no-certificate in folder scans (review 7 item 6): a repository's `.key`, `.pem` and `.crt` files that
// are no certificate files at all (an API token, an empty placeholder, an SSH public key) are met by `schedlint DIR`
// for their extension alone and stay silent; a file whose text claims PEM (a `-----BEGIN` line) is still reported
// there, and every one of them is reported when the user names it, gives `--kind certificate`, or the config's
// `dialect:` makes the scan lint it again. A binary file that is no DER is never a certificate file gone wrong.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { runSchedlint } from '../support/run-cli';

const FILES: Record<string, string | Buffer> = {
  'secrets/api.key': 'sk_live_51Hx0000000000000000000000\n',
  'certs/empty.pem': '',
  'keys/deploy.key': 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJv0000000000000000000000000000000000000000 deploy@ci\n',
  // Cut while copying: no END line, so no block; the BEGIN line says what the file was meant to be.
  'certs/truncated.crt': '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n',
  'certs/broken.pem': '-----BEGIN CERTIFICATE-----\nMIIB!!!notbase64$$$\n-----END CERTIFICATE-----\n',
};

function repository(extra: Record<string, string | Buffer> = {}): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-no-certificate-'));
  fs.mkdirSync(path.join(folder, '.git'));
  for (const [file, data] of Object.entries({ ...FILES, ...extra })) {
    fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    fs.writeFileSync(path.join(folder, file), data);
  }
  return folder;
}

/** The files with a no-certificate finding, relative to the folder, sorted. */
function reported(folder: string, args: string[]): string[] {
  const run = runSchedlint(['--format', 'json', ...args], { cwd: folder });
  assert.equal(run.stderr, '');
  const json = JSON.parse(run.stdout) as { files: { path: string; diagnostics: { rule: string }[] }[] };
  return json.files
    .filter((file) => file.diagnostics.some((diagnostic) => diagnostic.rule === 'certificate/no-certificate'))
    .map((file) => path.relative(folder, path.resolve(folder, file.path)))
    .sort();
}

test('a folder scan reports only the files whose text claims PEM; an API token, an empty .pem, an SSH key are silent', () => {
  const folder = repository();
  assert.deepEqual(reported(folder, ['.']), ['certs/broken.pem', 'certs/truncated.crt']);
  const run = runSchedlint(['.'], { cwd: folder });
  assert.doesNotMatch(run.stdout, /api\.key|empty\.pem|deploy\.key/);
});

test('named on the command line, or a folder given with --kind certificate, each is reported', () => {
  const folder = repository();
  assert.deepEqual(reported(folder, ['secrets/api.key', 'certs/empty.pem', 'keys/deploy.key']), ['certs/empty.pem', 'keys/deploy.key', 'secrets/api.key']);
  assert.deepEqual(reported(folder, ['--kind', 'certificate', '.']), ['certs/broken.pem', 'certs/empty.pem', 'certs/truncated.crt', 'keys/deploy.key', 'secrets/api.key']);
});

test("a config file's dialect lints the scan's files again: they stay scanned, not named", () => {
  const folder = repository({ '.schedlint.yaml': 'overrides:\n  - files: "**"\n    dialect: cronie\n' });
  assert.deepEqual(reported(folder, ['.']), ['certs/broken.pem', 'certs/truncated.crt']);
  assert.deepEqual(reported(folder, ['certs/empty.pem']), ['certs/empty.pem']);
});

test('a binary file that is no DER is silent even when named: mostly control bytes with no NUL, as text-check.ts decides binary', () => {
  // 64 bytes of control characters (no NUL, no newline): binary by text-check.ts's second test, not by git's.
  const folder = repository({ 'talk.key': Buffer.from(Array.from({ length: 64 }, (_, index) => 1 + (index % 8))) });
  assert.deepEqual(reported(folder, ['talk.key']), []);
});
