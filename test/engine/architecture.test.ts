// The import structure of the product (issue #21): no import cycles, and layers that read top-down —
// protocol and CLI → entry points → formats → models → host and base. Reads every .ts under server/src and
// client/src with TypeScript's own pre-processor (so `import type`, `export … from` and `import()` all count),
// resolves the relative specifiers to files, and checks the table of layers below. A cycle is printed as the
// chain of files; a layer violation as the importing file, the imported module and the rule it breaks.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import * as ts from 'typescript';
import { REPO_ROOT } from '../support/paths';

/** A file's imports: repository-relative paths of product files, and bare package names (node:…, vscode, …). */
export interface ModuleImports {
  files: string[];
  packages: string[];
}

export type ImportGraph = Map<string, ModuleImports>;

/**
 * Where a module sits. `may` lists the layers it may import (its own included when listed); `packages` says
 * which bare specifiers it may use. The first layer whose `files` matches a path is the path's layer.
 */
interface Layer {
  name: string;
  files: RegExp;
  may: string[];
  packages: RegExp;
}

const NODE_AND_DATA = /^(node:|yaml$)/;

// The engine's four layers, top-down (docs/architecture.md draws them):
// - entry points run a format over a file or a host and are what the protocol and CLI layer calls: the lint,
//   hover, completion and code-lens modules of each format, each format's registry entry (`<format>/format.ts`),
//   the registry and its interface (formats/format.ts names each format's result type), the host and repository
//   scans, fix-all, the edit checks, the project's configuration (config/: it names formats and rules), the
//   rule list (rules/index.ts) and the docs links;
// - formats say what is wrong with a file and how to say so: the rules, their contexts (rule.ts, unit-rule.ts,
//   certbot/rule.ts, schedule/host-rule.ts) and every other module of a format folder;
// - models say what a file means and when it runs, for every format and for the host's schedule: the crontab
//   and unit parsers and documents, calendar and cron arithmetic, unit lookup, and schedule/. The host's
//   schedule reads crontabs and timers, so what it needs from crontab/ and systemd/ is a model, named below;
//   a new file in those folders is a format module until a model needs it (then move it here, not the model up);
// - base modules (util/, time/, host/, i18n/, types) serve every format, so they name none.
// A layer imports its own and those below it. The engine runs without an editor (CLI, tests, the Neovim client),
// so it imports no vscode* package and nothing of the protocol and CLI layer. The VS Code client names the
// engine's types (the timeline it draws) but never the protocol layer: it talks to the server over LSP.
// Order matters: the first layer whose `files` matches a path is its layer, so the named files come before the
// folders that hold them; an engine file that matches none is reported, so a new folder must be placed here.
const ENGINE = '^server/src/engine/';
const ENTRY_POINTS = new RegExp(
  `${ENGINE}((lint|scan|hover|fix-all|file-format|docs)\\.ts$|formats/(format|registry)\\.ts$|edit/|config/|rules/index\\.ts$` +
    `|install/(repository|find)\\.ts$|schedule/host-findings\\.ts$` +
    `|[a-z-]+/(format|lint-[a-z-]+|hover-[a-z-]+|code-lens|complete-[a-z-]+)\\.ts$)`,
);
const FORMAT_SHAPES = new RegExp(`${ENGINE}((rule|unit-rule|disable|editor-positions)\\.ts$|rules/|schedule/host-rule\\.ts$|formats/)`);
const MODELS = new RegExp(
  `${ENGINE}(schedule/|text-check\\.ts$|install/model\\.ts$` +
    `|crontab/(parse|reparse|model|document|fields|field-table|parsed-field|time-spec|environment|next-runs|kind|cron-tz|lines|command|host-files|describe)\\.ts$` +
    `|systemd/(calendar[a-z-]*|timespan|unit-[a-z-]+|enablement|glibc-time|cron-to-calendar|directives)\\.ts$)`,
);
const FORMAT_FOLDERS = new RegExp(`${ENGINE}(crontab|systemd|certbot|certificate|install|github-actions|kubernetes)/`);
const ENGINE_LAYERS = ['entry points', 'formats', 'models', 'base'];

export const LAYERS: Layer[] = [
  { name: 'client', files: /^client\/src\//, may: ['client', ...ENGINE_LAYERS], packages: /^(node:|vscode$|vscode-languageclient(\/|$))/ },
  { name: 'base', files: /^server\/src\/engine\/(util|time|host|i18n)\/|^server\/src\/engine\/types\.ts$/, may: ['base'], packages: NODE_AND_DATA },
  { name: 'entry points', files: ENTRY_POINTS, may: ENGINE_LAYERS, packages: NODE_AND_DATA },
  { name: 'formats', files: FORMAT_SHAPES, may: ['formats', 'models', 'base'], packages: NODE_AND_DATA },
  { name: 'models', files: MODELS, may: ['models', 'base'], packages: NODE_AND_DATA },
  { name: 'formats', files: FORMAT_FOLDERS, may: ['formats', 'models', 'base'], packages: NODE_AND_DATA },
  { name: 'protocol and CLI', files: /^server\/src\/(?!engine\/)/, may: ['protocol and CLI', ...ENGINE_LAYERS], packages: /^(node:|vscode-languageserver(-textdocument)?(\/|$))/ },
];

export function layerOf(file: string, layers: Layer[] = LAYERS): Layer | undefined {
  return layers.find((layer) => layer.files.test(file));
}

function listSources(folder: string, found: string[] = []): string[] {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) listSources(full, found);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) found.push(full);
  }
  return found;
}

/** The product file a relative specifier names (`./x` → x.ts or x/index.ts), or undefined for data (JSON). */
function resolveSpecifier(fromFile: string, specifier: string, known: Set<string>): string | undefined {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  for (const candidate of [`${base}.ts`, `${base}/index.ts`, base]) if (known.has(candidate)) return candidate;
  return undefined;
}

/** Builds the graph from source texts keyed by repository-relative path (a test passes its own small tree). */
export function buildGraph(sources: Map<string, string>): ImportGraph {
  const known = new Set(sources.keys());
  const graph: ImportGraph = new Map();
  for (const [file, text] of sources) {
    const imports: ModuleImports = { files: [], packages: [] };
    for (const reference of ts.preProcessFile(text, true, true).importedFiles) {
      const specifier = reference.fileName;
      if (specifier.startsWith('.')) {
        const target = resolveSpecifier(file, specifier, known);
        if (target !== undefined) imports.files.push(target);
        else if (!/\.json$/.test(specifier)) throw new Error(`${file}: cannot resolve import '${specifier}'`);
      } else imports.packages.push(specifier);
    }
    graph.set(file, imports);
  }
  return graph;
}

export function readProductGraph(root = REPO_ROOT): ImportGraph {
  return buildGraph(readProductSources(root));
}

/**
 * Every import cycle, one per strongly connected component (Tarjan), each as a closed chain of files
 * `a → b → … → a` found by a breadth-first search inside the component, so the printed chain is a shortest one.
 */
export function findCycles(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file)?.files ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      const selfImport = graph.get(file)?.files.includes(file) ?? false;
      if (component.length > 1 || selfImport) components.push(component);
    }
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) connect(file);
  return components.map((component) => shortestCycle(graph, new Set(component)));
}

function shortestCycle(graph: ImportGraph, members: Set<string>): string[] {
  const start = [...members].sort()[0];
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const next of graph.get(file)?.files ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const chain = [file];
        while (chain[0] !== start) chain.unshift(previous.get(chain[0])!);
        return [...chain, start];
      }
      if (!previous.has(next) && next !== start) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

/** Every import a layer does not allow, as one readable line each. */
export function findLayerViolations(graph: ImportGraph, layers: Layer[] = LAYERS): string[] {
  const violations: string[] = [];
  for (const [file, imports] of [...graph].sort(([a], [b]) => a.localeCompare(b))) {
    const layer = layerOf(file, layers);
    if (layer === undefined) {
      violations.push(`${file}: in no layer (add it to the table in test/engine/architecture.test.ts)`);
      continue;
    }
    for (const target of imports.files) {
      const targetLayer = layerOf(target, layers);
      if (targetLayer !== undefined && !layer.may.includes(targetLayer.name)) {
        violations.push(`${file} (${layer.name}) imports ${target} (${targetLayer.name})`);
      }
    }
    for (const specifier of imports.packages) {
      if (!layer.packages.test(specifier)) violations.push(`${file} (${layer.name}) imports package '${specifier}'`);
    }
  }
  return violations;
}

/** Past this many lines a module says at its top why it must be long (or is split where it has a seam). */
export const LONG_FILE_LINES = 400;
const HEADER_LINES = 15;
const SAYS_WHY_LONG = /\blong\b[^\n]{0,40}\bbecause\b|why this file is long/i;

/** Files over LONG_FILE_LINES lines whose first HEADER_LINES lines do not say why they are long. */
export function unexplainedLongFiles(sources: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [file, text] of [...sources].sort(([a], [b]) => a.localeCompare(b))) {
    const lines = text.split('\n');
    if (text.endsWith('\n')) lines.pop();
    if (lines.length <= LONG_FILE_LINES) continue;
    if (!SAYS_WHY_LONG.test(lines.slice(0, HEADER_LINES).join('\n'))) found.push(`${file}: ${lines.length} lines, and its first ${HEADER_LINES} do not say why it is long`);
  }
  return found;
}

function readProductSources(root = REPO_ROOT): Map<string, string> {
  const sources = new Map<string, string>();
  for (const folder of ['server/src', 'client/src']) {
    for (const full of listSources(path.join(root, folder))) {
      sources.set(path.relative(root, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
    }
  }
  return sources;
}

test('the product has no import cycle', () => {
  const cycles = findCycles(readProductGraph());
  assert.deepEqual(cycles.map((cycle) => cycle.join(' → ')), []);
});

test('every import respects the layers: protocol and CLI → entry points → formats → models → base, the engine without vscode', () => {
  const graph = readProductGraph();
  assert.ok(graph.size > 100, `read only ${graph.size} files: is REPO_ROOT right?`);
  assert.deepEqual(findLayerViolations(graph), []);
});

test('the layer table puts the modules that matter where the issue says', () => {
  const names = (file: string) => layerOf(file)?.name;
  assert.equal(names('server/src/engine/util/glob.ts'), 'base');
  assert.equal(names('server/src/engine/time/zone.ts'), 'base');
  assert.equal(names('server/src/engine/time/format-run.ts'), 'base');
  assert.equal(names('server/src/engine/host/facts.ts'), 'base');
  assert.equal(names('server/src/engine/i18n/en.ts'), 'base');
  assert.equal(names('server/src/engine/types.ts'), 'base');
  assert.equal(names('server/src/engine/crontab/parse.ts'), 'models');
  assert.equal(names('server/src/engine/crontab/next-runs.ts'), 'models');
  assert.equal(names('server/src/engine/systemd/calendar.ts'), 'models');
  assert.equal(names('server/src/engine/systemd/unit-paths.ts'), 'models');
  assert.equal(names('server/src/engine/schedule/inventory.ts'), 'models');
  assert.equal(names('server/src/engine/rules/crontab/unknown-user.ts'), 'formats');
  assert.equal(names('server/src/engine/rule.ts'), 'formats');
  assert.equal(names('server/src/engine/schedule/host-rule.ts'), 'formats');
  assert.equal(names('server/src/engine/certbot/configobj.ts'), 'formats');
  assert.equal(names('server/src/engine/install/shell.ts'), 'formats');
  assert.equal(names('server/src/engine/lint.ts'), 'entry points');
  assert.equal(names('server/src/engine/scan.ts'), 'entry points');
  assert.equal(names('server/src/engine/formats/registry.ts'), 'entry points');
  assert.equal(names('server/src/engine/crontab/format.ts'), 'entry points');
  assert.equal(names('server/src/engine/systemd/lint-unit.ts'), 'entry points');
  assert.equal(names('server/src/engine/certbot/hover-certbot.ts'), 'entry points');
  assert.equal(names('server/src/engine/install/repository.ts'), 'entry points');
  assert.equal(names('server/src/engine/schedule/host-findings.ts'), 'entry points');
  assert.equal(names('server/src/engine/rules/index.ts'), 'entry points');
  assert.equal(names('server/src/engine/config/project-config.ts'), 'entry points');
  assert.equal(names('server/src/engine/new-thing.ts'), undefined);
  assert.equal(names('server/src/server.ts'), 'protocol and CLI');
  assert.equal(names('server/src/cli/schedlint.ts'), 'protocol and CLI');
  assert.equal(names('server/src/host-scan.ts'), 'protocol and CLI');
  assert.equal(names('client/src/extension.ts'), 'client');
});

// The checks themselves must be able to fail: a small tree with a deliberate circle and each kind of violation.
test('the checks find a deliberate circle and each kind of layer violation', () => {
  const graph = buildGraph(
    new Map([
      ['server/src/engine/crontab/a.ts', "import { b } from './b';\nexport const a = 1;\n"],
      ['server/src/engine/crontab/b.ts', "import type { C } from '../systemd/c';\nexport const b = 2;\n"],
      ['server/src/engine/systemd/c.ts', "export { a } from '../crontab/a';\nexport type C = number;\n"],
      ['server/src/engine/util/d.ts', "import { a } from '../crontab/a';\nimport * as vscode from 'vscode';\n"],
      ['server/src/engine/lint.ts', "import { serve } from '../server';\nimport { Connection } from 'vscode-languageserver/node';\nimport { rule } from './rules/crontab/r';\n"],
      ['server/src/engine/rules/crontab/r.ts', "import { scan } from '../../scan';\nimport { parse } from '../../crontab/parse';\nexport const rule = 1;\n"],
      ['server/src/engine/crontab/parse.ts', "import type { HostRule } from '../schedule/host-rule';\nimport { glob } from '../util/glob';\nexport const parse = 1;\n"],
      ['server/src/engine/schedule/inventory.ts', "import { scan } from '../scan';\nimport { parse } from '../crontab/parse';\n"],
      ['server/src/engine/schedule/host-rule.ts', "import { parse } from '../crontab/parse';\nexport type HostRule = number;\n"],
      ['server/src/engine/scan.ts', "import { rule } from './rules/crontab/r';\nexport const scan = 1;\n"],
      ['server/src/engine/util/glob.ts', 'export const glob = 1;\n'],
      ['server/src/server.ts', "import { d } from './engine/util/d';\nimport { scan } from './engine/scan';\nexport function serve() {}\n"],
      ['server/src/engine/self.ts', "import { self } from './self';\n"],
    ]),
  );
  assert.deepEqual(findCycles(graph), [
    ['server/src/engine/crontab/a.ts', 'server/src/engine/crontab/b.ts', 'server/src/engine/systemd/c.ts', 'server/src/engine/crontab/a.ts'],
    ['server/src/engine/crontab/parse.ts', 'server/src/engine/schedule/host-rule.ts', 'server/src/engine/crontab/parse.ts'],
    ['server/src/engine/rules/crontab/r.ts', 'server/src/engine/scan.ts', 'server/src/engine/rules/crontab/r.ts'],
    ['server/src/engine/self.ts', 'server/src/engine/self.ts'],
  ]);
  assert.deepEqual(findLayerViolations(graph), [
    'server/src/engine/crontab/parse.ts (models) imports server/src/engine/schedule/host-rule.ts (formats)',
    'server/src/engine/lint.ts (entry points) imports server/src/server.ts (protocol and CLI)',
    "server/src/engine/lint.ts (entry points) imports package 'vscode-languageserver/node'",
    'server/src/engine/rules/crontab/r.ts (formats) imports server/src/engine/scan.ts (entry points)',
    'server/src/engine/schedule/inventory.ts (models) imports server/src/engine/scan.ts (entry points)',
    'server/src/engine/self.ts: in no layer (add it to the table in test/engine/architecture.test.ts)',
    'server/src/engine/util/d.ts (base) imports server/src/engine/crontab/a.ts (formats)',
    "server/src/engine/util/d.ts (base) imports package 'vscode'",
  ]);
});

test('every module past 400 lines says at its top why it is long', () => {
  const sources = readProductSources();
  assert.ok(sources.size > 100, `read only ${sources.size} files: is REPO_ROOT right?`);
  assert.deepEqual(unexplainedLongFiles(sources), []);
});

test('the long-file check finds a long file without a reason and passes one with it', () => {
  const body = (count: number) => 'export const x = 1;\n'.repeat(count);
  const found = unexplainedLongFiles(
    new Map([
      ['server/src/engine/a.ts', `// A module.\n${body(400)}`],
      ['server/src/engine/b.ts', `// A module.\n// Long (about 400 lines) because it is one table.\n${body(400)}`],
      ['server/src/engine/c.ts', `// A module.\n${body(399)}`],
      ['server/src/engine/d.ts', `${body(20)}// Long because it is one table, said too late.\n${body(400)}`],
      ['server/src/engine/e.ts', `// Why this file is long: one state machine.\n${body(420)}`],
    ]),
  );
  assert.deepEqual(found, [
    'server/src/engine/a.ts: 401 lines, and its first 15 do not say why it is long',
    'server/src/engine/d.ts: 421 lines, and its first 15 do not say why it is long',
  ]);
});
