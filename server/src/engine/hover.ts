// Hover text for a position in a crontab: the schedule in words with its next runs in the zone cron really
// uses, the user column, the command, and environment lines. Markdown; no vscode types.
import { describeSchedule } from './crontab/describe';
import { defaultCronPath, jobPath } from './crontab/command';
import { FIELD_SPECS } from './crontab/fields';
import { nextRuns } from './crontab/next-runs';
import type { JobLine, Token } from './crontab/model';
import { translate, type MessageKey, type MessageParams } from './i18n/catalog';
import type { LintResult } from './lint';
import type { HostFacts } from './host/facts';
import { formatRunTime } from './time/format-run';
import { cronieZone } from './crontab/cron-tz';
import type { Locale, Position, Range } from './types';
import { cronLabel, stepParams } from './install/describe';
import { installStandIn } from './install/model';

export interface HoverResult {
  markdown: string;
  range: Range;
}

export interface HoverOptions {
  facts: HostFacts;
  locale: Locale;
  /** "Now", for next runs (tests pin it). */
  now?: number;
  runs?: number;
}

const within = (token: Token, character: number) => character >= token.start && character <= token.end;

export function hoverAt(result: LintResult, position: Position, options: HoverOptions): HoverResult | undefined {
  const line = result.document.line(position.line);
  if (!line) return undefined;
  const t = (key: MessageKey, params?: MessageParams) => translate(options.locale, key, params);
  const character = position.character;

  if (line.type === 'environment' && character <= line.valueToken.end) {
    const name = line.name.text;
    const known = ['PATH', 'SHELL', 'MAILTO', 'HOME', 'CRON_TZ', 'TZ', 'RANDOM_DELAY'];
    const text = known.includes(name)
      ? t(`hover.env.${name}` as MessageKey, { defaultPath: defaultCronPath(result.dialect.dialect) })
      : t('hover.env.other', { name });
    return { markdown: `**${name}** — ${text}`, range: rangeOf(line.line, line.name.start, line.valueToken.end) };
  }

  if (line.type !== 'job' && line.type !== 'invalid') return undefined;
  const timeIndex = line.timeTokens.findIndex((token) => within(token, character));
  if (timeIndex >= 0) {
    const first = line.timeTokens[0];
    const last = line.timeTokens[line.timeTokens.length - 1];
    const parts: string[] = [];
    if (line.type === 'job' && line.schedule) parts.push(...scheduleHover(line, result, options));
    if (!(line.type === 'job' && line.keyword) && line.timeTokens.length > 1 && timeIndex < FIELD_SPECS.length) {
      parts.push(`\`${line.timeTokens[timeIndex].text}\` — ${t(`hover.field.${FIELD_SPECS[timeIndex].name}` as MessageKey)}`);
    }
    parts.push(formatLine(result, t));
    return { markdown: parts.join('\n\n'), range: rangeOf(line.line, first.start, last.end) };
  }
  if (line.type !== 'job') return undefined;
  if (line.user && within(line.user, character)) {
    const user = options.facts.users()?.get(line.user.text);
    const detail = user || line.user.text === 'root' ? t('hover.user.known', { user: line.user.text, uid: user?.uid ?? 0 }) : t('hover.user.unknown', { user: line.user.text });
    return { markdown: t('hover.user.system', { detail }), range: rangeOf(line.line, line.user.start, line.user.end) };
  }
  if (within(line.command, character) && line.command.text.length > 0) {
    const shell = line.environment.get('SHELL') ?? '/bin/sh';
    return {
      markdown: t('hover.command', { shell, path: jobPath(line, result.dialect.dialect) }),
      range: rangeOf(line.line, line.command.start, line.command.end),
    };
  }
  return undefined;
}

function scheduleHover(job: JobLine, result: LintResult, options: HoverOptions): string[] {
  const t = (key: MessageKey, params?: MessageParams) => translate(options.locale, key, params);
  const schedule = job.schedule;
  if (!schedule) return [];
  const parts = [`**${describeSchedule(schedule, options.locale)}**`];
  if (schedule.reboot) {
    parts.push(t('hover.schedule.reboot'));
    return parts;
  }
  const cronTz = result.dialect.dialect === 'cronie' ? job.environment.get('CRON_TZ') || undefined : undefined;
  const zone = cronTz ? cronieZone(options.facts.host, cronTz).zone : result.timeZone;
  const runs = nextRuns(schedule, options.now ?? Date.now(), options.runs ?? 5, zone);
  if (runs.length === 0) parts.push(t('hover.schedule.never'));
  else parts.push(`${t('hover.schedule.nextRuns', { zone })}\n${runs.map((run) => `- ${formatRunTime(run, zone, options.locale)}`).join('\n')}`);
  if (!schedule.dayOfMonthStar && !schedule.dayOfWeekStar && schedule.daysOfMonth.slice(1).some((on) => !on) && schedule.daysOfWeek.some((on) => !on)) {
    parts.push(t('hover.schedule.orNote'));
  }
  parts.push(cronTz ? t('hover.schedule.zoneCronTz', { zone }) : t('hover.schedule.zoneFixed', { dialect: t(`dialect.${result.dialect.dialect}`), zone }));
  return parts;
}

function formatLine(result: LintResult, t: (key: MessageKey, params?: MessageParams) => string): string {
  const standIn = result.dialect.source === 'install' ? installStandIn(result.installs) : undefined;
  const source = standIn
    ? t('hover.source.standIn', { cron: t(`install.cron.${standIn}`) })
    : result.dialect.source === 'os-release'
      ? t('hover.source.os-release', { distribution: result.dialect.distribution ?? '/etc/os-release' })
      : t(`hover.source.${result.dialect.source}` as MessageKey);
  const format = `_${t('hover.format', { kind: t(`kind.${result.kind}`), reason: t(`hover.reason.${result.kindReason}` as MessageKey) })} ${t('hover.schedule.dialect', { dialect: t(`dialect.${result.dialect.dialect}`), kind: t(`kind.${result.kind}`), source })}_`;
  // A repository crontab: how each install step puts it on the machine, in which format, for which cron.
  const installs = (result.installs ?? []).map((step) => `- ${t('install.hover.step', { ...stepParams(step, t), description: step.description, kind: t(`kind.${step.format}`), cron: cronLabel(step, t) })}`);
  return installs.length > 0 ? `${format}\n\n${installs.join('\n')}` : format;
}

function rangeOf(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

