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

/** Edits to a file other than the one the finding is in (a fix that moves a hook into cli.ini). */
export interface FileEdit {
  /** Host path of the other file. */
  path: string;
  /** Create the file (empty) first when it does not exist; edits then insert at 0:0. */
  create?: boolean;
  edits: TextEdit[];
}

export interface Fix {
  title: string;
  /** Edits to the finding's own file. */
  edits: TextEdit[];
  /** Edits to other files in the same workspace edit; such fixes are never part of fix-all. */
  otherFiles?: FileEdit[];
  /** The obvious fix; editors offer it first. */
  isPreferred?: boolean;
  /**
   * `schedlint --fix` may apply it unasked (with isPreferred): it makes the file do what it visibly says, and
   * needs no choice and no guess (not a user picked for a job, a minute chosen, a misspelt key guessed).
   * Decided per rule and said on each rule page (`--fix: yes|no`).
   */
  safe?: boolean;
}

/**
 * Not an edit: a shell command the editor types into a new terminal *without running it* (the user reads it
 * and presses Enter). For what no file edit can do safely, e.g. `sudo systemctl disable --now certbot.timer`
 * instead of editing a packaged unit under /lib.
 */
export interface TerminalAction {
  title: string;
  command: string;
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
  terminalActions?: TerminalAction[];
}

export function range(line: number, startCharacter: number, endCharacter: number, endLine = line): Range {
  return { start: { line, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}
