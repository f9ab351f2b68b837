// How the host's schedule picture names and dates things: a cron job's label (the program it runs, seen through
// wrappers and guards), the hour axis and its dates in the host's zone, clock times and systemd-style spans.
import { EN_DAYS, JA_DAYS } from '../time/format-run';
import { toLocal } from '../time/zone';
import type { Locale } from '../types';
import { trimEndOf } from '../util/trim';
import type { CronJob } from './model';
import type { TimelineHour } from './timeline-model';

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** `cron.daily/logrotate` for a script run by run-parts. */
export function runPartsName(script: string): string {
  return script.split('/').slice(-2).join('/');
}

/** What a cron line runs, as a reader names it: the first program seen through wrappers, else a guess from the text. */
export function commandName(job: CronJob): string {
  const viaScript = job.programs.find((use) => use.via.length > 0);
  if (viaScript) return basename(viaScript.via[0]);
  const direct = job.programs.find((use) => use.via.length === 0);
  if (direct) return direct.program === 'run-parts' ? runPartsLabel(direct.args) : basename(direct.written);
  return guessName(job.command);
}

// Words in front of the real command (guards, wrappers, jitter) that a label should look past.
const PRELUDE = new Set(['cd', 'test', '[', '[[', 'command', 'sleep', 'true', ':', 'perl']);
const WRAPPERS = new Set(['env', 'nice', 'ionice', 'flock', 'timeout', 'chronic', 'sudo', 'exec', 'nohup']);

/** Without the command model: the first chain element that is not a guard or a wait, past its wrappers. */
function guessName(command: string): string {
  const segments = command.split(/&&|\|\||;|\{|\}/).map((segment) => segment.trim()).filter(Boolean);
  for (const segment of segments) {
    const words = segment.split(/\s+/).filter((word) => !/^\w+=/.test(word));
    let index = 0;
    while (index < words.length && WRAPPERS.has(basename(words[index]))) {
      const wrapper = basename(words[index++]);
      // Their options and numbers (`-n 10`, timeout's `10m`), and the lock file flock takes first.
      while (index < words.length && (words[index].startsWith('-') || /^\d+[smhd]?$/.test(words[index]))) index++;
      if (wrapper === 'flock' && index < words.length - 1) index++;
    }
    const word = words[index];
    if (!word || PRELUDE.has(basename(word))) continue;
    if (basename(word) === 'run-parts') return runPartsLabel(words.slice(index + 1));
    return basename(word);
  }
  return basename(command.trim().split(/\s+/)[0] ?? '') || command.slice(0, 30);
}

/** `run-parts cron.hourly` for `run-parts --report /etc/cron.hourly`. */
function runPartsLabel(args: string[]): string {
  const folder = args.find((arg) => !arg.startsWith('-'));
  return folder ? `run-parts ${basename(folder)}` : 'run-parts';
}

const basename = (path: string) => trimEndOf(path, '/').split('/').pop() ?? path;

/** Local hour boundaries in [from, to], each with its label; the date at midnight and at the first one. */
export function hourAxis(from: number, to: number, zone: string, locale: Locale): TimelineHour[] {
  const axis: TimelineHour[] = [];
  const startLocal = toLocal(from, zone);
  let at = from - ((startLocal.minute * 60 + startLocal.second) * 1000 + (((from % 1000) + 1000) % 1000));
  if (at < from) at += HOUR;
  for (let guard = 0; at <= to && guard < 24 * 400; guard++) {
    const local = toLocal(at, zone);
    // Zones with half-hour DST shifts (Lord Howe) move the boundary: snap back to the local hour.
    if (local.minute !== 0) {
      at -= local.minute * MINUTE;
      if (at < from) {
        at += HOUR;
        continue;
      }
    }
    const label = String(local.hour).padStart(2, '0');
    axis.push({ at, hour: local.hour, label, ...(local.hour === 0 || axis.length === 0 ? { day: formatDay(at, zone, locale) } : {}) });
    at += HOUR;
  }
  return axis;
}

/** `Thu 11-26` / `11月26日(木)`. */
export function formatDay(instant: number, zone: string, locale: Locale): string {
  const local = toLocal(instant, zone);
  if (locale === 'ja') return `${local.month}月${local.day}日(${JA_DAYS[local.weekday]})`;
  return `${EN_DAYS[local.weekday]} ${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`;
}

/** `12:01` in the zone. */
export function clock(instant: number, zone: string): string {
  const local = toLocal(instant, zone);
  return `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
}

/** 43200 → `12h`, 90 → `1min 30s`: systemd's way of writing a span. */
export function formatSeconds(seconds: number): string {
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [unit, size] of [['d', 86_400], ['h', 3_600], ['min', 60], ['s', 1]] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join(' ') || '0';
}
