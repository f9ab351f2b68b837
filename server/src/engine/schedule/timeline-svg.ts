// The host timeline as an SVG picture: an hour axis in the host's zone, one lane per job or timer, cron runs as
// ticks, jobs running every minute and timer windows as bands, meetings of the same program in red, rows that
// do not run on this host greyed. Colours come from VS Code's theme variables (`--vscode-foreground`,
// `--vscode-charts-*`) when the SVG sits in a webview, with fallbacks for a light or dark page on its own.
import { escapeControls } from '../util/visible';
import type { Timeline, TimelineRow } from './timeline';

export interface SvgOptions {
  /** Fallback colours when no VS Code theme variables are around (default light). */
  theme?: 'light' | 'dark';
  /** Total width in pixels (default 1100). */
  width?: number;
  /** Draw the title and subtitle (default true; a page with its own heading leaves them out). */
  heading?: boolean;
}

const PALETTE = {
  light: { background: '#ffffff', foreground: '#1f1f1f', muted: '#616161', blue: '#1a73e8', orange: '#c26a00', red: '#d93025', green: '#188038' },
  dark: { background: '#1e1e1e', foreground: '#cccccc', muted: '#9d9d9d', blue: '#4d9cf6', orange: '#e8a33d', red: '#f14c4c', green: '#89d185' },
};

const LABEL_WIDTH = 260;
const RIGHT = 24;
const HEADING = 40;
const GROUP_HEIGHT = 24;
const ROW_HEIGHT = 22;
const BAR = 12;

export function renderTimelineSvg(timeline: Timeline, options: SvgOptions = {}): string {
  const colours = PALETTE[options.theme ?? 'light'];
  const width = options.width ?? 1100;
  const heading = options.heading ?? true;
  const axisTop = heading ? 52 + HEADING : 52;
  const axisWidth = width - LABEL_WIDTH - RIGHT;
  const x = (instant: number) => LABEL_WIDTH + ((Math.min(Math.max(instant, timeline.from), timeline.to) - timeline.from) / (timeline.to - timeline.from)) * axisWidth;
  const body: string[] = [];
  let y = axisTop;

  for (const group of timeline.groups) {
    body.push(`<text class="group" x="12" y="${y + 16}">${escape(group.title)}</text>`);
    y += GROUP_HEIGHT;
    for (const row of group.rows) {
      body.push(rowSvg(row, y, x, timeline));
      y += ROW_HEIGHT;
    }
  }
  if (timeline.empty) {
    body.push(`<text class="muted" x="12" y="${y + 16}">${escape(timeline.empty)}</text>`);
    y += GROUP_HEIGHT;
  }
  const rowsEnd = y + 4;

  const axis: string[] = [];
  const hourWidth = (3_600_000 / (timeline.to - timeline.from)) * axisWidth;
  const stride = [1, 2, 3, 6, 12, 24].find((hours) => hours * hourWidth >= 24) ?? 24;
  for (const hour of timeline.axis) {
    const at = x(hour.at);
    const midnight = hour.hour === 0;
    axis.push(`<line class="grid${midnight ? ' day' : ''}" x1="${fixed(at)}" y1="${axisTop - 8}" x2="${fixed(at)}" y2="${rowsEnd}"/>`);
    if (hour.hour % stride === 0) axis.push(`<text class="hour" x="${fixed(at)}" y="${axisTop - 12}" text-anchor="middle">${hour.label}</text>`);
    // A date at the right edge would be cut off: anchor it at its end there.
    const nearEnd = at > width - RIGHT - 64;
    if (hour.day) axis.push(`<text class="day" x="${fixed(nearEnd ? at : at + 2)}" y="${axisTop - 28}"${nearEnd ? ' text-anchor="end"' : ''}>${escape(hour.day)}</text>`);
  }
  axis.push(`<line class="grid" x1="${LABEL_WIDTH}" y1="${axisTop - 8}" x2="${LABEL_WIDTH + axisWidth}" y2="${axisTop - 8}"/>`);
  if (timeline.now >= timeline.from && timeline.now <= timeline.to) {
    axis.push(`<line class="now" x1="${fixed(x(timeline.now))}" y1="${axisTop - 8}" x2="${fixed(x(timeline.now))}" y2="${rowsEnd}"><title>${escape(timeline.legend.now)}</title></line>`);
  }

  const legend = legendSvg(timeline, rowsEnd + 26, width - RIGHT);
  const height = legend.bottom + 14;

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escape(timeline.title)}">`,
    `<style>${style(colours)}</style>`,
    `<rect class="bg" x="0" y="0" width="${width}" height="${height}"/>`,
    ...(heading ? [`<text class="title" x="12" y="24">${escape(timeline.title)}</text>`, `<text class="muted" x="12" y="44">${escape(timeline.subtitle)}</text>`] : []),
    ...axis,
    ...body,
    legend.svg,
    '</svg>',
  ].join('\n');
}

function rowSvg(row: TimelineRow, y: number, x: (instant: number) => number, timeline: Timeline): string {
  const top = y + (ROW_HEIGHT - BAR) / 2;
  const parts: string[] = [];
  const tooltip = [row.label, row.schedule, row.command, row.inactiveReason, row.nextText, ...row.notes].filter(Boolean).join('\n');
  parts.push(`<title>${escape(tooltip)}</title>`);
  parts.push(`<rect class="lane" x="${LABEL_WIDTH}" y="${fixed(top)}" width="${fixed(x(timeline.to) - LABEL_WIDTH)}" height="${BAR}"/>`);
  parts.push(`<text class="label" x="24" y="${y + 15}">${escape(truncate(row.label, 36))}</text>`);
  for (const band of row.bands) {
    if (band.end <= timeline.from || band.start >= timeline.to) continue;
    const left = x(band.start);
    const bandWidth = Math.max(1.5, x(band.end) - left);
    parts.push(`<rect class="${band.kind}" x="${fixed(left)}" y="${fixed(top)}" width="${fixed(bandWidth)}" height="${BAR}"/>`);
    if (band.kind === 'window' && band.start >= timeline.from) parts.push(`<line class="elapse" x1="${fixed(left)}" y1="${fixed(top)}" x2="${fixed(left)}" y2="${fixed(top + BAR)}"/>`);
  }
  for (const tick of row.ticks) parts.push(`<line class="tick" x1="${fixed(x(tick))}" y1="${fixed(top - 2)}" x2="${fixed(x(tick))}" y2="${fixed(top + BAR + 2)}"/>`);
  if (row.kind === 'timer') {
    for (const collision of row.collisions) parts.push(`<line class="collision-tick" x1="${fixed(x(collision.at))}" y1="${fixed(top)}" x2="${fixed(x(collision.at))}" y2="${fixed(top + BAR)}"/>`);
  } else {
    for (const collision of row.collisions) {
      const at = x(collision.at);
      parts.push(`<path class="collision" d="M${fixed(at - 5)} ${fixed(top - 4)}h10l-5 6z"/>`);
      parts.push(`<line class="collision-tick" x1="${fixed(at)}" y1="${fixed(top - 2)}" x2="${fixed(at)}" y2="${fixed(top + BAR + 2)}"/>`);
    }
  }
  return `<g class="row${row.active ? '' : ' off'}" data-id="${escape(row.id)}" data-kind="${row.kind}">${parts.join('')}</g>`;
}

/** The legend under the lanes, wrapped onto more lines when it does not fit the width. */
function legendSvg(timeline: Timeline, top: number, right: number): { svg: string; bottom: number } {
  const items: string[] = [];
  let x = 12;
  let y = top;
  const add = (swatch: string, text: string) => {
    const itemWidth = 22 + estimateWidth(text);
    if (x > 12 && x + itemWidth > right) {
      x = 12;
      y += 22;
    }
    items.push(`<g transform="translate(${x} ${y - 10})">${swatch}</g><text class="legend" x="${x + 22}" y="${y}">${escape(text)}</text>`);
    x += itemWidth + 22;
  };
  add(`<line class="tick" x1="8" y1="0" x2="8" y2="14"/>`, timeline.legend.run);
  add(`<rect class="continuous" x="0" y="2" width="16" height="10"/>`, timeline.legend.continuous);
  add(`<rect class="window" x="0" y="2" width="16" height="10"/><line class="elapse" x1="0" y1="2" x2="0" y2="12"/>`, timeline.legend.window);
  add(`<path class="collision" d="M3 0h10l-5 6z"/><line class="collision-tick" x1="8" y1="2" x2="8" y2="14"/>`, timeline.legend.collision);
  add(`<g class="off"><rect class="window" x="0" y="2" width="16" height="10"/></g>`, timeline.legend.inactive);
  add(`<line class="now" x1="8" y1="0" x2="8" y2="14"/>`, timeline.legend.now);
  return { svg: items.join('\n'), bottom: y };
}

function style(c: (typeof PALETTE)['light']): string {
  const fg = `var(--vscode-foreground, ${c.foreground})`;
  return [
    `.bg{fill:var(--vscode-editor-background, ${c.background})}`,
    `text{fill:${fg};font-family:var(--vscode-font-family, system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK JP', sans-serif);font-size:12px}`,
    `.title{font-size:15px;font-weight:600}`,
    `.muted,.hour,.day{fill:var(--vscode-descriptionForeground, ${c.muted})}`,
    `.hour{font-size:11px}.day{font-size:11px;font-weight:600}`,
    `.group{font-weight:600;fill:var(--vscode-descriptionForeground, ${c.muted})}`,
    `.grid{stroke:${fg};stroke-opacity:.12;stroke-width:1}.grid.day{stroke-opacity:.4}`,
    `.lane{fill:${fg};fill-opacity:.05}`,
    `.tick{stroke:var(--vscode-charts-blue, ${c.blue});stroke-width:2}`,
    `.continuous{fill:var(--vscode-charts-blue, ${c.blue});fill-opacity:.6}`,
    `.window{fill:var(--vscode-charts-orange, ${c.orange});fill-opacity:.3;stroke:var(--vscode-charts-orange, ${c.orange});stroke-opacity:.8;stroke-width:1}`,
    `.elapse{stroke:var(--vscode-charts-orange, ${c.orange});stroke-width:2.5}`,
    `.collision{fill:var(--vscode-charts-red, ${c.red})}.collision-tick{stroke:var(--vscode-charts-red, ${c.red});stroke-width:2.5}`,
    `.now{stroke:var(--vscode-charts-green, ${c.green});stroke-width:1.5;stroke-dasharray:4 3}`,
    `.off{opacity:.5}.off .label{font-style:italic}`,
    `.legend{font-size:11px}`,
  ].join('');
}

/** Rough width of a text at 11px for laying out the legend: wide (CJK) characters count double. */
function estimateWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 11 : 6.2;
  return Math.ceil(width);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

function fixed(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** XML text; control characters (not allowed in XML 1.0, e.g. an ESC in a crontab's command) shown as `^[`. */
export function escape(text: string): string {
  return escapeControls(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
