// How install steps read in messages, related locations and hovers: the installer named relative to the
// folder it shares with the crontab, 1-based lines, `root's crontab` for `crontab FILE`.
import * as path from 'node:path';
import type { MessageKey, MessageParams } from '../i18n/catalog';
import type { RelatedLocation } from '../types';
import type { InstallStep } from './model';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** `Dockerfile`, `roles/cron/tasks/main.yml`: the installer relative to the folder it shares with the crontab. */
export function installerLabel(step: InstallStep): string {
  const source = step.source.split('#')[0];
  let common = path.posix.dirname(source);
  while (common !== '/' && !(step.installer + '/').startsWith(common + '/')) common = path.posix.dirname(common);
  return path.posix.relative(common, step.installer) || path.posix.basename(step.installer);
}

export function sourceLabel(step: InstallStep): string {
  const [file, key] = step.source.split('#');
  let common = path.posix.dirname(step.installer);
  while (common !== '/' && !(file + '/').startsWith(common + '/')) common = path.posix.dirname(common);
  const relative = path.posix.relative(common, file) || path.posix.basename(file);
  return key ? `${relative} (${key})` : relative;
}

export function targetLabel(step: InstallStep, t: Translate): string {
  return step.target === 'crontab' ? t('install.hover.crontabTarget', { user: step.user ?? 'root' }) : step.target;
}

export function stepParams(step: InstallStep, t: Translate): { installer: string; line: number; target: string } {
  return { installer: installerLabel(step), line: step.range.start.line + 1, target: targetLabel(step, t) };
}

/** "Installed by Dockerfile line 12 as /etc/cron.d/hello-cron: system crontab." at the install line. */
export function installRelated(step: InstallStep, t: Translate): RelatedLocation {
  const params = { ...stepParams(step, t), kind: t(`kind.${step.format}`), user: step.user ?? 'root' };
  return { path: step.installer, range: step.range, message: t(step.target === 'crontab' ? 'install.related.crontab' : 'install.related.step', params) };
}

/** A step in a sentence: "`crontab /etc/cron.d/hello-cron` in Dockerfile line 9" or "/etc/cron.d/x by Dockerfile line 5". */
export function stepPhrase(step: InstallStep, t: Translate): string {
  const params = { ...stepParams(step, t), description: step.description };
  return t(step.via === 'crontab' ? 'install.step.crontab' : 'install.step.copy', params);
}

export function cronLabel(step: InstallStep, t: Translate): string {
  return t(step.cron ? `install.cron.${step.cron}` : 'install.cron.unknown');
}
