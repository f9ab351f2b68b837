// Generative test: files built from small grammars (test/support/fuzz-grammars.ts) and then broken (byte flips,
// truncation, BOM/NBSP/CR/NUL, lines and fields up to megabytes), for every format schedlint reads. For each
// case: no exception, no internal-error finding, every range inside the document as an editor counts lines,
// and every fix, "disable" and "fix all" applied with TextDocument.applyEdits removes its finding without a
// new error. A second test checks that linting stays linear: n vs 8n sized inputs, with a generous factor.
//
// Seeded and of a fixed size by default (2,500 crontab cases and the others by share, about 6 s), so every
// run sees the same cases: a time bound made CI's cases depend on the machine's load. By hand, for a long run:
//   SCHEDLINT_FUZZ_CASES=100000 node scripts/run-tests.mjs engine/fuzz      (crontab cases; others a tenth, PEM a twentieth)
//   SCHEDLINT_FUZZ_SEED=123 …                                                 (another sequence; failures print their seed)
//   SCHEDLINT_FUZZ_FAMILIES=unit,pem …                                        (only these families; progress on stderr)
//   SCHEDLINT_FUZZ_MAX_BYTES=20000 …                                          (smaller blow-ups: more cases per hour)
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintCertbotFile } from '../../server/src/engine/certbot/lint-certbot';
import { HostFacts } from '../../server/src/engine/host/facts';
import { lintRepository } from '../../server/src/engine/install/repository';
import { lintCrontab } from '../../server/src/engine/lint';
import { lintUnit } from '../../server/src/engine/systemd/lint-unit';
import type { CronDialect, Finding } from '../../server/src/engine/types';
import { hasOpenssl, renewalText, TestPki } from '../support/certificates';
import { badRange, checkFindings } from '../support/fix-check';
import { fixtureFacts, fixtureHost } from '../support/fixture-host';
import * as grammar from '../support/fuzz-grammars';

const LONG_CASES = Number(process.env.SCHEDLINT_FUZZ_CASES ?? 0);
/** Cases of the default run (crontab families; the others by their share). */
const DEFAULT_CASES = 2500;
const SEED = Number(process.env.SCHEDLINT_FUZZ_SEED ?? 18);
/** Largest blown-up line or field: megabytes by hand (SCHEDLINT_FUZZ_MAX_BYTES to change), tens of kilobytes in CI. */
const MAX_BLOW_UP = Number(process.env.SCHEDLINT_FUZZ_MAX_BYTES ?? (LONG_CASES > 0 ? 2_000_000 : 20_000));
const NOW = new Date('2026-01-15T00:00:00Z');

interface Failure {
  family: string;
  /** `throw`, `internal-error:<rule>`, `range-outside:<rule>`, `fix-…:<rule>`, `slow`. */
  kind: string;
  detail: string;
  seed: number;
  input: string;
}

interface Family {
  name: string;
  /** Share of the case count (crontabs 1, the rest less: their cases cost more). */
  share: number;
  run(random: grammar.Random, seed: number): Failure[];
}

function failuresOf(family: string, seed: number, input: string, problems: { kind: string; detail: string }[]): Failure[] {
  return problems.map((problem) => ({ family, kind: problem.kind, detail: problem.detail, seed, input }));
}

/** Runs a lint and the editor checks on one text, turning an exception into a failure. */
function checkText(family: string, seed: number, text: string, lint: (text: string) => Finding[], disables: boolean): Failure[] {
  let findings: Finding[];
  try {
    findings = lint(text);
  } catch (error) {
    return [{ family, kind: 'throw', detail: (error as Error).stack ?? String(error), seed, input: text }];
  }
  try {
    return failuresOf(family, seed, text, checkFindings(text, { lint, findings, disables, fixesPerKind: 2 }));
  } catch (error) {
    return [{ family, kind: 'throw', detail: (error as Error).stack ?? String(error), seed, input: text }];
  }
}

const factsByDialect = new Map<CronDialect, HostFacts>([
  ['debian', fixtureFacts('debian')],
  ['cronie', fixtureFacts('cronie')],
]);
const unitFacts = fixtureFacts('debian', { '/etc/systemd/system/backup.service': '[Service]\nExecStart=/bin/true\n' });

/** Certificates for the PEM family, made once with openssl (without it, the family uses a fake block). */
let pemFiles: Record<'cert' | 'privkey' | 'chain', string> | undefined;
function pems(): Record<'cert' | 'privkey' | 'chain', string> {
  if (pemFiles) return pemFiles;
  if (!hasOpenssl()) {
    const fake = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUKaN3\n-----END CERTIFICATE-----\n';
    return (pemFiles = { cert: fake, chain: fake, privkey: fake.replace(/CERTIFICATE/g, 'PRIVATE KEY') });
  }
  const pki = new TestPki();
  try {
    const root = pki.root('Fuzz Root');
    const intermediate = pki.intermediate(root, 'Fuzz R3');
    const leaf = pki.leaf(intermediate, ['example.com', 'www.example.com'], { start: '2025-12-01', end: '2026-03-01', keyType: 'ec' });
    return (pemFiles = { cert: leaf.certPem, chain: intermediate.certPem, privkey: leaf.keyPem });
  } finally {
    pki.remove();
  }
}

const crontabFamily = (system: boolean): Family => ({
  name: system ? 'crontab-system' : 'crontab-user',
  share: 1,
  run(random, seed) {
    const text = grammar.mutate(random, grammar.crontab(random, system), MAX_BLOW_UP);
    const facts = factsByDialect.get(random.pick(['debian', 'cronie'] as const))!;
    const file = system ? random.pick(['/etc/cron.d/jobs', '/etc/crontab', '/etc/cron.d/a.conf']) : random.pick(['/var/spool/cron/crontabs/alice', '/var/spool/cron/root']);
    return checkText(this.name, seed, text, (input) => lintCrontab({ text: input, path: file, facts }).findings, true);
  },
});

const ALL_FAMILIES: Family[] = [
  crontabFamily(true),
  crontabFamily(false),
  {
    name: 'unit',
    share: 0.1,
    run(random, seed) {
      const text = grammar.mutate(random, grammar.unitFile(random), MAX_BLOW_UP);
      return checkText(this.name, seed, text, (input) => lintUnit({ text: input, path: '/etc/systemd/system/backup.timer', facts: unitFacts }).findings, false);
    },
  },
  {
    name: 'renewal',
    share: 0.1,
    run(random, seed) {
      const text = grammar.mutate(random, grammar.renewalFile(random), MAX_BLOW_UP);
      return checkText(this.name, seed, text, (input) => lintCertbotFile({ text: input, path: '/etc/letsencrypt/renewal/example.com.conf', facts: factsByDialect.get('debian')!, now: NOW }).findings, false);
    },
  },
  {
    name: 'cli.ini',
    share: 0.1,
    run(random, seed) {
      const text = grammar.mutate(random, grammar.cliIni(random), MAX_BLOW_UP);
      return checkText(this.name, seed, text, (input) => lintCertbotFile({ text: input, path: '/etc/letsencrypt/cli.ini', facts: factsByDialect.get('debian')!, now: NOW }).findings, false);
    },
  },
  {
    name: 'pem',
    share: 0.05,
    run(random, seed) {
      const files = pems();
      const host = fixtureHost('debian');
      const live = '/etc/letsencrypt/live/example.com';
      const mutated = {
        cert: grammar.mutate(random, grammar.mutatePem(random, files.cert), MAX_BLOW_UP / 10),
        privkey: grammar.mutate(random, grammar.mutatePem(random, files.privkey), MAX_BLOW_UP / 10),
        chain: grammar.mutate(random, grammar.mutatePem(random, files.chain), MAX_BLOW_UP / 10),
      };
      host.set(`${live}/cert.pem`, mutated.cert);
      host.set(`${live}/privkey.pem`, { text: mutated.privkey, mode: 0o600 });
      host.set(`${live}/chain.pem`, mutated.chain);
      host.set(`${live}/fullchain.pem`, random.chance(0.8) ? mutated.cert + mutated.chain : grammar.mutate(random, files.cert + files.chain, 1000));
      const text = renewalText('example.com');
      const facts = new HostFacts(host);
      const failures = checkText(this.name, seed, text, (input) => lintCertbotFile({ text: input, path: '/etc/letsencrypt/renewal/example.com.conf', facts, now: NOW }).findings, false);
      return failures.map((failure) => ({ ...failure, input: JSON.stringify(mutated) }));
    },
  },
  {
    name: 'install',
    share: 0.1,
    run(random, seed) {
      const crontabText = grammar.mutate(random, grammar.crontab(random, random.chance(0.5)), MAX_BLOW_UP / 10);
      const host = fixtureHost(random.pick(['debian', 'cronie'] as const));
      const kind = random.pick(['Dockerfile', 'compose', 'kubernetes', 'ansible'] as const);
      const installerPath = { Dockerfile: '/repo/Dockerfile', compose: '/repo/docker-compose.yml', kubernetes: '/repo/k8s/cron.yaml', ansible: '/repo/roles/cron/tasks/main.yml' }[kind];
      const installerText = grammar.mutate(
        random,
        kind === 'Dockerfile' ? grammar.dockerfile(random) : kind === 'compose' ? grammar.compose(random) : kind === 'kubernetes' ? grammar.kubernetes(random, crontabText) : grammar.ansible(random),
        MAX_BLOW_UP / 10,
      );
      host.set(installerPath, installerText);
      for (const file of ['/repo/crontab', '/repo/jobs', '/repo/cron/jobs', '/repo/roles/cron/files/crontab']) host.set(file, crontabText);
      const input = JSON.stringify({ [installerPath]: installerText, '/repo/crontab': crontabText });
      try {
        const lint = lintRepository('/repo', { facts: new HostFacts(host), locale: 'en' });
        const failures: Failure[] = [];
        for (const report of lint.reports) {
          const read = host.readText(report.path);
          if (!read.ok) continue;
          const document = TextDocument.create('file:///x', 'plaintext', 0, read.text);
          for (const finding of report.findings) {
            if (finding.messageId === 'internal-error') failures.push({ family: this.name, kind: `internal-error:${finding.ruleId}`, detail: finding.message, seed, input });
            const bad = badRange(document, finding.range);
            if (bad) failures.push({ family: this.name, kind: `range-outside:${finding.ruleId}`, detail: `${report.path}: ${JSON.stringify(finding.range)} ${bad}`, seed, input });
            for (const fix of finding.fixes ?? []) {
              for (const edit of fix.edits) {
                const badEdit = badRange(document, edit.range);
                if (badEdit) failures.push({ family: this.name, kind: `range-outside:${finding.ruleId}`, detail: `${report.path}: edit ${JSON.stringify(edit.range)} ${badEdit}`, seed, input });
              }
              for (const other of fix.otherFiles ?? []) {
                const otherRead = host.readText(other.path);
                if (!otherRead.ok) continue;
                const otherDocument = TextDocument.create('file:///y', 'plaintext', 0, otherRead.text);
                for (const edit of other.edits) {
                  const badEdit = badRange(otherDocument, edit.range);
                  if (badEdit) failures.push({ family: this.name, kind: `range-outside:${finding.ruleId}`, detail: `${other.path}: edit ${JSON.stringify(edit.range)} ${badEdit}`, seed, input });
                }
              }
            }
          }
        }
        return failures;
      } catch (error) {
        return [{ family: this.name, kind: 'throw', detail: (error as Error).stack ?? String(error), seed, input }];
      }
    },
  },
];

const FAMILY_FILTER = process.env.SCHEDLINT_FUZZ_FAMILIES?.split(',').filter(Boolean);
const FAMILIES = FAMILY_FILTER ? ALL_FAMILIES.filter((family) => FAMILY_FILTER.includes(family.name)) : ALL_FAMILIES;

function describe(failure: Failure): string {
  const input = failure.input.length > 400 ? `${JSON.stringify(failure.input.slice(0, 400))}… (${failure.input.length} chars)` : JSON.stringify(failure.input);
  return `[${failure.family} seed ${failure.seed}] ${failure.kind}: ${failure.detail.split('\n').slice(0, 4).join(' | ')}\n    input: ${input}`;
}

/** Failures grouped by family and kind, with one example each. */
function summary(failures: Failure[]): string[] {
  const groups = new Map<string, Failure[]>();
  for (const failure of failures) {
    const key = `${failure.family} ${failure.kind}`;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(failure);
  }
  return [...groups.entries()].map(([key, list]) => `${list.length}× ${key}\n  e.g. ${describe(list[0])}`);
}

test('generated and mutated files: no throw, ranges inside, every fix works as an editor applies it', (t) => {
  const started = Date.now();
  const failures: Failure[] = [];
  const counts = new Map<string, number>();
  const slowest = new Map<string, { took: number; seed: number }>();
  const shown = new Set<string>();
  // Round-robin over the families by share.
  const targets = FAMILIES.map((family) => Math.max(1, Math.round((LONG_CASES > 0 ? LONG_CASES : DEFAULT_CASES) * family.share)));
  let caseIndex = 0;
  for (let round = 0; ; round++) {
    let ran = false;
    for (let index = 0; index < FAMILIES.length; index++) {
      const family = FAMILIES[index];
      const done = counts.get(family.name) ?? 0;
      if (done >= targets[index]) continue;
      // Families with a smaller share run on fewer rounds.
      if (family.share < 1 && round % Math.round(1 / family.share) !== 0) continue;
      const seed = (SEED * 1_000_003 + caseIndex++) >>> 0;
      const caseStarted = Date.now();
      const found = family.run(new grammar.Random(seed), seed);
      failures.push(...found);
      // The long run shows each new kind of failure as it is found.
      for (const failure of found) {
        const key = `${failure.family} ${failure.kind}`;
        if (LONG_CASES > 0 && !shown.has(key)) {
          shown.add(key);
          process.stderr.write(`fuzz: new failure: ${describe(failure)}\n`);
        }
      }
      const took = Date.now() - caseStarted;
      if (LONG_CASES > 0 && took > 5000) process.stderr.write(`fuzz: slow case: ${family.name} seed ${seed} took ${took} ms\n`);
      if (took > (slowest.get(family.name)?.took ?? 0)) slowest.set(family.name, { took, seed });
      counts.set(family.name, done + 1);
      ran = true;
    }
    if (!ran && FAMILIES.every((family, index) => (counts.get(family.name) ?? 0) >= targets[index])) break;
    if (LONG_CASES > 0 && round % 200 === 0 && round > 0) {
      process.stderr.write(`fuzz round ${round} (${Math.round((Date.now() - started) / 1000)} s): ${[...counts].map(([name, count]) => `${name} ${count}`).join(', ')}; ${failures.length} failures\n`);
    }
  }
  t.diagnostic(`cases: ${[...counts].map(([name, count]) => `${name} ${count}`).join(', ')} in ${Date.now() - started} ms (seed ${SEED})`);
  t.diagnostic(`slowest case: ${[...slowest].map(([name, { took, seed }]) => `${name} ${took} ms (seed ${seed})`).join(', ')}`);
  for (const family of FAMILIES) assert.ok((counts.get(family.name) ?? 0) > 0, `no ${family.name} case ran`);
  assert.deepEqual(summary(failures), []);
});

interface Shape {
  family: string;
  name: string;
  /** The input at size n (n is the shape's own unit: lines, characters). */
  build(n: number): string;
  lint(text: string): unknown;
  n: number;
}

const crontabLint = (text: string) => lintCrontab({ text, path: '/etc/cron.d/jobs', facts: factsByDialect.get('debian')! });
const renewalLint = (text: string) => lintCertbotFile({ text, path: '/etc/letsencrypt/renewal/example.com.conf', facts: factsByDialect.get('debian')!, now: NOW });
const cliLint = (text: string) => lintCertbotFile({ text, path: '/etc/letsencrypt/cli.ini', facts: factsByDialect.get('debian')!, now: NOW });
const unitLint = (text: string) => lintUnit({ text, path: '/etc/systemd/system/backup.timer', facts: unitFacts });
const repoLint = (files: Record<string, string>) => {
  const host = fixtureHost('debian');
  for (const [file, text] of Object.entries(files)) host.set(file, text);
  return lintRepository('/repo', { facts: new HostFacts(host), locale: 'en' });
};

const SHAPES: Shape[] = [
  { family: 'crontab', name: 'many job lines', n: 4000, build: (n) => '0 * * * * root /bin/true\n'.repeat(n), lint: crontabLint },
  { family: 'crontab', name: 'many CRLF lines with % and NBSP', n: 300, build: (n) => '0 1 * * * root date +%s\u00a0x\r\n'.repeat(n), lint: crontabLint },
  { family: 'crontab', name: 'one long command', n: 800_000, build: (n) => `* * * * * root ${'a'.repeat(n)}\n`, lint: crontabLint },
  { family: 'crontab', name: 'one long list field', n: 10_000, build: (n) => `${'1,'.repeat(n)}2 * * * * root /bin/true\n`, lint: crontabLint },
  { family: 'crontab', name: 'lone CRs', n: 40_000, build: (n) => `0 * * * * root /bin/true${'\r'.repeat(n)}\n`, lint: crontabLint },
  { family: 'crontab', name: 'long unterminated environment value', n: 40_000, build: (n) => `X="${'\\'.repeat(n)}\n`, lint: crontabLint },
  { family: 'unit', name: 'many OnCalendar lines', n: 30, build: (n) => '[Timer]\n' + 'OnCalendar=Mon..Fri 09:00\n'.repeat(n), lint: unitLint },
  { family: 'unit', name: 'one long value', n: 10_000, build: (n) => `[Timer]\nDescription=${'x '.repeat(n)}\nOnCalendar=daily\n`, lint: unitLint },
  { family: 'unit', name: 'long continuation', n: 2_000, build: (n) => `[Timer]\nOnCalendar=daily${' \\\n x'.repeat(n)}\n`, lint: unitLint },
  { family: 'renewal', name: 'many keys', n: 300, build: (n) => `[renewalparams]\n${'authenticator = nginx\n'.repeat(n)}`, lint: renewalLint },
  { family: 'renewal', name: 'long list value', n: 5_000, build: (n) => `[renewalparams]\nwebroot_path = ${'/var/www, '.repeat(n)}\n`, lint: renewalLint },
  { family: 'renewal', name: 'long quoted value', n: 200_000, build: (n) => `[renewalparams]\npre_hook = "${'a'.repeat(n)}\n`, lint: renewalLint },
  { family: 'cli.ini', name: 'many keys', n: 300, build: (n) => 'pre-hook = systemctl stop nginx\n'.repeat(n), lint: cliLint },
  { family: 'cli.ini', name: 'long value', n: 100_000, build: (n) => `deploy-hook = ${'x'.repeat(n)}\n`, lint: cliLint },
  { family: 'install', name: 'long Dockerfile', n: 100, build: (n) => `FROM debian:12\n${'RUN echo hi && apt-get install -y cron\n'.repeat(n)}COPY crontab /etc/cron.d/jobs\n`, lint: (text) => repoLint({ '/repo/Dockerfile': text, '/repo/crontab': '0 * * * * root /bin/true\n' }) },
  { family: 'install', name: 'long RUN continuation', n: 20_000, build: (n) => `FROM debian:12\nRUN true${' \\\n && echo x'.repeat(n)}\n`, lint: (text) => repoLint({ '/repo/Dockerfile': text, '/repo/crontab': '0 * * * * root /bin/true\n' }) },
  { family: 'install', name: 'big installed crontab', n: 2_000, build: (n) => '0 * * * * root /bin/true\n'.repeat(n), lint: (text) => repoLint({ '/repo/Dockerfile': 'FROM debian:12\nCOPY crontab /etc/cron.d/jobs\n', '/repo/crontab': text }) },
];

/**
 * The least CPU time (ms) of `times` runs. CPU time, not wall time: on a busy machine (CI, or two cores shared
 * by many processes) a long run is preempted more often than a short one, which made linear code look 50× slower
 * at 8n by the wall clock.
 */
function fastest(run: () => void, times: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let index = 0; index < times; index++) {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

test('lint time grows linearly with the input (n vs 8n, generous factor)', (t) => {
  const scale = LONG_CASES > 0 ? 4 : 1;
  const slow: Failure[] = [];
  for (const shape of SHAPES) {
    // Sizes are chosen so that 8n takes tens of milliseconds when linear: a quadratic cost then shows far above
    // the floor below, and the whole test stays a few seconds.
    const n = shape.n * scale;
    const small = shape.build(n);
    // Each input is linted once before it is timed: the first lint of a new shape runs cold (JIT, caches).
    const warm = (text: string, runs: number) => {
      shape.lint(text);
      return fastest(() => shape.lint(text), runs);
    };
    warm(small, 1);
    const large = shape.build(n * 8);
    let smallMs = Number.POSITIVE_INFINITY;
    let largeMs = Number.POSITIVE_INFINITY;
    // Linear is 8×, quadratic 64×: the bound is 24× (memory caches and the GC make big inputs cost more per
    // byte) plus a floor for timer resolution on sub-millisecond runs. A shape that looks slow is measured
    // again (best times kept) before it fails.
    const tooSlow = () => largeMs > 24 * smallMs + 30;
    for (let attempt = 0; attempt < 3 && (attempt === 0 || tooSlow()); attempt++) {
      smallMs = Math.min(smallMs, fastest(() => shape.lint(small), 3));
      largeMs = Math.min(largeMs, warm(large, 1));
    }
    t.diagnostic(`${shape.family} ${shape.name}: ${smallMs.toFixed(1)} ms at ${n} → ${largeMs.toFixed(1)} ms at ${8 * n}`);
    if (tooSlow()) slow.push({ family: shape.family, kind: 'slow', detail: `${shape.name}: ${smallMs.toFixed(1)} ms at n, ${largeMs.toFixed(1)} ms at 8n`, seed: 0, input: path.basename(shape.name) });
  }
  assert.deepEqual(slow.map((failure) => `${failure.family} ${failure.detail}`), []);
});
