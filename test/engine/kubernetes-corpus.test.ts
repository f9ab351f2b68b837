// Real CronJob manifests (test/corpus/kubernetes/, SOURCES.tsv says where each came from) go through the
// Kubernetes format without an error or a warning: they are applied as they are. Each one that is no Helm
// template has its schedule read (so a reader that silently found no CronJob could not pass).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { decideFormat } from '../../server/src/engine/file-format';
import { HostFacts } from '../../server/src/engine/host/facts';
import { MemoryHost } from '../../server/src/engine/host/memory-host';
import { lintKubernetes } from '../../server/src/engine/kubernetes/lint-kubernetes';
import { parseCronJobSchedule } from '../../server/src/engine/kubernetes/schedule';
import { describeFinding } from '../support/fixtures';
import { CORPUS_ROOT } from '../support/paths';

const FOLDER = path.join(CORPUS_ROOT, 'kubernetes');

test('real CronJob manifests: read, claimed, and no error or warning', () => {
  const sources = fs.readFileSync(path.join(FOLDER, 'SOURCES.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'));
  const files = fs.readdirSync(FOLDER).filter((name) => name.endsWith('.yaml')).sort();
  assert.deepEqual(sources.map((row) => row[0]).sort(), files, 'every file has its source line, and every line its file');
  assert.ok(files.length >= 5, `${files.length} manifests`);
  for (const name of files) {
    const text = fs.readFileSync(path.join(FOLDER, name), 'utf8');
    assert.equal(decideFormat({ path: `/repo/${name}`, text, facts: new HostFacts(new MemoryHost()) }).format, 'kubernetes-cronjob', name);
    const result = lintKubernetes({ text, locale: 'en' });
    assert.deepEqual(result.findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning').map(describeFinding), [], name);
    if (text.includes('{{')) continue;
    assert.equal(result.cronJobs.length, 1, `${name}: one CronJob read`);
    const schedule = result.cronJobs[0].schedule?.value;
    assert.ok(typeof schedule === 'string' && parseCronJobSchedule(schedule).ok, `${name}: schedule ${String(schedule)}`);
  }
});
