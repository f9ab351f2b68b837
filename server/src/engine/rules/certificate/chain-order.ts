// The chain's certificates are all there but not leaf first, each followed by its issuer: servers send them
// in file order (nginx ssl_certificate, Apache SSLCertificateFile), RFC 8446 §4.4.2 asks for that order, and
// strict clients (older OpenSSL, Java, embedded stacks) fail on another.
import type { CertificateRule } from '../../certificate/rule';
import { oneLineName as oneLine } from '../../certificate/facts';

export const chainOrder: CertificateRule = {
  id: 'certificate/chain-order',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    const outOfOrder = context.review.chain?.outOfOrder;
    if (!outOfOrder) return;
    context.report({
      messageId: 'order',
      params: { path: outOfOrder.member.where.path, subject: oneLine(outOfOrder.member.certificate.subject), expected: oneLine(outOfOrder.expected.certificate.subject) },
      at: outOfOrder.member.where,
      related: [{ at: outOfOrder.expected.where, message: context.t('certificate.related.belongsHere') }],
    });
  },
};
