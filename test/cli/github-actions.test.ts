// GitHub Actions workflows through the CLI: a repository scan finds `.github/workflows/*.yml` (a folder whose name
// starts with a dot), and only there; text, JSON and SARIF report the findings; `--rule` sets their severity; a
// workflow given by name is linted as one.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { runSchedlint } from '../support/run-cli';

const WORKFLOW = "name: renew\non:\n  schedule:\n    - cron: '* */12 * * *'\n    - cron: '@daily'\njobs: {}\n";

function makeRepository(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-workflows-'));
  const files: Record<string, string> = {
    '.github/workflows/renew.yml': WORKFLOW,
    '.github/workflows/ci.yaml': 'on: push\njobs: {}\n',
    // Not read by GitHub: a subfolder of workflows, and YAML elsewhere.
    '.github/workflows/drafts/old.yml': WORKFLOW,
    'ci/renew.yml': WORKFLOW,
  };
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

test('a repository scan reports the schedules of .github/workflows/*.yml and nothing of other YAML', () => {
  const root = makeRepository();
  const run = runSchedlint([root]);
  assert.equal(run.code, 1, run.stderr);
  const lines = run.stdout.split('\n').filter((line) => /: (error|warning|info|hint): /.test(line));
  assert.deepEqual(
    lines.map((line) => line.replace(root, '').replace(/: [^[]*\[/, ' [')),
    ['/.github/workflows/renew.yml:4:14 [github-actions/wildcard-minute]', '/.github/workflows/renew.yml:5:14 [github-actions/invalid-schedule]'],
  );
});

test('JSON and SARIF carry the findings; --rule changes their severity', () => {
  const root = makeRepository();
  const json = JSON.parse(runSchedlint([root, '--format', 'json']).stdout) as { files: { path: string; kind: string; diagnostics: { rule: string; severity: string; line: number; column: number }[] }[] };
  const workflow = json.files.find((file) => file.path.endsWith('/.github/workflows/renew.yml'));
  assert.ok(workflow, JSON.stringify(json.files.map((file) => file.path)));
  assert.equal(workflow.kind, 'github-actions-workflow');
  assert.deepEqual(workflow.diagnostics.map((item) => [item.rule, item.severity, item.line, item.column]), [['github-actions/wildcard-minute', 'warning', 4, 14], ['github-actions/invalid-schedule', 'error', 5, 14]]);

  const sarif = JSON.parse(runSchedlint([root, '--format', 'sarif']).stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[]; tool: { driver: { rules: { id: string }[] } } }[] };
  const [sarifRun] = sarif.runs;
  // Relative to %SRCROOT% inside a git checkout, a file URI outside one (this temporary folder).
  assert.deepEqual(sarifRun.results.map((result) => [result.ruleId, result.locations[0].physicalLocation.artifactLocation.uri.replace(/^.*\/(\.github\/)/, '$1'), result.locations[0].physicalLocation.region.startLine]), [['github-actions/wildcard-minute', '.github/workflows/renew.yml', 4], ['github-actions/invalid-schedule', '.github/workflows/renew.yml', 5]]);
  for (const id of ['github-actions/invalid-schedule', 'github-actions/schedule-too-frequent', 'github-actions/wildcard-minute']) assert.ok(sarifRun.tool.driver.rules.some((rule) => rule.id === id), id);

  const quieter = runSchedlint([root, '--rule', 'github-actions/invalid-schedule=warning', '--rule', 'github-actions/wildcard-minute=off']);
  assert.equal(quieter.code, 0, quieter.stdout);
  assert.match(quieter.stdout, /renew\.yml:5:14: warning: .*\[github-actions\/invalid-schedule\]/);
  assert.doesNotMatch(quieter.stdout, /wildcard-minute/);
});

test('a workflow given by name is linted as one; in Japanese too', () => {
  const root = makeRepository();
  const run = runSchedlint([path.join(root, '.github/workflows/renew.yml')], { env: { LANG: 'ja_JP.UTF-8' } });
  assert.equal(run.code, 1);
  assert.match(run.stdout, /renew\.yml:5:14: error: GitHub は `@daily` に対応していません/);
});
