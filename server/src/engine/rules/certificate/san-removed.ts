// Names the certificate being replaced served that the new one does not, exactly or by a wildcard (seed 004,
// item 3): connections to a dropped name fail with a name mismatch, and a check of the main name alone misses it.
import type { CertificateRule } from '../../certificate/rule';

export const sanRemoved: CertificateRule = {
  id: 'certificate/san-removed',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    const { previous, leaf } = context.review;
    if (!previous || !leaf || previous.removed.length === 0) return;
    context.report({
      messageId: 'removed',
      params: { names: previous.removed, count: previous.removed.length, previous: previous.where.path },
      at: leaf,
      related: [{ at: previous.where, message: context.t('certificate.related.previous') }],
    });
  },
};
