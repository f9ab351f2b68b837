// Bundles the extension client, the language server and the CLI with esbuild (one file each, no
// node_modules at run time), so the .vsix stays small and `schedlint` starts fast.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync, chmodSync } from 'node:fs';

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
  esbuild.build({ ...common, entryPoints: ['server/src/cli/schedlint.ts'], outfile: `${outdir}/cli/schedlint.js`, banner: { js: '#!/usr/bin/env node' } }),
]);
chmodSync(`${outdir}/server/server.js`, 0o755);
chmodSync(`${outdir}/cli/schedlint.js`, 0o755);
// The server and CLI bundles stay ASCII: esbuild escapes non-ASCII in code (its default charset) but keeps
// the comments it preserves (JSDoc on class members) as written, and one `→` there makes V8 hold the whole
// script as a two-byte string for the life of the process (1.7 MB more of the server's heap, issue #20).
// Only comments are left to escape, so escaping them changes nothing that runs.
for (const bundle of [`${outdir}/server/server.js`, `${outdir}/cli/schedlint.js`]) {
  const text = readFileSync(bundle, 'utf8');
  if (/[^\x00-\x7f]/.test(text)) writeFileSync(bundle, text.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
