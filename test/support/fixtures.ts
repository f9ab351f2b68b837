// Annotated fixture files: a crontab whose comments say what schedlint must report on the line below them.
//   # fixture: path=/var/spool/cron/crontabs/root dialect=debian
//   # expect: crontab/user-field-in-user-crontab error
//   39 1,13 * * * root certbot renew
// `cron=busybox` in the header lints the file as a repository's crontab that busybox crond reads (an Alpine
// image's /etc/crontabs/root), with Debian's rules standing in, as the repository scan does.
// `# expect-file: <rule> [severity]` expects a finding about the whole file (reported on its first line).
// A line with no `expect` above it must produce no finding. `<name>.fixed` beside a fixture holds the text
// after applying every preferred fix ("fix all"), with the annotation lines kept.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoPath } from './paths';
import type { CronDialect, Finding } from '../../server/src/engine/types';
import type { InstallStep } from '../../server/src/engine/install/model';

export interface Expectation {
  line: number;
  ruleId: string;
  severity?: string;
  /** Text the finding's range must cover, when given as `covers=…`. */
  covers?: string;
}

export interface Fixture {
  file: string;
  text: string;
  path?: string;
  dialect: CronDialect;
  locale: 'en' | 'ja';
  expectations: Expectation[];
  fixed?: string;
  /** Extra files of the in-memory host (`host-file=/etc/systemd/system/x.service`), with a minimal body. */
  hostFiles: Record<string, string>;
  /** `cron=busybox`: the cron that reads it, for which the dialect only stands in. */
  cron?: 'busybox';
}

const FIXTURE_ROOT = repoPath('test', 'fixtures');

export function fixtureFiles(family: string): string[] {
  const folder = path.join(FIXTURE_ROOT, family);
  const files: string[] = [];
  const visit = (directory: string) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (!entry.name.endsWith('.fixed') && !entry.name.endsWith('.md')) files.push(full);
    }
  };
  visit(folder);
  return files.sort();
}

export function loadFixture(file: string): Fixture {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const fixture: Fixture = { file, text, dialect: 'debian', locale: 'en', expectations: [], hostFiles: {} };
  const pending: Omit<Expectation, 'line'>[] = [];
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    const header = line.match(/^# fixture:(.*)$/);
    if (header) {
      for (const [, key, value] of header[1].matchAll(/([\w-]+)=(\S+)/g)) {
        if (key === 'path') fixture.path = value;
        if (key === 'dialect') fixture.dialect = value as CronDialect;
        if (key === 'locale') fixture.locale = value as 'en' | 'ja';
        if (key === 'cron' && value === 'busybox') fixture.cron = value;
        if (key === 'host-file') fixture.hostFiles[value] = value.endsWith('.service') ? '[Service]\nExecStart=/bin/true\n' : '';
      }
      return;
    }
    const fileWide = line.match(/^# expect-file: (\S+)(?: (error|warning|info|hint))?$/);
    if (fileWide) {
      fixture.expectations.push({ line: 0, ruleId: fileWide[1], severity: fileWide[2] });
      return;
    }
    const expect = line.match(/^# expect: (\S+)(?: (error|warning|info|hint))?(?: covers=(.+))?$/);
    if (expect) {
      pending.push({ ruleId: expect[1], severity: expect[2], covers: expect[3] });
      return;
    }
    if (pending.length > 0) {
      fixture.expectations.push(...pending.map((item) => ({ ...item, line: index })));
      pending.length = 0;
    }
  });
  if (pending.length > 0) fixture.expectations.push(...pending.map((item) => ({ ...item, line: Math.max(0, lines.length - 1) })));
  const fixedFile = `${file}.fixed`;
  if (fs.existsSync(fixedFile)) fixture.fixed = fs.readFileSync(fixedFile, 'utf8');
  return fixture;
}

export { applyEdits } from './apply-edits';

export function describeFinding(finding: Finding): string {
  return `${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.ruleId} ${finding.severity} — ${finding.message}`;
}

/**
 * How the fixture's file is installed, for `cron=busybox`: an Alpine image's `COPY crontab /etc/crontabs/root`
 * as install/dockerfile.ts makes it (the format then lints it with Debian's rules standing in, as for a repository).
 */
export function fixtureInstalls(fixture: Fixture): InstallStep[] | undefined {
  if (fixture.cron !== 'busybox') return undefined;
  const source = fixture.path ?? '/repo/crontab';
  return [{ installer: '/repo/Dockerfile', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 31 } }, source, target: '/etc/crontabs/root', format: 'crontab-user', via: 'copy', cron: 'busybox', description: 'COPY crontab /etc/crontabs/root' }];
}

/**
 * The findings of a fixture's lint match its annotations: none without an `# expect:`, each expectation found on
 * its line with its severity and the characters it covers, every message a filled-in sentence. Every format's
 * fixture test calls it (crontab and systemd, GitHub Actions, Kubernetes).
 */
export function assertFixtureFindings(fixture: Fixture, findings: readonly Finding[]): void {
  const unexpected = findings.filter((finding) => !fixture.expectations.some((expectation) => expectation.line === finding.range.start.line && expectation.ruleId === finding.ruleId));
  assert.deepEqual(unexpected.map(describeFinding), [], 'findings without an `# expect:` annotation');
  const lines = fixture.text.split('\n');
  for (const expectation of fixture.expectations) {
    const found = findings.find((finding) => finding.range.start.line === expectation.line && finding.ruleId === expectation.ruleId);
    assert.ok(found, `expected ${expectation.ruleId} on line ${expectation.line + 1}; got:\n${findings.map(describeFinding).join('\n')}`);
    if (expectation.severity) assert.equal(found.severity, expectation.severity, `severity of ${expectation.ruleId} on line ${expectation.line + 1}`);
    if (expectation.covers) assert.equal(lines[expectation.line].slice(found.range.start.character, found.range.end.character), expectation.covers, `range of ${expectation.ruleId} on line ${expectation.line + 1}`);
    assert.ok(found.message.length > 20 && !found.message.includes('{'), `message is a filled-in sentence: ${found.message}`);
  }
}

