// Lints one systemd unit file or drop-in: decides which unit it belongs to from its path, parses it the way
// systemd does, runs the unit rules, applies severity settings, and localizes messages.
import * as path from 'node:path';
import type { HostFacts } from '../host/facts';
import { translate, type MessageKey, type MessageParams } from '../i18n/catalog';
import { unitRules } from '../rules/systemd';
import type { UnitContext } from '../unit-rule';
import { findingReporter, runRuleSafely } from '../rule';
import { inspectText, textProblemFindings } from '../text-check';
import type { Utf8Check } from '../util/utf8';
import type { Finding, Locale, SeveritySetting } from '../types';
import { sectionsForUnitType } from './directives';
import { parseUnitFile, type UnitFileDocument } from './unit-file';
import { toEditorFindings } from '../editor-positions';
import { COMMENT_MARKERS, withoutDisabled } from '../disable';
import { parseUnitName, UNIT_TYPES } from './unit-names';

export interface UnitLintRequest {
  text: string;
  path?: string;
  /** For text without a path (an untitled editor): `timer`, `service`, … */
  unitType?: string;
  facts: HostFacts;
  severities?: Record<string, SeveritySetting>;
  locale?: Locale;
  /** Whether the bytes were UTF-8, when a Host read them (util/utf8.ts); absent for an editor's text. */
  utf8?: Utf8Check;
}

export interface UnitLintResult {
  document: UnitFileDocument;
  unitName?: string;
  unitType: string;
  isDropIn: boolean;
  timeZone: string;
  findings: Finding[];
}

export interface UnitIdentity {
  unitName?: string;
  unitType?: string;
  isDropIn: boolean;
}

/** `certbot.timer` → a timer; `certbot.timer.d/override.conf` → a drop-in of certbot.timer; `timer.d/x.conf` → of every timer. */
export function unitIdentity(filePath: string): UnitIdentity {
  const name = path.posix.basename(filePath);
  const folder = path.posix.basename(path.posix.dirname(filePath));
  if (name.endsWith('.conf') && folder.endsWith('.d')) {
    const owner = folder.slice(0, -2);
    const parsed = parseUnitName(owner);
    if (parsed) return { unitName: parsed.kind === 'plain' || parsed.kind === 'instance' || parsed.kind === 'template' ? owner : undefined, unitType: parsed.type, isDropIn: true };
    // Type-wide (`timer.d`) and dash-prefix (`foo-.timer.d`) folders; anything else (`cron.d`) is no unit's.
    const type = owner.includes('.') ? owner.slice(owner.lastIndexOf('.') + 1) : owner;
    return (UNIT_TYPES as readonly string[]).includes(type) ? { unitType: type, isDropIn: true } : { isDropIn: false };
  }
  const parsed = parseUnitName(name);
  return parsed ? { unitName: name, unitType: parsed.type, isDropIn: false } : { isDropIn: false };
}

/** Whether a path names something this linter reads as a unit file. */
export function isUnitFilePath(filePath: string): boolean {
  return unitIdentity(filePath).unitType !== undefined;
}

export function lintUnit(request: UnitLintRequest): UnitLintResult {
  const locale = request.locale ?? 'en';
  const identity = request.path ? unitIdentity(request.path) : { isDropIn: false };
  const unitType = identity.unitType ?? request.unitType ?? guessType(request.text);
  const sections = sectionsForUnitType(unitType);
  const problems = inspectText(request.text, request.utf8);
  const textFindings = textProblemFindings(request.text, problems, { format: 'unit', locale, severities: request.severities });
  // A binary file is that one finding: its "lines" would only give noise.
  if (problems.some((problem) => problem.kind === 'binary')) {
    return { document: parseUnitFile('', sections ? { sections } : {}), unitName: identity.unitName, unitType, isDropIn: identity.isDropIn, timeZone: request.facts.timeZone(), findings: toEditorFindings(request.text, textFindings, 'editor') };
  }
  const document = parseUnitFile(request.text, sections ? { sections } : {});
  const findings: Finding[] = [...textFindings];
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  const timeZone = request.facts.timeZone();
  for (const rule of unitRules) {
    const configured = request.severities?.[rule.id];
    if (configured === 'off') continue;
    const context: UnitContext = {
      document,
      path: request.path,
      unitName: identity.unitName,
      unitType,
      isDropIn: identity.isDropIn,
      facts: request.facts,
      timeZone,
      locale,
      t,
      report: findingReporter(rule, configured, t, findings),
    };
    runRuleSafely(rule.id, () => rule.check(context), findings, locale);
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  // The unit parser already counts lines as the editor does; this clamps what a rule put past a line's end.
  // Inline disables: `#` and `;` comment lines (systemd's COMMENTS), lines counted as the unit parser does.
  const kept = withoutDisabled(request.text, COMMENT_MARKERS.unit, 'editor', findings);
  return { document, unitName: identity.unitName, unitType, isDropIn: identity.isDropIn, timeZone, findings: toEditorFindings(request.text, kept, 'editor') };
}

function guessType(text: string): string {
  // `[^\S\n\r\u2028\u2029]*`, not `\s*`, after `^`: the same lines match, without rescanning runs of blank lines from each one (quadratic).
  const match = text.match(/^[^\S\n\r\u2028\u2029]*\[(Timer|Service|Socket|Path|Mount|Automount|Swap|Slice|Scope)\]/m);
  return match ? match[1].toLowerCase() : 'service';
}
