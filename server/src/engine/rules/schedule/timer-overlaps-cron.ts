// Seed 001: an enabled timer and a cron job run the same program (certbot above all) at moments that can
// coincide; reported on both sides, each pointing at the other. The timer's window is systemd.timer(5)'s
// elapse + RandomizedDelaySec= + AccuracySec= (windows.ts); the cron side is crontab(5) run times. Jobs
// guarded off on this host (Debian's /etc/cron.d/certbot on systemd) and timers that are not enabled are
// left out entirely (overlaps.ts), so a stock certbot install stays silent.
import * as posix from 'node:path/posix';
import type { MessageParams } from '../../i18n/catalog';
import type { HostRule, HostRuleContext } from '../../schedule/host-rule';
import type { CronJob, TimerEntry } from '../../schedule/model';
import { findOverlaps, type Overlap } from '../../schedule/overlaps';
import { formatRunTime } from '../../time/format-run';
import { toLocal } from '../../time/zone';
import type { Range, TerminalAction } from '../../types';

export const timerOverlapsCron: HostRule = {
  id: 'schedule/timer-overlaps-cron',
  meta: { defaultSeverity: 'warning', fixable: true },
  check(context) {
    // One finding per place, not per pair: a timer that overlaps 300 cron jobs is one cause on its line (the
    // first overlap in words, the rest counted and linked). Pairs grow with jobs × timers; a generated host
    // of 10,000 jobs and 1,000 timers sharing a few programs had 900,000 of them.
    const timerSide = new Map<string, Overlap[]>();
    const cronSide = new Map<string, Overlap[]>();
    for (const overlap of findOverlaps(context.inventory, { from: context.from })) {
      group(timerSide, placeKey(timerLocation(overlap.timer)), overlap);
      group(cronSide, placeKey(cronLocation(overlap)), overlap);
    }
    for (const overlaps of timerSide.values()) reportTimer(context, overlaps);
    for (const overlaps of cronSide.values()) reportCron(context, overlaps);
  },
};

/** How many of the other overlaps one finding links to (the count in its message covers them all). */
const MAX_RELATED = 20;

function group(groups: Map<string, Overlap[]>, key: string, overlap: Overlap): void {
  const list = groups.get(key);
  if (list) list.push(overlap);
  else groups.set(key, [overlap]);
}

function placeKey(place: { path: string; range: Range }): string {
  return `${place.path}:${place.range.start.line}:${place.range.start.character}`;
}

function reportTimer(context: HostRuleContext, overlaps: Overlap[]): void {
  const [first, ...others] = overlaps;
  const { params, certbot } = describe(context, first);
  const more = others.length === 0 ? '' : context.t('schedule/timer-overlaps-cron.more-cron', { count: others.length, program: params.program });
  const timerPlace = timerLocation(first.timer);
  context.report(timerPlace.path, {
    messageId: certbot ? 'timer-certbot' : 'timer',
    params: { ...params, more },
    range: timerPlace.range,
    related: overlaps.slice(0, MAX_RELATED + 1).map((overlap) => {
      const place = cronLocation(overlap);
      const each = describe(context, overlap).params;
      return { path: place.path, range: place.range, message: context.t('schedule/timer-overlaps-cron.related-cron', { owner: each.owner, chain: each.chain, cronRun: each.cronRun }) };
    }),
    terminalActions: [disableAction(context, first.timer)],
  });
}

function reportCron(context: HostRuleContext, overlaps: Overlap[]): void {
  const [first, ...others] = overlaps;
  const { params, certbot } = describe(context, first);
  const more = others.length === 0 ? '' : context.t('schedule/timer-overlaps-cron.more-timers', { count: others.length, program: params.program });
  const { job } = first;
  const cronPlace = cronLocation(first);
  const fixes =
    job.source === 'crontab'
      ? [{ title: context.t('schedule/timer-overlaps-cron.comment-out'), edits: [{ range: { start: { line: job.line, character: 0 }, end: { line: job.line, character: 0 } }, newText: '# ' }] }]
      : undefined;
  context.report(cronPlace.path, {
    messageId: certbot ? 'cron-certbot' : 'cron',
    params: { ...params, more },
    range: cronPlace.range,
    related: overlaps.slice(0, MAX_RELATED + 1).map((overlap) => {
      const place = timerLocation(overlap.timer);
      const each = describe(context, overlap).params;
      return { path: place.path, range: place.range, message: context.t('schedule/timer-overlaps-cron.related-timer', { timer: overlap.timer.unit, program: each.program, windowStart: each.windowStart, windowEnd: each.windowEnd }) };
    }),
    fixes,
    terminalActions: [disableAction(context, first.timer)],
  });
}

function describe(context: HostRuleContext, overlap: Overlap): { params: MessageParams & Record<'timer' | 'program' | 'owner' | 'chain' | 'windowStart' | 'windowEnd' | 'cronRun', string>; certbot: boolean } {
  const { job, timer, collision } = overlap;
  const zone = context.inventory.timeZone;
  const certbot = overlap.key === 'certbot';
  const program = certbot ? 'certbot' : overlap.timerUse.program;
  const owner = ownerText(context, job);
  // A run-parts job is already named by its script (the owner); a crontab line by what it runs.
  const script = overlap.jobUse.via[0];
  const chain = script !== undefined && script !== job.script ? context.t('schedule.chain.script', { script: posix.basename(script), program: overlap.jobUse.program }) : overlap.jobUse.program;
  const params = {
    timer: timer.unit,
    program,
    owner,
    chain,
    // Each time names its zone, as systemd-analyze prints it: the reader's clock may be elsewhere, and a
    // cronie job with CRON_TZ= runs in a zone of its own.
    windowStart: formatRunTime(collision.windowStart, zone, context.locale),
    windowEnd: `${formatWindowEnd(collision.windowStart, collision.windowEnd, zone, context.locale)} ${zone}`,
    cronRun: `${formatRunTime(collision.cronRun, job.timeZone, context.locale)} ${job.timeZone}`,
  };
  return { params, certbot };
}

/** "root's crontab", "/etc/cron.d/renew", "/etc/cron.daily/renew (through run-parts /etc/cron.daily)". */
function ownerText(context: HostRuleContext, job: CronJob): string {
  if (job.source === 'run-parts' && job.script) {
    if (job.runsVia === 'anacron') return context.t('schedule.owner.anacron', { path: job.script });
    return context.t('schedule.owner.run-parts', { path: job.script, folder: posix.dirname(job.script) });
  }
  if (job.path.startsWith('/var/spool/cron/')) return context.t('schedule.owner.user', { user: job.user });
  return job.path;
}

/** The window's end as a time of day when it is on the window's first day, else in full. */
function formatWindowEnd(start: number, end: number, zone: string, locale: 'en' | 'ja'): string {
  const from = toLocal(start, zone);
  const to = toLocal(end, zone);
  if (from.year === to.year && from.month === to.month && from.day === to.day) return formatRunTime(end, zone, locale).slice(-5);
  return formatRunTime(end, zone, locale);
}

/** RandomizedDelaySec= when the timer has one (it makes the window), else its first OnCalendar=. */
function timerLocation(timer: TimerEntry): { path: string; range: Range } {
  if (timer.randomizedDelay && timer.randomizedDelaySec > 0) return timer.randomizedDelay;
  const calendar = timer.calendars[0];
  return calendar ? { path: calendar.path, range: calendar.range } : { path: timer.path, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

/**
 * On the crontab line (at the program word when the line names it, else the command) for crontab jobs; for
 * a run-parts script, in the script (where it calls the program), since the line that runs the folder
 * (`/etc/crontab`'s cron.daily line) also runs every other script in it.
 */
function cronLocation(overlap: Overlap): { path: string; range: Range } {
  const { job, jobUse } = overlap;
  if (job.source === 'run-parts' && job.script) {
    if (jobUse.location.path === job.script) return jobUse.location;
    return { path: job.script, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  }
  if (jobUse.via.length === 0 && jobUse.location.path === job.path) return jobUse.location;
  return { path: job.path, range: job.commandRange };
}

/**
 * Never an edit of the unit (a packaged one under /lib is overwritten by upgrades): a command typed into a
 * terminal. A runtime enable is undone with --runtime; a timer pulled in by another unit's Wants= cannot be
 * disabled, only masked.
 */
function disableAction(context: HostRuleContext, timer: TimerEntry): TerminalAction {
  let command = `sudo systemctl disable --now ${timer.unit}`;
  if (timer.enablement.startsWith('link:/run/')) command = `sudo systemctl disable --runtime --now ${timer.unit}`;
  if (timer.enablement.startsWith('directive:')) command = `sudo systemctl mask --now ${timer.unit}`;
  return { title: context.t('schedule/timer-overlaps-cron.disable-timer', { timer: timer.unit }), command };
}
