// The lines of a file as the content claims of the INI-shaped formats see them (certbot's renewal files and
// cli.ini, systemd units) and as the crontab claim declines them: trimmed, without blank and comment lines
// (`#` and `;` start a comment for configobj, ConfigArgParse and systemd alike), and the `[section]` names.
const SECTION = /^\s*\[([^\]\n]+)\]\s*$/;

export interface IniLines {
  /** Trimmed lines that are neither blank nor a comment. */
  lines: string[];
  /** The names of the `[section]` lines, in order. */
  sections: string[];
}

export function iniLines(text: string): IniLines {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith(';'));
  const sections = lines.flatMap((line) => SECTION.exec(line)?.[1].trim() ?? []);
  return { lines, sections };
}
