// Directive-name completion in unit files: the keys systemd 252 accepts in the section the cursor is in
// (deprecated and removed ones left out), each with our short doc when we have one.
import { isMessageKey, translate } from '../i18n/catalog';
import type { Locale, Position } from '../types';
import { directivesOf, lookupDirective } from './directives';
import type { UnitFileDocument } from './unit-file';

export interface DirectiveCompletion {
  label: string;
  /** What to insert: the key and `=`. */
  insertText: string;
  documentation?: string;
}

/** Completions at a position where a key is being typed (before any `=` on the line), else none. */
export function completeDirective(document: UnitFileDocument, lineText: string, position: Position, locale: Locale): DirectiveCompletion[] {
  const before = lineText.slice(0, position.character);
  if (before.includes('=') || /^\s*[#;[]/.test(before)) return [];
  const section = [...document.sections].reverse().find((candidate) => candidate.headerRange.start.line < position.line);
  if (!section) return [];
  return directivesOf(section.name)
    .filter((name) => {
      const status = lookupDirective(section.name, name)?.status;
      return status !== 'deprecated' && status !== 'obsolete' && status !== 'removed' && status !== 'disabled';
    })
    .map((name) => {
      const key = `directive.${section.name}.${name}`;
      return { label: name, insertText: `${name}=`, ...(isMessageKey(key) ? { documentation: translate(locale, key) } : {}) };
    });
}
