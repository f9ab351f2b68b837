// Runs every compiled `*.test.js` under out/test with Node's own test runner (Node 20 has no --test globs).
// Extra arguments select files by substring: `node scripts/run-tests.mjs protocol cli`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const filters = process.argv.slice(2);
const files = [];
const visit = (folder) => {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) visit(full);
    else if (entry.name.endsWith('.test.js') && (filters.length === 0 || filters.some((filter) => full.includes(filter)))) files.push(full);
  }
};
visit('out/test');
if (files.length === 0) {
  console.error('no test files found under out/test');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files.sort()], { stdio: 'inherit' });
process.exit(result.status ?? 1);
