// User text quoted in a message, cut to a bounded length: a schedule or zone name can be any size (a
// 300,000-character cron field, a 200,000-digit `@every`), and a message quoting it whole is as long, in the
// editor's hover, the CLI's line and the JSON report alike (review 8, item 8). The cut keeps the start, where
// what the user wrote is recognisable, and marks it with `…`.

/**
 * How much of one quoted value a message keeps in the formats that quote whole values (github-actions,
 * kubernetes): room for the API server's own error about any real schedule ("failed to parse int from MONDAY:
 * strconv.Atoi: parsing \"MONDAY\": invalid syntax" is 78), so only runaway text is cut.
 */
export const QUOTED_VALUE_LIMIT = 80;

/** The text, or its first `max - 1` characters and `…` when it is longer than `max`. */
export function shorten(text: string, max = 40): string {
  if (text.length <= max) return text;
  let end = max - 1;
  // Never end on the first half of a surrogate pair (an emoji, a rare kanji): that would print U+FFFD.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** Every string (and string in a list) of a message's parameters shortened; numbers and the rest kept. */
export function shortenParams<P extends Record<string, unknown>>(params: P, max: number): P {
  const shortened: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    shortened[key] = typeof value === 'string' ? shorten(value, max) : Array.isArray(value) ? value.map((item: unknown) => (typeof item === 'string' ? shorten(item, max) : item)) : value;
  }
  return shortened as P;
}

/** A report function that shortens the parameters of every report before passing it on. */
export function shortenedReports<R extends { params?: Record<string, unknown> }>(report: (report: R) => void, max: number): (report: R) => void {
  return (found) => report(found.params ? { ...found, params: shortenParams(found.params, max) } : found);
}
