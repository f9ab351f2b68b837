// `schedlint explain RULE` (the rule's page from docs/rules, rendered for a terminal, like `ruff rule` and
// `rustc --explain`) and `schedlint --list-rules` (every rule with its default severity, whether it has a
// fix, its format and title; text or JSON).
import { parseArgs } from 'node:util';
import { translate, localeFrom } from '../engine/i18n/catalog';
import { ruleDocsUrl } from '../engine/docs';
import type { Locale } from '../engine/types';
import { checkOptionNames, UsageError } from './args';
import { COLORED, PLAIN, useColor, type Paint } from './color';
import { ruleInfos, rulePage, suggestRules } from './rule-docs';

/** What the command needs of schedlint.ts's CliIo (declared here so the two modules do not import each other). */
interface ExplainIo {
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdoutIsTerminal?: boolean;
}

export function isExplainCommand(word: string | undefined): boolean {
  return word === 'explain';
}

const OPTIONS = {
  lang: { type: 'string' },
  color: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function runExplainCommand(argv: string[], io: ExplainIo): number {
  let locale: Locale = localeFrom(io.env.LC_ALL) ?? localeFrom(io.env.LC_MESSAGES) ?? localeFrom(io.env.LANG) ?? 'en';
  let values;
  let positionals: string[];
  try {
    checkOptionNames(argv, OPTIONS);
    ({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS }));
    if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'ja') throw new UsageError('cli.error.value', { option: '--lang', value: values.lang, allowed: 'en, ja' });
    if (values.lang) locale = values.lang as Locale;
    if (values.color !== undefined && !['auto', 'always', 'never'].includes(values.color)) throw new UsageError('cli.error.value', { option: '--color', value: values.color, allowed: 'auto, always, never' });
  } catch (error) {
    const usageError = error instanceof UsageError ? error : new UsageError('cli.error.arguments', { detail: (error as Error).message });
    io.stderr(`${translate(locale, 'cli.usageError', { detail: translate(locale, usageError.key, usageError.params) })}\n${translate(locale, 'cli.explain.usage')}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(translate(locale, 'cli.explain.usage') + '\n');
    return 0;
  }
  if (positionals.length !== 1) {
    io.stderr(translate(locale, 'cli.explain.usage') + '\n');
    return 2;
  }
  const ruleId = positionals[0];
  if (!ruleInfos(locale).some((rule) => rule.id === ruleId)) {
    const suggestions = suggestRules(ruleId);
    const detail = suggestions.length > 0 ? translate(locale, 'cli.explain.suggest', { rule: ruleId, suggestions: suggestions.join(', ') }) : translate(locale, 'cli.explain.unknown', { rule: ruleId });
    io.stderr(translate(locale, 'cli.usageError', { detail }) + '\n');
    return 2;
  }
  const page = rulePage(ruleId, locale);
  if (!page) {
    io.stderr(translate(locale, 'cli.usageError', { detail: translate(locale, 'cli.explain.noDocs', { rule: ruleId, url: ruleDocsUrl(ruleId, locale) }) }) + '\n');
    return 2;
  }
  const paint = useColor((values.color as 'auto' | 'always' | 'never' | undefined) ?? 'auto', io.env, io.stdoutIsTerminal ?? false) ? COLORED : PLAIN;
  io.stdout(renderMarkdown(page.text, paint) + `\n${ruleDocsUrl(ruleId, locale)}\n`);
  return 0;
}

/**
 * The subset of Markdown the rule pages use, for a terminal: headings in bold without their `#`, fenced code
 * indented by four spaces without the fences, `code` and **bold** marked by colour; without colour, bold is
 * plain text and code keeps its backticks (so `crontab -e` still reads as a command), as `ruff rule` prints
 * them. Links as `text <url>`. Tables and lists are already readable as they are.
 */
export function renderMarkdown(markdown: string, paint: Paint): string {
  const out: string[] = [];
  let fenced = false;
  for (const line of markdown.replace(/\r\n/g, '\n').split('\n')) {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      out.push('    ' + paint.code(line));
      continue;
    }
    const heading = line.match(/^(#{1,6})\s+(.*)$/);
    if (heading) {
      const text = inline(heading[2], PLAIN);
      out.push(paint.bold(text));
      if (heading[1].length === 1) out.push('='.repeat(Math.min(80, displayWidth(text))));
      continue;
    }
    out.push(inline(line, paint));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function inline(text: string, paint: Paint): string {
  const colored = paint !== PLAIN;
  return text
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, url: string) => `${label} <${url}>`)
    .replace(/\*\*([^*]+)\*\*/g, (_, inner: string) => (colored ? paint.bold(inner) : inner))
    .replace(/`([^`]+)`/g, (whole, inner: string) => (colored ? paint.code(inner) : whole));
}

/** Columns a line takes in a terminal: CJK characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

export function formatRuleList(locale: Locale, format: 'text' | 'json', color: boolean): string {
  const rules = ruleInfos(locale);
  if (format === 'json') {
    return JSON.stringify({ rules: rules.map((rule) => ({ id: rule.id, defaultSeverity: rule.defaultSeverity, fixable: rule.fixable, format: rule.family, title: rule.title, docs: ruleDocsUrl(rule.id, locale) })) }, null, 2) + '\n';
  }
  const paint = color ? COLORED : PLAIN;
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const rows = rules.map((rule) => [rule.id, rule.defaultSeverity, rule.fixable ? t('cli.rules.yes') : '-', rule.family, rule.title]);
  const table = [[t('cli.rules.id'), t('cli.rules.severity'), t('cli.rules.fixable'), t('cli.rules.format'), t('cli.rules.title')], ...rows];
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => displayWidth(row[column]))));
  // Padded by display width, then coloured, so escape codes and wide characters do not skew the columns.
  const lines = table.map((row, index) => {
    const cells = row.map((cell, column) => (column === row.length - 1 ? cell : cell + ' '.repeat(widths[column] - displayWidth(cell))));
    if (index === 0) return paint.bold(cells.join('  '));
    cells[1] = paint.severity(row[1], cells[1]);
    return cells.join('  ');
  });
  return `${lines.join('\n')}\n${translate(locale, 'cli.rules.count', { count: rules.length })}\n`;
}
