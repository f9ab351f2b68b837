// `schedlint` on Kubernetes CronJob manifests: a file named on the command line, a repository scanned (the
// manifest found among other YAML, read for install steps too), JSON and SARIF, `--rule` turning one off, and
// the real manifests of test/corpus/kubernetes quiet.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { repoPath } from '../support/paths';
import { runSchedlint } from '../support/run-cli';

const FIXTURE = repoPath('test', 'fixtures', 'kubernetes', 'unknown-time-zone', 'rejected.yaml');

test('schedlint FILE: the findings on the zone line, exit 1 on errors', () => {
  const run = runSchedlint([FIXTURE]);
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stdout, /rejected\.yaml:8:13: error: `JST` is not a zone of the tz database.*\[kubernetes\/unknown-time-zone\]$/m);
  assert.equal(runSchedlint(['--rule', 'kubernetes/unknown-time-zone=off', FIXTURE]).code, 0);
});

test('schedlint DIR: a CronJob manifest among other YAML, in JSON and SARIF', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-k8s-'));
  try {
    fs.mkdirSync(path.join(root, 'deploy'));
    fs.writeFileSync(path.join(root, 'deploy', 'jobs.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: renew\nspec:\n  schedule: "* */12 * * *"\n  timeZone: Asia/Tokyo\n');
    fs.writeFileSync(path.join(root, 'deploy', 'web.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n');
    const json = runSchedlint(['--format', 'json', root]);
    assert.equal(json.code, 0, json.stderr);
    const files = (JSON.parse(json.stdout) as { files: { path: string; kind: string; diagnostics: { rule: string; severity: string; line: number }[] }[] }).files;
    const jobs = files.find((file) => file.path.endsWith('deploy/jobs.yaml'));
    assert.equal(jobs?.kind, 'kubernetes-cronjob');
    assert.deepEqual(jobs?.diagnostics.map((item) => `${item.line} ${item.rule} ${item.severity}`), ['13 kubernetes/wildcard-minute warning']);
    assert.ok(!files.some((file) => file.path.endsWith('web.yaml') && file.diagnostics.length > 0));
    const sarif = JSON.parse(runSchedlint(['--format', 'sarif', root]).stdout) as { runs: { results: { ruleId: string }[]; tool: { driver: { rules: { id: string }[] } } }[] };
    assert.deepEqual(sarif.runs[0].results.map((result) => result.ruleId), ['kubernetes/wildcard-minute']);
    assert.ok(sarif.runs[0].tool.driver.rules.some((rule) => rule.id === 'kubernetes/invalid-schedule'), 'the rules are in the SARIF driver');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('schedlint test/corpus/kubernetes: real manifests, no warning or error', () => {
  const run = runSchedlint([repoPath('test', 'corpus', 'kubernetes')]);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /0 errors, 0 warnings/);
});
