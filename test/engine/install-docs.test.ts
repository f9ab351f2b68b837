// The examples of the install rules' doc pages are repositories, not single files: each code block starts
// with `# file: <path>` and the blocks of one section form one tree. Linted as a repository: "Problematic"
// must give the rule, "Correct" must not. (test/engine/docs.test.ts checks the pages' title and meta lines.)
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { HostFacts } from '../../server/src/engine/host/facts';
import { FsHost } from '../../server/src/engine/host/fs-host';
import { lintRepository } from '../../server/src/engine/install/repository';
import { repoPath } from '../support/paths';

const RULES = ['crontab/installed-both-ways', 'crontab/install-target-mismatch', 'crontab/cron-d-mode'];
const SECTIONS = [
  { suffix: '.md', problematic: 'Problematic', correct: 'Correct' },
  { suffix: '.ja.md', problematic: '問題のある例', correct: '正しい例' },
];

function sectionTree(markdown: string, heading: string): Record<string, string> {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `missing ## ${heading}`);
  const end = markdown.indexOf('\n## ', start + 4);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  const files: Record<string, string> = {};
  for (const match of section.matchAll(/```\w*\n# file: (\S+)\n([\s\S]*?)```/g)) files[match[1]] = match[2];
  return files;
}

function rulesOf(files: Record<string, string>): string[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-doc-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  const { reports } = lintRepository('/', { facts: new HostFacts(new FsHost(root)), locale: 'en' });
  fs.rmSync(root, { recursive: true, force: true });
  return reports.flatMap((report) => report.findings.map((finding) => finding.ruleId));
}

for (const rule of RULES) {
  for (const language of SECTIONS) {
    test(`doc examples of ${rule}${language.suffix} are repositories that do and do not trigger it`, () => {
      const markdown = fs.readFileSync(repoPath('docs', 'rules', ...`${rule}${language.suffix}`.split('/')), 'utf8');
      const problematic = sectionTree(markdown, language.problematic);
      const correct = sectionTree(markdown, language.correct);
      assert.ok(Object.keys(problematic).length >= 2 && Object.keys(correct).length >= 2);
      assert.ok(rulesOf(problematic).includes(rule), 'problematic example triggers the rule');
      assert.deepEqual(rulesOf(correct).filter((id) => RULES.includes(id)), [], 'correct example is clean');
    });
  }
}
