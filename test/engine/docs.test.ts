// Every rule has a page in English and in Japanese, docs/rules/<family>/<name>.md and .ja.md (the diagnostic's
// link points there). Each page starts with `# <id>: <title from the message catalog>`, states the rule's
// default severity and whether it has a quick fix, and has "Problematic" and "Correct" examples.
//
// The examples are linted: every code block under "Problematic" must trigger the rule and every block under
// "Correct" must not. A block says how to read it in comment lines, which cron and systemd ignore:
//   # path: /etc/cron.d/certbot   host path: decides the format (system or user crontab), and is the file
//                                 name that crontab/ignored-filename checks
//   # dialect: cronie             the cron that reads it (default: debian)
//   # line-endings: crlf          the test turns the block's newlines into CRLF (markdown cannot show `\r`)
// Blocks of systemd rules are unit files, linted with lintUnit:
//   # path: /etc/systemd/system/backup.timer      host path: gives the unit's name and type
//   # host-file: /etc/systemd/system/backup.service
//                                 a unit that exists on the (in-memory) host, with a minimal [Service] body;
//                                 may be repeated
// Not linted (their examples are shell sessions): file/unreadable (about reading a file, not its content),
// crontab/file-permissions (owner and mode of a file on the live host, which a text cannot carry) and
// crontab/missing-final-newline (markdown cannot show a file without a final newline).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { translate, isMessageKey } from '../../server/src/engine/i18n/catalog';
import { lintCrontab } from '../../server/src/engine/lint';
import { ALL_RULE_IDS, crontabRules } from '../../server/src/engine/rules';
import { unitRules } from '../../server/src/engine/rules/systemd';
import { isUnitFilePath, lintUnit } from '../../server/src/engine/systemd/lint-unit';
import type { CronDialect, Locale } from '../../server/src/engine/types';
import { fixtureFacts } from '../support/fixture-host';
import { repoPath } from '../support/paths';

const NOT_LINTED = new Set(['file/unreadable', 'crontab/file-permissions', 'crontab/missing-final-newline']);

interface PageLanguage {
  locale: Locale;
  suffix: string;
  problematic: string;
  correct: string;
  /** `Default severity: **warning** · Quick fix: no` (the same line may say more between the two) */
  meta: RegExp;
  fixable: { yes: string; no: string };
}

const LANGUAGES: PageLanguage[] = [
  { locale: 'en', suffix: '.md', problematic: 'Problematic', correct: 'Correct', meta: /^Default severity: \*\*(\w+)\*\*.*Quick fix: (yes|no)\b/m, fixable: { yes: 'yes', no: 'no' } },
  { locale: 'ja', suffix: '.ja.md', problematic: '問題のある例', correct: '正しい例', meta: /^既定の重大度[:：] ?\*\*(\w+)\*\*.*クイックフィックス[:：] ?(あり|なし)/m, fixable: { yes: 'あり', no: 'なし' } },
];

interface CodeBlock {
  /** 1-based line of the opening fence, for messages. */
  line: number;
  text: string;
}

function pagePath(ruleId: string, language: PageLanguage): string {
  return repoPath('docs', 'rules', ...`${ruleId}${language.suffix}`.split('/'));
}

/** The fenced code blocks of the `## <heading>` section (up to the next `## ` heading). */
function sectionBlocks(markdown: string, heading: string): CodeBlock[] | undefined {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trimEnd() === `## ${heading}`);
  if (start < 0) return undefined;
  const blocks: CodeBlock[] = [];
  let open: { line: number; body: string[] } | undefined;
  for (let index = start + 1; index < lines.length; index++) {
    const line = lines[index];
    if (!open && line.startsWith('## ')) break;
    if (line.startsWith('```')) {
      if (open) {
        blocks.push({ line: open.line, text: open.body.map((body) => `${body}\n`).join('') });
        open = undefined;
      } else {
        open = { line: index + 1, body: [] };
      }
    } else if (open) {
      open.body.push(line);
    }
  }
  return blocks;
}

function directive(text: string, name: string): string | undefined {
  return text.match(new RegExp(`^#\\s*${name}:\\s*(\\S+)`, 'm'))?.[1];
}

function directives(text: string, name: string): string[] {
  return [...text.matchAll(new RegExp(`^#\\s*${name}:\\s*(\\S+)`, 'gm'))].map((match) => match[1]);
}

const UNIT_RULE_IDS = new Set(unitRules.map((rule) => rule.id));
/** What a `# host-file:` unit holds: enough for systemd (and schedlint) to find and load it. */
const HOST_UNIT_BODY = '[Service]\nExecStart=/bin/true\n';

function lintBlock(ruleId: string, block: CodeBlock, locale: Locale) {
  const path = directive(block.text, 'path');
  assert.ok(path, `the code block at line ${block.line} needs a \`# path: …\` line`);
  if (UNIT_RULE_IDS.has(ruleId)) {
    assert.ok(isUnitFilePath(path), `the \`# path:\` of the block at line ${block.line} is not a unit file or drop-in: ${path}`);
    const hostFiles = Object.fromEntries(directives(block.text, 'host-file').map((file) => [file, HOST_UNIT_BODY]));
    return lintUnit({ text: block.text, path, facts: fixtureFacts('debian', hostFiles), locale });
  }
  const dialect = (directive(block.text, 'dialect') ?? 'debian') as CronDialect;
  assert.ok(dialect === 'debian' || dialect === 'cronie', `unknown dialect ${dialect} in the block at line ${block.line}`);
  const text = directive(block.text, 'line-endings') === 'crlf' ? block.text.replace(/\n/g, '\r\n') : block.text;
  return lintCrontab({ text, path, facts: fixtureFacts(dialect), locale });
}

function expectedMeta(ruleId: string): { severity: string; fixable: boolean } {
  const rule = [...crontabRules, ...unitRules].find((candidate) => candidate.id === ruleId);
  // file/unreadable is reported by the CLI's scan (engine/scan.ts) as a warning, without a fix.
  return rule ? { severity: rule.meta.defaultSeverity, fixable: rule.meta.fixable } : { severity: 'warning', fixable: false };
}

for (const ruleId of ALL_RULE_IDS) {
  for (const language of LANGUAGES) {
    test(`docs ${ruleId}${language.suffix}`, () => {
      const file = pagePath(ruleId, language);
      assert.ok(fs.existsSync(file), `missing page ${file}`);
      const markdown = fs.readFileSync(file, 'utf8');
      const firstLine = markdown.split('\n')[0];
      assert.ok(firstLine.startsWith(`# ${ruleId}`), `the page must start with "# ${ruleId}", found "${firstLine}"`);
      const titleKey = `rule.${ruleId}.title`;
      if (isMessageKey(titleKey)) assert.equal(firstLine, `# ${ruleId}: ${translate(language.locale, titleKey)}`, 'title line');

      const meta = markdown.match(language.meta);
      assert.ok(meta, `the page must state the default severity and the quick fix (${language.meta})`);
      const expected = expectedMeta(ruleId);
      assert.equal(meta[1], expected.severity, 'default severity');
      assert.equal(meta[2], expected.fixable ? language.fixable.yes : language.fixable.no, 'quick fix');

      const problematic = sectionBlocks(markdown, language.problematic);
      const correct = sectionBlocks(markdown, language.correct);
      assert.ok(problematic, `missing "## ${language.problematic}" section`);
      assert.ok(correct, `missing "## ${language.correct}" section`);
      assert.ok(problematic.length > 0, `no code block under "## ${language.problematic}"`);
      assert.ok(correct.length > 0, `no code block under "## ${language.correct}"`);
      if (NOT_LINTED.has(ruleId)) return;

      for (const block of problematic) {
        const findings = lintBlock(ruleId, block, language.locale).findings;
        assert.ok(
          findings.some((finding) => finding.ruleId === ruleId),
          `the "${language.problematic}" block at line ${block.line} does not trigger ${ruleId}; found: ${findings.map((finding) => finding.ruleId).join(', ') || 'nothing'}`,
        );
      }
      for (const block of correct) {
        const findings = lintBlock(ruleId, block, language.locale).findings.filter((finding) => finding.ruleId === ruleId);
        assert.deepEqual(
          findings.map((finding) => `${finding.range.start.line + 1}: ${finding.message}`),
          [],
          `the "${language.correct}" block at line ${block.line} triggers ${ruleId}`,
        );
      }
    });
  }
}

// The index: one table row per rule, `| [id](id.md) | title | severity | quick fix |`.
for (const language of LANGUAGES) {
  test(`docs/rules/README${language.suffix} lists every rule`, () => {
    const file = repoPath('docs', 'rules', `README${language.suffix}`);
    assert.ok(fs.existsSync(file), `missing ${file}`);
    const rows = new Map<string, string[]>();
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
      const link = cells[0]?.match(/^\[([^\]]+)\]\(([^)]+)\)$/);
      if (link) rows.set(link[1], [link[2], ...cells.slice(1)]);
    }
    assert.deepEqual(ALL_RULE_IDS.filter((ruleId) => !rows.has(ruleId)), [], 'rules missing from the table');
    for (const ruleId of ALL_RULE_IDS) {
      const [target, title, severity, fixable] = rows.get(ruleId) ?? [];
      const expected = expectedMeta(ruleId);
      assert.equal(target, `${ruleId}${language.suffix}`, `link of ${ruleId}`);
      const titleKey = `rule.${ruleId}.title`;
      if (isMessageKey(titleKey)) assert.equal(title, translate(language.locale, titleKey), `title of ${ruleId}`);
      assert.equal(severity, expected.severity, `severity of ${ruleId}`);
      assert.equal(fixable, expected.fixable ? language.fixable.yes : language.fixable.no, `quick fix of ${ruleId}`);
    }
  });
}
