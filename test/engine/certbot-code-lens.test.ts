// The "Dry run this renewal" code lens: offered on renewal files in a trusted workspace only, with a command that
// names the lineage as certbot does (file name less `.conf`) and stays one shell word whatever the name holds.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseCliIni } from '../../server/src/engine/certbot/cli-ini';
import { certbotCodeLenses, lineageName } from '../../server/src/engine/certbot/code-lens';
import { shellQuote } from '../../server/src/engine/util/shell-quote';
import { parseRenewalFile } from '../../server/src/engine/certbot/configobj';
import { CORPUS_ROOT } from '../support/paths';

const SAMPLE = fs.readFileSync(path.join(CORPUS_ROOT, 'certbot-testdata', 'sample-renewal-deprecated-option.conf'), 'utf8');

test('a renewal file gets one lens at its top, typed as sudo certbot renew --dry-run --cert-name NAME', () => {
  const document = parseRenewalFile(SAMPLE);
  const lenses = certbotCodeLenses(document, '/etc/letsencrypt/renewal/example.com.conf', { trusted: true });
  assert.deepEqual(lenses, [
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, title: 'Dry run this renewal', command: 'sudo certbot renew --dry-run --cert-name example.com' },
  ]);
  const ja = certbotCodeLenses(document, '/etc/letsencrypt/renewal/example.com.conf', { trusted: true, locale: 'ja' });
  assert.equal(ja[0].title, 'この証明書の更新をテスト実行（dry run）');
  assert.equal(ja[0].command, lenses[0].command);
});

test('no lens in an untrusted workspace, on cli.ini, without a path or on a file that is not NAME.conf', () => {
  const document = parseRenewalFile(SAMPLE);
  assert.deepEqual(certbotCodeLenses(document, '/etc/letsencrypt/renewal/example.com.conf', { trusted: false }), []);
  assert.deepEqual(certbotCodeLenses(document, undefined, { trusted: true }), []);
  assert.deepEqual(certbotCodeLenses(document, '/etc/letsencrypt/renewal/example.com.conf.bak', { trusted: true }), []);
  assert.deepEqual(certbotCodeLenses(document, '/etc/letsencrypt/renewal/.conf', { trusted: true }), []);
  assert.deepEqual(certbotCodeLenses(parseCliIni('max-log-backups = 0\n'), '/etc/letsencrypt/cli.ini', { trusted: true }), []);
});

test('odd lineage names are quoted so the shell passes them as one word, unchanged', () => {
  assert.equal(lineageName('/etc/letsencrypt/renewal/example.com-0001.conf'), 'example.com-0001');
  assert.equal(lineageName('/etc/letsencrypt/renewal/*.example.com.conf'), '*.example.com');
  assert.equal(shellQuote('example.com-0001'), 'example.com-0001');
  const odd = ["it's $(reboot)", '*.example.com', 'a b;c', '-rf', 'x`y`', 'ünïcode'];
  for (const name of odd) {
    const document = parseRenewalFile(SAMPLE);
    const [lens] = certbotCodeLenses(document, `/etc/letsencrypt/renewal/${name}.conf`, { trusted: true });
    const prefix = name.startsWith('-') ? 'sudo certbot renew --dry-run --cert-name=' : 'sudo certbot renew --dry-run --cert-name ';
    assert.ok(lens.command.startsWith(prefix), lens.command);
    const word = lens.command.slice(prefix.length);
    // What a POSIX shell makes of the word: printf only prints its arguments, one per line.
    const printed = execFileSync('/bin/sh', ['-c', `printf '%s\\n' ${word}`], { encoding: 'utf8' });
    assert.equal(printed, `${name}\n`, `${name} → ${word}`);
  }
});
