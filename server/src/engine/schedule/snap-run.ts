// What `snap run [options] SNAP[.APP] [args]` runs: the launcher snapd writes into the ExecStart= of a snap's
// service (`/usr/bin/snap run --timer="00:00~24:00/2" certbot.renew`, snap.certbot.renew.service) and that
// people write in crontabs. command-model.ts asks here so that certbot installed as a snap (its recommended
// install on Ubuntu) counts as certbot, as the apt package's certbot.timer does.
// References (canonical/snapd): snap/info.go AppInfo.launcherCommand/LauncherCommand (`snap run SNAP` when
// the app is named like the snap, else `snap run SNAP.APP`; `--timer=%q` for a timer app,
// `--command=stop|reload|post-stop` for the other service commands); cmd/snapd/cli/cmd_run.go cmdRun (the
// options, and --timer only gates the run on the window). An app's own command comes from the snap's
// snapcraft.yaml, which is not on the host to read: the apps we know are listed below with their source.
import type { Word } from './shell-tokens';

/**
 * The commands of snap apps that matter to the schedule, as words after the program name. certbot/certbot
 * snap/snapcraft.yaml: `renew: command: bin/python3 -s $SNAP/bin/certbot -q renew, daemon: oneshot,
 * timer: 00:00~24:00/2` (and `certbot: command: … $SNAP/bin/certbot`, the app named like the snap).
 */
const KNOWN_APPS: ReadonlyMap<string, readonly string[]> = new Map([['certbot.renew', ['certbot', '-q', 'renew']]]);

// cmdRun's options that take a value in the next word when not written `--opt=value` (go-flags); the
// optional-value ones (`--strace`, `--gdbserver`) take one only after `=`.
const WITH_VALUE = new Set(['--command', '--hook', '-r', '--timer']);

/**
 * The words `snap run …` runs (`snap run certbot.renew` → `certbot -q renew`, `snap run certbot renew` →
 * `certbot renew`), an empty list when it runs nothing we can name (a service's stop or reload command, a
 * hook, `--shell`), or undefined when `args` (after `snap`) is no `run`.
 */
export function snapRun(args: Word[]): Word[] | undefined {
  if (args[0]?.value !== 'run') return undefined;
  let index = 1;
  while (index < args.length && args[index].value.startsWith('-')) {
    const option = args[index].value;
    if (option === '--') {
      index++;
      break;
    }
    const name = option.split('=')[0];
    // Not the app's own command: a service's stop/reload/post-stop command, a hook, an interactive shell.
    if (name === '--command' || name === '--hook' || name === '--shell') return [];
    if (WITH_VALUE.has(name) && !option.includes('=')) index++;
    index++;
  }
  const target = args[index];
  if (!target || target.dynamic) return [];
  const rest = args.slice(index + 1);
  const known = KNOWN_APPS.get(target.value);
  if (known) {
    // The app's own words stand at the place of `SNAP.APP`, so findings point at it.
    return [...known.map((value): Word => ({ type: 'word', value, start: target.start, end: target.end, dynamic: false })), ...rest];
  }
  // `snap run certbot …` is what /snap/bin/certbot runs (a link to /usr/bin/snap): the app named like the
  // snap, under the snap's name. An app of another name keeps `SNAP.APP` as its name.
  return [{ ...target, inner: undefined }, ...rest];
}
