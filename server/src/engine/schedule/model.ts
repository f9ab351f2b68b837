// The host's schedule as one model: every cron job and every timer, with the programs each one really runs.
// Built by inventory.ts from the host (Host seam only), compared by windows.ts, reported by
// rules/schedule/*, drawn by timeline.ts. Plain data: the server, the CLI and tests share it.
import type { CronSchedule } from '../crontab/model';
import type { CronDialect, Range } from '../types';

/** One program a job or service really runs, seen through shells, chains, wrappers and one level of scripts. */
export interface ProgramUse {
  /** The program's base name (`certbot`), the key jobs and timers are compared by. */
  program: string;
  /** As written (`/usr/bin/certbot`, `certbot`). */
  written: string;
  /** Its arguments as words (`['-q', 'renew']`). */
  args: string[];
  /** Where it is written: host path and range of the word (in a crontab line, a unit's ExecStart=, or a script). */
  location: { path: string; range: Range };
  /** The scripts passed through to reach it, outermost first (`/root/bin/renew-wildcard.sh`). */
  via: string[];
  /** `script`: a local shell script the job runs and schedlint read (one level deep); `program` (or absent) otherwise. */
  kind?: 'program' | 'script';
  /** The host path it names when written as one (`/usr/bin/certbot`, `/root/bin/renew-wildcard.sh`). */
  path?: string;
  /** Conditions in front of it (in the job line, and in the script that runs it), outermost first; absent = none. */
  guards?: Guard[];
}

/** A condition written in front of a command (`test -x … -a ! -d /run/systemd/system && …`). */
export interface Guard {
  /**
   * `without-systemd`: runs only when /run/systemd/system is absent, i.e. never on a systemd host;
   * `with-systemd`: only when it exists. `without-anacron` / `with-anacron`: only when anacron is not / is
   * installed (`test -x /usr/sbin/anacron ||`, cronie's `[ ! -f /etc/cron.hourly/0anacron ] &&`).
   * `other`: any other test (`test -x /usr/bin/certbot &&`), kept for messages.
   */
  kind: 'without-systemd' | 'with-systemd' | 'without-anacron' | 'with-anacron' | 'other';
  /** The guard as written, for messages. */
  text: string;
}

export interface CronJob {
  /** Host path of the crontab (`/var/spool/cron/crontabs/root`, `/etc/cron.d/certbot`). */
  path: string;
  /** 0-based line of the job in that file, and the range of the whole line. */
  line: number;
  range: Range;
  /** Range of the command text on that line. */
  commandRange: Range;
  /** Who it runs as: the user column, or the owner of a spool crontab (its file name). */
  user: string;
  schedule: CronSchedule;
  /** The time fields as written (`15 3 * * *`, `@daily`). */
  scheduleText: string;
  command: string;
  /** IANA zone cron computes this job's schedule in (CRON_TZ for cronie, else the host's). */
  timeZone: string;
  dialect: CronDialect;
  /**
   * `run-parts`: a script in a folder that a crontab line runs with run-parts (`/etc/cron.daily/x`); `path`
   * and `line` are then the crontab line that runs the folder, and `script` the script itself.
   */
  source: 'crontab' | 'run-parts';
  script?: string;
  /**
   * `anacron`: a run-parts folder that anacron runs instead of cron (the crontab line is guarded by
   * `test -x /usr/sbin/anacron ||` and anacron is installed). `schedule` is then every minute of the hours
   * anacron may start it in (START_HOURS_RANGE, or the hours of anacron.timer), because the day's actual
   * start depends on when anacron last ran; `scheduleText` says so (`anacron: cron.daily`).
   */
  runsVia?: 'cron' | 'anacron';
  programs: ProgramUse[];
  guards: Guard[];
  /** False when a guard keeps it from running on a systemd host (Debian's /etc/cron.d/certbot). */
  runsOnSystemdHost: boolean;
}

export interface TimerCalendar {
  /** The OnCalendar= value as written, and where (the timer file or a drop-in). */
  text: string;
  path: string;
  range: Range;
}

export interface TimerEntry {
  /** `certbot.timer`. */
  unit: string;
  /** The file systemd loads it from, and its drop-ins. */
  path: string;
  dropIns: string[];
  calendars: TimerCalendar[];
  /** RandomizedDelaySec= in seconds (0 when unset), and where it is set when it is. */
  randomizedDelaySec: number;
  randomizedDelay?: { path: string; range: Range };
  /** AccuracySec= in seconds (systemd's default 60). */
  accuracySec: number;
  persistent: boolean;
  /** FixedRandomDelay=yes: the delay is the same on every elapse (still unknown to us). */
  fixedRandomDelay: boolean;
  /** Enabled the way systemd sees it (links in *.wants/*.requires, Wants= of other units, not masked). */
  enabled: boolean;
  /** Why it is or isn't enabled, for messages ("masked in /etc", "no link in any .wants folder"). */
  enablement: string;
  /** The unit it starts (`certbot.service`), its file, and its ExecStart= lines. */
  service: { unit: string; path?: string; execStart: { text: string; path: string; range: Range }[] };
  programs: ProgramUse[];
}

export interface HostInventory {
  jobs: CronJob[];
  timers: TimerEntry[];
  /** The host's zone (timers are computed in it). */
  timeZone: string;
  /** Whether systemd runs the host, so its timers fire (HostFacts.systemdRunning(); for a copied root
   *  that cannot tell, whether it has timers). */
  systemdHost: boolean;
  /** Whether anacron is installed, and when and what it runs (see CronJob.runsVia). */
  anacron?: AnacronFacts;
  /** Files whose reading threw (a bug): left out of the schedule, reported as internal/rule-error. */
  failures?: InventoryFailure[];
  /** Cron folders with more than MAX_FOLDER_FILES files, of which only the first were read. */
  crowdedFolders?: { path: string; count: number }[];
}

export interface InventoryFailure {
  path: string;
  step: string;
  error: unknown;
}

export interface AnacronFacts {
  installed: boolean;
  /** Hours of the day anacron may start a job in (START_HOURS_RANGE, else its timer's hours, else all). */
  hours: number[];
  /** Folders anacron runs with run-parts (from /etc/anacrontab, else the packaged three). */
  folders: string[];
}
