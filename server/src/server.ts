// The language server: speaks LSP and nothing else. Documents come in, the engine lints them, findings go
// out as diagnostics, hovers and code actions. Runs under VS Code (IPC) or standalone over stdio
// (`schedlint-language-server --stdio`) for Neovim, Helix, Emacs.
// Long (about 490 lines) because every LSP request is wired here, each in a few lines over the format
// registry; what keeps state of its own lives beside it (host-scan.ts, repository-scan.ts, code-actions.ts,
// edit-requests.ts, host-view.ts).
// First: it holds V8's memory from the bundle's first line (memory-policy.ts).
import { beforeLint } from './memory-policy';
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
import { canDisableInline, disableLineEdit, isPackagedFile } from './engine/disable';
import { HostFacts } from './engine/host/facts';
import { HostViews, type HostView } from './host-view';
import { FsHost } from './engine/host/fs-host';
import { tzifZoneSource, useZoneSource } from './engine/time/zone-source';
import { HostScan } from './host-scan';
import { MAX_FILE_BYTES } from './engine/host/host';
import { tooLargeReport } from './engine/scan';
import { showFileNameBytes } from './engine/util/file-names';
import { fixActions, type EditCapabilities } from './code-actions';
import { RepositoryScan } from './repository-scan';
import { localeFrom, translate } from './engine/i18n/catalog';
import { fixAllEdits } from './engine/fix-all';
import { affectsHost, formatOfDocument, formatOfKind } from './engine/file-format';
import type { FileFormat, FormatResult } from './engine/formats/format';
import { FALLBACK_FORMAT, FORMATS } from './engine/formats/registry';
import { CONFIG_FILE_NAMES } from './engine/config/project-config';
import { ProjectSettings } from './project-settings';
import { globToRegExp } from './engine/util/glob';
import { hostTimelineForServer, type HostTimelineParams, type HostTimelineResult } from './engine/schedule/timeline-host';
import { OPEN_TERMINAL_COMMAND } from './code-actions';
import type { CronDialect, FileKind, Finding, Locale, Severity, SeveritySetting } from './engine/types';
import { watchFraming } from './framing-guard';
import { registerEditRequests } from './edit-requests';
import { DiagnosticCache } from './diagnostic-cache';
import { FactsCache } from './facts-cache';

/** The `schedlint.*` settings as the client sends them (package.json `contributes.configuration`). */
interface ServerSettings {
  language: 'auto' | Locale;
  cron: { dialect: 'auto' | CronDialect };
  crontab: { formatOverrides: Record<string, 'system' | 'user'> };
  rules: Record<string, SeveritySetting>;
  docsBaseUrl: string;
  hostScan: { enabled: boolean };
}

const DEFAULT_SETTINGS: ServerSettings = { language: 'auto', cron: { dialect: 'auto' }, crontab: { formatOverrides: {} }, rules: {}, docsBaseUrl: '', hostScan: { enabled: true } };

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
    hostScan: { enabled: raw.hostScan?.enabled !== false },
  };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A document's lint: the format that read it (formats/registry.ts) and its result, which only that format reads. */
interface DocumentResult {
  format: FileFormat;
  result: FormatResult;
  /** The host the file belongs to, and its path there (undefined for untitled documents). */
  view: HostView;
  hostPath?: string;
  /** The file's own findings, then the host-wide ones about it (a timer and a cron job colliding). */
  findings: Finding[];
}

/** Whether a rule's findings are about the whole file (its inline disable is `schedlint-disable-file`). */
function isFileScoped(format: FileFormat, ruleId: string): boolean {
  return format.rules.some((rule) => rule.id === ruleId && rule.meta.scope === 'file');
}

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.schedlint`;

export function startServer(connection: Connection): void {
  // The machine's zoneinfo files instead of Intl's ICU zone data: the same tzdata for a fraction of the
  // memory of a server that stays up (engine/time/zone-files.ts).
  const machine = new FsHost('/');
  if (machine.stat('/usr/share/zoneinfo')?.kind === 'directory') useZoneSource(tzifZoneSource((file) => machine.readBytes(file)));
  const documents = new TextDocuments(TextDocument);
  const results = new Map<string, DocumentResult>();
  /** Documents over MAX_FILE_BYTES: not linted (validate), so hovers and code actions find no result for them. */
  const tooLarge = new Set<string>();
  const diagnosticCache = new DiagnosticCache<Finding, Diagnostic>();
  const formatChoices = new Map<string, FileKind>();
  let clientLocale: Locale = 'en';
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let supportsConfiguration = false;
  let registersConfiguration = false;
  // VS Code tells us whether the workspace is trusted; other clients (Neovim, Helix) have no such notion.
  let trusted = true;
  let editCapabilities: EditCapabilities = { documentChanges: false, createFiles: false };
  const views = new HostViews();
  const hostScan = new HostScan(connection, views);
  const factsCache = new FactsCache();
  const repositoryScan = new RepositoryScan(connection, views.locate('/').view);
  /** Workspace folders that are repositories (not copies of a host's root): their install steps count. */
  let repositoryFolders: string[] = [];
  const scanning = () => trusted && settings.hostScan.enabled;
  // The project's .schedlint.yaml, read again at each lint (parsed again only when its text changed).
  const projectSettings = new ProjectSettings(connection, machine);

  const locale = (): Locale => (settings.language === 'auto' ? clientLocale : settings.language);

  connection.onInitialize((params: InitializeParams) => {
    clientLocale = localeFrom(params.locale) ?? localeFrom((params.initializationOptions as { locale?: string } | undefined)?.locale) ?? 'en';
    supportsConfiguration = params.capabilities.workspace?.configuration === true;
    registersConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    const options = (params.initializationOptions ?? {}) as { trusted?: boolean };
    trusted = options.trusted !== false;
    const workspaceEdit = params.capabilities.workspace?.workspaceEdit;
    editCapabilities = { documentChanges: workspaceEdit?.documentChanges === true, createFiles: workspaceEdit?.resourceOperations?.includes('create') === true };
    const folderUris = (params.workspaceFolders ?? []).map((folder) => folder.uri).concat(params.workspaceFolders ? [] : params.rootUri ? [params.rootUri] : []);
    views.setWorkspaceFolders(folderUris);
    repositoryFolders = folderUris.map((uri) => URI.toFilePath(uri)).filter((folder): folder is string => folder !== undefined && folder !== '/' && views.locate(folder).view.root === '/');
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: [] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll] },
      },
      serverInfo: { name: 'schedlint-language-server' },
    };
  });

  connection.onInitialized(() => {
    // Asked only of a client that says it takes dynamic registrations for it, and a refusal changes nothing.
    if (supportsConfiguration && registersConfiguration) connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
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
    await rescanHost();
  }

  function rescanRepositories(): void {
    if (repositoryFolders.length === 0) return;
    repositoryScan.refresh(repositoryFolders, {
      locale: locale(),
      dialect: settings.cron.dialect === 'auto' ? undefined : settings.cron.dialect,
      severities: settings.rules,
      toDiagnostic: (finding, uri) => toDiagnostic(finding, uri, views.locate('/').view),
      project: (filePath) => projectSettings.forDocument(URI.fromFilePath(filePath), locale()),
    });
  }

  /** Reads the host's schedule again (or forgets it when scanning is off), then relints open documents. */
  async function rescanHost(): Promise<void> {
    factsCache.clear();
    rescanRepositories();
    documents.all().forEach(validate);
    if (!scanning()) {
      hostScan.clear();
      return;
    }
    await hostScan.refresh({ locale: locale(), dialect: settings.cron.dialect === 'auto' ? undefined : settings.cron.dialect, severities: settings.rules });
    documents.all().forEach(validate);
  }

  connection.onDidChangeConfiguration((change) => {
    if (!supportsConfiguration) {
      settings = normalizeSettings((change.settings as { schedlint?: unknown } | undefined)?.schedlint);
      void rescanHost();
      return;
    }
    void refreshSettings();
  });

  function locate(uri: string): { view: HostView; hostPath?: string } {
    const filePath = URI.toFilePath(uri);
    if (filePath === undefined) return { view: views.all()[0] };
    return views.locate(filePath);
  }

  /**
   * The facts a document is linted and hovered with: the editor's `schedlint.cron.dialect` over the project
   * config's `dialect:` over the host's own cron, each said as where it came from.
   */
  function factsOf(view: HostView, configDialect: CronDialect | undefined): HostFacts {
    if (settings.cron.dialect !== 'auto') return factsCache.get(view, settings.cron.dialect, 'setting');
    return factsCache.get(view, configDialect, 'config');
  }

  function lint(document: TextDocument): DocumentResult {
    const { view, hostPath } = locate(document.uri);
    const project = projectSettings.forDocument(document.uri, locale());
    const hostFindings = hostPath !== undefined && scanning() ? hostScan.findingsFor(view, hostPath) : [];
    const overrides: FormatOverride[] = Object.entries(settings.crontab.formatOverrides).map(([glob, kind]) => ({ glob, kind: kind === 'system' ? 'crontab-system' : 'crontab-user' }));
    const chosen = formatChoices.get(document.uri);
    // Editor settings beat the project's config (.schedlint.yaml): `schedlint.rules` over its rules,
    // `schedlint.cron.dialect` over its dialect; the status-bar choice, a language mode of a format's own and
    // `schedlint.crontab.formatOverrides` over its format.
    const editorOverride = hostPath !== undefined && overrides.some((override) => globToRegExp(override.glob).test(hostPath));
    const ownLanguage = FORMATS.some((candidate) => candidate !== FALLBACK_FORMAT && candidate.languageIds.includes(document.languageId));
    const configFormat = project.format !== undefined && !chosen && !editorOverride && !ownLanguage ? formatOfKind(project.format) : undefined;
    const byEditor = formatOfDocument(document.languageId, hostPath, view.host);
    const last = results.get(document.uri);
    const format = configFormat ?? byEditor.format;
    const result = format.lint({
      text: document.getText(),
      path: hostPath,
      facts: factsOf(view, project.dialect),
      installs: view.root === '/' && hostPath !== undefined ? repositoryScan.installsOf(hostPath) : undefined,
      locale: locale(),
      settings: { severities: { ...project.severities, ...settings.rules }, formatOverrides: overrides, expiryDays: project.expiryDays },
      explicit: chosen ? { kind: chosen, reason: 'override' } : configFormat && project.format ? { kind: project.format, reason: 'config' } : undefined,
      languageId: document.languageId,
      decided: configFormat ? project.format : byEditor.kind,
      // What the editor shows of a binary file (DER) is not its content: the saved bytes are.
      bytes: hostPath !== undefined ? () => view.host.readBytes(hostPath) : undefined,
      // The last lint of this document by the same format: a crontab edited in one line reuses the rest of it.
      previous: last?.format === format ? last.result : undefined,
      incremental: true,
    });
    // A file the project's config ignores gets no diagnostics (it is still linted: hover and the status bar work).
    return { format, result, view, hostPath, findings: project.ignored ? [] : [...result.findings, ...hostFindings] };
  }

  function toDiagnostic(finding: Finding, uri: string, view: HostView): Diagnostic {
    const diagnostic: Diagnostic = {
      range: finding.range,
      severity: SEVERITY[finding.severity],
      code: finding.ruleId,
      codeDescription: { href: ruleDocsUrl(finding.ruleId, locale(), settings.docsBaseUrl || undefined) },
      source: 'schedlint',
      // A file name whose bytes are not UTF-8 reads as the CLI shows it (`caf\xE9`), not as a lone surrogate.
      message: showFileNameBytes(finding.message),
    };
    if (finding.related?.length) {
      diagnostic.relatedInformation = finding.related.map((related) => ({
        location: { uri: related.path ? views.uriOf(view, related.path) : uri, range: related.range },
        message: showFileNameBytes(related.message),
      }));
    }
    return diagnostic;
  }

  /**
   * The UTF-8 size of a text over MAX_FILE_BYTES, the most the CLI reads of a file (README, *Limits*), or
   * undefined. Such a document gets one file/too-large diagnostic, as the CLI gives, not a lint: 8 MiB of
   * crontab are some 400,000 findings and a gigabyte of memory between server and editor.
   */
  function oversize(text: string): number | undefined {
    // A UTF-16 unit is at most 3 bytes of UTF-8: most texts are settled without counting.
    if (text.length * 3 <= MAX_FILE_BYTES) return undefined;
    const size = Buffer.byteLength(text, 'utf8');
    return size > MAX_FILE_BYTES ? size : undefined;
  }

  function validate(document: TextDocument): void {
    const size = oversize(document.getText());
    if (size !== undefined) {
      results.delete(document.uri);
      tooLarge.add(document.uri);
      const { view, hostPath } = locate(document.uri);
      const report = tooLargeReport(hostPath ?? URI.toFilePath(document.uri) ?? document.uri, locale(), size);
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: report.findings.map((finding) => toDiagnostic(finding, document.uri, view)) });
      return;
    }
    tooLarge.delete(document.uri);
    let outcome: DocumentResult;
    beforeLint(document.getText().length);
    try {
      outcome = lint(document);
    } catch (error) {
      connection.console.error(`schedlint: linting ${document.uri} failed: ${(error as Error).stack ?? error}`);
      return;
    }
    results.set(document.uri, outcome);
    const context = `${document.uri}\0${locale()}\0${settings.docsBaseUrl}\0${outcome.view.root}`;
    const diagnostics = outcome.findings.map((finding) => diagnosticCache.get(finding, context, () => toDiagnostic(finding, document.uri, outcome.view)));
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
    const info = outcome.format.documentInfo?.(outcome.result, locale());
    if (info) void connection.sendNotification('schedlint/documentInfo', { uri: document.uri, ...info });
  }

  const currentResult = (uri: string): DocumentResult | undefined => {
    const document = documents.get(uri);
    if (!document) return undefined;
    let result = results.get(uri);
    if (!result && !tooLarge.has(uri)) {
      validate(document);
      result = results.get(uri);
    }
    return result;
  };

  documents.onDidChangeContent((change) => validate(change.document));
  // The first ranged edit of a document makes TextDocument find all its line starts (about 10 ms for 5,000
  // lines, in code V8 has not optimized yet): found once the document's first diagnostics are out, not on the
  // first keystroke. (Opening runs onDidOpen, then onDidChangeContent; a macrotask runs after both.)
  documents.onDidOpen((event) => setImmediate(() => event.document.lineCount));
  // A .schedlint.yaml changed (saved here, or on disk: the client watches them): every document again.
  const isConfigFile = (uri: string) => (CONFIG_FILE_NAMES as readonly string[]).some((name) => uri.endsWith('/' + name));
  connection.onDidChangeWatchedFiles((change) => {
    if (!change.changes.some((event) => isConfigFile(event.uri))) return;
    rescanRepositories();
    documents.all().forEach(validate);
  });
  documents.onDidSave((event) => {
    // A saved file may be one the facts read (/etc/passwd, a unit file): read them again for the next lint.
    factsCache.clear();
    if (isConfigFile(event.document.uri)) {
      rescanRepositories();
      documents.all().forEach(validate);
    }
    const { view, hostPath } = locate(event.document.uri);
    if (hostPath === undefined) return;
    if (view.root === '/' && repositoryFolders.some((folder) => hostPath.startsWith(folder + '/'))) {
      // An installer (Dockerfile, playbook) changes formats; a crontab changes what its install lines report.
      rescanRepositories();
      documents.all().forEach(validate);
    }
    if (affectsHost(hostPath, view.host) && scanning()) void rescanHost();
  });

  connection.onNotification('schedlint/trust', (params: { trusted: boolean }) => {
    trusted = params.trusted === true;
    void rescanHost();
  });
  documents.onDidClose((event) => {
    results.delete(event.document.uri);
    tooLarge.delete(event.document.uri);
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
    const facts = factsOf(result.view, projectSettings.forDocument(params.textDocument.uri, locale()).dialect);
    const hover = result.format.hover?.(result.result, params.position, { facts, locale: locale(), trusted, now: new Date(), path: result.hostPath });
    return hover ? { contents: { kind: 'markdown', value: hover.markdown }, range: hover.range } : null;
  });

  connection.onCompletion((params) => {
    const outcome = currentResult(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    if (!outcome || !document || !outcome.format.complete) return [];
    const lineText = document.getText({ start: { line: params.position.line, character: 0 }, end: { line: params.position.line + 1, character: 0 } }).replace(/\r?\n$/, '');
    return outcome.format.complete(outcome.result, lineText, params.position, locale()).map((item) => ({
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
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
    const actions: CodeAction[] = [];
    const overlaps = (finding: Finding) =>
      !(finding.range.end.line < params.range.start.line || finding.range.start.line > params.range.end.line);
    if (wants(CodeActionKind.QuickFix)) {
      for (const finding of outcome.findings.filter(overlaps)) {
        const diagnostic = toDiagnostic(finding, uri, outcome.view);
        actions.push(...fixActions(finding, diagnostic, uri, (hostPath) => views.uriOf(outcome.view, hostPath), editCapabilities, trusted));
        // Inline disables are comments in every format (engine/disable.ts), never offered in a packaged unit.
        if (!outcome.format.inlineDisables || !canDisableInline(finding.ruleId, document.getText()) || isPackagedFile(outcome.hostPath)) continue;
        const fileScoped = isFileScoped(outcome.format, finding.ruleId);
        actions.push({
          title: translate(locale(), fileScoped ? 'disable.fix-file' : 'disable.fix-line', { rule: finding.ruleId }),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [uri]: [disableLineEdit(finding.ruleId, document, finding.range.start.line, fileScoped)] } },
        });
      }
    }
    if (wants(FIX_ALL_KIND)) {
      const edits = fixAllEdits(outcome.findings);
      if (edits.length > 0) actions.push({ title: translate(locale(), 'fixAll.title'), kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
    }
    return actions;
  });

  connection.onCodeLens((params) => {
    const outcome = currentResult(params.textDocument.uri);
    if (!outcome || !outcome.format.codeLenses) return [];
    const name = outcome.format.terminalName ?? 'schedlint';
    return outcome.format.codeLenses(outcome.result, outcome.hostPath, { trusted, locale: locale() }).map((lens) => ({
      range: lens.range,
      command: lens.editorCommand
        ? { title: lens.title, command: lens.editorCommand.command, arguments: lens.editorCommand.arguments ?? [] }
        : lens.command !== undefined
          ? { title: lens.title, command: OPEN_TERMINAL_COMMAND, arguments: [{ command: lens.command, name }] }
          : // A status at a glance: shown, nothing to run.
            { title: lens.title, command: '' },
    }));
  });

  connection.onRequest('schedlint/hostTimeline', (params: HostTimelineParams & { theme?: 'light' | 'dark' }): HostTimelineResult & { root?: string } => {
    if (!scanning()) return { unavailable: translate(locale(), trusted ? 'server.hostScan.off' : 'server.hostScan.untrusted') };
    const { view } = params.uri ? locate(params.uri) : { view: views.all()[0] };
    const facts = new HostFacts(view.host, settings.cron.dialect === 'auto' ? undefined : settings.cron.dialect);
    const drawn = hostTimelineForServer(facts, locale(), Date.now(), { hours: params.hours, inventory: hostScan.inventory(view), ...(params.theme ? { theme: params.theme } : {}) });
    return { ...drawn, root: view.root };
  });

  // "Compare with…": the document beside another file the user picked, by the document's format.
  connection.onRequest('schedlint/compare', (params: { uri: string; other: string }): { title: string; markdown: string } | { unavailable: string } => {
    const outcome = currentResult(params.uri);
    const other = locate(params.other);
    const unreadable = { unavailable: translate(locale(), 'server.compare.unreadable', { path: other.hostPath ?? params.other }) };
    if (!outcome?.format.compare) return { unavailable: translate(locale(), 'server.compare.unsupported') };
    const data = other.hostPath !== undefined ? other.view.host.readBytes(other.hostPath) : undefined;
    if (!data || other.hostPath === undefined) return unreadable;
    return outcome.format.compare(outcome.result, { path: other.hostPath, data }, { locale: locale(), now: new Date() });
  });

  registerEditRequests(connection, { findings: currentResult, locale });
  documents.listen(connection);
  connection.listen();
}

if (require.main === module) {
  // `--stdio`, `--node-ipc` and `--socket=N` are read by createConnection itself.
  if (process.argv.includes('--version')) {
    process.stdout.write('schedlint-language-server\n');
  } else {
    if (process.argv.includes('--stdio')) {
      watchFraming(process.stdin, (reason) => {
        process.stderr.write(`schedlint-language-server: the client sent ${reason}; exiting so that it restarts the server.\n`);
        process.exit(2);
      });
    }
    const connection = createConnection(ProposedFeatures.all);
    // A promise nobody awaited that fails (a request the client refuses, a read that fails mid-scan) is logged
    // where the editor shows the server's output, not left to end the process: Node.js 20 exits on an
    // unhandled rejection, and the editor then loses every diagnostic until it restarts the server.
    process.on('unhandledRejection', (reason) => connection.console.error(`schedlint: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
    startServer(connection);
  }
}

