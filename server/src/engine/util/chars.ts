// Character tests on char codes, for scanners that read text with charCodeAt instead of slicing it.

/** JavaScript's whitespace: what `\s` matches and trim() removes. */
export function isJsWhitespace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** A space or a tab: what separates cron's fields (and the words a crontab's lines are read by). */
export const isBlank = (code: number): boolean => code === 32 || code === 9;

/** An ASCII digit. */
export const isDigit = (code: number): boolean => code >= 48 && code <= 57;
