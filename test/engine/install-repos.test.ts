// Repository trees under test/fixtures/repos/: each one's expected.json lists every finding of severity
// warning or error that linting the tree as a repository must give (none more). Also: the fixes that edit a
// Dockerfile, hovers that say how a file is installed, and the corpus staying clean when read as repositories.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { HostFacts } from '../../server/src/engine/host/facts';
import { FsHost } from '../../server/src/engine/host/fs-host';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import { hoverAt } from '../../server/src/engine/hover';
import { lintRepository } from '../../server/src/engine/install/repository';
import { applyEdits } from '../support/apply-edits';
import { repoPath, CORPUS_ROOT } from '../support/paths';

interface Expected {
  path: string;
  line: number;
  rule: string;
  severity: string;
}

const REPOS = repoPath('test', 'fixtures', 'repos');
const repositories = fs.readdirSync(REPOS).filter((name) => fs.existsSync(path.join(REPOS, name, 'expected.json')));

/** The tree as its own root (`/Dockerfile`), so the machine's users and programs play no part. */
function lint(name: string, locale: 'en' | 'ja' = 'en') {
  const host = new FsHost(path.join(REPOS, name));
  return lintRepository('/', { facts: new HostFacts(host), locale });
}

test('there are fixture repositories for every recipe the issue names', () => {
  for (const name of ['copy-and-crontab', 'cron-d-only', 'crontab-with-root', 'alpine', 'compose', 'ansible-cron-file', 'ansible-copy', 'kubernetes', 'supercronic']) {
    assert.ok(repositories.includes(name), name);
  }
});

for (const name of repositories) {
  test(`repository ${name}: exactly the expected findings`, () => {
    const expected: Expected[] = JSON.parse(fs.readFileSync(path.join(REPOS, name, 'expected.json'), 'utf8'));
    const { reports } = lint(name);
    const actual = reports.flatMap((report) =>
      report.findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning').map((finding) => `${report.path.slice(1)}:${finding.range.start.line + 1} ${finding.ruleId} ${finding.severity}`),
    );
    assert.deepEqual(actual.sort(), expected.map((item) => `${item.path}:${item.line} ${item.rule} ${item.severity}`).sort());
    // Every install-based finding says where the format came from, at the install line (another file, or
    // for a ConfigMap another line of the same manifest, or for an echo its command, which starts before the quotes).
    for (const report of reports) {
      for (const finding of report.findings.filter((candidate) => /install|cron-d-mode|spool-mode/.test(candidate.ruleId))) {
        assert.ok(finding.related?.some((related) => related.path !== undefined && (related.path !== report.path || related.range.start.line !== finding.range.start.line || related.range.start.character < finding.range.start.character)), `${finding.ruleId} on ${report.path} has related install lines`);
      }
    }
    // Japanese runs the same rules with the same positions.
    const ja = lint(name, 'ja').reports.flatMap((report) => report.findings.map((finding) => `${report.path}:${finding.range.start.line}:${finding.ruleId}`));
    assert.deepEqual(ja, reports.flatMap((report) => report.findings.map((finding) => `${report.path}:${finding.range.start.line}:${finding.ruleId}`)));
  });
}

test('copy-and-crontab: the preferred fix removes the copy into /etc/cron.d; the other removes just the crontab command', () => {
  const { reports } = lint('copy-and-crontab');
  const dockerfile = fs.readFileSync(path.join(REPOS, 'copy-and-crontab', 'Dockerfile'), 'utf8');
  const crontab = reports.find((report) => report.path === '/docker/hello-cron')!;
  const finding = crontab.findings.find((candidate) => candidate.ruleId === 'crontab/installed-both-ways')!;
  const preferred = finding.fixes!.find((fix) => fix.isPreferred)!;
  assert.equal(preferred.otherFiles?.[0].path, '/Dockerfile');
  const withoutCopy = applyEdits(dockerfile, preferred.otherFiles![0].edits);
  assert.ok(!withoutCopy.includes('COPY docker/hello-cron'));
  assert.ok(withoutCopy.includes('RUN crontab /etc/cron.d/hello-cron'));
  const other = finding.fixes!.find((fix) => !fix.isPreferred)!;
  const withoutCrontab = applyEdits(dockerfile, other.otherFiles![0].edits);
  assert.ok(withoutCrontab.includes('COPY docker/hello-cron /etc/cron.d/hello-cron'));
  assert.ok(!withoutCrontab.includes('RUN crontab'));
  // On the Dockerfile itself: one finding per install line, each fixing its own line.
  const installer = reports.find((report) => report.path === '/Dockerfile')!;
  assert.equal(installer.kind, 'installer');
  assert.deepEqual(installer.findings.map((item) => item.range.start.line + 1), [5, 11]);
  assert.ok(installer.findings.every((item) => item.fixes?.[0].edits.length === 1));
});

test('a crontab command inside a RUN chain is removed alone, continuation lines included', () => {
  const root = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'schedlint-chain-'));
  fs.writeFileSync(path.join(root, 'Dockerfile'), 'FROM debian:12\nCOPY jobs /etc/cron.d/jobs\nRUN chmod 0644 /etc/cron.d/jobs \\\n && crontab /etc/cron.d/jobs \\\n && touch /var/log/cron.log\n');
  fs.writeFileSync(path.join(root, 'jobs'), '* * * * * root date\n');
  const { reports } = lintRepository('/', { facts: new HostFacts(new FsHost(root)), locale: 'en' });
  const finding = reports.find((report) => report.path === '/jobs')!.findings.find((item) => item.ruleId === 'crontab/installed-both-ways')!;
  // The file has a user column: removing `crontab` (keeping /etc/cron.d) is preferred.
  const preferred = finding.fixes!.find((fix) => fix.isPreferred)!;
  const text = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
  assert.equal(applyEdits(text, preferred.otherFiles![0].edits), 'FROM debian:12\nCOPY jobs /etc/cron.d/jobs\nRUN chmod 0644 /etc/cron.d/jobs \\\n && touch /var/log/cron.log\n');
  assert.match(finding.message, /runs `root` as a command/);
});

test('the user-field rules stay quiet where an install decided the format (no double report)', () => {
  const { reports } = lint('crontab-with-root');
  const rules = reports.flatMap((report) => report.findings.map((finding) => finding.ruleId));
  assert.ok(rules.includes('crontab/install-target-mismatch'));
  assert.ok(!rules.includes('crontab/user-field-in-user-crontab'));
  const finding = reports[0].findings.find((item) => item.ruleId === 'crontab/install-target-mismatch')!;
  assert.equal(finding.fixes?.[0].edits[0].newText, '');
  assert.match(finding.related![0].message, /Dockerfile line 4 with `crontab` as root's crontab/);
});

test('hover on a repository crontab says how it is installed, where, in which format, for which cron', () => {
  const { reports } = lint('copy-and-crontab');
  const result = reports.find((report) => report.path === '/docker/hello-cron')!.result!;
  const hover = hoverAt(result, { line: 0, character: 0 }, { facts: new HostFacts(new FsHost(path.join(REPOS, 'copy-and-crontab'))), locale: 'en', now: Date.UTC(2024, 0, 1) });
  assert.ok(hover);
  assert.match(hover.markdown, /Installed by Dockerfile line 5 \(`COPY docker\/hello-cron \/etc\/cron.d\/hello-cron`\) as \/etc\/cron.d\/hello-cron: system crontab, read by Debian's cron\./);
  assert.match(hover.markdown, /Installed by Dockerfile line 11 .* as root's crontab: user crontab/);
  // The dialect came from the image, not from a setting (stranger report 13/6).
  assert.match(hover.markdown, /Read as user crontab by Debian's cron \(the cron of the image the repository installs it into\)/);
  const alpine = lint('alpine').reports[0].result!;
  assert.equal(alpine.kindReason, 'install');
  const alpineHover = hoverAt(alpine, { line: 0, character: 0 }, { facts: new HostFacts(new FsHost(path.join(REPOS, 'alpine'))), locale: 'ja', now: Date.UTC(2024, 0, 1) });
  assert.match(alpineHover!.markdown, /busybox の crond/);
  const alpineEnglish = hoverAt(alpine, { line: 0, character: 0 }, { facts: new HostFacts(new FsHost(path.join(REPOS, 'alpine'))), locale: 'en', now: Date.UTC(2024, 0, 1) });
  assert.match(alpineEnglish!.markdown, /Read as user crontab by Debian's cron \(standing in for busybox crond, the image's cron, which schedlint has no dialect of its own for\)/);
});

test('ConfigMap findings sit on the manifest lines of the block scalar, and fixes edit them there', () => {
  const { reports } = lint('kubernetes');
  const manifest = reports.find((report) => report.path === '/cron.yaml')!;
  const finding = manifest.findings.find((item) => item.ruleId === 'crontab/install-target-mismatch')!;
  const text = fs.readFileSync(path.join(REPOS, 'kubernetes', 'cron.yaml'), 'utf8');
  const line = text.split('\n')[finding.range.start.line];
  assert.equal(line.slice(finding.range.start.character, finding.range.end.character), '/opt/reports/daily.sh');
  const fixed = applyEdits(text, finding.fixes!.find((fix) => fix.isPreferred)!.edits);
  assert.match(fixed, /^ {4}0 6 \* \* 1-5 root \/opt\/reports\/daily\.sh$/m);
});

test('the corpus, read as repositories, stays clean at warning and error', () => {
  const corpus = path.join(CORPUS_ROOT);
  assert.ok(fs.existsSync(corpus), `${corpus} is missing: test/corpus is part of the repository`);
  const trees = [corpus, ...fs.readdirSync(corpus, { withFileTypes: true }).filter((entry) => entry.isDirectory()).flatMap((entry) => {
    const folder = path.join(corpus, entry.name);
    return fs.existsSync(path.join(folder, 'root')) ? [folder, path.join(folder, 'root')] : [folder];
  })];
  for (const tree of trees) {
    const { reports } = lintRepository('/', { facts: new HostFacts(new FsHost(tree)), locale: 'en' });
    const loud = reports.flatMap((report) => report.findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning').map((finding) => `${tree}${report.path}:${finding.range.start.line + 1} ${finding.ruleId}`));
    assert.deepEqual(loud, [], tree);
  }
});

// Stranger report 6: an Alpine image's crontab is read by busybox crond, which has no dialect of its own here;
// Debian's cron stands in for it, said as such, whatever the machine running schedlint is (here an RHEL
// os-release, whose cronie used to decide).
test("alpine: the image decides the stand-in dialect (Debian's cron for busybox crond), not the machine", () => {
  const host = new MemoryHost({
    '/etc/os-release': 'NAME="Rocky Linux"\nID="rocky"\nID_LIKE="rhel centos fedora"\n',
    '/repo/Dockerfile': 'FROM alpine:3.19\nCOPY hello-cron /etc/crontabs/root\nCMD ["crond", "-f"]\n',
    '/repo/hello-cron': '0 3 * * * /usr/local/bin/backup\n',
  });
  const report = lintRepository('/repo', { facts: new HostFacts(host), locale: 'en' }).reports.find((item) => item.path === '/repo/hello-cron')!;
  assert.deepEqual(report.assumed, { format: 'crontab-user', reason: 'install', weak: undefined, dialect: 'debian', dialectSource: 'install', distribution: undefined, cron: 'busybox' });
  // An image whose cron is a dialect of its own keeps it, with no stand-in named.
  host.set('/repo/Dockerfile', 'FROM debian:12\nCOPY hello-cron /etc/cron.d/hello\n');
  host.set('/repo/hello-cron', '0 3 * * * root /usr/local/bin/backup\n');
  const debian = lintRepository('/repo', { facts: new HostFacts(host), locale: 'en' }).reports.find((item) => item.path === '/repo/hello-cron')!;
  assert.equal(debian.assumed?.cron, undefined);
  assert.deepEqual([debian.assumed?.dialect, debian.assumed?.dialectSource], ['debian', 'install']);
});

// Review 8 item 3: which package installs the image's cron decides who reads /etc/crontabs/USER.
test('alpine: `apk add dcron` (also pinned, `dcron~=4.5`) makes dcron the reader; dcron-doc and cronie do not', () => {
  const readerOf = (run: string) => {
    const host = new MemoryHost({
      '/repo/Dockerfile': `FROM alpine:3.19\n${run}\nCOPY hello-cron /etc/crontabs/root\nCMD ["crond", "-f"]\n`,
      '/repo/hello-cron': '0 3 * * * /usr/local/bin/backup\n',
    });
    return lintRepository('/repo', { facts: new HostFacts(host), locale: 'en' }).reports.find((item) => item.path === '/repo/hello-cron')!.assumed;
  };
  assert.equal(readerOf('RUN apk add --no-cache dcron')?.cron, 'dcron');
  assert.equal(readerOf('RUN apk add --update --no-cache tzdata dcron~=4.5 curl')?.cron, 'dcron');
  assert.equal(readerOf('RUN apk add --no-cache dcron-doc')?.cron, 'busybox');
  assert.equal(readerOf('RUN apk add --no-cache curl')?.cron, 'busybox');
  // cronie has a dialect of its own: no stand-in, and busybox is not named.
  const cronie = readerOf('RUN apk add --no-cache cronie');
  assert.deepEqual([cronie?.dialect, cronie?.cron], ['cronie', undefined]);
});
