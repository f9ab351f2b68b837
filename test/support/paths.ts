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
/** Real-world files written by other people (test/corpus/README.md lists where each came from and its licence). */
export const CORPUS_ROOT = path.join(REPO_ROOT, 'test', 'corpus');

export function repoPath(...parts: string[]): string {
  return path.join(REPO_ROOT, ...parts);
}
