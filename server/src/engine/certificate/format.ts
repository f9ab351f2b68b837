// Certificates as a format of the registry (formats/format.ts), two kinds of file:
// - `certificate`: certificate and key files (`.crt`, `.pem`, `.cer`, `.der`, `.key`; PEM per RFC 7468 or DER),
//   linted as documents (document.ts: findings on the block, the key beside it by name), a hover per block, the
//   leaf's status at a glance in a code lens that opens "Compare with…";
// - `web-server`: nginx's and Apache httpd's configuration (web-servers.ts), whose findings sit on the directive
//   that names the certificate (web-lint.ts). Read from the host as the servers read it, so the editor's unsaved
//   text of such a file is not what is judged: the findings follow the saved files.
// certbot's lineage files (`letsencrypt/live|archive/NAME/*.pem`) are claimed too, for the hover, but certbot's own
// rules judge them through the renewal file (certbot/cert-expiring, key-mismatch, chain-mismatch, san-removed):
// those are not said twice here, and the host scan leaves the lineages to the certbot format.
import * as path from 'node:path';
import type { CodeLens, FileFormat, FormatResult, Hover, HoverContext, LintInput } from '../formats/format';
import type { HostFacts } from '../host/facts';
import { MemoryHost } from '../host/memory-host';
import { translate } from '../i18n/catalog';
import { certificateFileRules, certificateRules, webServerRules } from '../rules/certificate';
import type { Finding, Locale, Position, Range, SeveritySetting } from '../types';
import { certificateStatusText, compareCertificates, describeComparison } from './compare';
import { describeCertificateBlock, isCertificateFilePath, lintCertificateDocument, type CertificateDocumentResult } from './document';
import { certificateFacts } from './facts';
import { certificatesOf, readCertificateFile, type CertificateFile } from './read';
import { webServerCertificateFindings } from './web-lint';
import { webServerSites } from './web-servers';
import { repositoryRootOf, standaloneFiles, SubtreeHost, subtreeWebServerFindings } from './repository-tree';

export type CertificateFormatKind = 'certificate' | 'web-server';

export interface CertificateFormatResult extends FormatResult {
  kind: CertificateFormatKind;
  /** The certificate or key file, for hovers and the status lens (kind `certificate`). */
  document?: CertificateDocumentResult;
  /** When it was checked: days left are counted from here. */
  now: Date;
}

const KINDS: readonly CertificateFormatKind[] = ['certificate', 'web-server'];
const isKind = (kind: string | undefined): kind is CertificateFormatKind => (KINDS as readonly (string | undefined)[]).includes(kind);
/** Language ids: ours for PEM, and those of the popular nginx (`nginx`) and Apache (`apacheconf`) extensions. */
const LANGUAGE_KINDS: Record<string, CertificateFormatKind> = { pem: 'certificate', nginx: 'web-server', apacheconf: 'web-server' };

/**
 * The files nginx and Apache read, wherever the tree sits (a `--root` copy, a repository's `etc/`): nginx.conf and
 * its conf.d, sites-available/enabled and snippets; apache2.conf/httpd.conf with their conf.d, sites-*, conf-* and
 * mods-* folders. Other files there (mime.types, envvars) are claimed too: they hold no TLS site, so no finding.
 */
const WEB_SERVER_PATH = /(^|\/)(nginx|apache2|httpd)\/(?:[^/]+\.conf|(?:conf|conf\.d|conf\.modules\.d|sites-available|sites-enabled|conf-available|conf-enabled|mods-available|mods-enabled|snippets)\/[^/]+)$/;
/** Where nginx and Apache read their configuration on a host (web-servers.ts starts from these folders). */
const HOST_CONFIGURATION = /^\/etc\/(nginx|apache2|httpd)\//;
/** certbot's lineage files: certbot's rules judge them from the renewal file. */
const LINEAGE_PATH = /(^|\/)letsencrypt\/(live|archive)\/[^/]+\/[^/]+\.pem$/;
/** What certbot's rules already say about a lineage (certbot/key-mismatch, chain-mismatch, san-removed, cert-expiring). */
const CERTBOT_JUDGES = ['certificate/key-mismatch', 'certificate/chain-mismatch', 'certificate/san-removed', 'certificate/expired', 'certificate/expiring'];
/** A PEM BEGIN line of a certificate or a private key (RFC 7468 labels) at the start of a line. */
const PEM_BEGIN = /^-----BEGIN (CERTIFICATE|TRUSTED CERTIFICATE|X509 CERTIFICATE|(?:RSA |EC |ENCRYPTED |DSA )?PRIVATE KEY)-----\s*$/m;

export function isWebServerPath(file: string): boolean {
  return WEB_SERVER_PATH.test(file);
}

export const certificateFormat: FileFormat<CertificateFormatResult> = {
  id: 'certificate',
  kinds: KINDS,
  languageIds: Object.keys(LANGUAGE_KINDS),
  rules: [...certificateFileRules, ...certificateRules, ...webServerRules],
  // None is bound to this machine: a repository's web-server files read the certificates they name inside the
  // repository (repository-tree.ts), never the machine's.
  messagePrefixes: ['certificate.', 'certificateFile.', 'certificateCompare.', 'certificateFormat.', 'cert.'],
  fixtures: 'certificate',
  // PEM has no comments (openssl ignores text outside the blocks); nginx and Apache use `#`.
  comments: { line: ['#'] },
  inlineDisables: false,
  repositoryFiles: 'claimed',

  claimPath(filePath) {
    if (isWebServerPath(filePath)) return { kind: 'web-server', strength: 'name' };
    return isCertificateFilePath(filePath) ? { kind: 'certificate', strength: 'name' } : undefined;
  },

  // Only a BEGIN line at the start of a line: a renewal file or cli.ini never holds one, and a crontab that
  // mentions a PEM label in a command (`grep -- '-----BEGIN'`) has it mid-line.
  claimContent(text) {
    return PEM_BEGIN.test(text) ? { kind: 'certificate', strength: 'signature' } : undefined;
  },

  affectsHost: () => false,

  lint(input) {
    const now = new Date();
    const kind = [input.languageId !== undefined ? LANGUAGE_KINDS[input.languageId] : undefined, input.explicit?.kind, input.decided].find(isKind) ?? (input.path !== undefined && isWebServerPath(input.path) ? 'web-server' : 'certificate');
    const severities = input.settings?.severities;
    if (kind === 'web-server') {
      // The host's own configuration is what its servers read: /etc/nginx, /etc/apache2, /etc/httpd, and a file
      // elsewhere that the host's nginx.conf or apache2.conf includes (`include /srv/nginx/*.conf;`; the findings
      // are keyed by the files the servers were found to read). A copy laid out as a root (a repository's
      // `etc/nginx/...`) is judged against the certificates under that root, never this machine's; any other
      // file names paths nothing here can resolve, so it gets no findings.
      const file = input.path;
      const root = file !== undefined && !HOST_CONFIGURATION.test(file) ? repositoryRootOf(file) : undefined;
      let byPath: ReadonlyMap<string, readonly Finding[]> | undefined;
      if (file !== undefined && root !== undefined) byPath = subtreeFindings(input.facts, root, input.locale, now, severities);
      else if (file !== undefined) {
        const host = webServerFindings(input.facts, input.locale, now, severities);
        if (HOST_CONFIGURATION.test(file) || host.has(file)) byPath = host;
      }
      // In the order of the file's lines, as every other format lists them (the rules report site by site).
      const findings = [...(byPath?.get(file!) ?? [])].sort((a, b) => a.range.start.line - b.range.start.line);
      return { kind, findings, now };
    }
    return { kind, now, ...lintDocument(input, now) };
  },

  report(result, decision) {
    return { kind: result.kind, assumed: decision };
  },

  // The TLS sites of the host's nginx and Apache: their configuration files, and the certificate and chain files
  // they name (not the keys: /etc/ssl/private is root's; the pair is judged on the directive). certbot's lineages
  // are the certbot format's.
  hostFiles(facts) {
    const files = new Set<string>();
    const sites = webServerSites(facts.host);
    for (const site of sites) {
      for (const at of [site.opening, ...site.names, site.certificate, site.key, site.chain]) if (at) files.add(at.path);
    }
    for (const site of sites) {
      for (const named of [site.certificate, site.chain]) {
        const file = named && path.posix.normalize(named.value);
        if (file && path.posix.isAbsolute(file) && !LINEAGE_PATH.test(file) && facts.host.stat(file)?.kind === 'file') files.add(file);
      }
    }
    return { files: [...files], unreadableFolders: [] };
  },

  hover(result, position, context) {
    if (result.kind === 'web-server') return servedCertificateHover(position, context);
    const block = result.document?.file.blocks.find((candidate) => candidate.range.start.line <= position.line && position.line <= candidate.range.end.line);
    return block ? { markdown: describeCertificateBlock(block, context.now, context.locale), range: block.range } : undefined;
  },

  codeLenses(result, hostPath, options) {
    const leaf = result.document ? leafOf(result.document.file) : undefined;
    if (!leaf) return [];
    const now = new Date();
    const range: Range = { start: leaf.block.range.start, end: leaf.block.range.start };
    const lenses: CodeLens[] = [{ range, title: certificateStatusText(certificateFacts(leaf.certificate, now), now, options.locale) }];
    if (hostPath !== undefined) lenses.push({ range, title: translate(options.locale, 'certificateFormat.lens.compare'), editorCommand: { command: 'schedlint.compareCertificate' } });
    return lenses;
  },

  compare(result, other, context) {
    const current = result.document ? leafOf(result.document.file) : undefined;
    const previous = leafOf(readCertificateFile(other.data));
    if (!current) return { unavailable: translate(context.locale, 'certificateFormat.compare.noCertificate', { path: translate(context.locale, 'format.certificate') }) };
    if (!previous) return { unavailable: translate(context.locale, 'certificateFormat.compare.noCertificate', { path: other.path }) };
    const comparison = compareCertificates(current.certificate, previous.certificate, context.now);
    const name = (facts: { dnsNames: string[]; commonName?: string; subject: string }) => facts.dnsNames[0] ?? facts.commonName ?? facts.subject;
    return {
      title: translate(context.locale, 'certificateFormat.compare.title', { current: name(comparison.current), previous: other.path }),
      markdown: describeComparison(comparison, context.locale),
    };
  },
};

/** The certificate a file is about: the first that is no CA (the server's, in a full chain), else the first. */
function leafOf(file: CertificateFile) {
  const certificates = certificatesOf(file);
  return certificates.find((entry) => !entry.certificate.ca) ?? certificates[0];
}

function lintDocument(input: LintInput, now: Date): Pick<CertificateFormatResult, 'findings' | 'document'> {
  // An editor's text is the document as it is now; a DER file has no text worth the name, so its bytes are read.
  const data = PEM_BEGIN.test(input.text) || input.text.includes('-----BEGIN ') ? input.text : (input.bytes?.() ?? input.text);
  const lineage = input.path !== undefined && LINEAGE_PATH.test(input.path);
  const severities: Record<string, SeveritySetting> = { ...(lineage ? Object.fromEntries(CERTBOT_JUDGES.map((id) => [id, 'off' as const])) : {}), ...input.settings?.severities };
  const document = lintCertificateDocument({
    data,
    // Without a path (standard input, an untitled document) there is nothing beside it to pair with.
    path: input.path ?? '/dev/stdin',
    host: input.path !== undefined ? input.facts.host : new MemoryHost(),
    now,
    locale: input.locale,
    severities,
    // --kind certificate (or the config's `format:`) names the file's kind even in a folder.
    scanned: input.scanned && input.explicit?.kind !== 'certificate',
  });
  return { findings: document.findings, document };
}

/** Web-server findings are about the whole host (several files, the same names served twice): once per scan. */
const WEB_SERVER_FINDINGS = Symbol('certificate/web-server-findings');

function webServerFindings(facts: HostFacts, locale: Locale, now: Date, severities?: Record<string, SeveritySetting>): Map<string, Finding[]> {
  const cache = facts.derived(WEB_SERVER_FINDINGS, () => new Map<string, Map<string, Finding[]>>());
  const key = `${locale} ${JSON.stringify(severities ?? {})}`;
  let findings = cache.get(key);
  if (!findings) cache.set(key, (findings = webServerCertificateFindings(facts.host, { now, locale, severities, reportMissing: true })));
  return findings;
}

const SUBTREE_FINDINGS = Symbol('certificate/subtree-web-server-findings');

/** The web-server findings of a tree laid out as a root (repository-tree.ts), by the inner host's paths; once per scan. */
function subtreeFindings(facts: HostFacts, root: string, locale: Locale, now: Date, severities?: Record<string, SeveritySetting>): Map<string, Finding[]> {
  const cache = facts.derived(SUBTREE_FINDINGS, () => new Map<string, Map<string, Finding[]>>());
  const key = `${root}\0${locale} ${JSON.stringify(severities ?? {})}`;
  let findings = cache.get(key);
  if (!findings) cache.set(key, (findings = subtreeWebServerFindings(facts.host, root, isWebServerPath, { now, locale, severities })));
  return findings;
}

/**
 * A hover on `ssl_certificate` / `SSLCertificateFile` / `SSLCertificateChainFile`: the certificate that line names,
 * as on the certificate file itself. It reads another file of the host: only in a trusted workspace.
 */
function servedCertificateHover(position: Position, context: HoverContext): Hover | undefined {
  if (!context.trusted || context.path === undefined) return undefined;
  // A repository's copy reads the certificate inside the repository, as its findings do.
  const root = HOST_CONFIGURATION.test(context.path) ? undefined : repositoryRootOf(context.path);
  const subtree = root !== undefined ? new SubtreeHost(context.facts.host, root) : undefined;
  const host = subtree ?? context.facts.host;
  const file = root !== undefined ? context.path.slice(root.length) : context.path;
  const here = (at: { path: string; range: Range } | undefined) => at !== undefined && at.path === file && at.range.start.line === position.line;
  for (const site of webServerSites(host, subtree ? standaloneFiles(subtree, isWebServerPath) : [])) {
    const named = [site.certificate, site.chain].find(here);
    if (!named) continue;
    const data = host.readBytes(named.value);
    const leaf = data ? leafOf(readCertificateFile(data)) : undefined;
    return leaf ? { markdown: describeCertificateBlock(leaf.block, context.now, context.locale), range: named.range } : undefined;
  }
  return undefined;
}
