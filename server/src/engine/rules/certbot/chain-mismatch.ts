// chain.pem that did not issue cert.pem, a chain whose links don't follow, or a fullchain.pem that is not
// cert + chain (storage.py save_successor writes fullchain as `new_cert + new_chain`). "Issued" means the
// names line up (X509Certificate.checkIssued) and the signature verifies with the issuer's key.
import { lineageFor } from '../../certbot/certificates';
import type { CertbotRule } from '../../certbot/rule';

export const chainMismatch: CertbotRule = {
  id: 'certbot/chain-mismatch',
  meta: { defaultSeverity: 'error', fixable: false },
  check(context) {
    const lineage = lineageFor(context);
    if (!lineage) return;
    const { cert, chain, fullchain } = lineage.files;
    const name = context.certName ?? 'NAME';
    if (cert && chain?.certificates && lineage.chain.status === 'not-issued') {
      context.report({
        messageId: 'not-issued',
        params: { cert: cert.path, chain: chain.path, issuer: lineage.leaf?.issuer ?? '', chainSubject: oneLine(chain.certificates[0].subject), name },
        range: chain.entry.valueRange,
        related: [{ range: cert.entry.valueRange, message: context.t('certificates.related.certificate') }],
      });
    } else if (chain?.certificates && lineage.chain.status === 'broken-link' && lineage.chain.index !== undefined) {
      const index = lineage.chain.index;
      context.report({
        messageId: 'broken-link',
        params: { chain: chain.path, position: index + 1, subject: oneLine(chain.certificates[index].subject), next: oneLine(chain.certificates[index + 1].subject) },
        range: chain.entry.valueRange,
      });
    }
    if (!cert || !chain || !fullchain) return;
    if (lineage.fullchain === 'different-leaf' || lineage.fullchain === 'different-chain') {
      context.report({
        messageId: lineage.fullchain === 'different-leaf' ? 'fullchain-leaf' : 'fullchain-chain',
        params: { fullchain: fullchain.path, cert: cert.path, chain: chain.path },
        range: fullchain.entry.valueRange,
        related: [
          lineage.fullchain === 'different-leaf'
            ? { range: cert.entry.valueRange, message: context.t('certificates.related.certificate') }
            : { range: chain.entry.valueRange, message: context.t('certificates.related.chain') },
        ],
      });
    }
  },
};

function oneLine(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}
