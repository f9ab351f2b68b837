// Code lenses on certbot files: "Dry run this renewal" on a renewal file, which types
// `sudo certbot renew --dry-run --cert-name NAME` into a terminal for the user to read and run (the lineage name
// is the file name without `.conf`, storage.lineagename_for_filename). Terminals are opened only in a trusted
// workspace, so nothing is offered otherwise. The server turns each lens into the client's command
// `schedlint.openTerminal` with `{ command, name }` (server/src/code-actions.ts OPEN_TERMINAL_COMMAND).
import { translate } from '../i18n/catalog';
import type { Locale, Range } from '../types';
import { shellQuote } from '../util/shell-quote';
import type { CertbotDocument } from './rule';

export interface CertbotCodeLens {
  range: Range;
  title: string;
  /** The shell command typed into the terminal (not run). */
  command: string;
}

export interface CertbotCodeLensOptions {
  /** Workspace trust: no terminal commands in an untrusted workspace. */
  trusted: boolean;
  locale?: Locale;
}

/** The lineage name certbot derives from a renewal file's path: its base name less `.conf`, or undefined. */
export function lineageName(path: string): string | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (!base.endsWith('.conf')) return undefined;
  const name = base.slice(0, -'.conf'.length);
  return name === '' ? undefined : name;
}

export function certbotCodeLenses(document: CertbotDocument, path: string | undefined, options: CertbotCodeLensOptions): CertbotCodeLens[] {
  if (!options.trusted || document.kind !== 'renewal' || !path) return [];
  const name = lineageName(path);
  if (!name) return [];
  // At the top of the file, where a lens is seen first.
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return [
    {
      range,
      title: translate(options.locale ?? 'en', 'certbot-editor.lens.dryRun'),
      // `--cert-name=` keeps a name starting with `-` from being read as an option by certbot's argparse.
      command: `sudo certbot renew --dry-run --cert-name${name.startsWith('-') ? '=' : ' '}${shellQuote(name)}`,
    },
  ];
}
