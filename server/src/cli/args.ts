// Command-line arguments of `schedlint`. Usage errors become a message and exit code 2, never a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { localeFrom, translate, type MessageKey, type MessageParams } from '../engine/i18n/catalog';
import { ALL_RULE_IDS } from '../engine/rules';
import { FORMAT_NAMES, isFormatName, type FormatName } from '../engine/file-format';
import type { CronDialect, Locale, SeveritySetting } from '../engine/types';
import { OUTPUT_OPTIONS, outputOptions, type OutputOptions } from './output-options';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'prometheus';

export interface CliOptions {
  root?: string;
  format: OutputFormat;
  /** `--output FILE`: the report goes to FILE, replaced atomically (output-file.ts), instead of standard output. */
  outputFile?: string;
  kind?: FormatName;
  dialect?: CronDialect;
  locale: Locale;
  paths: string[];
  help: boolean;
  version: boolean;
  exitZero: boolean;
  /** `--verbose`: a line per file saying what it was read as and why. */
  verbose: boolean;
  /** `--rule id=severity`, repeatable: the same per-rule severities as the editor's `schedlint.rules`. */
  severities: Record<string, SeveritySetting>;
  /** `--min-severity`, `--quiet`, `--color`, `--list-rules` (output-options.ts). */
  output: OutputOptions;
  /** `--fix`: apply the safe preferred fixes and write the files (fix.ts); with `diff` or `--fix-dry-run`, write nothing. */
  fix?: boolean;
  /** `--diff` (with --fix or --fix-dry-run): print what the fixes change as a unified diff instead of writing. */
  diff?: boolean;
  /** `--print-config PATH`: print what configuration applies to PATH and exit. */
  printConfig?: string;
}

/** A usage mistake, carried as a catalog message so it is reported in the user's language. */
export class UsageError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(translate('en', key, params));
  }
}

export function usage(locale: Locale): string {
  // The kinds come from the format registry, so a new format is listed without editing the message.
  return `${translate(locale, 'cli.usage', { kinds: [...FORMAT_NAMES] })}${translate(locale, 'cli.usage.fixConfig')}\n\n${translate(locale, 'cli.usage.output')}`;
}

/** The language for messages about the arguments themselves: `--lang` if given, else the environment. */
export function argumentLocale(argv: string[], env: NodeJS.ProcessEnv): Locale {
  const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const value = index < 0 ? undefined : argv[index].includes('=') ? argv[index].split('=')[1] : argv[index + 1];
  return value === 'ja' || value === 'en' ? value : (localeFrom(env.LC_ALL) ?? localeFrom(env.LC_MESSAGES) ?? localeFrom(env.LANG) ?? 'en');
}

const OPTIONS = {
  root: { type: 'string' },
  host: { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  kind: { type: 'string' },
  dialect: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  'exit-zero': { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  verbose: { type: 'boolean', short: 'v' },
  version: { type: 'boolean' },
  ...OUTPUT_OPTIONS,
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  diff: { type: 'boolean' },
  'print-config': { type: 'string' },
} as const;

export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  const parsed = parseOptions(argv, OPTIONS);
  const values = parsed.values;
  if (values.root !== undefined && values.host) throw new UsageError('cli.error.rootAndHost');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif' && format !== 'prometheus') throw new UsageError('cli.error.value', { option: '--format', value: format, allowed: 'text, json, sarif, prometheus' });
  if (values.output === '') throw new UsageError('cli.error.value', { option: '--output', value: '', allowed: 'FILE' });
  if (values.kind !== undefined && !isFormatName(values.kind)) throw new UsageError('cli.error.value', { option: '--kind', value: values.kind, allowed: FORMAT_NAMES.join(', ') });
  if (values.dialect !== undefined && values.dialect !== 'debian' && values.dialect !== 'cronie') throw new UsageError('cli.error.value', { option: '--dialect', value: values.dialect, allowed: 'debian, cronie' });
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'ja') throw new UsageError('cli.error.value', { option: '--lang', value: values.lang, allowed: 'en, ja' });
  if (values.root === '') throw new UsageError('cli.error.rootEmpty');
  const severities: Record<string, SeveritySetting> = {};
  for (const entry of values.rule ?? []) {
    const match = entry.match(/^([\w/-]+)=(off|hint|info|warning|error)$/);
    if (!match) throw new UsageError('cli.error.ruleFormat', { value: entry });
    if (!ALL_RULE_IDS.includes(match[1])) throw new UsageError('cli.error.unknownRule', { rule: match[1] });
    severities[match[1]] = match[2] as SeveritySetting;
  }
  const paths = parsed.positionals;
  if (paths.includes('-') && values.kind === undefined) throw new UsageError('cli.error.stdinNeedsKind');
  const fix = (values.fix ?? false) || (values['fix-dry-run'] ?? false);
  if (values.diff && !fix) throw new UsageError('cli.error.diffWithoutFix');
  // The diff is the whole output of --diff and --fix-dry-run; a machine format with it would be neither (eslint
  // too refuses option pairs that cannot both be honoured, with a usage error).
  if (fix && ((values.diff ?? false) || (values['fix-dry-run'] ?? false)) && format !== 'text') throw new UsageError('cli.error.diffFormat', { format });
  if (values['list-rules'] && format === 'prometheus') throw new UsageError('cli.error.listRulesFormat');
  // --fix writes files; --root/--host lint a host's own files, which schedlint never edits unasked.
  if (fix && (values.root !== undefined || values.host)) throw new UsageError('cli.error.fixWithRoot');
  if (fix && paths.includes('-')) throw new UsageError('cli.error.fixStdin');
  const locale = (values.lang as Locale | undefined) ?? localeFrom(env.LC_ALL) ?? localeFrom(env.LC_MESSAGES) ?? localeFrom(env.LANG) ?? 'en';
  return {
    root: values.host ? '/' : values.root,
    format,
    ...(values.output !== undefined ? { outputFile: values.output } : {}),
    kind: values.kind as FormatName | undefined,
    dialect: values.dialect as CronDialect | undefined,
    locale,
    paths,
    help: values.help ?? false,
    version: values.version ?? false,
    exitZero: values['exit-zero'] ?? false,
    verbose: values.verbose ?? false,
    severities,
    output: outputOptions(values, (key, params) => {
      throw new UsageError(key, params);
    }),
    fix,
    // A dry run writes nothing: it shows the diff.
    diff: (values.diff ?? false) || (values['fix-dry-run'] ?? false),
    printConfig: values['print-config'],
  };
}

/**
 * The command and its arguments: a subcommand is the first argument that is not an option or its value, when
 * the options before it are ones every subcommand takes the same way (`--lang ja calendar daily`); they go to
 * it as if written after it. Any other option before the word makes it a file for the lint command, with argv
 * as given: `schedlint --kind crontab-system cron` lints a file named `cron` (common in Docker repositories),
 * as it did before subcommands could follow options.
 */
export function splitSubcommand(argv: readonly string[], isSubcommand: (word: string) => boolean): { command?: string; args: string[] } {
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--') break;
    if (arg !== '-' && arg.startsWith('-')) {
      const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
      const value = inline ?? argv[index + 1];
      if (!LEADING_OPTIONS.has(name) || value === undefined || !LEADING_OPTIONS.get(name)!.includes(value)) break;
      if (inline === undefined) index++;
      continue;
    }
    return isSubcommand(arg) ? { command: arg, args: [...argv.slice(0, index), ...argv.slice(index + 1)] } : { args: [...argv] };
  }
  return { args: [...argv] };
}

/**
 * The options a subcommand may follow, with the values that mean the same to every command that takes them:
 * `--lang` (all take it) and `--format text|json` (all but `edit` and `explain`, which then say it is not
 * theirs). Short forms are left out: `-f` is not an option of calendar, timespan or cron.
 */
const LEADING_OPTIONS = new Map<string, readonly string[]>([
  ['--lang', ['en', 'ja']],
  ['--format', ['text', 'json']],
]);
/**
 * `--hours -1` as `--hours=-1`: parseArgs refuses a separate value that starts with `-` ("argument is
 * ambiguous"), though checkOptionNames already took it as the value; the value then gets our own check.
 */
function joinOptionValues(argv: readonly string[], options: OptionTable): string[] {
  const shorts = new Map(Object.entries(options).flatMap(([name, option]) => (option.short ? [[option.short, name] as const] : [])));
  const joined: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--') return [...joined, ...argv.slice(index)];
    const name = arg.startsWith('--') ? arg.slice(2) : arg.length === 2 && arg.startsWith('-') ? shorts.get(arg[1]) : undefined;
    if (name !== undefined && options[name]?.type === 'string' && index + 1 < argv.length && argv[index + 1].startsWith('-')) {
      joined.push(`--${name}=${argv[++index]}`);
      continue;
    }
    joined.push(arg);
  }
  return joined;
}

/**
 * A usage error as one line that says how to get help (as eslint and shellcheck do, rather than the whole
 * usage, which buries the line that matters); `command` is the one whose --help to read (`schedlint calendar`).
 */
export function usageErrorLine(error: UsageError, locale: Locale, command = 'schedlint'): string {
  const detail = translate(locale, error.key, error.params);
  return translate(locale, 'cli.usageError.seeHelp', { detail, command }) + '\n';
}

type OptionTable = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/**
 * The arguments of a command or subcommand read against its option table: names checked first (one clear line
 * with a did-you-mean, checkOptionNames), then node:util's parseArgs, whose own errors become usage errors.
 */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']> & OptionTable>(argv: string[], options: T) {
  checkOptionNames(argv, options);
  try {
    return parseArgs({ args: joinOptionValues(argv, options), allowPositionals: true, options });
  } catch (error) {
    throw new UsageError('cli.error.arguments', { detail: (error as Error).message });
  }
}

/**
 * Unknown options and missing values, said in one line of ours before node's parseArgs words them (its
 * message for an unknown option has an unbalanced quote and advice about `--`). A near miss gets a
 * did-you-mean, as git and eslint do.
 */
export function checkOptionNames(argv: readonly string[], options: OptionTable): void {
  const shorts = new Map(Object.entries(options).flatMap(([name, option]) => (option.short ? [[option.short, name] as const] : [])));
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--') return;
    if (arg === '-' || !arg.startsWith('-')) continue;
    // `-hv`: grouped short flags, each of them known.
    if (!arg.startsWith('--') && arg.length > 2 && [...arg.slice(1)].every((letter) => options[shorts.get(letter) ?? '']?.type === 'boolean')) continue;
    const name = arg.startsWith('--') ? arg.slice(2).split('=')[0] : shorts.get(arg.slice(1, 2));
    const option = name === undefined ? undefined : options[name];
    if (name === undefined || option === undefined || (!arg.startsWith('--') && arg.length > 2 && option.type === 'boolean')) {
      const shown = arg.startsWith('--') ? arg.split('=')[0] : arg;
      const suggestion = closestOption(shown, Object.keys(options));
      throw suggestion ? new UsageError('cli.error.unknownOptionSuggest', { option: shown, suggestion }) : new UsageError('cli.error.unknownOption', { option: shown });
    }
    if (option.type === 'string' && !arg.includes('=') && (arg.startsWith('--') || arg.length === 2)) {
      if (index + 1 >= argv.length) throw new UsageError('cli.error.missingValue', { option: arg });
      index++;
    }
  }
}

/** The known option nearest a mistyped one (edit distance at most 2, or a unique prefix), as `--name`. */
function closestOption(given: string, names: readonly string[]): string | undefined {
  const bare = given.replace(/^-+/, '');
  if (bare === '') return undefined;
  const prefixed = names.filter((name) => name.startsWith(bare));
  if (prefixed.length === 1) return `--${prefixed[0]}`;
  let best: string | undefined;
  let bestDistance = 3;
  for (const name of names) {
    const distance = editDistance(bare, name);
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  // One slip in a short name, two in a longer one: `--foo` is no `--root`.
  return best === undefined || bestDistance > (bare.length <= 4 ? 1 : 2) ? undefined : `--${best}`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}
