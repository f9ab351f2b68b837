// "Fix all": the preferred fix of every finding, as one list of non-overlapping edits.
import type { Finding, TextEdit } from './types';

/**
 * The preferred fix of every finding, skipping any whose edits overlap an edit already taken. `safeOnly`: only
 * fixes marked safe (what `schedlint --fix` applies unasked; the editor's "fix all" is asked for).
 */
export function fixAllEdits(findings: Finding[], safeOnly = false): TextEdit[] {
  const taken: TextEdit[] = [];
  const before = (a: TextEdit['range']['end'], b: TextEdit['range']['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  const overlapsTaken = (edit: TextEdit) => taken.some((other) => !(before(edit.range.end, other.range.start) || before(other.range.end, edit.range.start)));
  for (const finding of findings) {
    const fix = finding.fixes?.find((candidate) => candidate.isPreferred);
    if (!fix || (safeOnly && !fix.safe) || fix.otherFiles?.length || fix.edits.some(overlapsTaken)) continue;
    taken.push(...fix.edits);
  }
  // In document order, an insertion before a replacement that starts at the same place: editors apply edits
  // sorted (stably) by start and refuse one that starts inside an earlier one's range (TextDocument.applyEdits
  // throws "Overlapping edit" for `MAILTO=` + `""` next to the CRLF fix of the same line end).
  const isEmpty = (edit: TextEdit) => edit.range.start.line === edit.range.end.line && edit.range.start.character === edit.range.end.character;
  return taken
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.range.start.line - b.edit.range.start.line || a.edit.range.start.character - b.edit.range.start.character || Number(isEmpty(b.edit)) - Number(isEmpty(a.edit)) || a.index - b.index)
    .map(({ edit }) => edit);
}

