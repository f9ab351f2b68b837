// Seed 001: `certbot renew` always runs non-interactively (cli/helpful.py sets noninteractive_mode for renew),
// and the manual plugin then refuses without an auth hook: "An authentication script must be provided with
// --manual-auth-hook when using the manual plugin non-interactively" (plugins/manual.py prepare()). The hook
// comes from manual_auth_hook in [renewalparams] (restored as a `manual_` prefixed option) or cli.ini.
import { cliIniFiles, cliOption, isHookValue } from '../../certbot/host-config';
import type { CertbotRule } from '../../certbot/rule';
import { RENEWAL_PARAMS } from './support';
import { stringValue } from './unknown-key';

export const manualWithoutAuthHook: CertbotRule = {
  id: 'certbot/manual-without-auth-hook',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    const { document } = context;
    if (document.kind !== 'renewal') return;
    const authenticator = document.get('authenticator', RENEWAL_PARAMS);
    if (!authenticator || stringValue(authenticator.value) !== 'manual') return;
    if (isHookValue(document.get('manual_auth_hook', RENEWAL_PARAMS)?.value)) return;
    if (isHookValue(cliOption(cliIniFiles(context.facts.host, context.configDir), 'manual-auth-hook')?.entry.value)) return;
    context.report({ messageId: 'no-auth-hook', range: authenticator.valueRange });
  },
};
