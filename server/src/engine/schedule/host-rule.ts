// What a host schedule rule is (rules/schedule/): it gets the host's schedule inventory and reports findings
// in any file of the host by its path. schedule/host-findings.ts runs the rules; this module only names the
// shapes, so that the rules and their runner do not import each other.
import type { MessageKey, MessageParams } from '../i18n/catalog';
import type { Report, RuleMeta } from '../rule';
import type { Locale } from '../types';
import type { HostInventory } from './model';

export interface HostRuleContext {
  inventory: HostInventory;
  /** Epoch ms the rule looks ahead from (now, in the server and the CLI). */
  from: number;
  locale: Locale;
  t(key: MessageKey, params?: MessageParams): string;
  /** A finding in the file at host path `path`. */
  report(path: string, report: Report): void;
}

export interface HostRule {
  id: string;
  meta: RuleMeta;
  check(context: HostRuleContext): void;
}
