// Every rule has a page in English and in Japanese, docs/rules/<family>/<name>.md and .ja.md (the diagnostic's
// link points there). Each page starts with `# <id>: <title from the message catalog>`, states the rule's
// default severity and whether it has a quick fix, and has "Problematic" and "Correct" examples.
//
// The examples are linted: every code block under "Problematic" must trigger the rule and every block under
// "Correct" must not. A block says how to read it in comment lines, which cron, systemd, configobj (renewal
// files) and ConfigArgParse (cli.ini) all skip. A directive the block's kind does not understand fails the test,
// so a misspelt or misplaced one cannot silently change nothing.
// Blocks of crontab rules are crontabs, linted with lintCrontab:
//   # path: /etc/cron.d/certbot   host path: decides the format (system or user crontab), and is the file
//                                 name that crontab/ignored-filename checks
//   # dialect: cronie             the cron that reads it (default: debian)
//   # line-endings: crlf          the test turns the block's newlines into CRLF (markdown cannot show `\r`)
// Blocks of systemd rules are unit files, linted with lintUnit:
//   # path: /etc/systemd/system/backup.timer      host path: gives the unit's name and type
//   # host-file: /etc/systemd/system/backup.service
//                                 a unit that exists on the (in-memory) host, with a minimal [Service] body;
//                                 may be repeated
// Blocks of GitHub Actions rules are workflow files, linted through the registry's github-actions format:
//   # path: /repo/.github/workflows/nightly.yml   a workflow path (the format claims only those)
// Blocks of certbot rules are renewal files or cli.ini, linted with lintCertbotFile on the in-memory host:
//   # path: /etc/letsencrypt/renewal/example.com.conf   host path: renewal file or cli.ini, and the lineage name
//   # host-file: /etc/nginx/nginx.conf                  an (empty) file that exists on the host; may be repeated
//   # host-exec: /etc/letsencrypt/renewal-hooks/pre/stop-nginx
//                                 an executable script (mode 0755) on the host; may be repeated
//   # host-line: /etc/letsencrypt/cli.ini pre-hook = systemctl stop apache2
//                                 a line of a host file (the rest of the comment after the path); repeated lines
//                                 of one file are kept in order
// The repository install rules (crontab/installed-both-ways, install-target-mismatch, cron-d-mode, and the
// busybox rules, which need an Alpine image) have
// repositories as examples: every block of the section starts with `# file: <repository path>`, the blocks of
// one section form one repository, and it is linted with lintRepository. Their "Problematic" section must
// trigger the rule and their "Correct" section must not.
// Not linted (see NOT_LINTED for why, rule by rule): file/unreadable, crontab/file-permissions,
// crontab/missing-final-newline, certbot/secret-permissions, certbot/hook-not-executable, the certificate rules
// (certbot/missing-file, cert-expiring, key-mismatch, chain-mismatch, san-removed) and
// schedule/timer-overlaps-cron. Their pages are still checked for title, meta line and both sections.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { certbotFileKind, lintCertbotFile } from '../../server/src/engine/certbot/lint-certbot';
import { lintKubernetes } from '../../server/src/engine/kubernetes/lint-kubernetes';
import { kubernetesRules } from '../../server/src/engine/rules/kubernetes';
import { HostFacts } from '../../server/src/engine/host/facts';
import { MemoryHost, type MemoryFile } from '../../server/src/engine/host/memory-host';
import { translate, isMessageKey } from '../../server/src/engine/i18n/catalog';
import { lintRepository } from '../../server/src/engine/install/repository';
import { lintCrontab } from '../../server/src/engine/lint';
import { ALL_RULE_IDS, crontabRules, FILE_RULE_FIXES, FILE_RULE_IDS, FILE_RULE_SEVERITIES, SAFE_FIX_RULE_IDS } from '../../server/src/engine/rules';
import { certbotRules } from '../../server/src/engine/rules/certbot';
import { certbotHostRules } from '../../server/src/engine/rules/certbot/config-rules';
import { hostRules } from '../../server/src/engine/rules/schedule';
import { unitRules } from '../../server/src/engine/rules/systemd';
import { certificateFileRules, certificateRules, webServerRules } from '../../server/src/engine/rules/certificate';
import { githubActionsRules } from '../../server/src/engine/rules/github-actions';
import { FORMATS } from '../../server/src/engine/formats/registry';
import { isUnitFilePath, lintUnit } from '../../server/src/engine/systemd/lint-unit';
import type { CronDialect, Finding, Locale } from '../../server/src/engine/types';
import { fixtureHost } from '../support/fixture-host';
import { repoPath } from '../support/paths';

const NOT_LINTED = new Map<string, string>([
  ['file/unreadable', 'about reading a file, not its content; the examples are shell sessions'],
  ['file/too-large', 'about the size of a file or folder, not its content; the examples are shell sessions'],
  // About the bytes of a file (binary, not UTF-8, a BOM), which a markdown code block cannot carry; tested in
  // test/engine/bad-input.test.ts.
  ['file/not-text', 'binary content, which markdown cannot carry; the examples are shell sessions'],
  ['file/not-utf8', 'bytes that are not UTF-8, which markdown cannot carry; the examples are shell sessions'],
  ['file/byte-order-mark', 'an invisible byte-order mark; the examples are shell sessions'],
  ['internal/rule-error', 'a bug in schedlint, made in test/engine/bad-input.test.ts by adding a rule that throws'],
  ['crontab/file-permissions', 'owner and mode of a file on the live host, which a text cannot carry'],
  ['crontab/missing-final-newline', 'markdown cannot show a file without a final newline'],
  ['certbot/secret-permissions', 'modes of the key and credential files, checked only on the live host; the examples are `ls -l` sessions'],
  ['certbot/hook-not-executable', 'the mode of a hook script, reported by a scan of the live host; the examples are `ls -l` sessions'],
  // The certificate rules judge the PEM files and links the renewal file points at (live/ links into archive/,
  // the certificates' dates, names, keys and issuers). Their blocks are the renewal file with a comment saying
  // what the files hold, which a text block cannot carry; they are tested on lineages made with openssl in
  // test/engine/certbot-certificates.test.ts.
  ['certbot/missing-file', 'links and PEM files of the lineage on the host (see above)'],
  ['certbot/cert-expiring', 'the certificate file and its dates (see above)'],
  ['certbot/key-mismatch', 'the certificate and private key files (see above)'],
  ['certbot/chain-mismatch', 'the certificate and chain files (see above)'],
  ['certbot/san-removed', 'two versions of the certificate in the archive folder (see above)'],
  // The certificate rules judge PEM/DER files, which a text block cannot make with the right keys, signatures and
  // dates; the examples are `schedlint cert` sessions, and the rules are tested on certificates made with openssl
  // in test/engine/certificate-rules.test.ts and test/cli/cert.test.ts.
  ...['ca-certificate', 'no-certificate', 'key-mismatch', 'chain-mismatch', 'chain-order', 'chain-incomplete', 'san-removed', 'not-newer', 'expired', 'expiring', 'not-yet-valid'].map(
    (name): [string, string] => [`certificate/${name}`, 'certificate files made with openssl (see above)'],
  ),
  // Web server configurations and the certificate files they name (names, dates): tested on host trees with
  // certificates made by openssl in test/engine/certificate-web-servers.test.ts.
  ['certificate/missing-file', 'a web server configuration naming a file that is (not) on a host (see above)'],
  ['certificate/name-not-covered', 'a web server configuration and the certificate it serves (see above)'],
  ['certificate/stale-reference', 'several configurations and certificates of one host (see above)'],
  // Findings across a whole host (crontabs, timers, their enablement and programs), tested on fixture roots in
  // test/engine/schedule-overlaps.test.ts.
  ['schedule/timer-overlaps-cron', 'needs a whole host schedule, not one file'],
]);

/** Rules whose examples are repositories (`# file:` blocks forming one tree per section). */
const REPOSITORY_RULE_IDS = new Set(['crontab/installed-both-ways', 'crontab/install-target-mismatch', 'crontab/cron-d-mode', 'crontab/spool-mode', 'crontab/busybox-ignored-variable', 'crontab/busybox-hash-in-command']);
const UNIT_RULE_IDS = new Set(unitRules.map((rule) => rule.id));
const CERTBOT_RULE_IDS = new Set(certbotRules.map((rule) => rule.id));
const WORKFLOW_RULE_IDS = new Set(githubActionsRules.map((rule) => rule.id));

/** Directives each kind of block understands (see the header). */
const DIRECTIVES = {
  crontab: ['path', 'dialect', 'line-endings'],
  unit: ['path', 'host-file'],
  certbot: ['path', 'host-file', 'host-exec', 'host-line'],
  repository: ['file'],
  workflow: ['path'],
  kubernetes: [],
} as const;
type BlockKind = keyof typeof DIRECTIVES;
/** Anything that looks like one of our directives, known to some kind or not. */
const DIRECTIVE_LIKE = /^#\s*(path|file|dialect|line-endings|host-[a-z-]+):/gm;

/** "Now" for certbot blocks, so that no example depends on the day the test runs. */
const NOW = new Date('2025-03-20T00:00:00Z');

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

/** What is linted as one example: a block, or for repository rules the section's blocks together. */
interface Example {
  line: number;
  findings: Finding[];
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

function blockKind(ruleId: string): BlockKind {
  if (REPOSITORY_RULE_IDS.has(ruleId)) return 'repository';
  if (UNIT_RULE_IDS.has(ruleId)) return 'unit';
  if (CERTBOT_RULE_IDS.has(ruleId)) return 'certbot';
  if (WORKFLOW_RULE_IDS.has(ruleId)) return 'workflow';
  // Kubernetes blocks are manifests, linted with lintKubernetes; they need no directive.
  if (kubernetesRules.some((rule) => rule.id === ruleId)) return 'kubernetes';
  assert.ok(crontabRules.some((rule) => rule.id === ruleId), `${ruleId}: no linter for its examples; lint them here or say in NOT_LINTED why not`);
  return 'crontab';
}

function checkDirectives(kind: BlockKind, block: CodeBlock): void {
  const known: readonly string[] = DIRECTIVES[kind];
  for (const match of block.text.matchAll(DIRECTIVE_LIKE)) {
    assert.ok(known.includes(match[1]), `the block at line ${block.line} has \`# ${match[1]}:\`, which ${kind} examples do not understand (they know ${known.join(', ')})`);
  }
}

/** What a `# host-file:` unit holds: enough for systemd (and schedlint) to find and load it. */
const HOST_UNIT_BODY = '[Service]\nExecStart=/bin/true\n';

/** The in-memory host a certbot block describes with host-file, host-exec and host-line. */
function certbotHostFiles(block: CodeBlock): Record<string, string | MemoryFile> {
  const files: Record<string, string | MemoryFile> = {};
  for (const file of directives(block.text, 'host-file')) files[file] = '';
  for (const file of directives(block.text, 'host-exec')) files[file] = { text: '#!/bin/sh\n', mode: 0o755 };
  for (const match of block.text.matchAll(/^#\s*host-line:\s*(\S+)[ \t]+(.*\S)[ \t]*$/gm)) {
    const previous = files[match[1]];
    const text = typeof previous === 'string' ? previous : (previous?.text ?? '');
    files[match[1]] = `${text}${match[2]}\n`;
  }
  const malformed = [...block.text.matchAll(/^#\s*host-line:.*$/gm)].filter((line) => !/^#\s*host-line:\s*\S+[ \t]+\S/.test(line[0]));
  assert.deepEqual(malformed.map((line) => line[0]), [], `a \`# host-line:\` of the block at line ${block.line} needs a file and a line`);
  return files;
}

function lintBlock(ruleId: string, kind: BlockKind, block: CodeBlock, locale: Locale): Finding[] {
  checkDirectives(kind, block);
  if (kind === 'kubernetes') return lintKubernetes({ text: block.text, locale }).findings;
  const path = directive(block.text, 'path');
  assert.ok(path, `the code block at line ${block.line} needs a \`# path: …\` line`);
  if (kind === 'unit') {
    assert.ok(isUnitFilePath(path), `the \`# path:\` of the block at line ${block.line} is not a unit file or drop-in: ${path}`);
    const hostFiles = Object.fromEntries(directives(block.text, 'host-file').map((file) => [file, HOST_UNIT_BODY]));
    return lintUnit({ text: block.text, path, facts: new HostFacts(fixtureHost('debian', hostFiles)), locale }).findings;
  }
  if (kind === 'workflow') {
    // GitHub Actions workflows: linted through the registry's format, as the CLI and the server lint them.
    const format = FORMATS.find((candidate) => candidate.id === 'github-actions')!;
    assert.ok(format.claimPath(path), `the \`# path:\` of the block at line ${block.line} is not a workflow file: ${path}`);
    return format.lint({ text: block.text, path, facts: new HostFacts(fixtureHost('debian')), locale }).findings;
  }
  if (kind === 'certbot') {
    const host = fixtureHost('debian');
    for (const [file, value] of Object.entries(certbotHostFiles(block))) host.set(file, value);
    const facts = new HostFacts(host);
    assert.ok(certbotFileKind(path, host), `the \`# path:\` of the block at line ${block.line} is not a renewal file or cli.ini: ${path}`);
    return lintCertbotFile({ text: block.text, path, facts, locale, now: NOW }).findings;
  }
  const dialect = (directive(block.text, 'dialect') ?? 'debian') as CronDialect;
  assert.ok(dialect === 'debian' || dialect === 'cronie', `unknown dialect ${dialect} in the block at line ${block.line}`);
  const text = directive(block.text, 'line-endings') === 'crlf' ? block.text.replace(/\n/g, '\r\n') : block.text;
  return lintCrontab({ text, path, facts: new HostFacts(fixtureHost(dialect)), locale }).findings;
}

/** The section's blocks as one repository (each block is the file its `# file:` line names), linted as a whole. */
function lintRepositorySection(blocks: CodeBlock[], locale: Locale): Finding[] {
  const host = new MemoryHost();
  for (const block of blocks) {
    checkDirectives('repository', block);
    const file = directive(block.text, 'file');
    assert.ok(file, `the code block at line ${block.line} needs a \`# file: …\` line (the repository path it stands for)`);
    host.set(`/${file.replace(/^\/+/, '')}`, block.text);
  }
  return lintRepository('/', { facts: new HostFacts(host), locale }).reports.flatMap((report) => report.findings);
}

function examples(ruleId: string, blocks: CodeBlock[], locale: Locale): Example[] {
  const kind = blockKind(ruleId);
  if (kind === 'repository') return [{ line: blocks[0].line, findings: lintRepositorySection(blocks, locale) }];
  return blocks.map((block) => ({ line: block.line, findings: lintBlock(ruleId, kind, block, locale) }));
}

const ALL_RULES: readonly { id: string; meta: { defaultSeverity: string; fixable: boolean } }[] = [...crontabRules, ...unitRules, ...certbotRules, ...certbotHostRules, ...hostRules, ...certificateFileRules, ...certificateRules, ...webServerRules, ...githubActionsRules, ...kubernetesRules];

function expectedMeta(ruleId: string): { severity: string; fixable: boolean } {
  const rule = ALL_RULES.find((candidate) => candidate.id === ruleId);
  if (rule) return { severity: rule.meta.defaultSeverity, fixable: rule.meta.fixable };
  // file/unreadable is reported by the CLI's scan (engine/scan.ts) as a warning, without a fix.
  assert.ok((FILE_RULE_IDS as readonly string[]).includes(ruleId), `${ruleId}: no rule object with meta in any family`);
  return { severity: FILE_RULE_SEVERITIES[ruleId as keyof typeof FILE_RULE_SEVERITIES], fixable: FILE_RULE_FIXES.has(ruleId) };
}

test('every rule id is known to this test: linted by a family linter, or not linted for a stated reason', () => {
  for (const ruleId of NOT_LINTED.keys()) assert.ok(ALL_RULE_IDS.includes(ruleId), `NOT_LINTED names ${ruleId}, which is no rule`);
  for (const ruleId of ALL_RULE_IDS) if (!NOT_LINTED.has(ruleId)) blockKind(ruleId);
});

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
      // A page with a quick fix says whether `schedlint --fix` applies it (RuleMeta.safeFix), and why, in its text.
      if (expected.fixable) {
        const cli = markdown.split('\n').find((line) => language.meta.test(line))?.match(/ · `--fix`[:：] ?(\S+)$/);
        assert.ok(cli, 'the quick fix line must end with ` · `--fix`: yes|no`');
        assert.equal(cli[1], SAFE_FIX_RULE_IDS.has(ruleId) ? language.fixable.yes : language.fixable.no, '--fix');
        assert.match(markdown, /^`schedlint --fix` /m, 'a sentence saying what --fix does with this fix');
      }

      const problematic = sectionBlocks(markdown, language.problematic);
      const correct = sectionBlocks(markdown, language.correct);
      assert.ok(problematic, `missing "## ${language.problematic}" section`);
      assert.ok(correct, `missing "## ${language.correct}" section`);
      assert.ok(problematic.length > 0, `no code block under "## ${language.problematic}"`);
      assert.ok(correct.length > 0, `no code block under "## ${language.correct}"`);
      if (NOT_LINTED.has(ruleId)) return;

      for (const example of examples(ruleId, problematic, language.locale)) {
        assert.ok(
          example.findings.some((finding) => finding.ruleId === ruleId),
          `the "${language.problematic}" example at line ${example.line} does not trigger ${ruleId}; found: ${example.findings.map((finding) => finding.ruleId).join(', ') || 'nothing'}`,
        );
      }
      for (const example of examples(ruleId, correct, language.locale)) {
        const findings = example.findings.filter((finding) => finding.ruleId === ruleId);
        assert.deepEqual(
          findings.map((finding) => `${finding.range.start.line + 1}: ${finding.message}`),
          [],
          `the "${language.correct}" example at line ${example.line} triggers ${ruleId}`,
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
