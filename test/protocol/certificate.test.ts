// Certificate files through the language server (the registry's certificate format): seed 004's folder made by
// openssl at test time — the wrong intermediate beside example.crt as a diagnostic on its block, the hover with
// names and days left, the status lens with its "Compare with…" command, and `schedlint/compare` against the
// older certificate naming the dropped name.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TestPki, hasOpenssl } from '../support/certificates';
import { hoverText, withServer } from './harness';

const OPENSSL = hasOpenssl();
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
let pki: TestPki;
let folder: string;

before(() => {
  if (!OPENSSL) return;
  pki = new TestPki();
  const root = pki.root('Protocol Root');
  const real = pki.intermediate(root, 'Real CA');
  const other = pki.intermediate(root, 'Other CA');
  const current = pki.leaf(real, ['example.com', 'www.example.com'], { start: day(-1), end: day(120) });
  const older = pki.leaf(real, ['example.com', 'www.example.com', 'shop.example.com'], { start: day(-300), end: day(40) });
  folder = path.join(pki.dir, 'renewal');
  fs.mkdirSync(path.join(folder, 'old'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'example.crt'), current.certPem);
  fs.writeFileSync(path.join(folder, 'example.key'), current.keyPem);
  fs.writeFileSync(path.join(folder, 'intermediate.crt'), other.certPem);
  fs.writeFileSync(path.join(folder, 'old', 'example-old.crt'), older.certPem);
});

after(() => pki?.remove());

test('a certificate opened as pem: the wrong intermediate, hover, status lens, compare', OPENSSL ? {} : { skip: 'openssl is not installed (apt-get install openssl)' }, async () => {
  await withServer({}, async (server) => {
    const file = path.join(folder, 'example.crt');
    const uri = pathToFileURL(file).href;
    await server.open(uri, fs.readFileSync(file, 'utf8'), 'pem');
    const diagnostics = await server.waitForDiagnostics(uri, (items) => items.some((item) => item.code === 'certificate/chain-mismatch'));
    const chain = diagnostics.find((item) => item.code === 'certificate/chain-mismatch')!;
    assert.equal(chain.range.start.line, 0);
    assert.match(chain.message, /"CN=Other CA" in .*intermediate\.crt did not issue "CN=example\.com"/);
    assert.ok(!diagnostics.some((item) => item.code === 'certificate/key-mismatch'), 'example.key belongs to it');

    const hover = hoverText(await server.hover(uri, { line: 1, character: 0 }));
    assert.match(hover, /\*\*Names:\*\* example\.com, www\.example\.com/);
    assert.match(hover, /\((119|120) days left\)/);

    const lenses = (await server.request<{ command?: { title: string; command: string } }[]>('textDocument/codeLens', { textDocument: { uri } })) ?? [];
    assert.match(lenses[0]?.command?.title ?? '', /^example\.com · (119|120) days left/);
    assert.equal(lenses[1]?.command?.command, 'schedlint.compareCertificate');

    const compared = await server.request<{ title?: string; markdown?: string; unavailable?: string }>('schedlint/compare', { uri, other: pathToFileURL(path.join(folder, 'old', 'example-old.crt')).href });
    assert.match(compared?.markdown ?? JSON.stringify(compared), /\*\*Names dropped:\*\* shop\.example\.com/);
    const missing = await server.request<{ unavailable?: string }>('schedlint/compare', { uri, other: pathToFileURL(path.join(folder, 'nothing.crt')).href });
    assert.match(missing?.unavailable ?? '', /Can't read .*nothing\.crt/);
  });
});
