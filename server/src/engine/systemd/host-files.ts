// The unit files of a host that `--root`/`--host` lints: every timer systemd would load, the unit it starts,
// and their drop-ins (search order and drop-ins: unit-paths.ts, systemd.unit(5)).
import type { HostFacts } from '../host/facts';
import { readTextOrUndefined } from '../host/host';
import { unitIndexOf } from './unit-paths';
import { resolveUnit } from './unit-resolve';

/**
 * Every timer systemd would load from the search path (each name once, the winning file), with the unit
 * each one starts and their drop-ins: what `--root`/`--host` lints of systemd.
 */
export function hostTimerFiles(facts: HostFacts): string[] {
  const index = unitIndexOf(facts);
  const files = new Set<string>();
  for (const name of index.unitNames('timer')) {
    const timer = resolveUnit(index, name);
    if (!timer.fragmentPath || timer.masked || timer.parsed?.kind === 'template') continue;
    files.add(timer.fragmentPath);
    timer.dropIns.forEach((dropIn) => files.add(dropIn.path));
    const merged = readTextOrUndefined(facts.host, timer.fragmentPath);
    // `[^\S\n\r\u2028\u2029]*`, not `\s*`, after `^`: the same lines match, without rescanning runs of blank lines from each one (quadratic).
    const explicit = merged?.match(/^[^\S\n\r\u2028\u2029]*Unit\s*=\s*(\S+)\s*$/m)?.[1];
    const service = resolveUnit(index, explicit ?? name.replace(/\.timer$/, '.service'));
    if (service.fragmentPath && !service.masked) {
      files.add(service.fragmentPath);
      service.dropIns.forEach((dropIn) => files.add(dropIn.path));
    }
  }
  return [...files];
}
