// Bundles the extension client, the language server and the CLI with esbuild (one file each, no
// node_modules at run time), so the .vsix stays small and `schedlint` starts fast. The CLI's file is the
// minified bundle in a string followed by the few lines of cli/launch.ts, which compile it with the V8 code
// cache made here (cli/schedlint.js.cache): compiling the bundle was a third of a short run's CPU time
// (issue #20). The file still works alone; without its cache it compiles from source as before.
import * as esbuild from 'esbuild';
import { readFileSync, chmodSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
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

const [, , cli, launcher] = await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: `${outdir}/client/extension.js`, external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: `${outdir}/server/server.js`, banner: { js: '#!/usr/bin/env node' } }),
  // Minified in every build (with its source map outside production): what `bin` runs is read on every run.
  esbuild.build({ ...common, entryPoints: ['server/src/cli/schedlint.ts'], outfile: `${outdir}/cli/schedlint.js`, minify: true, keepNames: true, write: false }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/launch.ts'], outfile: `${outdir}/cli/schedlint.js`, sourcemap: false, minify: false, write: false }),
]);
const cliFile = path.resolve(outdir, 'cli', 'schedlint.js');
const bundle = cli.outputFiles.find((file) => file.path.endsWith('.js')).text;
const map = cli.outputFiles.find((file) => file.path.endsWith('.js.map'));
mkdirSync(path.dirname(cliFile), { recursive: true });
// The bundle's `//# sourceMappingURL=schedlint.js.map` resolves beside the file: vm.Script gets its name.
if (map) writeFileSync(map.path, map.text);
else rmSync(`${cliFile}.map`, { force: true });
writeFileSync(cliFile, `#!/usr/bin/env node\nvar SCHEDLINT_BUNDLE = ${JSON.stringify(bundle)};\n${launcher.outputFiles[0].text}`);
chmodSync(`${outdir}/server/server.js`, 0o755);
// The server and CLI bundles stay ASCII: esbuild escapes non-ASCII in code (its default charset) but keeps
// the comments it preserves (JSDoc on class members) as written, and one `→` there makes V8 hold the whole
// script as a two-byte string for the life of the process (1.7 MB more of the server's heap, issue #20).
// Only comments are left to escape, so escaping them changes nothing that runs.
// (The CLI's file is ASCII already: cli/launch.ts embeds its bundle, whose code cache must match it byte for
// byte, and test/cli/code-cache.test.ts checks it.)
for (const file of [`${outdir}/server/server.js`]) {
  const text = readFileSync(file, 'utf8');
  if (/[^\x00-\x7f]/.test(text)) writeFileSync(file, text.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
chmodSync(cliFile, 0o755);
writeCodeCache(cliFile, bundle);

/**
 * The V8 code cache of the CLI bundle, for this Node.js (cli/launch.ts reads it; another Node.js rejects it
 * and compiles from source). Made after a few representative commands ran in this process, so the
 * functions a usual run compiles lazily are in it too. The commands only read (the examples and this
 * machine's zone files), and their output goes nowhere. When anything fails, no cache: `schedlint` then
 * works as before.
 */
function writeCodeCache(file, source) {
  const cacheFile = `${file}.cache`;
  rmSync(cacheFile, { force: true });
  try {
    const script = new vm.Script(Module.wrap(source), { filename: file });
    // Not require.main: the bundle's start-up block (process.exitCode, stdout handlers) stays off here.
    const module = { exports: {} };
    script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
    const repository = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
    const run = (argv) => module.exports.runCli({ argv, env: { TZ: 'Asia/Tokyo' }, cwd: repository, stdout: () => {}, stderr: () => {}, readStdin: () => '', stdoutIsTerminal: false });
    run(['--kind', 'crontab-system', path.join(repository, 'examples', 'host', 'etc', 'crontab')]);
    run(['calendar', '--iterations', '3', '--base-time', '2026-11-25 10:17:00 UTC', 'daily', 'Mon *-*-* 06:00', '*:0/15']);
    writeFileSync(cacheFile, script.createCachedData());
  } catch (error) {
    console.warn(`build: no code cache for ${file}: ${error.message}`);
  }
}
