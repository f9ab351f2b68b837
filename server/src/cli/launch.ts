// What `schedlint` (dist/cli/schedlint.js) runs first: a few lines that load the CLI bundle
// (dist/cli/schedlint-main.js, built from cli/schedlint.ts) with the V8 code cache scripts/build.mjs made for
// it at build time (schedlint-main.js.cache), so a run does not parse and compile a megabyte of JavaScript
// again (Node's own vm.Script `cachedData`). The cache is only ever read here, never written: the tool
// does not write to the host it checks. V8 rejects a cache made by another V8 version or with other flags,
// and a missing or unreadable one is skipped: either way the bundle is compiled from source as Node would,
// at the old cost, and runs the same (test/cli/code-cache.test.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import Module = require('node:module');

const MAIN = path.join(__dirname, 'schedlint-main.js');

function readCache(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

const cachedData = readCache(`${MAIN}.cache`);
const script = new vm.Script(Module.wrap(fs.readFileSync(MAIN, 'utf8')), { filename: MAIN, cachedData });
if (cachedData !== undefined && script.cachedDataRejected && process.env.SCHEDLINT_DEBUG) {
  process.stderr.write(`schedlint: code cache rejected (made by another Node.js or with other flags), compiled from source\n`);
}
// The bundle runs as this module (so its `require.main === module` start-up block runs), with its own
// file name and folder (cli/rule-docs.ts finds the docs from there).
(script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: NodeJS.Module, filename: string, dirname: string) => void).call(
  module.exports,
  module.exports,
  require,
  module,
  MAIN,
  path.dirname(MAIN),
);
