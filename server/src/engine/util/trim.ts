// Trimming by scanning. `text.replace(/\/+$/, '')` and `/[ \t]+$/` look linear but are quadratic on a long run
// of the character that is not at the end (the engine retries the run from each of its positions), and they run
// on paths and lines taken from the files we read.

/** `text` without the run of `chars` at its end. */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return end === text.length ? text : text.slice(0, end);
}
