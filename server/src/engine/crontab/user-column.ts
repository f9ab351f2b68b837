// What the sixth field of a system crontab line is, as cron will find out: a user on this host, a word that
// cannot be a user (a path, shell syntax, a program on cron's PATH: the user column is missing), a user-like
// name the host does not have, or something another problem of the line already explains. Shared by the
// missing-user-field and unknown-user rules so the two can never disagree about a line.
// A root that holds only configuration (a repository, a copied /etc) has no programs to look up, so a word
// that is no user there is also judged by evidence that needs no program on disk (commandEvidence): a
// well-known command name, an option after it, or the same word run as a command by another line of the
// file. Users win first: `mail`, `sync`, `man`, `postgres` are users and commands at once.
import type { CrontabContext } from '../rule';
import { environmentPath, SHELL_WORDS } from './command';

export type UserColumn = 'user' | 'command' | 'unknown-user' | 'skip';

/** The word cannot be a user name: it is a path, shell syntax, or a program cron would find. */
export function looksLikeCommandWord(word: string, isOnPath: boolean): boolean {
  return word.includes('/') || /[;&|<>()$`"'\\={}[\]!*?]/.test(word) || SHELL_WORDS.has(word) || isOnPath;
}

export function classifyUserColumn(context: CrontabContext, job: number): UserColumn {
  const document = context.document;
  if (!document.hasUser(job)) return 'skip';
  const user = document.userText(job);
  // An empty command after the user is the same mistake seen from the other side; other line problems win.
  const problem = document.jobProblem(job);
  if (problem && problem.id !== 'no-command') return 'skip';
  const known = context.facts.isUser(user);
  if (known === true) return 'user';
  // Inserting a user before `*…` would leave a glob as the command: that line needs rewriting (invalid-schedule).
  if (user.startsWith('*')) return 'skip';
  if (looksLikeCommandWord(user, context.facts.isCommand(user, environmentPath(document.jobEnvironment(job), context.dialect.dialect)))) return 'command';
  if (known === false && commandEvidence(context, job, user)) return 'command';
  return known === false ? 'unknown-user' : 'skip';
}

/**
 * Programs cron jobs run that are not the names of system users (so not `mail`, `sync`, `man`, `backup`,
 * `postgres`, `mysql`, `git`, `www-data`, `nginx`, `redis`): seeing one where the user belongs means the user
 * column is missing, even on a root where the program is not installed.
 */
const WELL_KNOWN_COMMANDS = new Set([
  'certbot', 'certbot-auto', 'letsencrypt', 'acme.sh', 'dehydrated', 'lego',
  'bash', 'sh', 'dash', 'zsh', 'ksh', 'csh', 'tcsh',
  'php', 'php-cli', 'python', 'python2', 'python3', 'perl', 'ruby', 'node', 'nodejs', 'java', 'npm', 'npx', 'yarn', 'composer', 'drush', 'wp',
  'curl', 'wget', 'rsync', 'scp', 'ssh', 'tar', 'gzip', 'gunzip', 'bzip2', 'xz', 'zip', 'find', 'rm', 'cp', 'mv', 'mkdir', 'touch', 'chmod', 'chown', 'ln', 'cat', 'grep', 'sed', 'awk', 'ls', 'du', 'df',
  'mysqldump', 'mysqlcheck', 'pg_dump', 'pg_dumpall', 'psql', 'mongodump', 'redis-cli', 'sqlite3',
  'docker', 'docker-compose', 'podman', 'kubectl', 'systemctl', 'service', 'logrotate', 'run-parts', 'flock', 'ionice', 'timeout', 'sudo', 'su', 'nohup',
  'apt', 'apt-get', 'yum', 'dnf', 'freshclam', 'clamscan', 'ntpdate', 'hwclock', 'shutdown', 'reboot', 'updatedb', 'sa-update',
  'borg', 'restic', 'duplicity', 'rclone', 's3cmd', 'aws', 'gsutil',
]);

/**
 * Evidence that needs no program on disk that `word` (no user on this host) is the command: a well-known
 * command name; an option right after it (`tar -czf …`: no command starts with `-`); or another line of the
 * same file that has a user column and runs `word` as its command.
 */
function commandEvidence(context: CrontabContext, job: number, word: string): boolean {
  // A `%` starts the job's standard input: a word that begins with one names no program (found by the
  // generative test: `alice %` on one line made `%` "a command" on every other line).
  if (word.startsWith('%')) return false;
  if (WELL_KNOWN_COMMANDS.has(word)) return true;
  const document = context.document;
  const next = document.commandText(job).trimStart().split(/\s+/)[0] ?? '';
  if (/^-{1,2}[A-Za-z]/.test(next)) return true;
  return commandsOfUserLines(context).has(word);
}

const commandsCache = new WeakMap<CrontabContext['document'], { facts: CrontabContext['facts']; words: Set<string> }>();

/** The first word of the command of each line whose user column names a user of this host. */
function commandsOfUserLines(context: CrontabContext): Set<string> {
  const document = context.document;
  const cached = commandsCache.get(document);
  if (cached && cached.facts === context.facts) return cached.words;
  const words = new Set<string>();
  for (let job = 0; job < document.jobCount; job++) {
    if (!document.hasUser(job) || context.facts.isUser(document.userText(job)) !== true) continue;
    const first = document.commandText(job).trimStart().split(/\s+/)[0];
    if (first) words.add(first.replace(/^.*\//, ''));
  }
  commandsCache.set(document, { facts: context.facts, words });
  return words;
}

/**
 * Reads the host's users (HostFacts.users) when a loop over the jobs is about to ask about one other than
 * root — exactly when facts.isUser would read them — but before that loop. The read happens once per lint;
 * inside the loop V8 would compile it into the loop's optimized code without ever having seen it run, and
 * throw that code away when it did.
 */
export function prepareUsers(context: CrontabContext): void {
  const document = context.document;
  for (let job = 0; job < document.jobCount; job++) {
    if (!document.hasUser(job) || document.userText(job) === 'root') continue;
    const problem = document.jobProblem(job);
    if (problem && problem.id !== 'no-command') continue;
    context.facts.users();
    return;
  }
}
