// Every fix of every fixture and corpus file, applied the way an editor applies it (TextDocument.applyEdits),
// must remove its finding and bring no new error; so must "fix all" and "disable for this line" (every format);
// every range must lie inside the document as the editor counts lines. The corpus files are also tried with
// CRLF line ends and with a final lone "\r", the two shapes whose fixes used to be clamped away by editors.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { lintCertbotFile } from '../../server/src/engine/certbot/lint-certbot';
import { HostFacts } from '../../server/src/engine/host/facts';
import { FsHost } from '../../server/src/engine/host/fs-host';
import { lintCrontab } from '../../server/src/engine/lint';
import { isUnitFilePath, lintUnit } from '../../server/src/engine/systemd/lint-unit';
import type { Finding } from '../../server/src/engine/types';
import { certbotFixtureFiles, loadCertbotFixture } from '../support/certbot-fixtures';
import { checkFindings } from '../support/fix-check';
import { fixtureFacts } from '../support/fixture-host';
import { fixtureFiles, loadFixture } from '../support/fixtures';
import { CORPUS_ROOT, repoPath } from '../support/paths';

const NOW = new Date('2026-01-15T00:00:00Z');

function report(name: string, problems: { detail: string }[]): string[] {
  return problems.map((problem) => `${name}: ${problem.detail}`);
}

test('fixtures: every fix, disable and fix-all works as an editor applies it', () => {
  const problems: string[] = [];
  let fixes = 0;
  for (const file of [...fixtureFiles('crontab'), ...fixtureFiles('systemd')]) {
    const fixture = loadFixture(file);
    const facts = fixtureFacts(fixture.dialect, fixture.hostFiles);
    const unit = fixture.path !== undefined && isUnitFilePath(fixture.path);
    const lint = (text: string): Finding[] =>
      unit ? lintUnit({ text, path: fixture.path, facts, locale: fixture.locale }).findings : lintCrontab({ text, path: fixture.path, facts, locale: fixture.locale }).findings;
    const findings = lint(fixture.text);
    fixes += findings.reduce((sum, finding) => sum + (finding.fixes?.length ?? 0), 0);
    problems.push(...report(path.relative(repoPath('test', 'fixtures'), file), checkFindings(fixture.text, { lint, findings, disables: true })));
  }
  for (const file of certbotFixtureFiles()) {
    const fixture = loadCertbotFixture(file);
    const lint = (text: string) => lintCertbotFile({ text, path: fixture.path, facts: fixture.facts, now: NOW, locale: fixture.locale }).findings;
    const findings = lint(fixture.text);
    fixes += findings.reduce((sum, finding) => sum + (finding.fixes?.length ?? 0), 0);
    problems.push(...report(path.relative(repoPath('test', 'fixtures'), file), checkFindings(fixture.text, { lint, findings, disables: true })));
  }
  assert.ok(fixes > 30, `only ${fixes} fixes in the fixtures`);
  assert.deepEqual(problems, []);
});

function filesBelow(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesBelow(full);
    return entry.isFile() ? [full] : [];
  });
}

/** The corpus file as it is, with CRLF line ends, and with its final newline turned into a lone "\r". */
function variants(text: string): [string, string][] {
  const crlf = text.replace(/\r?\n/g, '\r\n');
  const loneCr = text.replace(/\n$/, '') + '\r';
  return [
    ['as is', text],
    ['CRLF', crlf],
    ['final lone CR', loneCr],
  ];
}

test('corpus, as is and with CRLF or a lone CR: every fix, disable and fix-all works as an editor applies it', () => {
  const facts = new HostFacts(new FsHost(path.join(CORPUS_ROOT, 'debian-bookworm', 'root')));
  const problems: string[] = [];
  let fixes = 0;
  for (const file of filesBelow(CORPUS_ROOT)) {
    if (/(SOURCES\.tsv|README\.md)$/.test(file)) continue;
    const original = fs.readFileSync(file, 'utf8');
    if (original.includes('\0')) continue;
    const name = path.relative(CORPUS_ROOT, file);
    const certbotKind = name.endsWith('cli.ini') ? 'certbot-cli-ini' : 'certbot-renewal';
    const linters: [string, (text: string) => Finding[], boolean][] = [];
    if (isUnitFilePath(file)) linters.push(['unit', (text) => lintUnit({ text, path: file, facts }).findings, true]);
    else if (name.startsWith('certbot-testdata')) linters.push(['certbot', (text) => lintCertbotFile({ text, kind: certbotKind, facts, now: NOW }).findings, true]);
    else {
      for (const kind of ['crontab-system', 'crontab-user'] as const) {
        linters.push([kind, (text) => lintCrontab({ text, facts, explicitKind: { kind, reason: 'cli' } }).findings, true]);
      }
    }
    for (const [variant, text] of variants(original)) {
      for (const [label, lint, disables] of linters) {
        const findings = lint(text);
        fixes += findings.reduce((sum, finding) => sum + (finding.fixes?.length ?? 0), 0);
        problems.push(...report(`${name} (${variant}, ${label})`, checkFindings(text, { lint, findings, disables })));
      }
    }
  }
  assert.ok(fixes > 100, `only ${fixes} fixes tried on the corpus`);
  assert.deepEqual(problems.slice(0, 40), [], `${problems.length} problems`);
});
