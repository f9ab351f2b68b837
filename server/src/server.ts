// The language server: speaks LSP and nothing else. Documents come in, the engine lints them, findings go
// out as diagnostics, hovers and code actions. Runs under VS Code (IPC) or standalone over stdio
// (`schedlint-language-server --stdio`) for Neovim, Helix, Emacs.
import {
  CodeAction,
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  Diagnostic,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  type InitializeParams,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from './uri';
import type { FormatOverride } from './engine/crontab/kind';
import { ruleDocsUrl } from './engine/docs';
import { disableNextLineComment } from './engine/disable';
import { HostFacts } from './engine/host/facts';
import { FsHost } from './engine/host/fs-host';
import { hoverAt } from './engine/hover';
import { localeFrom, translate } from './engine/i18n/catalog';
import { lintCrontab, type LintResult } from './engine/lint';
import { isUnitFilePath, lintUnit, type UnitLintResult } from './engine/systemd/lint-unit';
import { hoverUnitAt } from './engine/systemd/hover-unit';
import { completeDirective } from './engine/systemd/complete-unit';
import { fixAllEdits } from './engine/fix-all';
import type { CronDialect, FileKind, Finding, Locale, Severity, SeveritySetting } from './engine/types';

/** The `schedlint.*` settings as the client sends them (package.json `contributes.configuration`). */
interface ServerSettings {
  language: 'auto' | Locale;
  cron: { dialect: 'auto' | CronDialect };
  crontab: { formatOverrides: Record<string, 'system' | 'user'> };
  rules: Record<string, SeveritySetting>;
  docsBaseUrl: string;
}

const DEFAULT_SETTINGS: ServerSettings = { language: 'auto', cron: { dialect: 'auto' }, crontab: { formatOverrides: {} }, rules: {}, docsBaseUrl: '' };

/** Settings from the client, with anything missing or malformed replaced by its default. */
function normalizeSettings(value: unknown): ServerSettings {
  const raw = (value && typeof value === 'object' ? value : {}) as Partial<ServerSettings>;
  const language = raw.language === 'en' || raw.language === 'ja' ? raw.language : 'auto';
  const dialect = raw.cron?.dialect === 'debian' || raw.cron?.dialect === 'cronie' ? raw.cron.dialect : 'auto';
  const objectOr = <T>(candidate: unknown, fallback: T): T => (candidate && typeof candidate === 'object' ? (candidate as T) : fallback);
  return {
    language,
    cron: { dialect },
    crontab: { formatOverrides: objectOr(raw.crontab?.formatOverrides, {}) },
    rules: objectOr(raw.rules, {}),
    docsBaseUrl: typeof raw.docsBaseUrl === 'string' ? raw.docsBaseUrl : '',
  };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Language ids of unit files: ours and those of the popular systemd extensions (bearmini's, hangxingliu's). */
export const UNIT_LANGUAGE_IDS = new Set(['systemd-unit-file', 'systemd-conf']);

type DocumentResult = { format: 'crontab'; result: LintResult } | { format: 'unit'; result: UnitLintResult };

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.schedlint`;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const results = new Map<string, DocumentResult>();
  const formatChoices = new Map<string, FileKind>();
  let clientLocale: Locale = 'en';
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let supportsConfiguration = false;
  const host = new FsHost('/');

  const locale = (): Locale => (settings.language === 'auto' ? clientLocale : settings.language);

  connection.onInitialize((params: InitializeParams) => {
    clientLocale = localeFrom(params.locale) ?? localeFrom((params.initializationOptions as { locale?: string } | undefined)?.locale) ?? 'en';
    supportsConfiguration = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll] },
      },
      serverInfo: { name: 'schedlint-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (supportsConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    void refreshSettings();
  });

  async function refreshSettings(): Promise<void> {
    if (supportsConfiguration) {
      try {
        settings = normalizeSettings(await connection.workspace.getConfiguration('schedlint'));
      } catch {
        settings = DEFAULT_SETTINGS;
      }
    }
    documents.all().forEach(validate);
  }

  connection.onDidChangeConfiguration((change) => {
    if (!supportsConfiguration) {
      settings = normalizeSettings((change.settings as { schedlint?: unknown } | undefined)?.schedlint);
      documents.all().forEach(validate);
      return;
    }
    void refreshSettings();
  });

  function lint(document: TextDocument): DocumentResult {
    const facts = new HostFacts(host, settings.cron.dialect === 'auto' ? undefined : settings.cron.dialect);
    const hostPath = URI.toFilePath(document.uri);
    if (UNIT_LANGUAGE_IDS.has(document.languageId) || (hostPath !== undefined && isUnitFilePath(hostPath))) {
      return { format: 'unit', result: lintUnit({ text: document.getText(), path: hostPath, facts, severities: settings.rules, locale: locale() }) };
    }
    const overrides: FormatOverride[] = Object.entries(settings.crontab.formatOverrides).map(([glob, kind]) => ({ glob, kind: kind === 'system' ? 'crontab-system' : 'crontab-user' }));
    const chosen = formatChoices.get(document.uri);
    const result = lintCrontab({
      text: document.getText(),
      path: hostPath,
      facts,
      locale: locale(),
      settings: { severities: settings.rules, formatOverrides: overrides },
      explicitKind: chosen ? { kind: chosen, reason: 'override' } : undefined,
    });
    return { format: 'crontab', result };
  }

  function toDiagnostic(finding: Finding, uri: string): Diagnostic {
    const diagnostic: Diagnostic = {
      range: finding.range,
      severity: SEVERITY[finding.severity],
      code: finding.ruleId,
      codeDescription: { href: ruleDocsUrl(finding.ruleId, locale(), settings.docsBaseUrl || undefined) },
      source: 'schedlint',
      message: finding.message,
    };
    if (finding.related?.length) {
      diagnostic.relatedInformation = finding.related.map((related) => ({
        location: { uri: related.path ? URI.fromFilePath(related.path) : uri, range: related.range },
        message: related.message,
      }));
    }
    return diagnostic;
  }

  function validate(document: TextDocument): void {
    let outcome: DocumentResult;
    try {
      outcome = lint(document);
    } catch (error) {
      connection.console.error(`schedlint: linting ${document.uri} failed: ${(error as Error).stack ?? error}`);
      return;
    }
    results.set(document.uri, outcome);
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: outcome.result.findings.map((finding) => toDiagnostic(finding, document.uri)) });
    if (outcome.format !== 'crontab') return;
    const result = outcome.result;
    void connection.sendNotification('schedlint/documentInfo', {
      uri: document.uri,
      kind: result.kind,
      reason: result.kindReason,
      dialect: result.dialect.dialect,
      label: translate(locale(), 'status.format', { kind: translate(locale(), `kind.${result.kind}`) }),
      tooltip: translate(locale(), 'status.tooltip', { kind: translate(locale(), `kind.${result.kind}`), reason: translate(locale(), `hover.reason.${result.kindReason}`) }),
    });
  }

  const currentResult = (uri: string): DocumentResult | undefined => {
    const document = documents.get(uri);
    if (!document) return undefined;
    let result = results.get(uri);
    if (!result) {
      validate(document);
      result = results.get(uri);
    }
    return result;
  };

  documents.onDidChangeContent((change) => validate(change.document));
  documents.onDidClose((event) => {
    results.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onNotification('schedlint/setFormat', (params: { uri: string; kind: FileKind | null }) => {
    if (params.kind) formatChoices.set(params.uri, params.kind);
    else formatChoices.delete(params.uri);
    const document = documents.get(params.uri);
    if (document) validate(document);
  });

  connection.onHover((params) => {
    const result = currentResult(params.textDocument.uri);
    if (!result) return null;
    const facts = new HostFacts(host, settings.cron.dialect === 'auto' ? undefined : settings.cron.dialect);
    const hover = result.format === 'crontab' ? hoverAt(result.result, params.position, { facts, locale: locale() }) : hoverUnitAt(result.result, params.position, { facts, locale: locale() });
    return hover ? { contents: { kind: 'markdown', value: hover.markdown }, range: hover.range } : null;
  });

  connection.onCompletion((params) => {
    const outcome = currentResult(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    if (!outcome || !document || outcome.format !== 'unit') return [];
    const lineText = document.getText({ start: { line: params.position.line, character: 0 }, end: { line: params.position.line + 1, character: 0 } }).replace(/\r?\n$/, '');
    return completeDirective(outcome.result.document, lineText, params.position, locale()).map((item) => ({
      label: item.label,
      kind: CompletionItemKind.Property,
      insertText: item.insertText,
      ...(item.documentation ? { documentation: { kind: 'markdown' as const, value: item.documentation } } : {}),
    }));
  });

  connection.onCodeAction((params) => {
    const uri = params.textDocument.uri;
    const outcome = currentResult(uri);
    const document = documents.get(uri);
    if (!outcome || !document) return [];
    const result = outcome.result;
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
    const actions: CodeAction[] = [];
    const overlaps = (finding: Finding) =>
      !(finding.range.end.line < params.range.start.line || finding.range.start.line > params.range.end.line);
    if (wants(CodeActionKind.QuickFix)) {
      for (const finding of result.findings.filter(overlaps)) {
        const diagnostic = toDiagnostic(finding, uri);
        for (const fix of finding.fixes ?? []) {
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: fix.isPreferred,
            edit: { changes: { [uri]: fix.edits } },
          });
        }
        // Inline disables are crontab comments; unit files have none yet.
        if (outcome.format !== 'crontab') continue;
        const lineText = document.getText({ start: { line: finding.range.start.line, character: 0 }, end: { line: finding.range.start.line + 1, character: 0 } });
        const indentation = lineText.match(/^[ \t]*/)?.[0] ?? '';
        actions.push({
          title: translate(locale(), 'disable.fix-line', { rule: finding.ruleId }),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [uri]: [{ range: { start: { line: finding.range.start.line, character: 0 }, end: { line: finding.range.start.line, character: 0 } }, newText: disableNextLineComment(finding.ruleId, indentation) }] } },
        });
      }
    }
    if (wants(FIX_ALL_KIND)) {
      const edits = fixAllEdits(result.findings);
      if (edits.length > 0) actions.push({ title: translate(locale(), 'fixAll.title'), kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
    }
    return actions;
  });

  documents.listen(connection);
  connection.listen();
}

if (require.main === module) {
  // `--stdio`, `--node-ipc` and `--socket=N` are read by createConnection itself.
  if (process.argv.includes('--version')) {
    process.stdout.write('schedlint-language-server\n');
  } else {
    startServer(createConnection(ProposedFeatures.all));
  }
}

