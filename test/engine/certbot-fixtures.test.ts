// Every certbot fixture: the findings its annotations expect (and no others), and the text after its fixes —
// in the file itself (`.fixed`) and in the other file a cross-file fix edits (`.other.fixed`, cli.ini).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { lintCertbotFile } from '../../server/src/engine/certbot/lint-certbot';
import { readTextOrUndefined } from '../../server/src/engine/host/host';
import type { Finding, Fix } from '../../server/src/engine/types';
import { certbotFixtureFiles, loadCertbotFixture } from '../support/certbot-fixtures';
import { applyEdits, describeFinding } from '../support/fixtures';
import { repoPath } from '../support/paths';

const NOW = new Date('2026-01-15T00:00:00Z');
const files = certbotFixtureFiles();

test('there are certbot fixtures for every configuration rule', () => {
  const folders = new Set(files.map((file) => path.basename(path.dirname(file))));
  for (const rule of ['standalone-without-hooks', 'hook-in-renewal-conf', 'manual-without-auth-hook', 'webroot-without-path', 'unknown-key', 'deploy-hook-in-renewal-conf', 'renew-hook-spelling', 'invalid-syntax', 'incomplete-renewal-file']) {
    assert.ok(folders.has(rule), rule);
  }
});

/** The first fix of each finding, each distinct fix once (one cross-file fix is shared by several findings). */
function chosenFixes(findings: Finding[]): Fix[] {
  const fixes: Fix[] = [];
  for (const finding of findings) {
    const fix = finding.fixes?.find((candidate) => candidate.isPreferred) ?? finding.fixes?.[0];
    if (fix && !fixes.includes(fix)) fixes.push(fix);
  }
  return fixes;
}

for (const file of files) {
  test(`certbot fixture ${path.relative(repoPath('test', 'fixtures'), file)}`, () => {
    const fixture = loadCertbotFixture(file);
    // Certificate rules are another helper's; these fixtures point at no certificate files.
    const result = lintCertbotFile({ text: fixture.text, path: fixture.path, facts: fixture.facts, now: NOW, locale: fixture.locale });
    const findings = result.findings.filter((finding) => !['certbot/missing-file', 'certbot/cert-expiring', 'certbot/key-mismatch', 'certbot/chain-mismatch', 'certbot/san-removed'].includes(finding.ruleId));
    const actual = findings.map((finding) => `${finding.range.start.line} ${finding.ruleId} ${finding.severity}`).sort();
    const expected = fixture.expectations.map((item) => `${item.line} ${item.ruleId} ${item.severity ?? findings.find((finding) => finding.ruleId === item.ruleId)?.severity}`).sort();
    assert.deepEqual(actual, expected, findings.map(describeFinding).join('\n'));
    // Braces inside backticks are quoted text (a template's `{{ var }}`), not a parameter left unfilled.
    for (const finding of findings) assert.ok(!finding.message.replace(/`[^`]*`/g, '').includes('{'), `unfilled parameter: ${finding.message}`);
    const fixes = chosenFixes(findings);
    if (fixture.fixed !== undefined) {
      assert.ok(fixes.length > 0, 'a .fixed file but no fix');
      assert.equal(applyEdits(fixture.text, fixes.flatMap((fix) => fix.edits)), fixture.fixed);
    }
    if (fixture.otherFixed !== undefined) {
      const other = fixes.flatMap((fix) => fix.otherFiles ?? []);
      assert.equal(new Set(other.map((edit) => edit.path)).size, 1, 'one other file');
      const before = other[0].create ? '' : (readTextOrUndefined(fixture.facts.host, other[0].path) ?? '');
      assert.equal(applyEdits(before, other.flatMap((edit) => edit.edits)), fixture.otherFixed);
    }
  });
}
