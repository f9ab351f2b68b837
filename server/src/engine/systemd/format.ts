// systemd unit files as a format of the registry (formats/format.ts): timers, the services they start, any
// other unit type, and drop-ins (`foo.timer.d/*.conf`, `timer.d/*.conf`), read as systemd 252 reads them
// (systemd.unit(5), systemd.timer(5), systemd.time(7)).
import type { FileFormat } from '../formats/format';
import { iniLines } from '../formats/ini-lines';
import { unitRules } from '../rules/systemd';
import { completeDirective } from './complete-unit';
import { hostTimerFiles } from './host-files';
import { hoverUnitAt } from './hover-unit';
import { isUnitFilePath, lintUnit, type UnitLintResult } from './lint-unit';

const UNIT_SECTIONS = new Set(['Unit', 'Install', 'Service', 'Timer', 'Socket', 'Path', 'Mount', 'Automount', 'Swap', 'Slice', 'Scope']);

export const systemdFormat: FileFormat<UnitLintResult> = {
  id: 'systemd',
  kinds: ['unit'],
  // Ours and those of the popular systemd extensions (bearmini's, hangxingliu's).
  languageIds: ['systemd-unit-file', 'systemd-conf'],
  rules: unitRules,
  messagePrefixes: ['directive.', 'systemd-calendar.', 'systemd-timespan.', 'calendar-field.', 'weekday.'],
  fixtures: 'systemd',
  comments: { line: ['#', ';'] },
  inlineDisables: true,
  repositoryFiles: 'claimed',

  claimPath(filePath) {
    return isUnitFilePath(filePath) ? { kind: 'unit', strength: 'name' } : undefined;
  },

  claimContent(text) {
    return iniLines(text).sections.some((section) => UNIT_SECTIONS.has(section)) ? { kind: 'unit', strength: 'shape' } : undefined;
  },

  affectsHost(hostPath) {
    // Enablement links (`*.wants/`) and everything else under /etc/systemd change what runs.
    return isUnitFilePath(hostPath) || hostPath.startsWith('/etc/systemd/');
  },

  lint(input) {
    return lintUnit({ text: input.text, path: input.path, facts: input.facts, severities: input.settings?.severities, locale: input.locale, utf8: input.utf8 });
  },

  report(result, decision) {
    return { kind: `systemd-${result.unitType}`, unit: result, assumed: decision };
  },

  reportKindOf(hostPath) {
    const type = hostPath.match(/\.(\w+)$/)?.[1];
    return type && isUnitFilePath(hostPath) ? `systemd-${type}` : undefined;
  },

  hostFiles(facts) {
    return { files: hostTimerFiles(facts), unreadableFolders: [] };
  },

  hover(result, position, context) {
    return hoverUnitAt(result, position, { facts: context.facts, locale: context.locale });
  },

  complete(result, lineText, position, locale) {
    return completeDirective(result.document, lineText, position, locale);
  },
};
