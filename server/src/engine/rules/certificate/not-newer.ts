// The new certificate expires no later than the one it replaces (seed 004, item 4: the old certificate picked by
// mistake). A renewal always moves notAfter forward; the same certificate again, or an older one, does not.
import { isoDate } from '../../certificate/facts';
import type { CertificateRule } from '../../certificate/rule';

export const notNewer: CertificateRule = {
  id: 'certificate/not-newer',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    const { previous, leaf, facts } = context.review;
    if (!previous || !leaf || !facts) return;
    if (!previous.same && facts.notAfter.getTime() > previous.facts.notAfter.getTime()) return;
    context.report({
      messageId: previous.same ? 'same' : 'older',
      params: { previous: previous.where.path, date: isoDate(facts.notAfter), previousDate: isoDate(previous.facts.notAfter) },
      at: leaf,
      related: [{ at: previous.where, message: context.t('certificate.related.previous') }],
    });
  },
};
