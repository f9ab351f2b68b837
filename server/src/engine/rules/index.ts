// Every rule schedlint ships, in the order their findings are listed for one line.
import { FORMATS } from '../formats/registry';
import { crontabRules } from './crontab';
import { hostRules } from './schedule';

export { crontabRules } from './crontab';
/** Crontab rules whose findings are about the whole file: their inline disable is `schedlint-disable-file`. */
export const FILE_SCOPED_RULE_IDS: ReadonlySet<string> = new Set(crontabRules.filter((rule) => rule.meta.scope === 'file').map((rule) => rule.id));

/** Rules that are not about a file's content: it could not be read or is too large to read (host.ts), is not UTF-8 text (text-check.ts), or checking it hit a bug (rule.ts). */
export const FILE_RULE_IDS = ['file/unreadable', 'file/too-large', 'file/not-text', 'file/not-utf8', 'file/byte-order-mark', 'internal/rule-error'] as const;

/** Default severity of each of them (the severity varies by format for not-utf8 and byte-order-mark: text-check.ts). */
export const FILE_RULE_SEVERITIES: Readonly<Record<(typeof FILE_RULE_IDS)[number], string>> = {
  'file/unreadable': 'warning',
  'file/too-large': 'warning',
  'file/not-text': 'error',
  'file/not-utf8': 'error',
  'file/byte-order-mark': 'error',
  'internal/rule-error': 'error',
};

/** Those of them with a fix, all safe for `schedlint --fix` (text-check.ts: removing a byte-order mark). */
export const FILE_RULE_FIXES: ReadonlySet<string> = new Set(['file/byte-order-mark']);

/** Every rule of every format (formats/registry.ts, in its order), then the host-wide and file rules. */
const RULES = [...FORMATS.flatMap((format) => [...format.rules, ...(format.hostRules ?? [])]), ...hostRules];

export const ALL_RULE_IDS: readonly string[] = [...RULES.map((rule) => rule.id), ...FILE_RULE_IDS];

/** Rules some of whose findings carry a fix (RuleMeta.fixable), of every format: `--list-rules`' FIX column. */
export const FIXABLE_RULE_IDS: ReadonlySet<string> = new Set([...RULES.filter((rule) => rule.meta.fixable).map((rule) => rule.id), ...FILE_RULE_FIXES]);

/** Rules some of whose fixes `schedlint --fix` applies (RuleMeta.safeFix). */
export const SAFE_FIX_RULE_IDS: ReadonlySet<string> = new Set([...RULES.filter((rule) => rule.meta.safeFix).map((rule) => rule.id), ...FILE_RULE_FIXES]);

/** Default severity of every rule, for SARIF and docs. */
export const DEFAULT_SEVERITIES: ReadonlyMap<string, string> = new Map([
  ...RULES.map((rule): [string, string] => [rule.id, rule.meta.defaultSeverity]),
  ...Object.entries(FILE_RULE_SEVERITIES),
]);
