// The lines of a file as the content claims of the INI-shaped formats see them (certbot's renewal files and
// cli.ini, systemd units) and as the crontab claim declines them: trimmed, without blank and comment lines
// (`#` and `;` start a comment for configobj, ConfigArgParse and systemd alike), and the `[section]` names.
// Every claim asks on every change of a document whose format its content decides (issue #20): the section
// names are found by a scan that splits nothing, and the line list is built only for a claim that reads it.
import { isJsWhitespace } from '../util/chars';

const SECTION = /^\s*\[([^\]\n]+)\]\s*$/;
const OPEN_BRACKET = 91;

export interface IniLines {
  /** Trimmed lines that are neither blank nor a comment (built on first use). */
  readonly lines: string[];
  /** The names of the `[section]` lines, in order. */
  readonly sections: string[];
}

export function iniLines(text: string): IniLines {
  let lines: string[] | undefined;
  const sections: string[] = [];
  // A section line is, trimmed, `[name]`: only lines whose first character after whitespace is `[` can be one.
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let first = start;
    while (first < end && isJsWhitespace(text.charCodeAt(first))) first++;
    if (first < end && text.charCodeAt(first) === OPEN_BRACKET) {
      const name = SECTION.exec(text.slice(start, end).trim())?.[1].trim();
      if (name !== undefined) sections.push(name);
    }
    start = end + 1;
  }
  return {
    sections,
    get lines() {
      lines ??= text.split('\n').map((line) => line.trim()).filter(isSignificant);
      return lines;
    },
  };
}

/** The first trimmed line that is neither blank nor a comment, without splitting the rest of the text. */
export function firstSignificantLine(text: string): string | undefined {
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    if (isSignificant(line)) return line;
    start = end + 1;
  }
  return undefined;
}

function isSignificant(line: string): boolean {
  return line !== '' && !line.startsWith('#') && !line.startsWith(';');
}
