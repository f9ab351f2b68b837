// Starts the bundled language server (dist/server/server.js --stdio) as a child process and speaks LSP to it
// the way Neovim or Helix would: JSON-RPC with Content-Length framing over stdin/stdout (LSP 3.17, "Base
// Protocol"). Runtime code depends only on vscode-jsonrpc; the protocol package is used for types alone.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import type {
  CodeAction,
  CodeActionContext,
  Command,
  ConfigurationParams,
  Diagnostic,
  Hover,
  InitializeResult,
  LogMessageParams,
  Position,
  PublishDiagnosticsParams,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { pathToFileURL } from 'node:url';
import { repoPath } from '../support/paths';

export const SERVER_PATH = repoPath('dist', 'server', 'server.js');

// Resolved from the repository, not from this compiled file: tests may be compiled into a private --outDir
// outside the repository (see test/support/paths.ts), where a bare require would find no node_modules.
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = createRequire(repoPath('package.json'))(
  'vscode-jsonrpc/node',
) as typeof import('vscode-jsonrpc/node');

/** The custom notification the server sends after each lint (server.ts, `schedlint/documentInfo`). */
export interface DocumentInfo {
  uri: string;
  kind: 'crontab-system' | 'crontab-user';
  reason: string;
  dialect: string;
  label: string;
  tooltip: string;
}

export interface StartOptions {
  /** `InitializeParams.locale`; omitted when undefined. */
  locale?: string;
  /** What `workspace/configuration` answers for the `schedlint` section. */
  settings?: unknown;
  /** `capabilities.workspace.configuration` (default true). */
  configuration?: boolean;
  /** Default time limit of requests and waits, in milliseconds. */
  timeoutMs?: number;
  /** Folders of the workspace (paths on this machine); none by default. */
  workspaceFolders?: string[];
  /** `initializationOptions` (the VS Code client sends `{ locale, trusted }`). */
  initializationOptions?: unknown;
  /**
   * Keep every diagnostics publication (default true: tests read them). False keeps the latest per document,
   * as an editor does: the bench's 60 publications of 500 diagnostics each, all kept, made this client's own
   * garbage collection (scavenges of 8 ms) part of the latency it measures.
   */
  history?: boolean;
}

interface Waiter<T> {
  uri: string;
  test: (item: T) => boolean;
  resolve: (item: T) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

// Every server not yet stopped, so a test file can kill leftovers in `after()` even when a test timed out.
const running = new Set<LanguageServer>();

/** Kills every server a test left running. Call from `after()`. */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.shutdown(500)));
}

/** Starts a server, runs `body` with it, and always shuts it down, also when `body` throws. */
export async function withServer<T>(options: StartOptions, body: (server: LanguageServer) => Promise<T>): Promise<T> {
  const server = await LanguageServer.start(options);
  try {
    return await body(server);
  } finally {
    await server.shutdown();
  }
}

export class LanguageServer {
  /** Answered to every `workspace/configuration` item for the `schedlint` section. */
  settings: unknown;
  readonly logs: string[] = [];
  initializeResult: InitializeResult | undefined;
  /** Messages the server asked the editor to show (window/showMessage). */
  readonly shown: string[] = [];
  private stderr = '';
  private exited = false;
  private exitCode: number | null = null;
  private readonly exitPromise: Promise<void>;
  private readonly versions = new Map<string, number>();
  private readonly publications = new Map<string, PublishDiagnosticsParams[]>();
  private readonly infos = new Map<string, DocumentInfo[]>();
  private diagnosticWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private infoWaiters: Waiter<DocumentInfo>[] = [];
  private configurationRequests = 0;
  /** Work-done progress reports that ended (the background host scan reports one per scan). */
  progressEnds = 0;
  private configurationListeners: (() => void)[] = [];

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: MessageConnection,
    settings: unknown,
    readonly timeoutMs: number,
    private readonly history: boolean,
  ) {
    this.settings = settings;
    this.exitPromise = new Promise((resolve) => {
      child.once('exit', (code) => {
        this.exited = true;
        this.exitCode = code;
        running.delete(this);
        const error = new Error(`language server exited (code ${code})${this.stderr ? `; stderr:\n${this.stderr}` : ''}`);
        [...this.diagnosticWaiters, ...this.infoWaiters].forEach((waiter) => {
          clearTimeout(waiter.timer);
          waiter.reject(error);
        });
        this.diagnosticWaiters = [];
        this.infoWaiters = [];
        resolve();
      });
    });
  }

  static async start(options: StartOptions = {}): Promise<LanguageServer> {
    if (!fs.existsSync(SERVER_PATH)) throw new Error(`${SERVER_PATH} is missing: run \`npm run build\` first`);
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    // Writing to a server that died must fail the test through its waits, not crash the test process.
    child.stdin!.on('error', () => undefined);
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new LanguageServer(child, connection, options.settings ?? {}, options.timeoutMs ?? 4000, options.history ?? true);
    running.add(server);
    try {
      await server.initialize(options);
    } catch (error) {
      await server.shutdown(500);
      throw error;
    }
    return server;
  }

  private async initialize(options: StartOptions): Promise<void> {
    const { child, connection } = this;
    child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    connection.onError(() => undefined);
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => this.onDiagnostics(params));
    connection.onNotification('schedlint/documentInfo', (params: DocumentInfo) => this.onDocumentInfo(params));
    connection.onNotification('window/logMessage', (params: LogMessageParams) => {
      this.logs.push(params.message);
    });
    // What the editor would show the user (window/showMessage). No handler for window/showMessageRequest: a
    // client may lack it, and the server must not depend on its answer.
    connection.onNotification('window/showMessage', (params: LogMessageParams) => {
      this.shown.push(params.message);
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('$/progress', (params: { value?: { kind?: string } }) => {
      if (params.value?.kind === 'end') this.progressEnds++;
    });
    connection.onRequest('workspace/configuration', (params: ConfigurationParams) => {
      this.configurationRequests++;
      const answer = params.items.map((item) => (item.section === 'schedlint' ? this.settings : null));
      // Listeners run after the answer is on its way (the handler's result is sent when it returns).
      const listeners = this.configurationListeners;
      this.configurationListeners = [];
      setImmediate(() => listeners.forEach((listener) => listener()));
      return answer;
    });
    connection.listen();

    const configuration = options.configuration ?? true;
    const firstConfiguration = configuration ? this.nextConfigurationRequest('initial workspace/configuration') : Promise.resolve();
    this.initializeResult = await this.request<InitializeResult>('initialize', {
      processId: process.pid,
      ...(options.locale !== undefined ? { locale: options.locale } : {}),
      rootUri: null,
      ...(options.workspaceFolders ? { workspaceFolders: options.workspaceFolders.map((folder) => ({ uri: pathToFileURL(folder).href, name: folder })) } : {}),
      ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
      capabilities: {
        window: { workDoneProgress: true },
        workspace: {
          configuration,
          didChangeConfiguration: { dynamicRegistration: true },
          workspaceFolders: true,
          workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
        },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
          codeAction: {
            isPreferredSupport: true,
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
          },
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
    // Wait for the settings to be pulled, so documents opened next are linted with them from the start.
    await firstConfiguration;
  }

  private nextConfigurationRequest(label: string): Promise<void> {
    return withTimeout(new Promise<void>((resolve) => this.configurationListeners.push(resolve)), this.timeoutMs, label);
  }

  /** The server's process id (the benchmark reads its memory from /proc). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return !this.exited && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The exit code after `shutdown` (null while running or when killed by a signal). */
  get code(): number | null {
    return this.exitCode;
  }

  get stderrText(): string {
    return this.stderr;
  }

  // ---- Requests and notifications -------------------------------------------------------------

  request<T>(method: string, params: unknown, timeoutMs = this.timeoutMs): Promise<T> {
    return withTimeout(this.connection.sendRequest<T>(method, params), timeoutMs, `${method} request${this.stderr ? `; stderr:\n${this.stderr}` : ''}`);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  async open(uri: string, text: string, languageId = 'crontab', version = 1): Promise<void> {
    this.versions.set(uri, version);
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text (a content change without a range, which LSP allows under incremental sync). */
  async change(uri: string, version: number, text: string): Promise<void> {
    this.versions.set(uri, version);
    await this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Ranged content changes, applied in order (`TextDocumentSyncKind.Incremental`, as VS Code sends them). */
  async edit(uri: string, version: number, changes: { range: Range; text: string }[]): Promise<void> {
    this.versions.set(uri, version);
    await this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** The status-bar format choice (`schedlint/setFormat`); null goes back to the automatic choice. */
  setFormat(uri: string, kind: DocumentInfo['kind'] | null): Promise<void> {
    return this.notify('schedlint/setFormat', { uri, kind });
  }

  /** Changes what `workspace/configuration` answers and tells the server, which pulls the settings again. */
  async updateSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    const pulled = this.nextConfigurationRequest('workspace/configuration after didChangeConfiguration');
    await this.notify('workspace/didChangeConfiguration', { settings: null });
    await pulled;
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  }

  codeActions(uri: string, range: Range, context: CodeActionContext): Promise<(CodeAction | Command)[] | null> {
    return this.request<(CodeAction | Command)[] | null>('textDocument/codeAction', { textDocument: { uri }, range, context });
  }

  // ---- Notifications from the server ----------------------------------------------------------

  private onDiagnostics(params: PublishDiagnosticsParams): void {
    const list = this.history ? (this.publications.get(params.uri) ?? []) : [];
    list.push(params);
    this.publications.set(params.uri, list);
    this.diagnosticWaiters = settle(this.diagnosticWaiters, params.uri, params);
  }

  private onDocumentInfo(params: DocumentInfo): void {
    const list = this.infos.get(params.uri) ?? [];
    list.push(params);
    this.infos.set(params.uri, list);
    this.infoWaiters = settle(this.infoWaiters, params.uri, params);
  }

  /** Every diagnostics publication received for `uri`, oldest first (the latest alone without `history`). */
  publicationsFor(uri: string): PublishDiagnosticsParams[] {
    return this.publications.get(uri) ?? [];
  }

  /** Every `schedlint/documentInfo` received for `uri`, oldest first. */
  documentInfosFor(uri: string): DocumentInfo[] {
    return this.infos.get(uri) ?? [];
  }

  // A publication for an older version than the one last sent describes text the document no longer has.
  private isCurrent(params: PublishDiagnosticsParams): boolean {
    const sent = this.versions.get(params.uri);
    return params.version === undefined || sent === undefined || params.version === sent;
  }

  /**
   * Resolves with the diagnostics of the first publication for the document's current version that satisfies
   * `predicate`, starting with the latest one already received.
   */
  waitForDiagnostics(uri: string, predicate: (diagnostics: Diagnostic[]) => boolean, timeoutMs = this.timeoutMs): Promise<Diagnostic[]> {
    const test = (params: PublishDiagnosticsParams) => this.isCurrent(params) && predicate(params.diagnostics);
    const latest = this.publicationsFor(uri).at(-1);
    if (latest && test(latest)) return Promise.resolve(latest.diagnostics);
    return this.wait(this.diagnosticWaiters, uri, test, timeoutMs, () => {
      const seen = this.publicationsFor(uri).map((params) => `  v${params.version}: ${JSON.stringify(params.diagnostics.map((d) => [d.code, d.range.start.line, d.severity]))}`);
      return `diagnostics for ${uri} matching the predicate (sent version ${this.versions.get(uri)}); received:\n${seen.join('\n') || '  nothing'}`;
    }).then((params) => params.diagnostics);
  }

  /** Like waitForDiagnostics, for `schedlint/documentInfo`. */
  waitForDocumentInfo(uri: string, predicate: (info: DocumentInfo) => boolean, timeoutMs = this.timeoutMs): Promise<DocumentInfo> {
    const latest = this.documentInfosFor(uri).at(-1);
    if (latest && predicate(latest)) return Promise.resolve(latest);
    return this.wait(this.infoWaiters, uri, predicate, timeoutMs, () => `schedlint/documentInfo for ${uri} matching the predicate; received: ${JSON.stringify(this.documentInfosFor(uri))}`);
  }

  private wait<T>(waiters: Waiter<T>[], uri: string, test: (item: T) => boolean, timeoutMs: number, describe: () => string): Promise<T> {
    if (this.exited) return Promise.reject(new Error(`language server has exited; stderr:\n${this.stderr}`));
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        uri,
        test,
        resolve,
        reject,
        timer: setTimeout(() => {
          const index = waiters.indexOf(waiter);
          if (index >= 0) waiters.splice(index, 1);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${describe()}`));
        }, timeoutMs),
      };
      waiters.push(waiter);
    });
  }

  // ---- Shutdown -------------------------------------------------------------------------------

  /** shutdown, then exit; kills the process when it does not end within `timeoutMs`. Safe to call twice. */
  async shutdown(timeoutMs = 2000): Promise<void> {
    if (!this.exited) {
      try {
        await withTimeout(this.connection.sendRequest('shutdown'), timeoutMs, 'shutdown request');
        await this.connection.sendNotification('exit');
      } catch {
        // Dead or hung: the kill below handles both.
      }
      if (!(await this.exitsWithin(timeoutMs))) {
        this.child.kill('SIGKILL');
        await this.exitsWithin(timeoutMs);
      }
    }
    this.connection.dispose();
    running.delete(this);
  }

  private async exitsWithin(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const result = await Promise.race([this.exitPromise.then(() => true), timedOut]);
    clearTimeout(timer);
    return result;
  }
}

function settle<T>(waiters: Waiter<T>[], uri: string, item: T): Waiter<T>[] {
  return waiters.filter((waiter) => {
    if (waiter.uri !== uri || !waiter.test(item)) return true;
    clearTimeout(waiter.timer);
    waiter.resolve(item);
    return false;
  });
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${label}`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// ---- Small helpers for assertions -------------------------------------------------------------

/** The text of a hover, whatever form its contents take. */
export function hoverText(hover: Hover | null): string {
  if (!hover) return '';
  const contents = hover.contents;
  const one = (part: unknown): string => (typeof part === 'string' ? part : (part as { value: string }).value);
  return Array.isArray(contents) ? contents.map(one).join('\n\n') : one(contents);
}

/** The code actions of a response (commands carry no edit and are left out). */
export function actionsOf(response: (CodeAction | Command)[] | null): CodeAction[] {
  return (response ?? []).filter((item): item is CodeAction => typeof (item as CodeAction).title === 'string' && typeof (item as Command).command !== 'string');
}

/** The text edits a workspace edit makes to `uri`, from `changes` or `documentChanges`. */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const fromChanges = edit.changes?.[uri] ?? [];
  const fromDocumentChanges = (edit.documentChanges ?? []).flatMap((change) =>
    'textDocument' in change && change.textDocument.uri === uri ? change.edits.map((item) => ({ range: item.range, newText: item.newText })) : [],
  );
  return [...fromChanges, ...fromDocumentChanges];
}

export { applyEdits } from '../support/apply-edits';
