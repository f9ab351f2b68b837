// Where the repository is, whether tests run from out/ or from a private --outDir elsewhere.
import * as fs from 'node:fs';
import * as path from 'node:path';

function findRoot(): string {
  for (let folder = __dirname; folder !== path.dirname(folder); folder = path.dirname(folder)) {
    const manifest = path.join(folder, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'schedlint') return folder;
  }
  return process.cwd();
}

export const REPO_ROOT = findRoot();
/** ../shared beside the repository, as in CI. */
export const SHARED_ROOT = path.resolve(REPO_ROOT, '..', 'shared');

export function repoPath(...parts: string[]): string {
  return path.join(REPO_ROOT, ...parts);
}
