// Where a cron job and an enabled timer of the host's schedule picture that run the same program can meet: a
// cron run inside a timer window, or a continuous cron band overlapping one (windows as in windows.ts).
import { translate } from '../i18n/catalog';
import { formatRunTime } from '../time/format-run';
import type { Locale } from '../types';
import type { HostInventory } from './model';
import type { Timeline, TimelineBand, TimelineGroup, TimelineRow } from './timeline-model';

/**
 * Where a cron job and an enabled timer that run the same program can meet in the picture: a cron run inside
 * a timer window, or a continuous cron band overlapping one. Each meeting is put on both rows.
 */
export function findCollisions(inventory: HostInventory, groups: TimelineGroup[], locale: Locale, zone: string): Timeline['collisions'] {
  const rows = new Map(groups.flatMap((group) => group.rows).map((row) => [row.id, row]));
  const collisions: Timeline['collisions'] = [];
  // Jobs by the programs they run: each timer asks only the jobs that share one of its programs (asking
  // every job made this jobs × timers: 10,000 × 1,000 took seconds).
  const jobsByProgram = new Map<string, number[]>();
  inventory.jobs.forEach((job, index) => {
    for (const use of job.programs) {
      const list = jobsByProgram.get(use.program);
      if (!list) jobsByProgram.set(use.program, [index]);
      else if (list[list.length - 1] !== index) list.push(index);
    }
  });
  for (const timer of inventory.timers) {
    const timerRowData = rows.get(`timer:${timer.unit}`);
    if (!timerRowData?.active) continue;
    const timerPrograms = new Set(timer.programs.map((use) => use.program));
    const candidates = new Set<number>();
    for (const program of timerPrograms) for (const index of jobsByProgram.get(program) ?? []) candidates.add(index);
    // In the jobs' own order, as before, so rows list their meetings the same way.
    for (const job of [...candidates].sort((a, b) => a - b).map((index) => inventory.jobs[index])) {
      const jobRow = rows.get(`cron:${job.path}:${job.line}${job.source === 'run-parts' && job.script ? `:${job.script}` : ''}`);
      if (!jobRow?.active) continue;
      // A script anacron runs does not meet the timer that starts anacron: that timer is how it runs.
      const sameWork = (name: string) => timerPrograms.has(name) && !COMMON_TOOLS.has(name) && !(name === 'anacron' && job.runsVia === 'anacron');
      const program = job.programs.map((use) => use.program).find(sameWork);
      if (program === undefined) continue;
      const meeting = firstMeeting(jobRow, timerRowData.bands);
      if (meeting === undefined) continue;
      collisions.push({ timer: timerRowData.id, job: jobRow.id, program, at: meeting });
      for (const at of meetings(jobRow, timerRowData.bands)) {
        jobRow.collisions.push({ at, with: timerRowData.id, program });
        timerRowData.collisions.push({ at, with: jobRow.id, program });
      }
      const time = formatRunTime(meeting, zone, locale);
      jobRow.notes.push(translate(locale, 'timeline.note.collision', { other: timerRowData.label, program, time }));
      timerRowData.notes.push(translate(locale, 'timeline.note.collision', { other: jobRow.label, program, time }));
    }
  }
  for (const row of rows.values()) row.collisions.sort((a, b) => a.at - b.at);
  return collisions;
}

/**
 * Programs that many scripts call along the way (a log line, a text filter): sharing one of them does not
 * make a job and a timer do the same work.
 */
const COMMON_TOOLS = new Set(
  'logger grep egrep fgrep sed awk gawk mawk cat echo printf find xargs rm mv cp ln mkdir rmdir touch chmod chown date head tail sort uniq wc cut tr tee basename dirname readlink realpath stat id hostname which command type test [ true false sleep nice ionice flock timeout env sh bash dash run-parts mail sendmail mktemp kill pgrep pidof systemctl invoke-rc.d'.split(' '),
);

function meetings(job: TimelineRow, windows: TimelineBand[]): number[] {
  const found: number[] = [];
  // Windows are half-open, [elapse, elapse + delay + accuracy), as in windows.ts.
  for (const tick of job.ticks) if (windows.some((window) => tick >= window.start && tick < window.end)) found.push(tick);
  for (const band of job.bands) {
    for (const window of windows) if (band.start < window.end && window.start < band.end) found.push(Math.max(band.start, window.start));
  }
  return [...new Set(found)].sort((a, b) => a - b);
}

function firstMeeting(job: TimelineRow, windows: TimelineBand[]): number | undefined {
  return meetings(job, windows)[0];
}
