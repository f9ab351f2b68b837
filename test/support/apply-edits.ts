// Applying fixes the way an editor does: vscode-languageserver-textdocument's TextDocument.applyEdits, the
// implementation LSP clients and servers share (lines end at "\n", "\r\n" or "\r"; a character past a line's
// end is clamped to it). Every test that checks a fix's result goes through here, so a fix that only works in
// our own notion of lines fails the test as it fails in an editor.
import { TextDocument } from 'vscode-languageserver-textdocument';

interface Edit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/** The text after applying `edits` (all relative to `text`), as an editor applies them. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///fixture', 'plaintext', 0, text), edits as Edit[]);
}
