// A client that breaks the LSP framing (issue #18): the server must exit, non-zero with the reason on stderr,
// so that the client's restart logic takes over; before, it stayed alive and never answered again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { SERVER_PATH } from './harness';

/** Starts the bundled server, writes `bytes`, and resolves with its exit code and stderr (or times out). */
function exitAfter(bytes: string, timeoutMs = 10000): Promise<{ code: number | null; stderr: string; timedOut: boolean }> {
  assert.ok(fs.existsSync(SERVER_PATH), `${SERVER_PATH} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill();
      resolve({ code: null, stderr, timedOut: true });
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, timedOut: false });
    });
    // Keep stdin open: a closed stdin makes the server exit anyway, which would prove nothing.
    child.stdin.write(bytes);
  });
}

function message(body: object): string {
  const text = JSON.stringify(body);
  return `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`;
}

test('a message without Content-Length makes the server exit non-zero with the reason on stderr', async () => {
  const result = await exitAfter('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}');
  assert.equal(result.timedOut, false, 'the server stayed alive');
  assert.notEqual(result.code, 0);
  assert.match(result.stderr, /without Content-Length/);
});

test('a well-formed message then a Content-Length that is not a number: exit', async () => {
  const ping = message({ jsonrpc: '2.0', method: '$/setTrace', params: { value: 'off' } });
  const result = await exitAfter(`${ping}Content-Length: twelve\r\n\r\n{}`);
  assert.equal(result.timedOut, false, 'the server stayed alive');
  assert.notEqual(result.code, 0);
  assert.match(result.stderr, /not a number/);
});

test('well-formed messages split across writes keep the server running', async () => {
  // The guard must not misread a body as a header: a body containing "\r\n\r\n" and no header of its own.
  const body = message({ jsonrpc: '2.0', method: '$/setTrace', params: { value: 'off\r\n\r\nnot a header' } });
  const result = await exitAfter(body + body.slice(0, 7), 1500);
  assert.equal(result.timedOut, true, `the server exited: ${result.stderr}`);
});
