// Applying text edits to a text the way LSP editors do: the algorithm of vscode-languageserver-textdocument's
// TextDocument.applyEdits (lines end at "\n", "\r\n" or a lone "\r"; a line past the end is the end of the text;
// a character past a line's end is clamped to it, never into the line break; edits sorted stably by start).
// Written here rather than imported so the engine has no vscode* package (docs/architecture.md); the test
// test/engine/apply-text-edits.test.ts compares it with the library on random texts and edits.

import { editorLineStarts } from './line-starts';

export interface PlainTextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

const isLineBreak = (code: number) => code === 13 || code === 10;

function offsetAt(text: string, offsets: number[], position: { line: number; character: number }): number {
  if (position.line >= offsets.length) return text.length;
  if (position.line < 0) return 0;
  const lineOffset = offsets[position.line];
  if (position.character <= 0) return lineOffset;
  const nextLineOffset = position.line + 1 < offsets.length ? offsets[position.line + 1] : text.length;
  let offset = Math.min(lineOffset + position.character, nextLineOffset);
  while (offset > lineOffset && isLineBreak(text.charCodeAt(offset - 1))) offset--;
  return offset;
}

/**
 * `text` with `edits` applied (all relative to `text`). An edit that starts inside an earlier one is left out
 * (the library throws "Overlapping edit"; our fixes never overlap, and a fix left out is better than none).
 */
export function applyTextEdits(text: string, edits: readonly PlainTextEdit[]): string {
  const offsets = editorLineStarts(text);
  const wellFormed = edits.map((edit) => {
    const { start, end } = edit.range;
    const reversed = start.line > end.line || (start.line === end.line && start.character > end.character);
    return reversed ? { newText: edit.newText, range: { start: end, end: start } } : edit;
  });
  // Array.prototype.sort is stable (ES2019), as the library's merge sort is.
  const sorted = wellFormed.slice().sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const spans: string[] = [];
  let lastModified = 0;
  for (const edit of sorted) {
    const start = offsetAt(text, offsets, edit.range.start);
    if (start < lastModified) continue;
    spans.push(text.slice(lastModified, start), edit.newText);
    lastModified = offsetAt(text, offsets, edit.range.end);
  }
  spans.push(text.slice(lastModified));
  return spans.join('');
}
