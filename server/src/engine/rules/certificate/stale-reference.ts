// Seed 004, item 5: the certificate was renewed, but another place serving the same names still points at the
// older one (a second virtual host, the other web server, a copy under another path). That place keeps working
// until the old certificate expires, then fails on its own. Reported on the stale place's certificate line.
import { isoDate } from '../../certificate/facts';
import type { ServedSite, WebServerRule } from '../../certificate/web-rule';

export const staleReference: WebServerRule = {
  id: 'certificate/stale-reference',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    const readable = context.sites.filter((entry): entry is Required<ServedSite> => entry.facts !== undefined && entry.raw !== undefined && entry.site.certificate !== undefined);
    for (const stale of readable) {
      // The newest certificate among the other places that share a name with this one.
      let newest: { entry: Required<ServedSite>; names: string[] } | undefined;
      for (const other of readable) {
        if (other === stale || other.raw.equals(stale.raw) || other.facts.notAfter.getTime() <= stale.facts.notAfter.getTime()) continue;
        const theirs = new Set(other.site.names.map((name) => name.value));
        const shared = [...new Set(stale.site.names.map((name) => name.value))].filter((name) => theirs.has(name));
        if (shared.length === 0) continue;
        if (!newest || other.facts.notAfter.getTime() > newest.entry.facts.notAfter.getTime()) newest = { entry: other, names: shared };
      }
      if (!newest) continue;
      const where = newest.entry.site.certificate!;
      context.report({
        messageId: 'older',
        params: { names: newest.names, cert: stale.site.certificate!.value, date: isoDate(stale.facts.notAfter), newer: where.value, newerDate: isoDate(newest.entry.facts.notAfter), place: `${where.path}:${where.range.start.line + 1}` },
        at: stale.site.certificate!,
        related: [{ at: where, message: context.t('certificate.related.newer') }],
      });
    }
  },
};
