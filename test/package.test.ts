// The .vsix ships only what runs: the three bundles, the manifest and its translations, grammars, the
// language configuration, rule docs, README and LICENSE. Built the way `npm run package` builds it, in a
// staging folder, so the bundles other tests use are left alone.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { repoPath } from './support/paths';

const VSCE = repoPath('node_modules', '@vscode', 'vsce', 'vsce');

function vsceList(cwd: string): string[] {
  return execFileSync(process.execPath, [VSCE, 'ls', '--no-dependencies'], { cwd, encoding: 'utf8' }).split('\n').filter(Boolean).sort();
}

const ALLOWED = [
  /^package\.json$/,
  /^package\.nls(\.ja)?\.json$/,
  /^README(\.ja)?\.md$/,
  /^LICENSE$/,
  /^language-configuration\.json$/,
  /^syntaxes\/[\w.-]+\.tmLanguage\.json$/,
  /^l10n\/bundle\.l10n(\.ja)?\.json$/,
  /^dist\/(client\/extension|server\/server|cli\/schedlint)\.js$/,
  /^docs\/rules\/(README(\.ja)?\.md|[\w-]+\/[\w-]+(\.ja)?\.md)$/,
];

test('the package lists only shipping files, and is under 1.25 MB', { timeout: 120_000 }, () => {
  const listed = vsceList(repoPath());
  const unexpected = listed.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)));
  assert.deepEqual(unexpected, [], 'files that should not ship');
  for (const required of ['package.json', 'dist/client/extension.js', 'dist/server/server.js', 'dist/cli/schedlint.js', 'language-configuration.json', 'syntaxes/crontab.tmLanguage.json', 'package.nls.ja.json', 'l10n/bundle.l10n.ja.json']) {
    assert.ok(listed.includes(required), `${required} ships`);
  }
  assert.ok(listed.some((file) => /^docs\/rules\/crontab\/.+\.ja\.md$/.test(file)), 'Japanese rule docs ship');

  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-package-'));
  try {
    for (const file of listed.filter((name) => !name.startsWith('dist/'))) {
      fs.mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
      fs.copyFileSync(repoPath(file), path.join(staging, file));
    }
    fs.copyFileSync(repoPath('.vscodeignore'), path.join(staging, '.vscodeignore'));
    const manifest = JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8'));
    delete manifest.scripts['vscode:prepublish'];
    fs.writeFileSync(path.join(staging, 'package.json'), JSON.stringify(manifest, null, 2));
    execFileSync(process.execPath, [repoPath('scripts', 'build.mjs'), '--production', '--outdir', path.join(staging, 'dist')], { cwd: repoPath() });
    const vsix = path.join(staging, 'schedlint.vsix');
    execFileSync(process.execPath, [VSCE, 'package', '--no-dependencies', '-o', vsix], { cwd: staging, encoding: 'utf8' });
    const size = fs.statSync(vsix).size;
    // 1 MB until session 8, when GitHub Actions workflows and Kubernetes CronJobs became formats of their own (two
    // more engines in each of the server's and the CLI's bundles, 26 more rule pages): 1.06 MB then. A guard against
    // shipping what does not run, not a budget the formats must fit.
    assert.ok(size < 1.25 * 1024 * 1024, `schedlint.vsix is ${size} bytes`);
    assert.deepEqual(vsceList(staging).filter((file) => file.startsWith('dist/')), ['dist/cli/schedlint.js', 'dist/client/extension.js', 'dist/server/server.js']);
    assert.doesNotMatch(fs.readFileSync(path.join(staging, 'dist', 'server', 'server.js'), 'utf8'), /sourceMappingURL/, 'no source maps in the package');
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
});
