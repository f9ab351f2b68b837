// Every file of the real-world corpus goes through the crontab engine without a crash or a hang, whatever
// it is (scripts, units, renewal files too: bad input must give findings, never exceptions). The stock
// crontabs in it must stay quiet at warning and error (checked through the CLI in test/cli).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { HostFacts } from '../../server/src/engine/host/facts';
import { FsHost } from '../../server/src/engine/host/fs-host';
import { hoverAt } from '../../server/src/engine/hover';
import { lintCrontab } from '../../server/src/engine/lint';
import { CORPUS_ROOT } from '../support/paths';

function filesBelow(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesBelow(full);
    return entry.isFile() ? [full] : [];
  });
}

test('every corpus file lints (both formats, both dialects) and hovers without throwing', () => {
  const corpus = path.join(CORPUS_ROOT);
  assert.ok(fs.existsSync(corpus), `${corpus} is missing: test/corpus is part of the repository`);
  const files = filesBelow(corpus);
  assert.ok(files.length > 50, `corpus has ${files.length} files`);
  const facts = new HostFacts(new FsHost(path.join(corpus, 'debian-bookworm', 'root')));
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    for (const kind of ['crontab-system', 'crontab-user'] as const) {
      for (const dialect of ['debian', 'cronie'] as const) {
        const result = lintCrontab({ text, facts: new HostFacts(facts.host, dialect), explicitKind: { kind, reason: 'cli' }, locale: 'ja' });
        assert.ok(!result.findings.some((finding) => finding.ruleId === 'internal/rule-error'), `${file}: ${result.findings.map((f) => f.message).join('; ')}`);
        for (let line = 0; line < result.document.lines.length; line++) {
          hoverAt(result, { line, character: 0 }, { facts, locale: 'en', now: Date.UTC(2026, 10, 25) });
        }
      }
    }
  }
});
