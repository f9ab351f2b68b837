// What a CLI run talks to: its arguments, environment and standard streams. One interface for every
// subcommand (cli/schedlint.ts, cli/schedules.ts), kept apart so that the subcommands need not import the
// entry point that dispatches to them.
export interface CliIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  /** UTF-8 bytes for standard output, where the caller can take them (the text need not become a string); else stdout. */
  stdoutBytes?: (bytes: Uint8Array) => void;
  stderr: (text: string) => void;
  readStdin: () => string;
  /** Whether standard output is a terminal (colours with --color auto). */
  stdoutIsTerminal?: boolean;
  /** The working directory (the SARIF repository root is found from it); process.cwd() when absent. */
  cwd?: string;
}
