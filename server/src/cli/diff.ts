// Unified diffs (the format of `diff -u` and `git diff`, read by `patch`) for `schedlint --fix --diff`.
// Lines are compared with their line ends, so a CRLF fix shows as changed lines and a file without a final
// newline gets diff's "\ No newline at end of file" marker. Myers' O(ND) algorithm ("An O(ND) Difference
// Algorithm and Its Variations", 1986); past MAX_EDIT_DISTANCE differences (a CRLF fix of a huge file) the
// changed middle becomes one replaced block: still a correct diff, and memory stays bounded.

const CONTEXT = 3;
const MAX_EDIT_DISTANCE = 2000;

type Operation = { kind: ' ' | '-' | '+'; line: string };

/** `--- label` / `+++ label` and the hunks turning `before` into `after`; empty when they are equal. */
export function unifiedDiff(label: string, before: string, after: string): string {
  if (before === after) return '';
  const operations = diffLines(splitLines(before), splitLines(after));
  const out = [`--- ${label}\n`, `+++ ${label}\n`];
  // Hunks: runs of changes with up to CONTEXT unchanged lines around them, merged when their contexts touch.
  const changed = operations.map((operation, index) => (operation.kind === ' ' ? -1 : index)).filter((index) => index >= 0);
  let hunkStart = 0;
  while (hunkStart < changed.length) {
    let hunkEnd = hunkStart;
    while (hunkEnd + 1 < changed.length && changed[hunkEnd + 1] - changed[hunkEnd] <= 2 * CONTEXT + 1) hunkEnd++;
    const from = Math.max(0, changed[hunkStart] - CONTEXT);
    const to = Math.min(operations.length, changed[hunkEnd] + CONTEXT + 1);
    let oldLine = 1;
    let newLine = 1;
    for (let index = 0; index < from; index++) {
      if (operations[index].kind !== '+') oldLine++;
      if (operations[index].kind !== '-') newLine++;
    }
    const slice = operations.slice(from, to);
    const oldCount = slice.filter((operation) => operation.kind !== '+').length;
    const newCount = slice.filter((operation) => operation.kind !== '-').length;
    // diff -u writes an empty side's start as the line before it (0 for the start of the file).
    out.push(`@@ -${oldCount === 0 ? oldLine - 1 : oldLine}${oldCount === 1 ? '' : `,${oldCount}`} +${newCount === 0 ? newLine - 1 : newLine}${newCount === 1 ? '' : `,${newCount}`} @@\n`);
    for (const operation of slice) {
      out.push(operation.kind + operation.line);
      if (!operation.line.endsWith('\n')) out.push('\n\\ No newline at end of file\n');
    }
    hunkStart = hunkEnd + 1;
  }
  return out.join('');
}

/** Lines with their line ends ("\n"; a "\r" before it stays part of the line, as diff shows it). */
function splitLines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

function diffLines(a: string[], b: string[]): Operation[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const head = a.slice(0, prefix).map((line): Operation => ({ kind: ' ', line }));
  const tail = a.slice(a.length - suffix).map((line): Operation => ({ kind: ' ', line }));
  const middleA = a.slice(prefix, a.length - suffix);
  const middleB = b.slice(prefix, b.length - suffix);
  const middle = myers(middleA, middleB) ?? [...middleA.map((line): Operation => ({ kind: '-', line })), ...middleB.map((line): Operation => ({ kind: '+', line }))];
  return [...head, ...middle, ...tail];
}

/** The shortest edit script from `a` to `b`, or undefined when it is longer than MAX_EDIT_DISTANCE. */
function myers(a: string[], b: string[]): Operation[] | undefined {
  const n = a.length;
  const m = b.length;
  const offset = n + m + 1;
  const v = new Int32Array(2 * offset + 1);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(n + m, MAX_EDIT_DISTANCE); d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace, d);
    }
  }
  return undefined;
}

/** Walks the saved frontiers back from (n, m) to (0, 0), collecting the script in reverse. */
function backtrack(a: string[], b: string[], trace: Int32Array[], distance: number): Operation[] {
  const script: Operation[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = distance; d > 0; d--) {
    // trace[d] holds v[-d-1 … d+1] as it was before step d, indexed from 0.
    const frontier = trace[d];
    const at = (k: number) => frontier[k + d + 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX + (down ? 0 : 1) && y > previousY + (down ? 1 : 0)) script.push({ kind: ' ', line: a[--x] }), y--;
    if (down) script.push({ kind: '+', line: b[--y] });
    else script.push({ kind: '-', line: a[--x] });
  }
  while (x > 0 && y > 0) script.push({ kind: ' ', line: a[--x] }), y--;
  return script.reverse();
}
