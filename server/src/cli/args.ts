// Command-line arguments of `schedlint`. Usage errors become a message and exit code 2, never a stack trace.
import { parseArgs } from 'node:util';
import { localeFrom, translate, type MessageKey, type MessageParams } from '../engine/i18n/catalog';
import { ALL_RULE_IDS } from '../engine/rules';
import type { CronDialect, FileKind, Locale, SeveritySetting } from '../engine/types';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CliOptions {
  root?: string;
  format: OutputFormat;
  kind?: FileKind;
  dialect?: CronDialect;
  locale: Locale;
  paths: string[];
  help: boolean;
  version: boolean;
  exitZero: boolean;
  /** `--rule id=severity`, repeatable: the same per-rule severities as the editor's `schedlint.rules`. */
  severities: Record<string, SeveritySetting>;
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
  return translate(locale, 'cli.usage');
}

/** The language for messages about the arguments themselves: `--lang` if given, else the environment. */
export function argumentLocale(argv: string[], env: NodeJS.ProcessEnv): Locale {
  const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const value = index < 0 ? undefined : argv[index].includes('=') ? argv[index].split('=')[1] : argv[index + 1];
  return value === 'ja' || value === 'en' ? value : (localeFrom(env.LC_ALL) ?? localeFrom(env.LC_MESSAGES) ?? localeFrom(env.LANG) ?? 'en');
}

const KINDS: readonly string[] = ['crontab-system', 'crontab-user'];

export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        root: { type: 'string' },
        host: { type: 'boolean' },
        format: { type: 'string', short: 'f' },
        kind: { type: 'string' },
        dialect: { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        'exit-zero': { type: 'boolean' },
        rule: { type: 'string', multiple: true },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError('cli.error.arguments', { detail: (error as Error).message });
  }
  const values = parsed.values;
  if (values.root !== undefined && values.host) throw new UsageError('cli.error.rootAndHost');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError('cli.error.value', { option: '--format', value: format, allowed: 'text, json, sarif' });
  if (values.kind !== undefined && !KINDS.includes(values.kind)) throw new UsageError('cli.error.value', { option: '--kind', value: values.kind, allowed: KINDS.join(', ') });
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
  const locale = (values.lang as Locale | undefined) ?? localeFrom(env.LC_ALL) ?? localeFrom(env.LC_MESSAGES) ?? localeFrom(env.LANG) ?? 'en';
  return {
    root: values.host ? '/' : values.root,
    format,
    kind: values.kind as FileKind | undefined,
    dialect: values.dialect as CronDialect | undefined,
    locale,
    paths,
    help: values.help ?? false,
    version: values.version ?? false,
    exitZero: values['exit-zero'] ?? false,
    severities,
  };
}
