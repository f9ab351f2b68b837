// Edit distance for "did you mean", bounded so that it costs O(length × bound) and nothing when the lengths
// alone rule a candidate out: the editor asks on every keystroke, and a name can be 100 KB long.
// Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps counted once).

/** Steps taken by the last call (cells computed), for tests that check the bound. */
export let lastEditDistanceSteps = 0;

/** The distance when it is at most `bound`, else `bound + 1`. */
export function boundedEditDistance(left: string, right: string, bound: number): number {
  lastEditDistanceSteps = 0;
  const over = bound + 1;
  if (Math.abs(left.length - right.length) > bound) return over;
  if (left.length === 0 || right.length === 0) return Math.max(left.length, right.length);
  // Only cells with |row - column| <= bound can be <= bound; the rest count as `over`.
  const columns = right.length + 1;
  let before = new Array<number>(columns).fill(over);
  let previous = new Array<number>(columns).fill(over);
  let current = new Array<number>(columns).fill(over);
  for (let column = 0; column <= Math.min(bound, right.length); column++) previous[column] = column;
  let previousMinimum = 0;
  for (let row = 1; row <= left.length; row++) {
    const from = Math.max(1, row - bound);
    const to = Math.min(right.length, row + bound);
    current.fill(over, Math.max(0, from - 1), Math.min(columns, to + 2));
    current[0] = row <= bound ? row : over;
    let rowMinimum = current[0];
    for (let column = from; column <= to; column++) {
      lastEditDistanceSteps++;
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      let value = Math.min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + cost);
      if (row > 1 && column > 1 && left[row - 1] === right[column - 2] && left[row - 2] === right[column - 1]) {
        value = Math.min(value, before[column - 2] + 1);
      }
      current[column] = Math.min(value, over);
      if (current[column] < rowMinimum) rowMinimum = current[column];
    }
    // Every later cell comes from this row or the one before; with both past the bound, so is the answer.
    if (rowMinimum > bound && previousMinimum > bound) return over;
    previousMinimum = rowMinimum;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[right.length], over);
}
