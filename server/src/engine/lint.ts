// The engine's entry point: text in, findings out. Decides the file's format and cron dialect, runs every
// rule, applies severity settings and inline disables, and localizes the messages.
import { type ContentVotes, decideKind, type FormatOverride, type KindDecision, type KindReason } from './crontab/kind';
import { installStandIn, type CronProgram, type InstallStep } from './install/model';
import type { CrontabDocument } from './crontab/document';
import { parseCrontab } from './crontab/parse';
import { jobLineEdit, reparseCrontab } from './crontab/reparse';
import { singleLineEdit } from './util/line-edit';
import type { DialectChoice, HostFacts } from './host/facts';
import { compiledMessage, renderMessage, translate, type MessageKey, type MessageParams } from './i18n/catalog';
import type { CompiledMessage } from './i18n/format';
import { crontabRules } from './rules/crontab';
import { dropUnicodeSpaceEchoes } from './rules/crontab/unicode-space';
import { runRuleSafely, type CrontabContext, type CrontabRule, type Report } from './rule';
import type { CronDialect, FileKind, Finding, Locale, Severity, SeveritySetting } from './types';
import { COMMENT_MARKERS, withoutDisabled } from './disable';
import { inspectText, textProblemFindings } from './text-check';
import type { Utf8Check } from './util/utf8';
import { toEditorFindings } from './editor-positions';
import { appendAll } from './util/append';

export interface LintSettings {
  /** Per-rule severity, `off` to disable (`{"crontab/wildcard-minute": "off"}`). */
  severities?: Record<string, SeveritySetting>;
  /** Globs mapped to a crontab format, checked before the path rules. */
  formatOverrides?: FormatOverride[];
  dialect?: CronDialect;
  /** `certificates.expiryDays` of the project's config (certbot/cert-expiring). */
  expiryDays?: number;
}

export interface LintRequest {
  text: string;
  /** Host path (`/etc/cron.d/certbot`), when the text is a file of the host. */
  path?: string;
  /** A format chosen by the user (status bar, `--kind`). */
  explicitKind?: { kind: FileKind; reason: KindReason };
  /** How the repository installs this file (install/find.ts); decides the format unless a setting does. */
  installs?: readonly InstallStep[];
  facts: HostFacts;
  settings?: LintSettings;
  locale?: Locale;
  /** Whether the bytes were UTF-8, when a Host read them (util/utf8.ts); absent for an editor's text. */
  utf8?: Utf8Check;
  /**
   * The result of linting the previous version of this text (the editor's last lint of the document): what an
   * edit inside one job line left unchanged is taken from it (crontab/reparse.ts, the content vote). The
   * findings are always those of a lint without it.
   */
  previous?: LintResult;
  /**
   * The caller will lint the next version of this text with this result as `previous` (the language server):
   * keep what that needs. A one-off lint (the CLI) keeps nothing.
   */
  incremental?: boolean;
}

export interface LintResult {
  kind: FileKind;
  kindReason: KindReason;
  /** With kindReason `content`: the guess rested on few or disagreeing lines. */
  kindWeak?: boolean;
  /** With kindReason `install`: the install step that decided the format. */
  install?: InstallStep;
  installs?: readonly InstallStep[];
  dialect: DialectChoice;
  timeZone: string;
  document: CrontabDocument;
  findings: Finding[];
}

export function lintCrontab(request: LintRequest): LintResult {
  const locale = request.locale ?? 'en';
  const settings = request.settings ?? {};
  const previous = request.previous;
  const votes: { counted?: ContentVotes } = {};
  // Where the text differs from the previous one inside one line: found once, for the content vote and the parser.
  const previousVotes = previous && contentVotes.get(previous.document);
  const lineEdit = previous !== undefined && previous.document.text !== request.text ? singleLineEdit(previous.document.text, request.text) : undefined;
  const previousEdit = previousVotes !== undefined && previousVotes.text === previous?.document.text ? lineEdit : undefined;
  const decision = decideKind({ path: request.path, text: request.text, facts: request.facts, overrides: settings.formatOverrides, explicit: request.explicitKind, installs: request.installs, previousVotes, previousEdit, votes });
  const dialect = request.facts.dialect();
  const timeZone = request.facts.timeZone();
  const problems = inspectText(request.text, request.utf8);
  const textFindings = textProblemFindings(request.text, problems, { format: 'crontab', locale, dialect: dialect.dialect, severities: settings.severities });
  // A binary file is that one finding: its "lines" would give hundreds of findings of noise.
  if (problems.some((problem) => problem.kind === 'binary')) {
    return { kind: decision.kind, kindReason: decision.reason, install: decision.install, installs: request.installs, dialect, timeZone, document: parseCrontab('', decision.kind, dialect.dialect), findings: toEditorFindings(request.text, textFindings, 'lf') };
  }
  const document =
    previous !== undefined && previous.document.kind === decision.kind && previous.document.dialect === dialect.dialect
      ? reparseCrontab(previous.document, request.text, lineEdit)
      : parseCrontab(request.text, decision.kind, dialect.dialect);
  const incremental = request.incremental === true || previous !== undefined;
  if (incremental && votes.counted !== undefined) contentVotes.set(document, votes.counted);
  const reported: Finding[] = [];

  // After an edit inside one job line, a line-local rule (checkJob) checks that job only and keeps its findings
  // on every other line from the previous lint, when everything else the rules read is the same.
  const key = incremental ? JSON.stringify([locale, settings.severities ?? null, request.path ?? null, dialect, timeZone, decision.kind, decision.reason]) : '';
  // (An edit that changed nothing gives back the previous document itself: every line is as it was.)
  const unchanged = previous !== undefined && document === previous.document;
  const edit = previous !== undefined && !unchanged ? jobLineEdit(document) : undefined;
  const before = unchanged ? ruleRuns.get(document) : edit !== undefined && previous !== undefined && edit.previous === previous.document ? ruleRuns.get(previous.document) : undefined;
  const reusable = before !== undefined && before.key === key && before.facts === request.facts && before.installs === request.installs ? before : undefined;
  const perRule: (readonly Finding[] | undefined)[] = [];
  // The cron that reads the file when the dialect only stands in for it (an Alpine image's busybox crond).
  const reader = dialect.source === 'install' ? installStandIn(request.installs) : undefined;
  crontabRules.forEach((rule, index) => {
    const configured = settings.severities?.[rule.id];
    if (configured === 'off') return;
    if (reader !== undefined && rule.meta.notFor?.includes(reader)) return;
    const context = new RuleContext(rule, configured, reported, document, request.path, request.facts, dialect, timeZone, locale, decision, request.installs, reader);
    const from = reported.length;
    const earlier = reusable?.perRule[index];
    const checkJob = rule.checkJob;
    // The previous lint's findings of a line-local rule, when they can be kept.
    const keep = earlier !== undefined && checkJob !== undefined && earlier.every((finding) => finding.ruleId === rule.id);
    if (unchanged && keep) {
      appendAll(reported, earlier);
    } else if (edit !== undefined && keep) {
      // A line-local rule reports in job order, so its findings are in line order: those above the edited line,
      // the edited job's own, then those below.
      let cut = 0;
      while (cut < earlier.length && earlier[cut].range.start.line < edit.line) cut++;
      let resume = cut;
      while (resume < earlier.length && earlier[resume].range.start.line === edit.line) resume++;
      for (let at = 0; at < cut; at++) reported.push(earlier[at]);
      runRuleSafely(rule.id, () => checkJob(context, edit.job), reported, locale);
      for (let at = resume; at < earlier.length; at++) reported.push(earlier[at]);
    } else {
      runRuleSafely(rule.id, () => rule.check(context), reported, locale);
    }
    if (incremental) perRule[index] = reported.slice(from);
  });
  if (incremental) ruleRuns.set(document, { key, facts: request.facts, installs: request.installs, perRule });

  if (problems.some((problem) => problem.kind === 'bom')) dropBomEchoes(reported);
  dropUnicodeSpaceEchoes(reported);
  appendAll(reported, textFindings);
  const kept = withoutDisabled(request.text, COMMENT_MARKERS.crontab, 'lf', reported);
  if (!isSorted(kept)) kept.sort(byPosition);
  // Rules and disables count lines as cron does ("\n" only); the result counts them as the editor does.
  const findings = toEditorFindings(request.text, kept, 'lf', kept.length > 0 ? document.lfLineStarts() : undefined);
  return { kind: decision.kind, kindReason: decision.reason, kindWeak: decision.weak, install: decision.install, installs: request.installs, dialect, timeZone, document, findings };
}

// The content vote that decided a document's format, for the next version of its text (kept as long as the
// document is: the server keeps the last lint of each open document).
const contentVotes = new WeakMap<CrontabDocument, ContentVotes>();

/** Each rule's findings on a document (in the order of crontabRules), and what else they depended on. */
interface RuleRun {
  readonly key: string;
  readonly facts: HostFacts;
  readonly installs: readonly InstallStep[] | undefined;
  readonly perRule: readonly (readonly Finding[] | undefined)[];
}

const ruleRuns = new WeakMap<CrontabDocument, RuleRun>();

// The BOM finding says what the BOM does to the first line; the rules that trip over the same invisible
// characters at the start of it would only repeat that with a `\ufeff` no one can see.
const BOM_ECHOES = new Set(['crontab/invalid-schedule', 'crontab/invalid-environment', 'crontab/ignored-characters']);

function dropBomEchoes(findings: Finding[]): void {
  for (let index = findings.length - 1; index >= 0; index--) {
    const finding = findings[index];
    if (finding.range.start.line === 0 && finding.range.start.character === 0 && BOM_ECHOES.has(finding.ruleId)) findings.splice(index, 1);
  }
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

// Findings come rule by rule, each rule's in line order; when one rule reports them all (the usual case for a
// long file), they are already sorted, and the (stable) sort would leave them as they are.
function isSorted(findings: readonly Finding[]): boolean {
  for (let index = 1; index < findings.length; index++) if (byPosition(findings[index - 1], findings[index]) > 0) return false;
  return true;
}

/**
 * What a rule's check() gets. A class rather than an object of closures: rules run long loops that V8
 * optimizes, and calls to the same methods (not new closures on every lint) keep that code valid.
 */
class RuleContext implements CrontabContext {
  private readonly memo: MessageMemo;

  constructor(
    private readonly rule: CrontabRule,
    private readonly configured: SeveritySetting | undefined,
    private readonly findings: Finding[],
    readonly document: CrontabDocument,
    readonly path: string | undefined,
    readonly facts: HostFacts,
    readonly dialect: DialectChoice,
    readonly timeZone: string,
    readonly locale: Locale,
    readonly kindDecision?: KindDecision,
    readonly installs?: readonly InstallStep[],
    readonly reader?: CronProgram,
  ) {
    let memo = messageMemos.get(rule);
    if (memo === undefined) messageMemos.set(rule, (memo = { locale, messageId: undefined, message: undefined }));
    this.memo = memo;
  }

  t(key: MessageKey, params?: MessageParams): string {
    return translate(this.locale, key, params);
  }

  consequence(): string {
    return this.t(this.dialect.dialect === 'debian' ? 'consequence.debian-file' : 'consequence.cronie-line');
  }

  report(report: Report): void {
    const rule = this.rule;
    this.findings.push({
      ruleId: rule.id,
      messageId: report.messageId,
      severity: (this.configured as Severity | undefined) ?? report.severity ?? rule.meta.defaultSeverity,
      range: report.range,
      message: this.message(report.messageId, report.params),
      related: report.related,
      terminalActions: report.terminalActions,
      fixes: report.fixes,
    });
  }

  private message(messageId: string, params: MessageParams | undefined): string {
    const memo = this.memo;
    if (messageId !== memo.messageId || this.locale !== memo.locale) {
      memo.locale = this.locale;
      memo.messageId = messageId;
      memo.message = compiledMessage(this.locale, `${this.rule.id}.${messageId}` as MessageKey);
    }
    // Without a message in the catalog, translate() fails as it always has (an internal error in lintCrontab).
    const message = memo.message;
    return message === undefined ? this.t(`${this.rule.id}.${messageId}` as MessageKey, params) : renderMessage(message, params ?? {}, this.locale);
  }
}

/**
 * The message a rule reported last, per rule (so bounded), kept from one lint to the next: a rule may report
 * thousands of findings with the same message id, and the next lint most likely the same again.
 */
interface MessageMemo {
  locale: Locale;
  messageId: string | undefined;
  message: CompiledMessage | undefined;
}

const messageMemos = new Map<CrontabRule, MessageMemo>();
