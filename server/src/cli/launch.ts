// What `schedlint` (dist/cli/schedlint.js) runs first. scripts/build.mjs writes that file as the minified CLI
// bundle (built from cli/schedlint.ts) in a string, SCHEDLINT_BUNDLE, followed by these few lines, which
// compile the string with the V8 code cache the build made for it (schedlint.js.cache beside the file;
// Node's own vm.Script `cachedData`), so a run does not parse and compile a megabyte of JavaScript again.
// It stays one file that works alone (copied as /usr/local/bin/schedlint, it compiles from source as
// before). The cache is only read here, never written: the tool does not write to the host it checks. V8
// rejects a cache made by another V8 version or with other flags, and a missing or unreadable one is
// skipped: either way the bundle is compiled from source, at the old cost, and runs the same
// (test/cli/code-cache.test.ts).
import * as fs from 'node:fs';
import * as vm from 'node:vm';
import Module = require('node:module');

declare const SCHEDLINT_BUNDLE: string;

function readCache(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

const cachedData = readCache(`${__filename}.cache`);
const script = new vm.Script(Module.wrap(SCHEDLINT_BUNDLE), { filename: __filename, cachedData });
if (cachedData !== undefined && script.cachedDataRejected && process.env.SCHEDLINT_DEBUG) {
  process.stderr.write('schedlint: code cache rejected (made by another Node.js or with other flags), compiled from source\n');
}
// The bundle runs as this module, so its `require.main === module` start-up block runs and it finds the
// docs from this file's folder (cli/rule-docs.ts), as when it was the file itself.
(script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: NodeJS.Module, filename: string, dirname: string) => void).call(
  module.exports,
  module.exports,
  require,
  module,
  __filename,
  __dirname,
);
