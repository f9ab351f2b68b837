// Command-line arguments of `schedlint`. Usage errors become a message and exit code 2, never a stack trace.
import { parseArgs } from 'node:util';
import { localeFrom } from '../engine/i18n/catalog';
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

export class UsageError extends Error {}

export const USAGE = `Usage: schedlint [--root DIR | --host] [--format text|json|sarif] [--kind crontab-system|crontab-user]
                 [--dialect debian|cronie] [--lang en|ja] [--rule RULE=SEVERITY]… [--exit-zero] [PATH… | -]

  --root DIR   treat DIR as / and lint its cron files (/etc/crontab, /etc/cron.d/*, the user spool)
  --host       the same for this machine (--root /)
  --format     text (default), json, or sarif (SARIF 2.1.0 for code scanning)
  --kind       the crontab format of the files given (default: from the path, else from the content)
  --dialect    which cron reads the files (default: from /etc/os-release)
  --lang       message language (default: from LC_ALL / LC_MESSAGES / LANG)
  --rule       a rule's severity (off, hint, info, warning, error); repeatable, e.g. --rule crontab/unknown-user=off
  --exit-zero  exit 0 even when errors are found (usage and I/O failures still exit 2)
  PATH         files or folders to lint; - reads standard input (with --kind)

Exit status: 0 no errors, 1 errors found, 2 usage or I/O failure.`;

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
    throw new UsageError((error as Error).message);
  }
  const values = parsed.values;
  if (values.root !== undefined && values.host) throw new UsageError('--root and --host cannot be used together');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`unknown --format '${format}' (text, json or sarif)`);
  if (values.kind !== undefined && !KINDS.includes(values.kind)) throw new UsageError(`unknown --kind '${values.kind}' (${KINDS.join(', ')})`);
  if (values.dialect !== undefined && values.dialect !== 'debian' && values.dialect !== 'cronie') throw new UsageError(`unknown --dialect '${values.dialect}' (debian or cronie)`);
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'ja') throw new UsageError(`unknown --lang '${values.lang}' (en or ja)`);
  if (values.root === '') throw new UsageError('--root needs a folder');
  const severities: Record<string, SeveritySetting> = {};
  for (const entry of values.rule ?? []) {
    const match = entry.match(/^([\w/-]+)=(off|hint|info|warning|error)$/);
    if (!match) throw new UsageError(`--rule takes RULE=off|hint|info|warning|error, not '${entry}'`);
    if (!ALL_RULE_IDS.includes(match[1])) throw new UsageError(`unknown rule '${match[1]}' in --rule`);
    severities[match[1]] = match[2] as SeveritySetting;
  }
  const paths = parsed.positionals;
  if (paths.includes('-') && values.kind === undefined) throw new UsageError('reading standard input (-) needs --kind');
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
