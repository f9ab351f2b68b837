// Quoting a word for a POSIX shell command that the user is offered to run in a terminal: a quick fix's
// `sudo chmod 600 PATH`, the certbot code lens's `sudo certbot renew --dry-run --cert-name NAME`. As is when
// every character is plainly safe and it does not start with `-` (a lineage name may, and a command would read
// it as an option), else single-quoted with `'` written as `'\''` (POSIX sh, "2.2.3 Single-Quotes": nothing
// inside single quotes is special).
export function shellQuote(value: string): string {
  return /^[\w./@%+=:,-]+$/.test(value) && !value.startsWith('-') ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
