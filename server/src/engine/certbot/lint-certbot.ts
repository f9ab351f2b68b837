// Lints one certbot file: a renewal file (/etc/letsencrypt/renewal/NAME.conf, read with configobj semantics)
// or cli.ini (ConfigArgParse semantics). Parses it as certbot does, runs the certbot rules (configuration and
// certificate rules) with the same safety net as the other linters, applies severity settings and localizes.
// Also: which certbot files a host scan should lint, and findings about host files that are not text to lint
// (hook scripts certbot skips because they are not executable).
import * as path from 'node:path';
import type { HostFacts } from '../host/facts';
import { isLiveHost, joinHostPath } from '../host/host';
import { translate, type MessageKey, type MessageParams } from '../i18n/catalog';
import { findingReporter, runRuleSafely } from '../rule';
import { inspectText, textProblemFindings } from '../text-check';
import type { Utf8Check } from '../util/utf8';
import { certbotRules } from '../rules/certbot';
import type { Finding, Locale, SeveritySetting } from '../types';
import { shellQuote } from '../util/shell-quote';
import { parseCliIni } from './cli-ini';
import { parseRenewalFile } from './configobj';
import { configDirOf, DEFAULT_CONFIG_DIR, hookFiles, type HookStage } from './host-config';
import type { CertbotContext, CertbotDocument } from './rule';
import { toEditorFindings } from '../editor-positions';
import { COMMENT_MARKERS, withoutDisabled } from '../disable';

export type CertbotFileKind = 'certbot-renewal' | 'certbot-cli-ini';

export interface CertbotLintRequest {
  text: string;
  path?: string;
  /** For text without a telling path (an untitled editor). */
  kind?: CertbotFileKind;
  facts: HostFacts;
  severities?: Record<string, SeveritySetting>;
  locale?: Locale;
  /** "Now" for expiry checks; tests pin it. */
  now?: Date;
  /** `certificates.expiryDays` of the project's config: also report a certificate with fewer days left. */
  expiryDays?: number;
  /** Whether the bytes were UTF-8, when a Host read them (util/utf8.ts); absent for an editor's text. */
  utf8?: Utf8Check;
}

export interface CertbotLintResult {
  kind: CertbotFileKind;
  document: CertbotDocument;
  certName?: string;
  findings: Finding[];
}

/**
 * Whether a path is a certbot file: `renewal/*.conf` or `cli.ini` in a folder named `letsencrypt` (the default
 * /etc/letsencrypt, a copy of it in a workspace, root's ~/.config/letsencrypt). With a host, also a
 * `--config-dir` elsewhere, recognized conservatively by its `live/` or `archive/` folder beside `renewal/`.
 */
export function certbotFileKind(file: string, host?: HostFacts['host']): CertbotFileKind | undefined {
  const name = path.posix.basename(file);
  const dir = path.posix.dirname(file);
  if (path.posix.basename(dir) === 'renewal' && name.endsWith('.conf') && name !== '.conf') {
    const configDir = path.posix.dirname(dir);
    if (path.posix.basename(configDir) === 'letsencrypt') return 'certbot-renewal';
    if (host && ['live', 'archive'].some((folder) => host.stat(joinHostPath(configDir, folder))?.kind === 'directory')) return 'certbot-renewal';
    return undefined;
  }
  if (name === 'cli.ini' && path.posix.basename(dir) === 'letsencrypt') return 'certbot-cli-ini';
  return undefined;
}

export function isCertbotFilePath(file: string, host?: HostFacts['host']): boolean {
  return certbotFileKind(file, host) !== undefined;
}

export function lintCertbotFile(request: CertbotLintRequest): CertbotLintResult {
  const locale = request.locale ?? 'en';
  const kind = (request.path ? certbotFileKind(request.path, request.facts.host) : undefined) ?? request.kind ?? guessKind(request.text);
  const problems = inspectText(request.text, request.utf8);
  const textFindings = textProblemFindings(request.text, problems, { format: 'certbot', locale, severities: request.severities });
  const binary = problems.some((problem) => problem.kind === 'binary');
  // A binary file is that one finding: its "lines" would only give noise.
  const text = binary ? '' : request.text;
  const document = kind === 'certbot-renewal' ? parseRenewalFile(text) : parseCliIni(text);
  const certName = kind === 'certbot-renewal' && request.path ? path.posix.basename(request.path).replace(/\.conf$/, '') : undefined;
  if (binary) return { kind, document, certName, findings: toEditorFindings(request.text, textFindings, kind === 'certbot-renewal' ? 'lf' : 'editor') };
  const findings: Finding[] = [...textFindings];
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  for (const rule of certbotRules) {
    const configured = request.severities?.[rule.id];
    if (configured === 'off') continue;
    const context: CertbotContext = {
      document,
      path: request.path,
      certName,
      configDir: request.path ? configDirOf(request.path) : DEFAULT_CONFIG_DIR,
      facts: request.facts,
      now: request.now ?? new Date(),
      expiryDays: request.expiryDays,
      locale,
      t,
      report: findingReporter(rule, configured, t, findings),
    };
    runRuleSafely(rule.id, () => rule.check(context), findings, locale);
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  // configobj counts lines at "\n" only; Python's text mode (cli.ini) as the editor does. Inline disables are
  // `#` comment lines in renewal files (configobj), `#` and `;` ones in cli.ini (ConfigArgParse).
  const counting = kind === 'certbot-renewal' ? 'lf' : 'editor';
  const kept = withoutDisabled(request.text, kind === 'certbot-renewal' ? COMMENT_MARKERS.certbotRenewal : COMMENT_MARKERS.certbotCliIni, counting, findings);
  return { kind, document, certName, findings: toEditorFindings(request.text, kept, counting) };
}

function guessKind(text: string): CertbotFileKind {
  // `[^\S\n\r\u2028\u2029]*`, not `\s*`, after `^`: the same lines match, without rescanning runs of blank lines from each one (quadratic).
  return /^[^\S\n\r\u2028\u2029]*\[renewalparams\]/m.test(text) || /^[^\S\n\r\u2028\u2029]*(archive_dir|fullchain|privkey)\s*=/m.test(text) ? 'certbot-renewal' : 'certbot-cli-ini';
}

/** The certbot files a host scan (`--root`, `--host`) lints: every renewal file, then cli.ini files. */
export function certbotHostFiles(facts: HostFacts, configDir = DEFAULT_CONFIG_DIR): string[] {
  const host = facts.host;
  const renewalDir = joinHostPath(configDir, 'renewal');
  const files = host
    .list(renewalDir)
    .filter((name) => name.endsWith('.conf'))
    .map((name) => joinHostPath(renewalDir, name))
    .filter((file) => host.stat(file)?.kind === 'file');
  for (const file of [joinHostPath(configDir, 'cli.ini'), '/root/.config/letsencrypt/cli.ini']) {
    if (host.stat(file)?.kind === 'file') files.push(file);
  }
  return files;
}

/**
 * Findings about certbot's host files that are not linted as text, keyed by host path (reported on line 1):
 * files in renewal-hooks/{pre,post,deploy}/ that certbot skips because they are not executable (hooks.py
 * list_hooks). Only on the live host: a `--root` copy or a git checkout does not keep modes faithfully.
 */
export function certbotHostFindings(facts: HostFacts, locale: Locale = 'en', configDir = DEFAULT_CONFIG_DIR, severities?: Record<string, SeveritySetting>): Map<string, Finding[]> {
  const result = new Map<string, Finding[]>();
  const ruleId = 'certbot/hook-not-executable';
  const configured = severities?.[ruleId];
  if (configured === 'off' || !isLiveHost(facts.host)) return result;
  for (const stage of ['pre', 'post', 'deploy'] as HookStage[]) {
    for (const file of nonExecutableHooks(facts.host, stage, configDir)) {
      result.set(file, [
        {
          ruleId,
          messageId: 'not-executable',
          severity: configured ?? 'warning',
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          message: translate(locale, `${ruleId}.not-executable` as MessageKey, { stage, file }),
          terminalActions: [{ title: translate(locale, `${ruleId}.chmod` as MessageKey, { file }), command: `sudo chmod +x ${shellQuote(file)}` }],
        },
      ]);
    }
  }
  return result;
}

/** Regular files in renewal-hooks/<stage>/ without any execute bit (names ending `~` are skipped by certbot on purpose). */
export function nonExecutableHooks(host: HostFacts['host'], stage: HookStage, configDir = DEFAULT_CONFIG_DIR): string[] {
  return hookFiles(host, stage, configDir, false);
}
