// The certificates a host's web servers serve, checked where the configuration names them: names the certificate
// does not cover (server_name/ServerName/ServerAlias line), a key that does not match (ssl_certificate_key /
// SSLCertificateKeyFile line), a chain certificate that issued nothing (ssl_certificate / SSLCertificateChainFile
// line), and an older certificate where another place serves the same names with a newer one. A plain engine
// function over the Host (--root/--host, or a repository's tree) for the format registry and the scans to call.
import { certificateFacts, oneLineName } from './facts';
import { analyzeChain } from './chain';
import { samePublicKey } from './pem';
import { readCertificateFile, certificatesOf } from './read';
import type { ServedSite, WebServerContext, WebServerRule } from './web-rule';
import { webServerSites, type Located, type TlsSite } from './web-servers';
import type { Host } from '../host/host';
import { translate, type MessageKey, type MessageParams } from '../i18n/catalog';
import { runRuleSafely } from '../rule';
import { webServerRules } from '../rules/certificate';
import type { Finding, Locale, SeveritySetting, Severity } from '../types';

export interface WebServerLintOptions {
  now: Date;
  locale: Locale;
  severities?: Record<string, SeveritySetting>;
  rules?: readonly WebServerRule[];
  /** Configuration files read on their own too (web-servers.ts webServerSites): a repository's site files. */
  standalone?: readonly string[];
  /**
   * Whether a named file that does not exist is a finding (certificate/missing-file): true for a host's own
   * configuration (the server fails to start), false for a repository's tree (the file lives on the server).
   */
  reportMissing?: boolean;
}

/** Findings by configuration file path. */
export function webServerCertificateFindings(host: Host, options: WebServerLintOptions): Map<string, Finding[]> {
  const byPath = new Map<string, Finding[]>();
  const t = (key: MessageKey, params?: MessageParams) => translate(options.locale, key, params);
  const add = (ruleId: string, defaultSeverity: Severity, messageId: string, params: MessageParams, at: Located<string>, related: { at: Located<string>; message: string }[] = [], severity?: Severity) => {
    const configured = options.severities?.[ruleId];
    if (configured === 'off') return;
    const findings = byPath.get(at.path) ?? [];
    byPath.set(at.path, findings);
    findings.push({
      ruleId,
      messageId,
      severity: configured ?? severity ?? defaultSeverity,
      range: at.range,
      message: t(`${ruleId}.${messageId}` as MessageKey, params),
      related: related.map((entry) => ({ path: entry.at.path, range: entry.at.range, message: entry.message })),
    });
  };
  const sites = webServerSites(host, options.standalone).map((site) => ({ ...served(host, site, options.now, add, t), ...(options.reportMissing ? { missing: missingFiles(host, site) } : {}) }));
  for (const rule of options.rules ?? webServerRules) {
    const context: WebServerContext = {
      sites,
      now: options.now,
      locale: options.locale,
      t,
      report: (report) => add(rule.id, rule.meta.defaultSeverity, report.messageId, report.params ?? {}, report.at, report.related, report.severity),
    };
    // A rule that throws is reported once, on the first configuration file, and the other rules still run.
    const errors: Finding[] = [];
    runRuleSafely(rule.id, () => rule.check(context), errors, options.locale);
    if (errors.length === 0) continue;
    const first = sites[0]?.site.opening.path ?? '/';
    byPath.set(first, [...(byPath.get(first) ?? []), ...errors]);
  }
  return byPath;
}

/**
 * The certificate and chain files a site names that are not there at all (not merely unreadable: a path that
 * exists but this user may not read is no finding). nginx's paths with variables (`$ssl_server_name`, 1.15.9+)
 * are resolved per connection and skipped. Keys are left out: a tree collected from a host holds stand-ins for
 * them (contrib/ansible), which may be absent when the host could not compute one.
 */
function missingFiles(host: Host, site: TlsSite): Located<string>[] {
  return [site.certificate, site.chain].filter((named): named is Located<string> => named !== undefined && !named.value.includes('$') && host.stat(named.value) === undefined);
}

type Add = (ruleId: string, defaultSeverity: Severity, messageId: string, params: MessageParams, at: Located<string>, related?: { at: Located<string>; message: string }[]) => void;

/** Reads the site's files once; reports the pair and chain findings on the directives that name them. */
function served(host: Host, site: TlsSite, now: Date, add: Add, t: (key: MessageKey, params?: MessageParams) => string): ServedSite {
  if (!site.certificate) return { site };
  const data = host.readBytes(site.certificate.value);
  if (!data) return { site };
  const members = certificatesOf(readCertificateFile(data)).map((entry) => ({ certificate: entry.certificate, where: site.certificate! }));
  const chainFile = site.chain;
  const chainData = chainFile ? host.readBytes(chainFile.value) : undefined;
  if (chainFile && chainData) members.push(...certificatesOf(readCertificateFile(chainData)).map((entry) => ({ certificate: entry.certificate, where: chainFile })));
  const chain = analyzeChain(members, undefined);
  if (!chain) return { site };
  const leaf = chain.leaf.certificate;
  for (const mismatch of chain.mismatches) {
    add('certificate/chain-mismatch', 'error', 'not-issued', { path: mismatch.member.where.value, subject: oneLineName(mismatch.member.certificate.subject), previous: oneLineName(mismatch.previous.certificate.subject), issuer: oneLineName(mismatch.previous.certificate.issuer) }, mismatch.member.where);
  }
  if (site.key) {
    const keyData = host.readBytes(site.key.value);
    const key = keyData ? readCertificateFile(keyData).blocks.find((block) => block.kind === 'private-key' && block.publicKey) : undefined;
    if (key?.publicKey && !samePublicKey(key.publicKey, leaf.publicKey)) {
      add('certificate/key-mismatch', 'error', 'mismatch', { key: site.key.value, cert: site.certificate.value }, site.key, [{ at: site.certificate, message: t('certificate.related.leaf') }]);
    }
  }
  return { site, facts: certificateFacts(leaf, now), raw: leaf.raw };
}
