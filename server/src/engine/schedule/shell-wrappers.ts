// Commands that run another command (`nice`, `ionice`, `env`, `timeout`, `flock`, `sudo`, `su`, `exec`, …)
// and jitter that runs nothing of interest (`perl -e 'sleep …'`): how command-model.ts sees through them to
// the program a job really runs. Options are skipped as each program's manual (coreutils, util-linux, sudo)
// defines them.
import type { Word } from './shell-tokens';


/**
 * Words after a wrapper that runs another command (`nice -n 10 certbot renew` → `certbot renew`), an empty
 * list for a wrapper given no command, or undefined when `name` is no wrapper.
 */
export function unwrap(name: string, args: Word[]): Word[] | undefined {
  const values = args.map((word) => word.value);
  let index = 0;
  const skipOptions = (withValue: Set<string>) => {
    while (index < values.length && values[index].startsWith('-') && values[index] !== '-') {
      if (values[index] === '--') {
        index++;
        return;
      }
      if (withValue.has(values[index])) index++;
      index++;
    }
  };
  switch (name) {
    case 'exec':
      skipOptions(new Set(['-a']));
      return args.slice(index);
    case 'command':
    case 'nohup':
    case 'chronic':
    case 'time':
    case 'builtin':
      skipOptions(new Set());
      return args.slice(index);
    case 'env':
      skipOptions(new Set(['-u', '--unset', '-C', '--chdir', '-S', '--split-string']));
      while (index < values.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(values[index])) index++;
      return args.slice(index);
    case 'nice':
      // `nice -n 10 cmd`, `nice -10 cmd`, `nice --adjustment=10 cmd`.
      skipOptions(new Set(['-n', '--adjustment']));
      return args.slice(index);
    case 'ionice':
      skipOptions(new Set(['-c', '--class', '-n', '--classdata', '-p', '--pid', '-P', '--pgid', '-u', '--uid']));
      return args.slice(index);
    case 'timeout':
      skipOptions(new Set(['-k', '--kill-after', '-s', '--signal']));
      return args.slice(index + 1); // the duration
    case 'flock': {
      skipOptions(new Set(['-w', '--wait', '--timeout', '-E', '--conflict-exit-code']));
      // `flock FILE -c 'cmd'` runs cmd with sh -c; `flock FILE cmd args`.
      const rest = args.slice(index + 1);
      if (rest[0] && (rest[0].value === '-c' || rest[0].value === '--command')) {
        return rest[1] ? [{ type: 'word', value: 'sh', start: rest[0].start, end: rest[0].end, dynamic: false }, { ...rest[0], value: '-c' }, rest[1]] : [];
      }
      return rest;
    }
    case 'sudo':
      skipOptions(new Set(['-u', '--user', '-g', '--group', '-C', '--close-from', '-D', '--chdir', '-h', '--host', '-p', '--prompt', '-r', '--role', '-t', '--type', '-T', '--command-timeout']));
      while (index < values.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(values[index])) index++;
      return args.slice(index);
    case 'runuser':
    case 'su': {
      // `su - user -c 'cmd'`, `runuser -u user -- cmd`.
      const command = values.indexOf('-c');
      if (command !== -1 && args[command + 1]) return [{ type: 'word', value: 'sh', start: args[command].start, end: args[command].end, dynamic: false }, args[command], args[command + 1]];
      const dashes = values.indexOf('--');
      return dashes !== -1 ? args.slice(dashes + 1) : [];
    }
    case 'xargs':
    case 'watch':
      return undefined;
    default:
      return undefined;
  }
}

/** `perl -e 'sleep int(rand(43200))'`: random jitter, not a program of interest. */
export function isPerlSleep(args: Word[]): boolean {
  const script = args.find((_word, index) => index > 0 && args[index - 1].value === '-e');
  return script !== undefined && /^\s*sleep\b[^;]*;?\s*$/.test(script.value);
}

export function basename(word: string): string {
  const slash = word.lastIndexOf('/');
  return slash === -1 ? word : word.slice(slash + 1);
}
