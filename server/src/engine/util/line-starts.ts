// Offsets in a text and the lines they fall on: the line starts of a text, and the line and character of an
// offset from them. One copy for every reader that reports positions in a text of its own (a Dockerfile, a
// script, a PEM file, a unit file, an editor's document).
import type { Position } from '../types';
import { firstAbove } from './sorted-search';

/** Where each line starts, counting lines as cron and the shell do ("\n" only). */
export function lfLineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/**
 * Where each line starts as LSP editors count lines: after "\r\n", "\n" or a lone "\r" (vscode-languageserver-
 * textdocument's computeLineOffsets). The editor's positions and the edits applied as editors apply them.
 */
export function editorLineStarts(text: string): number[] {
  if (!text.includes('\r')) return lfLineStarts(text);
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 13) {
      if (text.charCodeAt(index + 1) === 10) index++;
      starts.push(index + 1);
    } else if (code === 10) starts.push(index + 1);
  }
  return starts;
}

/**
 * The line of `offset`: the last of the first `count` line starts at or before it (line 0 for an offset before
 * every start). `count` is for columns with room to grow beyond the lines they hold.
 */
export function lineAt(starts: ArrayLike<number>, offset: number, count = starts.length): number {
  return Math.max(0, firstAbove(starts, offset, count) - 1);
}

/** The line and character of `offset`, from the text's line starts (`starts[0]` is 0). */
export function positionAt(starts: ArrayLike<number>, offset: number): Position {
  const line = lineAt(starts, offset);
  return { line, character: offset - starts[line] };
}
