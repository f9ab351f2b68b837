// Appending one array to another without `push(...items)`: spread arguments go on the call stack, and a host
// with ~120,000 findings on one file (a big crontab against many timers) or one crontab of that many jobs
// made `push(...)` throw "Maximum call stack size exceeded".

/** Appends `items` to `target` in place, for any number of items. */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
