// A small seeded generator (mulberry32): tests, the fuzz grammars and the benchmarks draw the same sequence
// on every run and every machine.
/** mulberry32: small, fast and the same on every machine, so a failing seed can be replayed. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  times(count: number, make: () => string, separator = ''): string {
    const parts: string[] = [];
    for (let index = 0; index < count; index++) parts.push(make());
    return parts.join(separator);
  }
}

/** The generator as a () => number in [0, 1), for code that only needs numbers. */
export function seeded(seed: number): () => number {
  const generator = new Random(seed);
  return () => generator.next();
}
