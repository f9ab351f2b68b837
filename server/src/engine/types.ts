// Plain data shapes shared by the engine, the CLI and the language server.
// Positions are 0-based line/character like LSP; the CLI prints them 1-based.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export type Locale = 'en' | 'ja';

/** What a file is, as far as schedlint is concerned. */
export type FileKind = 'crontab-system' | 'crontab-user';

/** Which cron daemon reads the file: Debian/Ubuntu's Vixie-derived cron, or cronie (RHEL, Fedora, Amazon Linux). */
export type CronDialect = 'debian' | 'cronie';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The obvious fix; editors offer it first. */
  isPreferred?: boolean;
}

export interface RelatedLocation {
  /** Host path of the other place (the current file when omitted). */
  path?: string;
  range: Range;
  message: string;
}

export interface Finding {
  ruleId: string;
  messageId: string;
  severity: Severity;
  range: Range;
  message: string;
  related?: RelatedLocation[];
  fixes?: Fix[];
}

export function range(line: number, startCharacter: number, endCharacter: number, endLine = line): Range {
  return { start: { line, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}
