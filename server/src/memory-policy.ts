// What the language server lets V8 spend memory on before a document needs it (issue #20). Two things grow
// and are never given back while the process lives, and a server of small crontabs gains nothing from them:
// - the young generation: V8 doubles its new space (up to 16 MB a semi-space) whenever enough objects survive
//   a scavenge; the host scan and a few dozen small lints took it from 4 to 16 MB, about 11 MB resident;
// - the optimizing compiler (TurboFan): once it runs, its code pages in the node binary and its compile
//   memory on V8's worker threads stay resident, about 9 MB, for lints that take microseconds unoptimized.
// Both are held until a document of LARGE_DOCUMENT characters is linted, then let go for good. Measured on
// this 2-core machine (bench/server.ts, and `schedlint --root` on bench/host-scale.ts hosts for the scan's
// code): 50 crontabs with the scan on 68.5 → 58.5 MB resident; the 5,000-line bench file the same CPU per
// change (both let go there); a 250-line crontab (15 KB, held) 1.6 → 1.9 ms a lint at the median, less CPU
// (no background compiles); scan-sized work no slower up to 3,000 jobs × 300 timers (TurboFan's compile time
// is not earned back) and 12 % slower at 10,000 × 1,000.
// V8 reads both flags when it uses them (heap/new-spaces.cc SemiSpaceNewSpace::Grow; Isolate::use_optimizer),
// so setting them at run time works on V8 11 (Node 20). Later V8 raise a growth factor below 2 to 2 and
// optimize with Maglev as well: there this holds less or nothing. A flag the user gave node is left alone.
import { setFlagsFromString } from 'node:v8';

/** A document this long (about 300 crontab lines) lets V8 grow and optimize as it would by itself. */
export const LARGE_DOCUMENT = 16 * 1024;

// V8's defaults (flag-definitions.h).
const HELD: { flag: string; held: string; released: string; aliases: string[] }[] = [
  { flag: '--semi-space-growth-factor', held: '--semi-space-growth-factor=1', released: '--semi-space-growth-factor=2', aliases: [] },
  { flag: '--turbofan', held: '--no-turbofan', released: '--turbofan', aliases: ['--no-turbofan', '--opt', '--no-opt', '--always-turbofan', '--always-opt', '--jitless'] },
];

let holding: typeof HELD = [];

// V8 reads `--semi_space_growth_factor` as `--semi-space-growth-factor`.
const givenByUser = (item: (typeof HELD)[number]) =>
  process.execArgv.some((argument) => [item.flag, ...item.aliases].some((name) => argument.replace(/_/g, '-').split('=')[0] === name));

/** At start: the young generation keeps its initial size, and nothing is optimized. */
export function holdMemory(): void {
  holding = HELD.filter((item) => !givenByUser(item));
  for (const item of holding) setFlagsFromString(item.held);
}

/** Before a lint of `length` characters: a large document lets both go (for good). */
export function beforeLint(length: number): void {
  if (holding.length === 0 || length < LARGE_DOCUMENT) return;
  for (const item of holding) setFlagsFromString(item.released);
  holding = [];
}

// The language server holds from the first line it runs: before startServer(), node's start-up and the
// bundle's own modules already make TurboFan compile a few small functions, which is enough to page its code
// in. So server.ts imports this module first, and it holds when it is part of the program node was started with.
if (require.main === module) holdMemory();
