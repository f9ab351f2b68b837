// `schedlint fleet --format html`: one self-contained HTML file an operator can open or mail. No external
// resource of any kind (no script, no font, no image; the style is inline) and a Content-Security-Policy meta
// that forbids them all, so a mailed report cannot call home. The summary first (hosts with errors, the
// soonest certificates, timers and cron jobs that both run a program, hosts not checked), then each host's
// findings in a <details> that opens on click. Everything that came from a host is escaped (escapeHtml).
import { translate, type MessageKey, type MessageParams } from '../engine/i18n/catalog';
import type { Locale } from '../engine/types';
import type { FleetHost, FleetReport } from './fleet-model';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; script-src 'none'; form-action 'none'; base-uri 'none'";

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans CJK JP",Meiryo,sans-serif;margin:1.5rem;color:#1b1f23;background:#fff}
h1{font-size:1.4rem;margin:0 0 .2rem}h2{font-size:1.1rem;margin:1.4rem 0 .5rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
.meta{color:#57606a;margin:0 0 1rem}
table{border-collapse:collapse;margin:.3rem 0 1rem}th,td{border:1px solid #d0d7de;padding:.25rem .55rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num{text-align:right}
.error{color:#b3261e;font-weight:600}.warning{color:#8a5a00}.info,.hint{color:#57606a}
.expired,.soon{color:#b3261e;font-weight:600}
details{border:1px solid #d0d7de;border-radius:6px;margin:.4rem 0;padding:.3rem .7rem}
summary{cursor:pointer;font-weight:600}
code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:.92em;word-break:break-all}
.bad{color:#b3261e}
`;

/** Text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

export function renderFleetHtml(report: FleetReport, options: { locale: Locale; dir: string; generated: Date }): string {
  const locale = options.locale;
  const t = (key: MessageKey, params?: MessageParams) => escapeHtml(translate(locale, key, params));
  // The text report's list titles end with a colon; as headings they do not.
  // ： (fullwidth colon) as an escape, keeping the CLI bundle ASCII (cli/rule-docs.ts says why).
  const heading = (key: MessageKey) => t(key).replace(/[:\uff1a]$/, '');
  const e = escapeHtml;
  const status = (host: FleetHost) => t(`fleet.status.${host.status}` as MessageKey);
  const parts: string[] = [];
  parts.push(`<!DOCTYPE html>\n<html lang="${locale}">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${CSP}">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${t('fleet.html.title')}</title>\n<style>${STYLE}</style>\n</head>\n<body>`);
  parts.push(`<h1>${t('fleet.html.title')}</h1>`);
  parts.push(`<p class="meta">${t('fleet.html.generated', { time: options.generated.toISOString().slice(0, 16).replace('T', ' '), dir: options.dir })}</p>`);
  const errors = report.hosts.reduce((sum, host) => sum + host.errors, 0);
  const warnings = report.hosts.reduce((sum, host) => sum + host.warnings, 0);
  parts.push(`<h2>${t('fleet.html.summary')}</h2>`);
  parts.push(`<p>${t('fleet.summary', { hosts: report.hosts.length, errors, warnings, unchecked: report.notChecked.length })}</p>`);

  const withErrors = report.hosts.filter((host) => host.errors > 0);
  parts.push(`<h2>${t('fleet.html.errorHosts')}</h2>`);
  if (withErrors.length === 0) parts.push(`<p>${t('fleet.html.errorHosts.none')}</p>`);
  else parts.push(table([t('fleet.html.col.host'), t('fleet.html.col.errors'), t('fleet.html.col.warnings')], withErrors.map((host) => [`<a href="#host-${e(anchor(host.name))}">${e(host.name)}</a>`, `<span class="error">${host.errors}</span>`, String(host.warnings)])));

  parts.push(`<h2>${t('fleet.html.soonest')}</h2>`);
  if (report.certificates.length === 0) parts.push(`<p>${t('fleet.certificates.none')}</p>`);
  else
    parts.push(
      table(
        [t('fleet.html.col.expires'), t('fleet.html.col.daysLeft'), t('fleet.html.col.host'), t('fleet.html.col.path'), t('fleet.html.col.names'), t('fleet.html.col.servedBy')],
        report.certificates.map((certificate) => [
          e(certificate.notAfter.toISOString().slice(0, 10)),
          `<span class="${certificate.daysLeft < 0 ? 'expired' : certificate.daysLeft < 14 ? 'soon' : ''}">${certificate.daysLeft}</span>`,
          e(certificate.host),
          `<code>${e(certificate.path)}</code>`,
          e(certificate.names.join(', ')),
          certificate.servedBy.map((place) => `<code>${e(`${place.path}:${place.line}`)}</code>`).join('<br>'),
        ]),
      ),
    );

  parts.push(`<h2>${heading(report.overlaps.length ? 'fleet.overlaps' : 'fleet.overlaps.none')}</h2>`);
  if (report.overlaps.length)
    parts.push(table([t('fleet.html.col.host'), t('fleet.html.col.file'), t('fleet.html.col.message')], report.overlaps.map((overlap) => [e(overlap.host), `<code>${e(`${overlap.path}:${overlap.line}`)}</code>`, e(overlap.message)])));

  parts.push(`<h2>${heading(report.notChecked.length ? 'fleet.notChecked' : 'fleet.notChecked.none')}</h2>`);
  if (report.notChecked.length)
    parts.push(table([t('fleet.html.col.host'), t('fleet.html.col.status'), t('fleet.html.col.message')], report.notChecked.map((host) => [e(host.name), `<span class="bad">${status(host)}</span>`, e(host.detail ?? '')])));

  parts.push(`<h2>${t('fleet.html.hosts')}</h2>`);
  for (const host of report.hosts) {
    const line = host.checked ? `${status(host)} — ${t('fleet.hostSummary', { errors: host.errors, warnings: host.warnings })}` : `<span class="bad">${status(host)}</span>`;
    parts.push(`<details id="host-${e(anchor(host.name))}">\n<summary>${e(host.name)} — ${line}</summary>`);
    if (host.detail) parts.push(`<p>${e(host.detail)}</p>`);
    if (host.unreadablePaths.length) parts.push(`<p>${t('fleet.partial', { paths: host.unreadablePaths.join(', ') })}</p>`);
    const rows = host.reports.flatMap((file) =>
      file.findings.map((finding) => [
        `<code>${e(`${file.path}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`)}</code>`,
        `<span class="${finding.severity}">${t(`fleet.html.severity.${finding.severity}`)}</span>`,
        e(finding.message),
        `<code>${e(finding.ruleId)}</code>`,
      ]),
    );
    if (rows.length) parts.push(table([t('fleet.html.col.file'), t('fleet.html.col.severity'), t('fleet.html.col.message'), t('fleet.html.col.rule')], rows));
    else if (host.checked) parts.push(`<p>${t('fleet.hostClean')}</p>`);
    parts.push('</details>');
  }
  parts.push('</body>\n</html>\n');
  return parts.join('\n');
}

/** Cells are already HTML. */
function table(headers: string[], rows: string[][]): string {
  return `<table>\n<thead><tr>${headers.map((header) => `<th>${header}</th>`).join('')}</tr></thead>\n<tbody>\n${rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n')}\n</tbody>\n</table>`;
}

/** An id from a host name: only characters that need no escaping anywhere. */
function anchor(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]/g, (ch) => `_${ch.codePointAt(0)!.toString(16)}`);
}
