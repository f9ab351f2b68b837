// In cli.ini, `renew-hook` is the older spelling of `deploy-hook` (certbot's --renew-hook is a hidden alias
// kept for compatibility; both set the hook run after each successful renewal). It still works; the hint
// only renames it to the documented option. Not about renewal files, where `renew_hook` is what certbot writes.
import type { CertbotRule } from '../../certbot/rule';

export const renewHookSpelling: CertbotRule = {
  id: 'certbot/renew-hook-spelling',
  meta: { defaultSeverity: 'hint', fixable: true, safeFix: true },
  check(context) {
    const { document } = context;
    if (document.kind !== 'cli-ini') return;
    for (const entry of document.entries) {
      const resolution = entry.option;
      if (!resolution || resolution.kind === 'unknown' || resolution.kind === 'ambiguous' || resolution.option !== 'renew-hook') continue;
      if (document.get(entry.key) !== entry) continue;
      context.report({
        messageId: 'old-spelling',
        params: { key: entry.key },
        range: entry.keyRange,
        fixes: [{ title: context.t('certbot/renew-hook-spelling.fix'), edits: [{ range: entry.keyRange, newText: entry.key.startsWith('--') ? '--deploy-hook' : 'deploy-hook' }], isPreferred: true, safe: true }],
      });
    }
  },
};
