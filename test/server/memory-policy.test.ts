// The server's memory policy (server/src/memory-policy.ts), in fresh processes: V8's young generation held at
// its size and its optimizing compiler off until a large document is linted, then both as V8 would have them;
// a flag the user gave node left alone. V8 11 (Node 20, what the benchmark runs) reads both flags at run
// time; later V8 raise a growth factor below 2 to 2 and optimize with Maglev too, where the policy holds less
// and these tests are skipped.
import { strict as assert } from 'node:assert';
import { execFileSync, spawn } from 'node:child_process';
import { test } from 'node:test';
import { repoPath } from '../support/paths';

const POLICY = require.resolve('../../server/src/memory-policy');

function run(execArgv: string[], body: string): Record<string, number | boolean> {
  const child = `const policy = require(${JSON.stringify(POLICY)});\n${body}`;
  return JSON.parse(execFileSync(process.execPath, [...execArgv, '-e', child], { encoding: 'utf8' }));
}

// Batches of small objects of which the last four stay alive: enough survivors for V8 to grow its new space.
const YOUNG = `
const v8 = require('node:v8');
const newSpace = () => v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size;
const churn = () => { const kept = []; for (let round = 0; round < 80; round++) { const batch = []; for (let index = 0; index < 20000; index++) batch.push({ index, text: 'x' + index }); kept.push(batch); if (kept.length > 4) kept.shift(); } return kept.length; };
const initial = newSpace();
policy.holdMemory(); churn(); const held = newSpace();
policy.beforeLint(policy.LARGE_DOCUMENT - 1); churn(); const small = newSpace();
policy.beforeLint(policy.LARGE_DOCUMENT); churn(); const large = newSpace();
process.stdout.write(JSON.stringify({ initial, held, small, large }));
`;

// A hot function, and whether TurboFan has compiled it (%GetOptimizationStatus: bit 4, "optimized").
const OPTIMIZER = `
function hot(count) { let sum = 0; for (let index = 0; index < count; index++) sum += index % 7; return sum; }
const optimized = () => (%GetOptimizationStatus(hot) & 16) !== 0;
const warm = async () => { for (let round = 0; round < 40 && !optimized(); round++) { for (let call = 0; call < 5000; call++) hot(50); await new Promise((resolve) => setTimeout(resolve, 5)); } return optimized(); };
(async () => {
  policy.holdMemory();
  const held = await warm();
  policy.beforeLint(policy.LARGE_DOCUMENT - 1);
  const small = await warm();
  policy.beforeLint(policy.LARGE_DOCUMENT);
  const large = await warm();
  process.stdout.write(JSON.stringify({ held, small, large }));
})();
`;

const SKIP = process.versions.v8.startsWith('11.') ? false : `V8 ${process.versions.v8} holds less of this (growth factor at least 2, Maglev)`;

test('the young generation keeps its size through small lints and grows once a large document is linted', { skip: SKIP }, () => {
  const sizes = run([], YOUNG);
  const unheld = run(['--semi-space-growth-factor=2'], YOUNG);
  // V8 may still settle its first semi-space once (1 to 2 MB on Node 20); after that nothing grows while held.
  // (It may shrink when little survives a scavenge: held means it does not grow.)
  assert.ok(Number(sizes.small) <= Number(sizes.held), `a document under LARGE_DOCUMENT: ${JSON.stringify(sizes)}`);
  assert.ok(Number(unheld.held) > 4 * Number(sizes.held), `held, it stays well below what the same work grows it to: ${JSON.stringify({ sizes, unheld })}`);
  assert.ok(Number(sizes.large) > 4 * Number(sizes.held), `a large document lets it grow: ${JSON.stringify(sizes)}`);
});

test('nothing is optimized until a large document is linted', { skip: SKIP }, () => {
  assert.deepEqual(run(['--allow-natives-syntax'], OPTIMIZER), { held: false, small: false, large: true });
});

test('flags given to node are the user\'s: the policy leaves them alone', { skip: SKIP }, () => {
  for (const flag of ['--semi-space-growth-factor=2', '--semi_space_growth_factor=2']) {
    const sizes = run([flag], YOUNG);
    assert.ok(Number(sizes.held) > 4 * Number(sizes.initial), `${flag}: ${JSON.stringify(sizes)}`);
  }
  assert.deepEqual(run(['--allow-natives-syntax', '--turbofan'], OPTIMIZER), { held: true, small: true, large: true });
});

test('the bundled server holds from its first line: nothing is optimized while it starts', { skip: SKIP, timeout: 20_000 }, async () => {
  // Without the hold at import time, node's start-up and the bundle's modules make TurboFan compile a few
  // small functions before startServer() runs. One request; the answer shows it ran, then it is stopped.
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  const child = spawn(process.execPath, ['--trace-opt', repoPath('dist', 'server', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"serverInfo"')) resolve();
    });
    child.once('exit', () => reject(new Error(`the server exited: ${output}`)));
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
  child.kill();
  assert.doesNotMatch(output, /completed compiling/, output.split('\n').filter((line) => line.includes('compiling')).join('\n'));
});
