// Binary searches in an ascending array of numbers, for the places that answer many questions from one sorted
// list (the schedule's elapses and cron runs, a calendar expression's times of day, a zone's transitions).

/** The index of the first element greater than `value` among the first `count` (`count` when there is none). */
export function firstAbove(sorted: ArrayLike<number>, value: number, count = sorted.length): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The index of the first element greater than or equal to `value` (sorted.length when there is none). */
export function firstAtOrAbove(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
