// Edits shared by the certbot rules: deleting an entry's lines, appending lines to cli.ini (created when
// missing), and did-you-mean over key names.
import { readTextOrUndefined } from '../../host/host';
import { boundedEditDistance } from '../../util/edit-distance';
import type { CertbotContext, ConfigEntry } from '../../certbot/rule';
import type { FileEdit, TextEdit } from '../../types';

/** Deletes an entry's whole lines (a triple-quoted value may span several). */
export function deleteEntry(entry: ConfigEntry): TextEdit {
  return { range: { start: { line: entry.line, character: 0 }, end: { line: (entry.endLine ?? entry.line) + 1, character: 0 } }, newText: '' };
}

/** Appends `lines` at the end of the config folder's cli.ini, creating it when it does not exist. */
export function appendToCliIni(context: CertbotContext, lines: readonly string[]): FileEdit {
  const file = `${context.configDir ?? '/etc/letsencrypt'}/cli.ini`;
  const text = readTextOrUndefined(context.facts.host, file);
  if (text === undefined) return { path: file, create: true, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: lines.map((line) => `${line}\n`).join('') }] };
  const split = text.split(/\r\n|\r|\n/);
  const lastLine = split.length - 1;
  const end = { line: lastLine, character: split[lastLine].length };
  const prefix = text === '' || /[\r\n]$/.test(text) ? '' : '\n';
  return { path: file, edits: [{ range: { start: end, end }, newText: prefix + lines.map((line) => `${line}\n`).join('') }] };
}

/** The closest name within a small edit distance, for "did you mean". */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
  const normalized = name.toLowerCase().replace(/_/g, '-');
  for (const candidate of candidates) {
    const distance = boundedEditDistance(normalized, candidate.toLowerCase().replace(/_/g, '-'), limit);
    const adjusted = distance === 0 ? 0.5 : distance;
    if (adjusted < bestDistance && adjusted <= limit) {
      best = candidate;
      bestDistance = adjusted;
    }
  }
  return best;
}

export const RENEWAL_PARAMS = ['renewalparams'] as const;
