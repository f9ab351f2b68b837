// `--format sarif` for code scanning: valid against the SARIF 2.1.0 schema, placed in the repository with
// `%SRCROOT%`, with the properties GitHub's "SARIF support for code scanning" asks for, and fingerprints that
// stay the same across runs and when lines are inserted above a finding.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { repoPath } from '../support/paths';
import { runSchedlint } from '../support/run-cli';
import { validate } from '../support/json-schema';
import { lineHashes } from '../../server/src/cli/fingerprint';

const SCHEMA = JSON.parse(fs.readFileSync(repoPath('test', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8'));

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } }; logicalLocations?: { fullyQualifiedName: string }[] }[];
  relatedLocations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[];
  partialFingerprints: Record<string, string>;
  properties?: { hostPath?: string };
}

function sarifOf(args: string[], options: { cwd?: string; input?: string } = {}) {
  const run = runSchedlint([...args, '--format', 'sarif'], options);
  const sarif = JSON.parse(run.stdout);
  return { run, sarif, results: sarif.runs[0].results as SarifResult[] };
}

/** A throwaway repository (a `.git` folder is all the root search looks for) holding `files`. */
function makeRepository(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-sarif-'));
  fs.mkdirSync(path.join(root, '.git'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

/**
 * GitHub's requirements for an uploaded SARIF file that this output must meet (docs.github.com, "SARIF support
 * for code scanning": required properties, and the limits on rules, results and locations).
 */
function githubProblems(sarif: { runs: { tool: { driver: { name: string; rules: Record<string, unknown>[] } }; results: SarifResult[] }[] }): string[] {
  const problems: string[] = [];
  for (const run of sarif.runs) {
    if (!run.tool.driver.name) problems.push('tool.driver.name');
    if (run.results.length > 25_000) problems.push('more than 25,000 results');
    for (const rule of run.tool.driver.rules) {
      for (const key of ['id', 'shortDescription', 'fullDescription', 'helpUri', 'defaultConfiguration', 'properties']) if (!(key in rule)) problems.push(`rule ${String(rule.id)}: ${key}`);
      const tags = (rule.properties as { tags?: string[] }).tags ?? [];
      if (tags.length === 0 || tags.length > 20) problems.push(`rule ${String(rule.id)}: ${tags.length} tags`);
    }
    for (const result of run.results) {
      if (!result.ruleId || !result.message?.text) problems.push('result without ruleId or message.text');
      if (result.locations.length === 0 || result.locations.length > 1000) problems.push(`${result.ruleId}: ${result.locations.length} locations`);
      const location = result.locations[0]?.physicalLocation;
      if (!location?.artifactLocation?.uri || !(location.region?.startLine >= 1)) problems.push(`${result.ruleId}: no uri or startLine`);
      if (!result.partialFingerprints?.primaryLocationLineHash) problems.push(`${result.ruleId}: no primaryLocationLineHash`);
    }
  }
  return problems;
}

test('SARIF is valid against the 2.1.0 schema and meets GitHub\'s requirements (host tree, repository, standard input, related locations)', () => {
  const runs = [
    sarifOf(['--root', 'examples/host']),
    sarifOf(['--root', 'examples/certbot-host']),
    sarifOf(['examples']),
    sarifOf(['-', '--kind', 'crontab-user'], { input: '39 1,13 * * * root certbot renew\n' }),
  ];
  for (const { sarif, results } of runs) {
    assert.deepEqual(validate(SCHEMA, sarif), []);
    assert.deepEqual(githubProblems(sarif), []);
    assert.ok(results.length > 0);
  }
  assert.ok(runs[1].results.some((result) => result.relatedLocations.length > 0), 'the certbot host has related locations to check');
});

test('the schema check itself rejects what is wrong (so the test above can fail)', () => {
  const { sarif } = sarifOf(['--root', 'examples/host']);
  const broken = structuredClone(sarif);
  delete broken.version;
  broken.runs[0].results[0].level = 'loud';
  broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
  broken.runs[0].tool.driver.rules[0].unknownProperty = true;
  const errors = validate(SCHEMA, broken);
  assert.ok(errors.some((error) => /missing version/.test(error)), errors.join('\n'));
  assert.ok(errors.some((error) => /"loud" is not one of/.test(error)), errors.join('\n'));
  assert.ok(errors.some((error) => /0 < 1/.test(error)), errors.join('\n'));
  assert.ok(errors.some((error) => /unexpected property unknownProperty/.test(error)), errors.join('\n'));
  const unplaced = structuredClone(sarif);
  delete unplaced.runs[0].results[0].partialFingerprints;
  assert.equal(githubProblems(unplaced).length, 1);
});

test('artifact URIs are relative to the repository root with %SRCROOT%; rule metadata; invocations', () => {
  const repository = makeRepository({ 'deploy/cron.d/backup': '0 1 * * * /usr/local/bin/backup\n' });
  const { run, sarif, results } = sarifOf(['.'], { cwd: path.join(repository, 'deploy') });
  assert.equal(run.code, 1, run.stderr);
  const driverRun = sarif.runs[0];
  assert.deepEqual(driverRun.originalUriBaseIds['%SRCROOT%'].uri, `file://${repository}/`);
  assert.deepEqual(results[0].locations[0].physicalLocation.artifactLocation, { uri: 'deploy/cron.d/backup', uriBaseId: '%SRCROOT%' });
  assert.equal(results[0].ruleId, 'crontab/missing-user-field');
  assert.equal(results[0].properties, undefined, 'no host path without --root');
  assert.deepEqual(driverRun.invocations, [{ executionSuccessful: true, exitCode: 1, workingDirectory: { uri: `file://${repository}/deploy/` } }]);

  const rule = driverRun.tool.driver.rules[results[0].ruleIndex];
  assert.equal(rule.id, 'crontab/missing-user-field');
  assert.equal(rule.defaultConfiguration.level, 'error');
  assert.match(rule.helpUri, /docs\/rules\/crontab\/missing-user-field\.md$/);
  assert.ok(rule.fullDescription.text.length > rule.shortDescription.text.length, 'the full description is the page\'s first paragraph');
  assert.deepEqual(rule.properties.tags, ['crontab', 'fixable']);

  const missing = sarifOf(['deploy', 'no-such-file'], { cwd: repository });
  assert.equal(missing.run.code, 2);
  assert.deepEqual(missing.sarif.runs[0].invocations[0].executionSuccessful, false);
  assert.deepEqual(missing.sarif.runs[0].invocations[0].exitCode, 2);
});

test('--root inside the repository: the repository path as the artifact, the host path kept', () => {
  const { results } = sarifOf(['--root', 'examples/host']);
  const seed = results.find((result) => result.ruleId === 'crontab/user-field-in-user-crontab');
  assert.ok(seed);
  assert.deepEqual(seed.locations[0].physicalLocation.artifactLocation, { uri: 'examples/host/var/spool/cron/crontabs/root', uriBaseId: '%SRCROOT%' });
  assert.equal(seed.properties?.hostPath, '/var/spool/cron/crontabs/root');
  assert.equal(seed.locations[0].logicalLocations?.[0].fullyQualifiedName, '/var/spool/cron/crontabs/root');
});

test('--root outside the repository: an absolute file URI of the file read, the host path kept', () => {
  const tree = makeRepository({ 'etc/os-release': 'ID=debian\n', 'var/spool/cron/crontabs/root': '39 1,13 * * * root certbot renew\n' });
  fs.rmSync(path.join(tree, '.git'), { recursive: true });
  const elsewhere = makeRepository({});
  const { results } = sarifOf(['--root', tree], { cwd: elsewhere });
  assert.deepEqual(results[0].locations[0].physicalLocation.artifactLocation, { uri: `file://${tree}/var/spool/cron/crontabs/root` });
  assert.equal(results[0].properties?.hostPath, '/var/spool/cron/crontabs/root');
});

test('fingerprints: the same on a second run and after lines are inserted above; repeated lines told apart', () => {
  const job = '0 1 * * * /usr/local/bin/backup\n';
  const repository = makeRepository({ 'cron.d/backup': `MAILTO=""\n${job}${job}` });
  const fingerprints = () => sarifOf(['cron.d/backup'], { cwd: repository }).results.map((result) => ({ line: result.locations[0].physicalLocation.region.startLine, primaryLocationLineHash: result.partialFingerprints.primaryLocationLineHash, schedlint: result.partialFingerprints['schedlint/v1'] }));
  const first = fingerprints();
  assert.equal(first.length, 2);
  assert.deepEqual(fingerprints(), first, 'a second run gives the same fingerprints');
  assert.notEqual(first[0].primaryLocationLineHash, first[1].primaryLocationLineHash, 'two identical lines are told apart');
  assert.notEqual(first[0].schedlint, first[1].schedlint);
  assert.match(first[0].schedlint, /:1$/);
  assert.match(first[1].schedlint, /:2$/);

  fs.writeFileSync(path.join(repository, 'cron.d/backup'), `# nightly backups\n# owner: ops\nMAILTO=""\n${job}${job}`);
  const moved = fingerprints();
  assert.deepEqual(
    moved.map((result) => result.line),
    first.map((result) => result.line + 2),
  );
  assert.deepEqual(
    moved.map(({ line: _line, ...rest }) => rest),
    first.map(({ line: _line, ...rest }) => rest),
    'inserted lines above do not change a fingerprint',
  );
});

/**
 * GitHub's line hash computed the way its upload computes it, one character at a time through a 100-character
 * rolling window in signed 64-bit arithmetic (github/codeql-action src/fingerprints.ts), to check the
 * shortcut in fingerprint.ts (each line's window summed directly).
 */
function rollingLineHashes(text: string): Map<number, string> {
  const size = 100;
  const window = new Array<number>(size).fill(0);
  const lineNumbers = new Array<number>(size).fill(-1);
  const long = (value: bigint) => BigInt.asIntN(64, value);
  let firstMod = 1n;
  for (let i = 0; i < size; i++) firstMod = long(firstMod * 37n);
  let hash = 0n;
  let index = 0;
  let lineNumber = 0;
  let lineStart = true;
  let previousCr = false;
  const counts = new Map<string, number>();
  const output = new Map<number, string>();
  const emit = () => {
    const hex = BigInt.asUintN(64, hash).toString(16);
    counts.set(hex, (counts.get(hex) ?? 0) + 1);
    output.set(lineNumbers[index], `${hex}:${counts.get(hex)}`);
    lineNumbers[index] = -1;
  };
  const update = (current: number) => {
    const begin = window[index];
    window[index] = current;
    hash = long(37n * hash + BigInt(current) - firstMod * BigInt(begin));
    index = (index + 1) % size;
  };
  const process = (code: number) => {
    if (code === 32 || code === 9 || (previousCr && code === 10)) {
      previousCr = false;
      return;
    }
    if (code === 13) {
      code = 10;
      previousCr = true;
    } else previousCr = false;
    if (lineNumbers[index] !== -1) emit();
    if (lineStart) {
      lineStart = false;
      lineNumbers[index] = ++lineNumber;
    }
    if (code === 10) lineStart = true;
    update(code);
  };
  for (let i = 0; i < text.length; i++) process(text.charCodeAt(i));
  process(65535);
  for (let i = 0; i < size; i++) {
    if (lineNumbers[index] !== -1) emit();
    update(0);
  }
  return output;
}

test('primaryLocationLineHash is GitHub\'s own line hash (checked against its rolling computation)', () => {
  const texts = [
    '0 1 * * * root job\n',
    'MAILTO=""\n0 1 * * * /usr/bin/backup\n0 1 * * * /usr/bin/backup\n',
    'no final newline',
    'crlf\r\nlines\r\n\r\n  indented\tand tabbed \r\nlone\rcarriage\n',
    '',
    '\n\n\n',
    `${'x'.repeat(250)}\nshort\n${'0 1 * * * '.repeat(30)}\nend`,
    '日本語のコメント # ✓\n0 1 * * * echo ok\n',
  ];
  for (const text of texts) {
    const expected = rollingLineHashes(text);
    const actual = lineHashes(text);
    for (const [line, hash] of expected) assert.equal(actual[line - 1], hash, `${JSON.stringify(text)} line ${line}`);
    assert.equal(actual.length, expected.size, JSON.stringify(text));
  }
});
