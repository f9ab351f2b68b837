// How far V8's young generation may grow in the language server. V8 doubles its new space (up to 16 MB a
// semi-space) whenever enough objects survive a scavenge, and keeps it while the process lives: the host scan
// and a few dozen small lints took it from 4 to 16 MB, about 11 MB resident (issue #20, bench/server.ts), for
// no speed a small document needs. So growth stays off until a document of LARGE_DOCUMENT characters is
// linted; there a larger young generation saves scavenges, and it may grow as before (measured: the same CPU
// per change on the 5,000-line bench file, and on a 1,400-line one that stays held).
// V8 reads `--semi-space-growth-factor` at each growth (heap/new-spaces.cc, SemiSpaceNewSpace::Grow), so
// setting it at run time works on V8 11 (Node 20); later V8 raise a factor below 2 to 2, and this does
// nothing there. A factor the user gave node (execArgv) is left alone.
import { setFlagsFromString } from 'node:v8';

/** A document this long (about 1,500 crontab lines) lets the young generation grow. */
export const LARGE_DOCUMENT = 64 * 1024;

const GROWTH_FLAG = '--semi-space-growth-factor';
// V8's default (flag-definitions.h).
const DEFAULT_GROWTH = 2;

let holding = false;

// V8 reads `--semi_space_growth_factor` as the same flag.
const userSetGrowth = () => process.execArgv.some((argument) => argument.replace(/_/g, '-').startsWith(GROWTH_FLAG));

/** At start: the young generation keeps its initial size. */
export function holdYoungGeneration(): void {
  if (userSetGrowth()) return;
  setFlagsFromString(`${GROWTH_FLAG}=1`);
  holding = true;
}

/** Before a lint of `length` characters: a large document lets the young generation grow (for good). */
export function beforeLint(length: number): void {
  if (!holding || length < LARGE_DOCUMENT) return;
  setFlagsFromString(`${GROWTH_FLAG}=${DEFAULT_GROWTH}`);
  holding = false;
}
