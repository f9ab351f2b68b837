// A count as systemd reads one from the command line: systemd 252 src/basic/parse-util.c safe_atou (strtoul
// with base 0), as `systemd-analyze calendar --iterations=` takes it.

/**
 * The number, or NaN when systemd refuses the text: leading blanks, `+`, `0x` hex, a leading `0` for octal and
 * `-0` are read; nothing may follow the digits. Checked against systemd-analyze 252: `1e3`, `2 `, `-1` are
 * refused, ` 2`, `+2`, `0x10` (16) and `010` (8) are not.
 */
export function safeAtou(text: string): number {
  const match = /^[ \t\n\v\f\r]*(?:\+|-(?=0+$))?(?:0[xX]([0-9a-fA-F]+)|(0[0-7]*)|([1-9][0-9]*))$/.exec(text);
  if (!match) return Number.NaN;
  return match[1] !== undefined ? Number.parseInt(match[1], 16) : match[2] !== undefined ? Number.parseInt(match[2], 8) : Number(match[3]);
}
