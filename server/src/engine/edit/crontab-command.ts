// The `crontab` commands the editor's "Edit crontab" runs, as argument vectors (never through a shell): the one
// place the product starts a program on the host, so what it runs is decided here, shown to the user, and
// tested. Another user's crontab goes through `sudo -n` (non-interactive: a rule that wants a password fails
// at once with a message instead of waiting on a prompt nobody sees). No imports: the client bundles it.

export interface CrontabCommand {
  file: string;
  args: string[];
  /** The command as the user would type it, for the notice that says what runs. */
  display: string;
}

// The names useradd accepts by default (NAME_REGEX in Debian's adduser.conf is stricter), and nothing a shell
// or sudo would read as an option.
const USER_NAME = /^[a-z_][a-z0-9_.-]{0,31}\$?$/i;

export function isValidUserName(name: string): boolean {
  return USER_NAME.test(name);
}

/**
 * `crontab -l` / `crontab -` for yourself (`user` undefined), else `sudo -n crontab -u USER …`; root (who may
 * name any user to crontab itself) runs `crontab -u USER …` without sudo.
 */
export function crontabCommand(action: 'list' | 'install', user?: string, options: { root?: boolean } = {}): CrontabCommand {
  const crontabArgs = action === 'list' ? ['-l'] : ['-'];
  if (user === undefined) return { file: 'crontab', args: crontabArgs, display: `crontab ${crontabArgs.join(' ')}` };
  if (!isValidUserName(user)) throw new Error(`not a user name: ${user}`);
  if (options.root) return { file: 'crontab', args: ['-u', user, ...crontabArgs], display: `crontab -u ${user} ${crontabArgs.join(' ')}` };
  const args = ['-n', 'crontab', '-u', user, ...crontabArgs];
  return { file: 'sudo', args, display: `sudo ${args.join(' ')}` };
}

export type ListOutcome = { kind: 'crontab'; text: string } | { kind: 'none' } | { kind: 'denied'; detail: string } | { kind: 'failed'; detail: string };

/**
 * What `crontab -l` (or its sudo form) said: the crontab; none yet (Debian and cronie both print
 * "no crontab for USER" and exit 1); sudo's refusal (`sudo -n` prints "a password is required" or "… is not
 * allowed to execute …"); or another failure with crontab's own words.
 */
export function listOutcome(status: number | null, stdout: string, stderr: string, viaSudo: boolean): ListOutcome {
  if (status === 0) return { kind: 'crontab', text: stdout };
  if (/^no crontab for /m.test(stderr)) return { kind: 'none' };
  const detail = stderr.trim() || `exit status ${status}`;
  if (viaSudo && /^sudo: /m.test(stderr)) return { kind: 'denied', detail };
  return { kind: 'failed', detail };
}
