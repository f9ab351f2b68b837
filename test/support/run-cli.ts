// Runs the bundled CLI (dist/cli/schedlint.js) as a user would, capturing output and exit code.
import { spawnSync } from 'node:child_process';
import { repoPath } from './paths';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runSchedlint(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {}): CliRun {
  const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...options.env };
  const result = spawnSync(process.execPath, [repoPath('dist', 'cli', 'schedlint.js'), ...args], {
    encoding: 'utf8',
    env,
    input: options.input ?? '',
    cwd: options.cwd ?? repoPath(),
    timeout: 30_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
