// The host timeline as plain text for a terminal, the way cronkit draws a day: one row per job or timer on a
// 48-column (30 minutes each) or 96-column (15 minutes) axis; `|` a cron run, `=` a timer window or a job that
// runs every minute, `!` a cron run inside the window of a timer running the same program, `.` nothing.
// Rows that do not run on this host use `:` and `~` instead, followed by the reason.
import type { Timeline, TimelineRow } from './timeline';
import { escapeControls } from '../util/visible';

const LABEL_WIDTH = 28;
const INDENT = '  ';

/** `width`: the terminal's columns; 120 or more gives the finer 96-column axis. */
export function renderTimelineText(timeline: Timeline, width = 80): string {
  const columns = width >= LABEL_WIDTH + INDENT.length + 96 + 1 ? 96 : 48;
  const step = (timeline.to - timeline.from) / columns;
  // Title and subtitle joined as the language joins clauses (docs/ja-style.md: 「、」 in Japanese).
  const lines: string[] = [`${timeline.title}${timeline.locale === 'ja' ? '、' : ', '}${timeline.subtitle}`, ''];
  if (timeline.empty) return [...lines, timeline.empty, ''].join('\n');
  const gutter = ' '.repeat(LABEL_WIDTH + INDENT.length);
  lines.push(gutter + axisLine(timeline, columns, step));
  for (const group of timeline.groups) {
    lines.push(group.title);
    for (const row of group.rows) {
      // Escaped before measuring: a label from a crontab may hold control characters, printed as `^[` (two columns).
      lines.push(INDENT + pad(truncate(escapeControls(row.label), LABEL_WIDTH), LABEL_WIDTH) + cells(row, timeline, columns, step) + (row.active ? '' : `  ${row.inactiveReason ?? ''}`));
      lines.push(gutter + row.nextText);
      for (const note of row.notes) lines.push(gutter + note);
    }
  }
  const legend = timeline.legend;
  lines.push('', `| ${legend.run}   = ${legend.window} / ${legend.continuous}   ! ${legend.collision}   : ~ ${legend.inactive}`, '');
  return lines.join('\n');
}

/** Hour labels over the columns they start in: every hour when an hour is 3+ columns wide, else every 3, 6, 12 h. */
function axisLine(timeline: Timeline, columns: number, step: number): string {
  const cells = Array.from({ length: columns + 2 }, () => ' ');
  const hourWidth = 3_600_000 / step;
  const stride = [1, 3, 6, 12, 24].find((hours) => hours * hourWidth >= 3) ?? 24;
  let lastEnd = -1;
  for (const hour of timeline.axis) {
    if (hour.hour % stride !== 0) continue;
    const column = Math.floor((hour.at - timeline.from) / step);
    if (column <= lastEnd || column + hour.label.length > columns + 2) continue;
    for (let i = 0; i < hour.label.length; i++) cells[column + i] = hour.label[i];
    lastEnd = column + hour.label.length;
  }
  return cells.join('').trimEnd();
}

function cells(row: TimelineRow, timeline: Timeline, columns: number, step: number): string {
  const out = Array.from({ length: columns }, () => '.');
  const columnOf = (instant: number) => Math.floor((instant - timeline.from) / step);
  const mark = (column: number, char: string) => {
    if (column >= 0 && column < columns && rank(char) > rank(out[column])) out[column] = char;
  };
  const band = row.active ? '=' : '~';
  for (const span of row.bands) {
    const first = Math.max(0, columnOf(span.start));
    // A window ending exactly on a column boundary does not reach into that column.
    const last = Math.min(columns - 1, Math.ceil((span.end - timeline.from) / step) - 1);
    for (let column = first; column <= last; column++) mark(column, band);
  }
  for (const tick of row.ticks) mark(columnOf(tick), row.active ? '|' : ':');
  if (row.kind === 'cron') for (const collision of row.collisions) mark(columnOf(collision.at), '!');
  return out.join('');
}

function rank(char: string): number {
  return { '.': 0, '~': 1, '=': 1, ':': 2, '|': 2, '!': 3 }[char] ?? 0;
}

/** Columns a string takes in a terminal: East Asian wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function truncate(text: string, width: number): string {
  if (displayWidth(text) < width) return text;
  let out = '';
  for (const char of text) {
    if (displayWidth(out + char) > width - 2) break;
    out += char;
  }
  return out + '…';
}
