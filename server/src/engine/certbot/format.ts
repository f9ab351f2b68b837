// certbot's files as a format of the registry (formats/format.ts): renewal files
// (`/etc/letsencrypt/renewal/NAME.conf`, read with configobj's rules) and cli.ini (ConfigArgParse's), plus the
// hook scripts of `renewal-hooks/` that a host scan judges by their mode (certbot 2.1, Debian 12).
import type { FileFormat } from '../formats/format';
import { firstSignificantLine, iniLines } from '../formats/ini-lines';
import { certbotRules } from '../rules/certbot';
import { certbotHostRules } from '../rules/certbot/config-rules';
import { certbotCodeLenses } from './code-lens';
import { hoverCertbotAt } from './hover-certbot';
import { resolveCliKey } from './known-keys';
import { certbotFileKind, certbotHostFiles, certbotHostFindings, lintCertbotFile, type CertbotFileKind, type CertbotLintResult } from './lint-certbot';

const KINDS: readonly CertbotFileKind[] = ['certbot-renewal', 'certbot-cli-ini'];
const isKind = (kind: string | undefined): kind is CertbotFileKind => (KINDS as readonly (string | undefined)[]).includes(kind);

export const certbotFormat: FileFormat<CertbotLintResult> = {
  id: 'certbot',
  kinds: KINDS,
  languageIds: KINDS,
  rules: certbotRules,
  hostRules: certbotHostRules,
  // They judge the lineage's certificates, the web servers installed and the key files' modes on this machine.
  hostBoundRules: ['certbot/missing-file', 'certbot/standalone-without-hooks', 'certbot/secret-permissions'],
  messagePrefixes: ['certbot-editor.', 'certificates.'],
  fixtures: 'certbot',
  comments: { line: ['#', ';'] },
  inlineDisables: true,
  repositoryFiles: 'claimed',

  claimPath(filePath, host) {
    const kind = certbotFileKind(filePath, host);
    return kind ? { kind, strength: 'name' } : undefined;
  },

  claimContent(text) {
    const ini = iniLines(text);
    const sections = ini.sections;
    // certbot storage.py writes `version =`, `archive_dir =` and the four file paths above [renewalparams].
    if (sections.includes('renewalparams')) return { kind: 'certbot-renewal', strength: 'signature' };
    // (Text without the word `version` has no such key: no need to read every line's key.)
    const keys = text.includes('version') ? ini.lines.flatMap((line) => /^([A-Za-z_][\w.-]*)\s*=/.exec(line)?.[1] ?? []) : [];
    if (keys.includes('version') && keys.some((key) => ['archive_dir', 'cert', 'privkey', 'chain', 'fullchain'].includes(key))) return { kind: 'certbot-renewal', strength: 'signature' };
    if (sections.length > 0) return undefined;
    // cli.ini: only `key = value` and bare flag lines, most of them certbot's long options. Crontab environment
    // lines (`MAILTO=root`, `PATH=…`) name no certbot option. (The first line decides most texts.)
    const iniLine = (line: string) => /^[A-Za-z][\w-]*\s*(=.*)?$/.test(line);
    const first = firstSignificantLine(text);
    if (first === undefined || !iniLine(first)) return undefined;
    const lines = ini.lines;
    const iniShaped = lines.every(iniLine);
    if (!iniShaped) return undefined;
    const names = lines.map((line) => /^[A-Za-z][\w-]*/.exec(line)![0]);
    const known = names.filter((name) => resolveCliKey(name).kind === 'exact').length;
    return known > 0 && known * 2 >= names.length ? { kind: 'certbot-cli-ini', strength: 'shape' } : undefined;
  },

  affectsHost(hostPath, host) {
    return certbotFileKind(hostPath, host) !== undefined;
  },

  lint(input) {
    // A renewal path decides over any of these (lintCertbotFile); an editor's language id over a choice.
    const chosen = [input.languageId, input.explicit?.kind, input.decided].find(isKind);
    return lintCertbotFile({ text: input.text, path: input.path, kind: chosen, facts: input.facts, severities: input.settings?.severities, expiryDays: input.settings?.expiryDays, locale: input.locale, utf8: input.utf8 });
  },

  report(result, decision) {
    return { kind: result.kind, certbot: result, assumed: decision };
  },

  reportKindOf(hostPath) {
    return hostPath.includes('/renewal-hooks/') ? 'certbot-hook' : undefined;
  },

  hostFiles(facts) {
    return { files: certbotHostFiles(facts), unreadableFolders: [] };
  },

  hostFindings(facts, locale, severities) {
    return certbotHostFindings(facts, locale, undefined, severities);
  },

  hover(result, position, context) {
    // Certificate facts read the host's files: only in a trusted workspace.
    return hoverCertbotAt(result.document, position, { facts: context.trusted ? context.facts : undefined, locale: context.locale, now: context.now, path: context.path });
  },

  codeLenses(result, hostPath, options) {
    return certbotCodeLenses(result.document, hostPath, options);
  },
  terminalName: 'certbot',
};
