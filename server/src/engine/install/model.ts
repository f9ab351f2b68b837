// How a crontab kept in a repository reaches a machine: one install step per way the repository installs it
// (a Dockerfile COPY into /etc/cron.d, `RUN crontab FILE`, a docker-compose or Kubernetes mount, an Ansible
// copy, a shell script's cp). The step decides the file's format: what the program that reads it expects.
import type { CronDialect, FileKind, Position, Range, TextEdit } from '../types';

/** The program that reads the installed file: it decides the format and what a bad line costs. */
export type CronProgram = 'debian' | 'cronie' | 'busybox' | 'dcron' | 'supercronic' | 'go-crond';

export type InstallVia = 'copy' | 'crontab' | 'mount' | 'configmap' | 'ansible' | 'supercronic' | 'go-crond';

export interface InstallStep {
  /** Host path of the file that installs it (Dockerfile, compose file, playbook, script, manifest). */
  installer: string;
  /** The install command or line in the installer. */
  range: Range;
  /** Host path of the crontab in the repository (for a ConfigMap: the manifest itself). */
  source: string;
  /** Where it lands: a path in the image/host, or `crontab` for `crontab FILE` (then `user` says whose). */
  target: string;
  format: FileKind;
  via: InstallVia;
  /** `crontab -u USER`, an Ansible `owner:`, or the spool file's name. */
  user?: string;
  /** Which cron reads it, when the installer shows it (the base image, supercronic, …). */
  cron?: CronProgram;
  /** The same as a cron dialect the engine knows (Debian's cron or cronie), when it is one. */
  dialect?: CronDialect;
  /** File mode the installer leaves it with, when it shows one (`COPY --chmod`, `RUN chmod`, Ansible `mode:`). */
  mode?: number;
  /** Where the mode or owner was set (the `chmod`, `--chmod=`, `mode:` line). */
  modeRange?: Range;
  /** Owner the installer gives it, when it shows one (`--chown=`, `chown`, Ansible `owner:`). */
  owner?: string;
  /** Where the owner was set, when that is elsewhere than modeRange (an Ansible task's `owner:` line). */
  ownerRange?: Range;
  /**
   * The path cron opens is a symbolic link: a key of a Kubernetes ConfigMap volume mounted as a folder
   * (pkg/volume/util/atomic_writer.go makes each key `KEY -> ..data/KEY`); with `subPath:` it is the file.
   */
  linked?: boolean;
  /** An Ansible `template:`: the file is Jinja, rendered on the way (install/jinja.ts reads it). */
  template?: boolean;
  /** Jinja writes the target's file name (`dest: /etc/cron.d/{{ name }}`): its folder is known, its name is not. */
  templatedName?: boolean;
  /** The edit that removes this step from its installer (a whole instruction, or one command of a chain). */
  removal?: TextEdit;
  /** A short rendering of the step for messages: `COPY hello-cron /etc/cron.d/hello-cron`. */
  description: string;
  /** Crontab text that lives inside the installer (a ConfigMap key), with where each of its lines starts. */
  inline?: InlineCrontab;
}

export interface InlineCrontab {
  text: string;
  /** For line i of `text`, the installer's line and the column where that line's text starts. */
  lines: InlineLine[];
  /** Written by commands of the installer itself (install/echo-lines.ts): its findings already sit on the install lines. */
  written?: boolean;
}

export interface InlineLine {
  line: number;
  character: number;
  /**
   * When the line's characters do not sit side by side in the installer (echo's quotes and escapes,
   * install/echo-lines.ts): the installer position of each character, then of the line's end.
   */
  characters?: Position[];
  /** With `characters`: whether a fix may edit each character in place (quoted, written as itself). */
  safe?: boolean[];
}

export function crontabProgramDialect(cron: CronProgram | undefined): CronDialect | undefined {
  return cron === 'debian' || cron === 'cronie' ? cron : undefined;
}

/**
 * Crons the engine has no dialect of, linted with Debian's as their stand-in. busybox crond (Alpine's own):
 * Debian's is the closer of the two (no `CRON_TZ`, no `~` ranges: busybox miscutils/crond.c ParseField,
 * find_jobs). dcron (Alpine's `apk add dcron`): five fields with names and steps, no `CRON_TZ`, no `~`
 * (dubiousjim/dcron database.c ParseField); rules whose facts differ for it skip it with `notFor`.
 */
const STAND_INS: readonly CronProgram[] = ['busybox', 'dcron'];

/**
 * The dialect to lint with for the cron the image runs, when the install steps say: Debian's cron, cronie, or
 * Debian's cron as the stand-in for busybox crond or dcron. The choice must not fall back on the machine that
 * runs schedlint, which is not the image.
 */
export function installDialect(steps: readonly InstallStep[] | undefined): CronDialect | undefined {
  return steps?.find((step) => step.dialect)?.dialect ?? (steps?.some((step) => step.cron !== undefined && STAND_INS.includes(step.cron)) ? 'debian' : undefined);
}

/** The program that reads the file when the dialect only stands in for it (busybox crond, dcron), for reports. */
export function installStandIn(steps: readonly InstallStep[] | undefined): CronProgram | undefined {
  return steps?.some((step) => step.dialect) ? undefined : steps?.find((step) => step.cron !== undefined && STAND_INS.includes(step.cron))?.cron;
}

/**
 * The cron that reads an image path, from the image's cron. busybox crond reads /etc/crontabs/USER (Alpine
 * links /var/spool/cron/crontabs there) and nothing in /etc/cron.d; an image whose cron is unknown but that
 * fills /etc/crontabs is taken for busybox's. An image that installs another cron (`apk add dcron`,
 * `apk add cronie`) has that cron read its crontabs, not busybox's crond.
 */
export function cronOfTarget(target: string, imageCron: CronProgram | undefined): CronProgram | undefined {
  if (target.startsWith('/etc/crontabs/') && (imageCron === undefined || imageCron === 'busybox')) return 'busybox';
  // On a busybox image its spool path reaches the same files: CONFIG_FEATURE_CROND_DIR is /var/spool/cron, so
  // crond reads /var/spool/cron/crontabs/USER (busybox miscutils/crond.c CRONTABS), the folder Alpine links to
  // /etc/crontabs. Without a known image that path is Debian's spool, and stays so.
  if (target.startsWith('/var/spool/cron/crontabs/') && imageCron === 'busybox') return 'busybox';
  return imageCron === 'busybox' ? undefined : imageCron;
}
