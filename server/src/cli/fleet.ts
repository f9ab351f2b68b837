// `schedlint fleet DIR`: the report over the per-host folders contrib/ansible/schedlint-collect.yml brings
// back (one folder per inventory hostname, laid out as that host's /). Each host is linted exactly as
// `schedlint --root` lints it (host-lint.ts); the model is fleet-model.ts; this file parses the arguments and
// prints text, JSON or SARIF (HTML: fleet-html.ts).
//
// JSON (README "Fleet"): { "hosts": [{ "name", "status", "detail"?, "unreadablePaths", "checked", "errors",
// "warnings", "files": [the `files` of `schedlint --format json`] }], "certificates": [{ "host", "renewal"? (certbot
// lineages), "path", "names", "notAfter" (ISO 8601), "daysLeft", "servedBy": [{ "path", "line" }] (nginx/Apache
// directives naming it) }] (soonest first), "overlaps": [{ "host", "path", "line",
// "message" }], "notChecked": [{ "host", "status", "detail"? }] }.
// SARIF: one run over all hosts; every location is `HOST/etc/...` relative to DIR, and the hosts that could not
// be checked are the run's toolExecutionNotifications (executionSuccessful false).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { translate, type MessageKey, type MessageParams } from '../engine/i18n/catalog';
import type { FileReport } from '../engine/scan';
import type { Locale } from '../engine/types';
import { argumentLocale, parseOptions, UsageError, usageErrorLine } from './args';
import { buildFleetReport, fleetExitStatus, type FleetHost, type FleetReport } from './fleet-model';
import { renderFleetHtml } from './fleet-html';
import { escapeControls, formatSarif, formatText, jsonFiles } from './output';
import type { CliIo } from './io';

const FLEET_OPTIONS = { format: { type: 'string', short: 'f' }, lang: { type: 'string' }, 'exit-zero': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

export function runFleetCommand(argv: string[], io: CliIo, version: string): number {
  try {
    return runFleet(argv, io, version);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    // One line that points at the fleet's own help, as the other subcommands do (the whole usage buried it).
    io.stderr(usageErrorLine(error, argumentLocale(argv, io.env), 'schedlint fleet'));
    return 2;
  }
}

function runFleet(argv: string[], io: CliIo, version: string): number {
  const parsed = parseOptions(argv, FLEET_OPTIONS);
  const values = parsed.values;
  const locale = argumentLocale(argv, io.env);
  if (values.help) {
    io.stdout(translate(locale, 'fleet.usage') + '\n');
    return 0;
  }
  const format = values.format ?? 'text';
  if (!['text', 'json', 'sarif', 'html'].includes(format)) throw new UsageError('cli.error.value', { option: '--format', value: format, allowed: 'text, json, sarif, html' });
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'ja') throw new UsageError('cli.error.value', { option: '--lang', value: values.lang, allowed: 'en, ja' });
  if (parsed.positionals.length === 0) throw new UsageError('fleet.error.noDir');
  if (parsed.positionals.length > 1) throw new UsageError('fleet.error.oneDir', { count: parsed.positionals.length });
  const dir = parsed.positionals[0];
  if (!isDirectory(dir)) {
    io.stderr(translate(locale, 'cli.ioError', { path: dir, detail: translate(locale, 'cli.io.notAFolder') }) + '\n');
    return 2;
  }
  const report = buildFleetReport(dir, { locale, severities: {} });
  const status = fleetExitStatus(report, values['exit-zero'] ?? false);
  const output =
    format === 'json' ? formatFleetJson(report)
    : format === 'sarif' ? formatFleetSarif(report, { locale, version, dir, exitCode: status })
    : format === 'html' ? renderFleetHtml(report, { locale, dir, generated: new Date() })
    : formatFleetText(report, locale);
  io.stdout(output);
  return status;
}

export function formatFleetText(report: FleetReport, locale: Locale): string {
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  const lines: string[] = [];
  for (const host of report.hosts) {
    lines.push(escapeControls(t('fleet.host', { host: host.name, status: t(`fleet.status.${host.status}`) })));
    if (!host.checked) {
      if (host.detail) lines.push(escapeControls(`  ${host.detail.replace(/\n/g, '\\n')}`));
      lines.push('');
      continue;
    }
    if (host.unreadablePaths.length) lines.push(escapeControls(t('fleet.partial', { paths: host.unreadablePaths.join(', ') })));
    const withFindings = host.reports.filter((file) => file.findings.length > 0 || file.assumed?.weak || file.assumed?.format === 'unrecognized');
    // formatText's lines, without its per-run summary line: the host's own summary follows.
    const body = formatText(withFindings, locale).trimEnd().split('\n').slice(0, -1);
    lines.push(...body);
    lines.push(host.errors + host.warnings === 0 && body.length === 0 ? t('fleet.hostClean') : t('fleet.hostSummary', { errors: host.errors, warnings: host.warnings }));
    lines.push('');
  }
  lines.push(report.certificates.length ? t('fleet.certificates') : t('fleet.certificates.none'));
  for (const certificate of report.certificates) {
    const params = { notAfter: certificate.notAfter.toISOString().slice(0, 10), host: certificate.host, path: certificate.path, names: certificate.names.join(', ') };
    const servedBy = certificate.servedBy.length ? '  ' + t('fleet.certificate.servedBy', { places: certificate.servedBy.map((place) => `${place.path}:${place.line}`).join(', ') }) : '';
    lines.push(escapeControls('  ' + (certificate.daysLeft >= 0 ? t('fleet.certificate', { ...params, days: certificate.daysLeft }) : t('fleet.certificate.expired', { ...params, days: -certificate.daysLeft })) + servedBy));
  }
  lines.push(report.overlaps.length ? t('fleet.overlaps') : t('fleet.overlaps.none'));
  for (const overlap of report.overlaps) lines.push(escapeControls(`  ${overlap.host}  ${overlap.path}:${overlap.line}: ${overlap.message.replace(/\n/g, '\\n')}`));
  lines.push(report.notChecked.length ? t('fleet.notChecked') : t('fleet.notChecked.none'));
  for (const host of report.notChecked) lines.push(escapeControls('  ' + notCheckedText(host, locale)));
  const errors = report.hosts.reduce((sum, host) => sum + host.errors, 0);
  const warnings = report.hosts.reduce((sum, host) => sum + host.warnings, 0);
  lines.push(t('fleet.summary', { hosts: report.hosts.length, errors, warnings, unchecked: report.notChecked.length }));
  return lines.join('\n') + '\n';
}

export function notCheckedText(host: FleetHost, locale: Locale): string {
  const detail = host.detail ? ` (${host.detail.replace(/\n/g, '\\n')})` : '';
  return translate(locale, 'fleet.notChecked.host', { host: host.name, status: translate(locale, `fleet.status.${host.status}` as MessageKey), detail });
}

export function formatFleetJson(report: FleetReport): string {
  return (
    JSON.stringify(
      {
        hosts: report.hosts.map((host) => ({
          name: host.name,
          status: host.status,
          ...(host.detail ? { detail: host.detail } : {}),
          unreadablePaths: host.unreadablePaths,
          checked: host.checked,
          errors: host.errors,
          warnings: host.warnings,
          files: jsonFiles(host.reports),
        })),
        certificates: report.certificates.map((certificate) => ({ ...certificate, notAfter: certificate.notAfter.toISOString() })),
        overlaps: report.overlaps,
        notChecked: report.notChecked.map((host) => ({ host: host.name, status: host.status, ...(host.detail ? { detail: host.detail } : {}) })),
      },
      null,
      2,
    ) + '\n'
  );
}

/** One SARIF run over every host: the file paths become `HOST/etc/…`, relative to DIR. */
export function formatFleetSarif(report: FleetReport, options: { locale: Locale; version: string; dir: string; exitCode: number }): string {
  const { locale } = options;
  const reports: FileReport[] = report.hosts.flatMap((host) => host.reports.map((file) => prefixReport(file, host.name)));
  // Paths are `HOST/etc/…` under DIR: relative to the repository DIR is in, else to DIR itself.
  const dir = path.resolve(options.dir);
  const readText = (reportPath: string) => {
    try {
      return fs.readFileSync(path.join(dir, reportPath), 'utf8');
    } catch {
      return undefined;
    }
  };
  const sarif = JSON.parse(formatSarif(reports, { locale, version: options.version, cwd: dir, exitCode: options.exitCode, readText })) as { runs: Record<string, unknown>[] };
  sarif.runs[0].invocations = [
    {
      executionSuccessful: report.notChecked.length === 0,
      exitCode: options.exitCode,
      toolExecutionNotifications: report.notChecked.map((host) => ({ level: 'error', message: { text: notCheckedText(host, locale) }, locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(host.name + '/') } } }] })),
    },
  ];
  return JSON.stringify(sarif, null, 2) + '\n';
}

function prefixReport(report: FileReport, host: string): FileReport {
  const prefix = (file: string) => (file.startsWith('/') ? host + file : `${host}/${file}`);
  return {
    ...report,
    path: prefix(report.path),
    findings: report.findings.map((finding) => ({ ...finding, related: finding.related?.map((related) => ({ ...related, path: prefix(related.path ?? report.path) })) })),
  };
}

function isDirectory(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}
