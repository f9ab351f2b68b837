// Where two versions of a text differ, when they differ inside one line: what an editor sends on a keystroke.
// The language server lints a document again on every change (issue #20); a format can then redo only the
// line that changed and keep the rest of its previous work.

/** The changed line: it starts at `start` in both texts and ends (before its "\n" or the text's end) at `oldEnd` and `newEnd`. */
export interface LineEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * The one line that differs between `before` and `after`, or undefined when the texts are equal or differ in
 * more than one line, or a line break was added or removed.
 */
export function singleLineEdit(before: string, after: string): LineEdit | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  // Equal blocks are skipped with one native comparison each (a substring is a view, not a copy), then the
  // last block is walked a character at a time: a 200 KB file costs a few dozen comparisons, not 400,000 reads.
  let prefix = 0;
  while (prefix + BLOCK <= shorter && before.substring(prefix, prefix + BLOCK) === after.substring(prefix, prefix + BLOCK)) prefix += BLOCK;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const room = shorter - prefix;
  while (suffix + BLOCK <= room && before.substring(before.length - suffix - BLOCK, before.length - suffix) === after.substring(after.length - suffix - BLOCK, after.length - suffix)) suffix += BLOCK;
  while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const beforeEnd = before.length - suffix;
  const afterEnd = after.length - suffix;
  if (hasNewline(before, prefix, beforeEnd) || hasNewline(after, prefix, afterEnd)) return undefined;
  // The region holds no line break, so it lies in one line of each text, which starts at the same offset.
  const start = prefix === 0 ? 0 : before.lastIndexOf('\n', prefix - 1) + 1;
  const oldEnd = lineEnd(before, beforeEnd);
  const newEnd = lineEnd(after, afterEnd);
  return { start, oldEnd, newEnd };
}

const BLOCK = 1024;

function hasNewline(text: string, start: number, end: number): boolean {
  const found = text.indexOf('\n', start);
  return found >= 0 && found < end;
}

function lineEnd(text: string, from: number): number {
  const found = text.indexOf('\n', from);
  return found < 0 ? text.length : found;
}
