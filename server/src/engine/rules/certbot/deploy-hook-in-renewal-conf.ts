// certbot stores --deploy-hook in a renewal file under `renew_hook` and `certbot renew` runs config.renew_hook
// (hooks.py renew_hook); `deploy_hook` is not among the keys renewal.py restores (STR_CONFIG_ITEMS), so a
// hand-written `deploy_hook =` in [renewalparams] never runs — and disappears at the next rewrite.
import type { CertbotRule } from '../../certbot/rule';
import { RENEWAL_PARAMS } from './support';

export const deployHookInRenewalConf: CertbotRule = {
  id: 'certbot/deploy-hook-in-renewal-conf',
  meta: { defaultSeverity: 'warning', fixable: true, safeFix: true },
  check(context) {
    const { document } = context;
    if (document.kind !== 'renewal') return;
    const entry = document.get('deploy_hook', RENEWAL_PARAMS);
    if (!entry) return;
    const existing = document.get('renew_hook', RENEWAL_PARAMS);
    context.report({
      messageId: existing ? 'ignored-beside-renew-hook' : 'ignored',
      range: entry.keyRange,
      fixes: existing ? undefined : [{ title: context.t('certbot/deploy-hook-in-renewal-conf.fix'), edits: [{ range: entry.keyRange, newText: 'renew_hook' }], isPreferred: true, safe: true }],
    });
  },
};
