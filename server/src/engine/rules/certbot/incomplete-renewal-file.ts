// A renewal file that configobj reads but certbot cannot use: empty, without one of the four file references at
// its top, without [renewalparams], or without an authenticator there. certbot's storage.py RenewableCert.__init__
// raises "renewal config file … is missing a required file reference" unless `cert`, `privkey`, `chain` and
// `fullchain` are all top-level keys (`x in self.configuration`: a key inside a section does not count);
// renewal.py reconstitute() then logs "Renewal configuration file … is broken. … Skipping." and returns None,
// as it does for "lacks renewalparams. Skipping." and "does not specify an authenticator. Skipping.";
// handle_renewal_request() counts each as a parse failure, renews the other certificates, and raises
// "N renew failure(s), M parse failure(s)", so `certbot renew` exits 1. Checked with Debian's certbot 2.1.0
// (`certbot renew --config-dir … --work-dir … --logs-dir …` on a scratch folder) and certbot's main branch.
// A line configobj cannot parse is certbot/invalid-syntax's; certbot stops there first, but what is missing is
// still said here, so that fixing that line does not reveal the next reason the file is skipped. A template
// kept in a repository is left alone: its keys may come from the template engine.
import type { CertbotRule, ConfigEntry } from '../../certbot/rule';
import { templateFacts } from '../../certbot/template';
import type { Range } from '../../types';
import { RENEWAL_PARAMS } from './support';

/** storage.py ALL_FOUR, in certbot's order. */
const FILE_REFERENCES = ['cert', 'privkey', 'chain', 'fullchain'] as const;

export const incompleteRenewalFile: CertbotRule = {
  id: 'certbot/incomplete-renewal-file',
  meta: { defaultSeverity: 'error', fixable: false },
  check(context) {
    const { document } = context;
    if (document.kind !== 'renewal') return;
    if (templateFacts(document, context.path, context.facts.host)) return;
    const name = context.certName ?? 'NAME';
    const firstLine = firstLineRange(document.lines?.[0] ?? document.text?.split('\n', 1)[0] ?? '');
    if (document.entries.length === 0 && document.sections.length === 0) {
      context.report({ messageId: 'empty', params: { name }, range: firstLine });
      return;
    }
    const missing = FILE_REFERENCES.filter((key) => !document.get(key, []));
    if (missing.length > 0) {
      const live = `${context.configDir ?? '/etc/letsencrypt'}/live/${name}`;
      // The same key inside a section (pasted under [renewalparams]) is where certbot does not look.
      const misplaced = missing.flatMap((key) => document.entries.filter((entry) => entry.key === key && entry.section.length > 0).slice(0, 1));
      context.report({
        messageId: 'missing-reference',
        params: { name, keys: missing.map((key) => `\`${key}\``).join(', '), lines: missing.map((key) => `\`${key} = ${live}/${key}.pem\``).join(', ') },
        range: firstLine,
        related: misplaced.map((entry: ConfigEntry) => ({ range: entry.keyRange, message: context.t('certbot/incomplete-renewal-file.related-in-section', { key: entry.key, section: entry.section.join('.') }) })),
      });
    }
    const params = document.sections.find((section) => section.path.length === 1 && section.path[0] === RENEWAL_PARAMS[0]);
    if (!params) {
      context.report({ messageId: 'no-renewalparams', params: { name }, range: firstLine });
      return;
    }
    if (!document.get('authenticator', RENEWAL_PARAMS)) context.report({ messageId: 'no-authenticator', params: { name }, range: params.range });
  },
};

/** Findings about the whole file sit on its first line, as the file/ rules' do. */
function firstLineRange(line: string): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: line.replace(/\r$/, '').length } };
}
