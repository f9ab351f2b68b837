// Seed 004: a renewal that silently dropped names. Compares cert.pem with the newest older certN.pem in the
// same archive folder (storage.py: live/NAME/cert.pem links to archive/NAME/certN.pem, versions counted up
// by next_free_version and kept beside it). Only names the previous certificate had and the current lacks.
import { lineageFor, removedNames } from '../../certbot/certificates';
import type { CertbotRule } from '../../certbot/rule';

export const sanRemoved: CertbotRule = {
  id: 'certbot/san-removed',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    const lineage = lineageFor(context);
    const cert = lineage?.files.cert;
    if (!lineage?.leaf || !lineage.previous || !cert) return;
    const removed = removedNames(lineage.previous.facts, lineage.leaf);
    if (removed.length === 0) return;
    const previousNames = [...lineage.previous.facts.dnsNames, ...lineage.previous.facts.ipAddresses];
    const wanted = [...lineage.leaf.dnsNames, ...lineage.leaf.ipAddresses, ...removed];
    context.report({
      messageId: 'removed',
      params: {
        names: removed,
        previous: lineage.previous.path,
        name: context.certName ?? 'NAME',
        domains: wanted.map((domain) => `-d ${domain}`).join(' '),
      },
      range: cert.entry.valueRange,
      related: [{
        path: lineage.previous.path,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: context.t('certificates.related.previous', { version: lineage.previous.version, names: previousNames }),
      }],
    });
  },
};
