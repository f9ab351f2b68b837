// A crontab kept as a Jinja template (Ansible `template:`), made lintable without rendering it: what Jinja
// decides is unknown text, never guessed. Jinja's syntax as Ansible's template module uses it: `{{ … }}`,
// `{% … %}`, `{# … #}`, `-` whitespace control, and trim_blocks on (the newline right after a block or
// comment tag is dropped; Ansible's template module defaults trim_blocks to true, lstrip_blocks to false).
// Every line keeps its length and place, so findings point into the template:
// - a line of block/comment tags only renders to nothing: it becomes a comment;
// - a job line whose Jinja all sits in the command keeps its schedule and user, the Jinja masked to text
//   without blanks, quotes, `%` or `#` (`{{ extra_args }}` → `{{_extra_args_}}`);
// - any other line with Jinja (in the schedule or user column, an environment line, a line joined to its
//   neighbour by whitespace control or trim_blocks, a tag spanning lines) cannot be read soundly: it becomes a
//   comment and is listed as not checked.

export interface JinjaMask {
  /** The text to lint: same lines, same lengths. */
  text: string;
  /**
   * Where the masked text differs from the template, by 0-based line: the masked Jinja's columns on a line
   * that is still read, or `all` for a line made a comment. An edit computed on the masked text is right for
   * the template only outside these.
   */
  masked: Map<number, [number, number][] | 'all'>;
  /** 0-based lines with content that were not checked. */
  unchecked: number[];
}

interface Span {
  start: number;
  end: number;
  /** `{%` or `{#`: a tag trim_blocks applies to (not `{{`). */
  block: boolean;
  trimLeft: boolean;
  trimRight: boolean;
}

const CLOSE: Record<string, string> = { '{{': '}}', '{%': '%}', '{#': '#}' };

/** Whether the text uses Jinja delimiters at all. */
export function hasJinja(text: string): boolean {
  return /\{\{|\{%|\{#/.test(text);
}

function findSpans(text: string): Span[] {
  const spans: Span[] = [];
  let at = 0;
  for (;;) {
    const open = text.slice(at).search(/\{\{|\{%|\{#/);
    if (open < 0) break;
    const start = at + open;
    const opener = text.slice(start, start + 2);
    const close = text.indexOf(CLOSE[opener], start + 2);
    const end = close < 0 ? text.length : close + 2;
    spans.push({ start, end, block: opener !== '{{', trimLeft: text[start + 2] === '-', trimRight: close >= 0 && text[close - 1] === '-' });
    at = end;
  }
  return spans;
}

// Characters kept as they are in masked Jinja: none that cron, a shell or a rule reads specially.
const mask = (text: string) => text.replace(/[^A-Za-z0-9_.{}]/g, '_');

/** `userColumn`: the file is a system crontab (a user column after the schedule); undefined when not known. */
export function maskJinja(text: string, userColumn: boolean | undefined): JinjaMask {
  const lines = text.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const lineOf = (at: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= at) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const spans = findSpans(text);
  const byLine = new Map<number, Span[]>();
  const opaque = new Set<number>();
  for (const span of spans) {
    const first = lineOf(span.start);
    const last = lineOf(Math.max(span.start, span.end - 1));
    for (let line = first; line <= last; line++) {
      let list = byLine.get(line);
      if (!list) byLine.set(line, (list = []));
      list.push(span);
      if (last > first) opaque.add(line);
    }
  }
  const content = (line: number) => (lines[line] ?? '').replace(/\r$/, '');
  const tagOnly = (line: number) => {
    const list = byLine.get(line) ?? [];
    if (list.length === 0 || list.some((span) => !span.block)) return false;
    let rest = content(line);
    for (const span of [...list].reverse()) rest = rest.slice(0, Math.max(0, span.start - starts[line])) + rest.slice(Math.min(rest.length, span.end - starts[line]));
    return rest.trim() === '';
  };
  // Lines joined to a neighbour: `{{-`/`{%-` first on a line eats the newline before it; `-}}`/`-%}` last on a
  // line, or a block or comment tag ending the line (trim_blocks), eats the newline after it. A line of tags
  // only renders to nothing, so the lines on both sides of it meet.
  for (const [line, list] of byLine) {
    const own = content(line);
    const onlyTags = tagOnly(line);
    const first = list[0];
    const last = list[list.length - 1];
    if (first.trimLeft && own.slice(0, Math.max(0, first.start - starts[line])).trim() === '') {
      opaque.add(line - 1);
      if (!onlyTags) opaque.add(line);
      else opaque.add(line + 1);
    }
    const atEnd = last.end - starts[line] >= own.length;
    if (!onlyTags && atEnd && (last.trimRight || last.block)) {
      opaque.add(line);
      opaque.add(line + 1);
    }
  }
  const masked = new Map<number, [number, number][] | 'all'>();
  const unchecked: number[] = [];
  const out = lines.map((raw, line) => {
    const list = byLine.get(line) ?? [];
    if (list.length === 0 && !opaque.has(line)) return raw;
    let text = raw;
    const columns: [number, number][] = [];
    for (const span of list) {
      const from = Math.max(0, span.start - starts[line]);
      const to = Math.min(raw.length, span.end - starts[line]);
      text = text.slice(0, from) + mask(raw.slice(from, to)) + text.slice(to);
      columns.push([from, to]);
    }
    const comment = () => {
      masked.set(line, 'all');
      const indent = text.length - text.trimStart().length;
      return text.slice(0, indent) + '#' + text.slice(indent + 1);
    };
    // Nothing to check: a blank line, a comment (its first character is `#`, not Jinja), a line of tags.
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) {
      masked.set(line, 'all');
      return text;
    }
    if (tagOnly(line)) return comment();
    if (opaque.has(line) || list.length === 0 || !readableJob(raw, list, starts[line], userColumn)) {
      unchecked.push(line);
      return comment();
    }
    masked.set(line, columns);
    return text;
  });
  return { text: out.join('\n'), masked, unchecked };
}

/** A job line whose Jinja all comes after the schedule (and the user column, where there may be one). */
function readableJob(raw: string, spans: Span[], lineStart: number, userColumn: boolean | undefined): boolean {
  const before = raw.slice(0, Math.max(0, spans[0].start - lineStart));
  if (!/^\s*[0-9*@]/.test(before)) return false;
  // The token the first Jinja is in (or starts): the last of what comes before it, blank or not.
  const tokens = before.trimStart().split(/\s+/);
  const fields = (tokens[0].startsWith('@') ? 1 : 5) + (userColumn === false ? 0 : 1);
  return tokens.length - 1 >= fields;
}
