// Quoting a host path for a POSIX shell command that a quick fix offers to run in a terminal (`sudo chmod …`):
// as is when every character is plainly safe, else single-quoted with `'` written as `'\''` (POSIX sh,
// "2.2.3 Single-Quotes": nothing inside single quotes is special). Paths here are absolute, so never start
// with `-`. certbot/code-lens.ts quotes lineage names with its own rules, as a name may start with `-`.
export function shellQuote(value: string): string {
  return /^[\w./@:+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
