// Colours in the text output, and when to use them: `--color always|never`, else the environment as
// no-color.org and the FORCE_COLOR convention (Node.js, chalk/supports-color) define it, else whether
// standard output is a terminal.
// - FORCE_COLOR: `0` (or `false`) disables; `1`, `2`, `3`, `true` or empty enables. Node.js gives it
//   precedence over NO_COLOR, and so do we.
// - NO_COLOR: any non-empty value disables; an empty one is as if unset (no-color.org).
// - TERM=dumb disables, as in Node's tty.getColorDepth.

export type ColorChoice = 'auto' | 'always' | 'never';

export function useColor(choice: ColorChoice, env: NodeJS.ProcessEnv, isTerminal: boolean): boolean {
  if (choice !== 'auto') return choice === 'always';
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTerminal && env.TERM !== 'dumb';
}

export interface Paint {
  severity(severity: string, text: string): string;
  path(text: string): string;
  rule(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  code(text: string): string;
}

const sgr = (open: string, close: string) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;
const red = sgr('31', '39');
const yellow = sgr('33', '39');
const cyan = sgr('36', '39');
const bold = sgr('1', '22');
const dim = sgr('2', '22');
const plain = (text: string) => text;

export const PLAIN: Paint = { severity: (_severity, text) => text, path: plain, rule: plain, dim: plain, bold: plain, code: plain };

export const COLORED: Paint = {
  severity: (severity, text) => (severity === 'error' ? bold(red(text)) : severity === 'warning' ? yellow(text) : severity === 'info' ? cyan(text) : dim(text)),
  path: bold,
  rule: dim,
  dim,
  bold,
  code: cyan,
};
