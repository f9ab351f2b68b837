// Leaf plus the given chain reach no trusted root (seed 004, item 2: the intermediate missing or the wrong one).
// Browsers hide this by fetching the intermediate named in the certificate's AIA extension; curl, Java, Go and
// most API clients do not. Checked against --ca, the host's bundle (certificate/trust.ts), never the network.
import type { CertificateRule } from '../../certificate/rule';
import { oneLineName as oneLine } from '../../certificate/facts';

export const chainIncomplete: CertificateRule = {
  id: 'certificate/chain-incomplete',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    const chain = context.review.chain;
    const store = context.review.input.trust;
    if (!chain || !store || chain.trust.status !== 'not-reached') return;
    const last = chain.path[chain.path.length - 1];
    context.report({
      messageId: chain.trust.selfSigned ? 'untrusted-root' : 'missing-issuer',
      params: { subject: oneLine(last.certificate.subject), issuer: oneLine(last.certificate.issuer), store: store.path },
      at: last.where,
    });
  },
};
