// What a `test`/`[` condition in front of a command says about the host it runs on (packaged cron jobs guard
// themselves with `test -x /usr/sbin/anacron || …`, `[ -d /run/systemd/system ] && exit 0`): the guards
// that hold for what runs after `&&`, after `||`, and after an early `exit`. command-model.ts's header lists
// the forms understood.
import type { Guard } from './model';
import type { Word } from './shell-tokens';
import { trimEndOf } from '../util/trim';

/** What a condition tells when it succeeds and when it fails (guards for what runs after && / ||). */
export interface Meaning {
  whenTrue: Guard[];
  whenFalse: Guard[];
  /** The command is `exit`/`return`: the rest of the script does not run after it. */
  exits?: boolean;
  /** Guards for the rest of the list after it (an `if C; then exit; fi`). */
  rest?: Guard[];
}

export const NO_MEANING: Meaning = { whenTrue: [], whenFalse: [] };

const SYSTEMD_DIRECTORY = '/run/systemd/system';
const ANACRON_PROGRAMS = new Set(['/usr/sbin/anacron', '/etc/init.d/anacron', '/etc/cron.hourly/0anacron']);

/** The meaning of `test …` / `[ … ]` / `[[ … ]]` (words after the command name, closing bracket removed). */
export function testMeaning(args: Word[], text: string): Meaning {
  const guardText = text;
  // Conjuncts split at -a (test) and && (inside [[ ]]); a disjunction (-o, ||) says nothing we can use.
  const values = args.map((word) => word.value);
  if (values.includes('-o') || values.includes('||')) return { whenTrue: [other(guardText)], whenFalse: [other(guardText)] };
  const conjuncts: string[][] = [[]];
  for (const value of values) {
    if (value === '-a' || value === '&&') conjuncts.push([]);
    else conjuncts[conjuncts.length - 1].push(value);
  }
  const whenTrue: Guard[] = [];
  const whenFalse: Guard[] = [];
  for (const conjunct of conjuncts) {
    let negated = false;
    let index = 0;
    while (conjunct[index] === '!') {
      negated = !negated;
      index++;
    }
    const [operator, operand] = conjunct.slice(index);
    const fact = factOf(operator, operand);
    if (fact === undefined) {
      whenTrue.push(other(guardText));
      continue;
    }
    const holds = negated ? negate(fact) : fact;
    whenTrue.push({ kind: holds, text: guardText });
    // Only a single conjunct's failure says something certain.
    if (conjuncts.length === 1) whenFalse.push({ kind: negate(holds), text: guardText });
  }
  return { whenTrue: dedupe(whenTrue), whenFalse: dedupe(whenFalse.length > 0 ? whenFalse : [other(guardText)]) };
}

export type Fact = Exclude<Guard['kind'], 'other'>;

/** `-d /run/systemd/system` → with-systemd; `-x /usr/sbin/anacron` → with-anacron; else undefined. */
function factOf(operator: string | undefined, operand: string | undefined): Fact | undefined {
  if (operand === undefined) return undefined;
  const path = trimEndOf(operand, '/');
  if (path === SYSTEMD_DIRECTORY && ['-d', '-e'].includes(operator ?? '')) return 'with-systemd';
  if (ANACRON_PROGRAMS.has(path) && ['-x', '-e', '-f'].includes(operator ?? '')) return 'with-anacron';
  return undefined;
}

export function negate(fact: Fact): Fact {
  switch (fact) {
    case 'with-systemd':
      return 'without-systemd';
    case 'without-systemd':
      return 'with-systemd';
    case 'with-anacron':
      return 'without-anacron';
    case 'without-anacron':
      return 'with-anacron';
  }
}

export function other(text: string): Guard {
  return { kind: 'other', text };
}

export function dedupe(guards: Guard[]): Guard[] {
  return guards.filter((guard, index) => guards.findIndex((otherGuard) => otherGuard.kind === guard.kind && otherGuard.text === guard.text) === index);
}

/**
 * After `C && exit` or `if C; then exit; fi`, the rest runs when C failed. For a C of several conjuncts
 * that is not certain (exim4-base exits "if systemd is running and this is not the timer's run"), but it
 * is the script's intent for runs from cron, so the systemd/anacron facts are negated all the same.
 */
export function restAfterExit(condition: Meaning): Guard[] {
  return condition.whenTrue.filter((guard) => guard.kind !== 'other').map((guard) => ({ kind: negate(guard.kind as Fact), text: guard.text }));
}
