// "Fix all": the preferred fix of every finding, as one list of non-overlapping edits.
import type { Finding, TextEdit } from './types';

/** The preferred fix of every finding, skipping any whose edits overlap an edit already taken. */
export function fixAllEdits(findings: Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const before = (a: TextEdit['range']['end'], b: TextEdit['range']['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  const overlapsTaken = (edit: TextEdit) => taken.some((other) => !(before(edit.range.end, other.range.start) || before(other.range.end, edit.range.start)));
  for (const finding of findings) {
    const fix = finding.fixes?.find((candidate) => candidate.isPreferred);
    if (!fix || fix.otherFiles?.length || fix.edits.some(overlapsTaken)) continue;
    taken.push(...fix.edits);
  }
  return taken;
}

