// action.yml: a composite action with the inputs the README's workflow uses, and its lint step's script run
// here with bash as the runner would run it (GITHUB_ACTION_PATH, GITHUB_OUTPUT, the inputs in env): it writes
// the SARIF report whatever the findings, sets its outputs, and fails only on errors unless told not to.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { repoPath } from '../support/paths';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
}
interface Action {
  runs: { using: string; steps: Step[] };
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
}

const action = parse(fs.readFileSync(repoPath('action.yml'), 'utf8')) as Action;

test('action.yml: composite, setup-node, the inputs of the README workflow, inputs passed through env', () => {
  assert.equal(action.runs.using, 'composite');
  assert.ok(action.runs.steps.some((step) => step.uses?.startsWith('actions/setup-node@')));
  assert.deepEqual(Object.keys(action.inputs).sort(), ['fail-on-error', 'format', 'min-severity', 'node-version', 'output', 'paths']);
  assert.equal(action.inputs.format.default, 'sarif');
  assert.deepEqual(Object.keys(action.outputs).sort(), ['exit-code', 'sarif-file']);
  // No `${{ inputs.… }}` inside a script: an input is data, never shell code.
  for (const step of action.runs.steps) if (step.run) assert.doesNotMatch(step.run, /\$\{\{/, `step ${step.id ?? step.run.slice(0, 20)}`);
  const readme = fs.readFileSync(repoPath('README.md'), 'utf8');
  assert.match(readme, /github\/codeql-action\/upload-sarif@v3/);
  assert.match(readme, /uses: schedlint\/schedlint@/);
});

const bash = spawnSync('bash', ['--version']).status === 0;

test("the lint step writes SARIF and its outputs; status 1 on errors unless fail-on-error is 'false'", { skip: bash ? false : 'no bash' }, () => {
  const lint = action.runs.steps.find((step) => step.id === 'lint')!;
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-action-'));
  fs.mkdirSync(path.join(workspace, 'deploy/cron.d'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'deploy/cron.d/renew'), '0 3 * * * certbot renew\n');
  fs.mkdirSync(path.join(workspace, 'clean/cron.d'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'clean/cron.d/renew'), '0 3 * * * root certbot renew\n');
  const run = (inputs: Record<string, string>) => {
    const outputFile = path.join(workspace, `github-output-${Math.random().toString(36).slice(2)}`);
    fs.writeFileSync(outputFile, '');
    const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_ACTION_PATH: repoPath(), GITHUB_OUTPUT: outputFile, PATH: `${path.dirname(process.execPath)}:${process.env.PATH}` };
    for (const [name, value] of Object.entries(lint.env ?? {})) {
      const input = value.match(/^\$\{\{ inputs\.([\w-]+) \}\}$/)?.[1];
      assert.ok(input, `${name} is an input`);
      env[name] = inputs[input] ?? action.inputs[input].default ?? '';
    }
    const result = spawnSync('bash', ['-e', '-c', lint.run!], { cwd: workspace, env, encoding: 'utf8', timeout: 60_000 });
    return { status: result.status, stderr: result.stderr, outputs: fs.readFileSync(outputFile, 'utf8') };
  };

  const failing = run({ paths: 'deploy\nclean' });
  assert.equal(failing.status, 1, failing.stderr);
  assert.equal(failing.outputs, 'sarif-file=schedlint.sarif\nexit-code=1\n');
  const sarif = JSON.parse(fs.readFileSync(path.join(workspace, 'schedlint.sarif'), 'utf8'));
  assert.equal(sarif.version, '2.1.0');
  assert.deepEqual(sarif.runs[0].results.map((result: { ruleId: string }) => result.ruleId), ['crontab/missing-user-field']);

  const tolerated = run({ paths: 'deploy', 'fail-on-error': 'false', output: 'report.json', format: 'json' });
  assert.equal(tolerated.status, 0, tolerated.stderr);
  assert.equal(tolerated.outputs, 'sarif-file=report.json\nexit-code=1\n');
  assert.equal(JSON.parse(fs.readFileSync(path.join(workspace, 'report.json'), 'utf8')).files.length, 1);

  // A usage error (2) fails the step whatever fail-on-error says.
  const broken = run({ paths: 'missing-folder', 'fail-on-error': 'false' });
  assert.equal(broken.status, 2);
  assert.equal(run({ paths: 'clean' }).status, 0);
});
