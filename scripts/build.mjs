// Bundles the extension client, the language server and the CLI with esbuild (one file each, no
// node_modules at run time), so the .vsix stays small and `schedlint` starts fast. The CLI is two files: a
// minified bundle (cli/schedlint-main.js) and the few lines `schedlint` runs (cli/schedlint.js, from
// cli/launch.ts) that load it with the V8 code cache made here (cli/schedlint-main.js.cache): compiling
// the bundle was a third of a short run's CPU time (issue #20).
import * as esbuild from 'esbuild';
import { readFileSync, chmodSync, writeFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');
// `--outdir DIR` builds elsewhere (the package test stages a production build without touching dist/).
const outdirIndex = process.argv.indexOf('--outdir');
const outdir = outdirIndex > 0 ? process.argv[outdirIndex + 1] : 'dist';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { SCHEDLINT_VERSION: JSON.stringify(version) },
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: `${outdir}/client/extension.js`, external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: `${outdir}/server/server.js`, banner: { js: '#!/usr/bin/env node' } }),
  // Minified in every build (with its source map outside production): what `bin` runs is read on every run.
  esbuild.build({ ...common, entryPoints: ['server/src/cli/schedlint.ts'], outfile: `${outdir}/cli/schedlint-main.js`, minify: true, keepNames: true }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/launch.ts'], outfile: `${outdir}/cli/schedlint.js`, sourcemap: false, minify: false, banner: { js: '#!/usr/bin/env node' } }),
]);
chmodSync(`${outdir}/server/server.js`, 0o755);
chmodSync(`${outdir}/cli/schedlint.js`, 0o755);
// The launcher has no source map of its own (the bundle has): drop one an older build left.
rmSync(`${outdir}/cli/schedlint.js.map`, { force: true });
writeCodeCache(path.resolve(outdir, 'cli', 'schedlint-main.js'));

/**
 * The V8 code cache of the CLI bundle, for this Node.js (launch.ts reads it; another Node.js rejects it and
 * compiles from source). Made after a few representative commands ran in this process, so the functions a
 * usual run compiles lazily are in it too. The commands only read (the examples and this machine's zone
 * files), and their output goes nowhere. When anything fails, no cache: `schedlint` then works as before.
 */
function writeCodeCache(main) {
  const cacheFile = `${main}.cache`;
  rmSync(cacheFile, { force: true });
  try {
    const script = new vm.Script(Module.wrap(readFileSync(main, 'utf8')), { filename: main });
    // Not require.main: the bundle's start-up block (process.exitCode, stdout handlers) stays off here.
    const module = { exports: {} };
    script.runInThisContext().call(module.exports, module.exports, createRequire(main), module, main, path.dirname(main));
    const repository = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
    const run = (argv) => module.exports.runCli({ argv, env: { TZ: 'Asia/Tokyo' }, cwd: repository, stdout: () => {}, stderr: () => {}, readStdin: () => '', stdoutIsTerminal: false });
    run(['--kind', 'crontab-system', path.join(repository, 'examples', 'host', 'etc', 'crontab')]);
    run(['calendar', '--iterations', '3', '--base-time', '2026-11-25 10:17:00 UTC', 'daily', 'Mon *-*-* 06:00', '*:0/15']);
    writeFileSync(cacheFile, script.createCachedData());
  } catch (error) {
    console.warn(`build: no code cache for ${main}: ${error.message}`);
  }
}
