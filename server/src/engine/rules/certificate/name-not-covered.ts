// A name a web server answers for (nginx server_name, Apache ServerName/ServerAlias) that the certificate it
// serves does not cover: clients asking for that name get a name-mismatch error (RFC 6125 §6.4; a wildcard
// covers one label, §6.4.3). Seed 004, item 3, seen from the server's side.
import { nameCovered } from '../../certificate/facts';
import type { WebServerRule } from '../../certificate/web-rule';

export const nameNotCovered: WebServerRule = {
  id: 'certificate/name-not-covered',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    for (const { site, facts } of context.sites) {
      if (!facts || !site.certificate) continue;
      const reported = new Set<string>();
      for (const name of site.names) {
        if (reported.has(name.value) || nameCovered(name.value, facts.dnsNames) || facts.ipAddresses.includes(name.value)) continue;
        reported.add(name.value);
        context.report({
          messageId: 'not-covered',
          params: { name: name.value, cert: site.certificate.value, names: facts.dnsNames.length ? facts.dnsNames : ['—'] },
          at: name,
          related: [{ at: site.certificate, message: context.t('certificate.related.leaf') }],
        });
      }
    }
  },
};
