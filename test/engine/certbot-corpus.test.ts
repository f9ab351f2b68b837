// The real-world certbot files in test/corpus: each parses and lints without a crash, and the only
// warning or error is the one certbot itself would hit. Plus: the linter never runs what it reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { certbotHostFiles, certbotHostFindings, lintCertbotFile } from '../../server/src/engine/certbot/lint-certbot';
import { FsHost } from '../../server/src/engine/host/fs-host';
import { HostFacts } from '../../server/src/engine/host/facts';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import { describeFinding } from '../support/fixtures';
import { repoPath, CORPUS_ROOT } from '../support/paths';

const NOW = new Date('2026-01-15T00:00:00Z');
const DEBIAN_ROOT = path.join(CORPUS_ROOT, 'debian-bookworm', 'root');
const TESTDATA = path.join(CORPUS_ROOT, 'certbot-testdata');

test('the Debian 12 root: cli.ini is found and lints clean', () => {
  const facts = new HostFacts(new FsHost(DEBIAN_ROOT));
  const files = certbotHostFiles(facts);
  assert.deepEqual(files, ['/etc/letsencrypt/cli.ini']);
  for (const file of files) {
    const text = fs.readFileSync(path.join(DEBIAN_ROOT, file), 'utf8');
    const result = lintCertbotFile({ text, path: file, facts, now: NOW });
    assert.equal(result.kind, 'certbot-cli-ini');
    assert.deepEqual(result.findings.map(describeFinding), []);
  }
  // The packaged deploy hook (ntpsec) is executable: nothing to say, and --root never judges modes anyway.
  assert.equal(certbotHostFindings(facts).size, 0);
});

const CONFIG_RULES = ['certbot/invalid-syntax', 'certbot/incomplete-renewal-file', 'certbot/unknown-key', 'certbot/standalone-without-hooks', 'certbot/manual-without-auth-hook', 'certbot/webroot-without-path', 'certbot/hook-in-renewal-conf', 'certbot/deploy-hook-in-renewal-conf', 'certbot/renew-hook-spelling', 'certbot/secret-permissions'];

for (const name of fs.readdirSync(TESTDATA).filter((file) => file.endsWith('.conf') || file.endsWith('.ini'))) {
  test(`certbot's test data ${name}: no unjustified warning or error`, () => {
    const text = fs.readFileSync(path.join(TESTDATA, name), 'utf8');
    const file = name.endsWith('.ini') ? '/etc/letsencrypt/cli.ini' : `/etc/letsencrypt/renewal/${name}`;
    const facts = new HostFacts(new MemoryHost({}));
    const result = lintCertbotFile({ text, path: file, facts, now: NOW });
    assert.deepEqual(result.document.problems, []);
    // The certificate rules are another helper's (MAGICDIR paths point at nothing).
    const serious = result.findings.filter((finding) => CONFIG_RULES.includes(finding.ruleId) && (finding.severity === 'error' || finding.severity === 'warning'));
    if (name === 'agree-dev-preview.cli.ini') {
      // Justified: certbot 2.1.0 has no --agree-dev-preview (removed in 0.x); with this cli.ini it exits
      // "unrecognized arguments: --agree-dev-preview=True" (tried with Debian's certbot, see configargparse.json).
      assert.deepEqual(serious.map((finding) => `${finding.ruleId} ${finding.severity} ${finding.range.start.line}`), ['certbot/unknown-key error 0']);
      return;
    }
    assert.deepEqual(serious.map(describeFinding), []);
    if (name === 'sample-renewal-ec.conf') {
      // The 0.x file full of options certbot no longer reads: one hint for the file (one cause, one
      // finding), listing them, each key a related location, one fix that removes them all.
      const hints = result.findings.filter((finding) => finding.ruleId === 'certbot/unknown-key');
      assert.equal(hints.length, 1);
      assert.equal(hints[0].severity, 'hint');
      const count = Number(/^(\d+) keys here were written by an older certbot/.exec(hints[0].message)?.[1]);
      assert.ok(count > 30, hints[0].message);
      assert.match(hints[0].message, /`no_self_upgrade`.* and \d+ more\)/);
      assert.equal(hints[0].related?.length, count - 1);
      assert.ok(hints[0].related?.some((related) => related.message.includes('`func`')));
      const edits = hints[0].fixes?.[0].edits ?? [];
      assert.equal(edits.length, count);
      const lines = text.split('\n');
      assert.ok(edits.every((edit) => edit.newText === '' && edit.range.end.line === edit.range.start.line + 1 && !/^(cert|privkey|chain|fullchain|authenticator|server|account)\b/.test(lines[edit.range.start.line])));
    }
  });
}

test('hook commands and hook scripts are never executed while linting', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-certbot-'));
  const marker = path.join(root, 'marker');
  try {
    const put = (file: string, text: string, mode = 0o644) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text, { mode });
    };
    const touch = `touch ${marker}`;
    put('/etc/nginx/nginx.conf', '');
    put('/etc/letsencrypt/cli.ini', `pre-hook = ${touch}-cli\nmanual-auth-hook = ${touch}-auth\n`);
    for (const stage of ['pre', 'post', 'deploy']) put(`/etc/letsencrypt/renewal-hooks/${stage}/hook`, `#!/bin/sh\n${touch}-${stage}\n`, 0o755);
    put('/etc/letsencrypt/renewal-hooks/pre/not-executable', `#!/bin/sh\n${touch}-plain\n`);
    const renewal = ['cert = /x', 'privkey = /x', 'chain = /x', 'fullchain = /x', '[renewalparams]', 'authenticator = manual', `manual_auth_hook = ${touch}-a`, `pre_hook = ${touch}-b`, `post_hook = ${touch}-c`, `renew_hook = ${touch}-d`, `deploy_hook = ${touch}-e`, ''].join('\n');
    put('/etc/letsencrypt/renewal/example.com.conf', renewal);
    const facts = new HostFacts(new FsHost(root));
    for (const file of certbotHostFiles(facts)) {
      lintCertbotFile({ text: fs.readFileSync(path.join(root, file), 'utf8'), path: file, facts, now: NOW });
    }
    certbotHostFindings(facts);
    const left = fs.readdirSync(root).filter((name) => name.startsWith('marker'));
    assert.deepEqual(left, []);
    // And the scan did look at them (so the test is not vacuous).
    assert.equal(certbotHostFiles(facts).length, 2);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('the engine never imports child_process (nothing it reads can be run)', () => {
  const offenders: string[] = [];
  const visit = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.ts') && /(['"])(node:)?child_process\1/.test(fs.readFileSync(full, 'utf8'))) offenders.push(full);
    }
  };
  visit(repoPath('server', 'src', 'engine'));
  assert.deepEqual(offenders, []);
});
