// Rules about what a renewal file or cli.ini says (syntax, keys, authenticator, hooks, secrets' modes).
import type { CertbotRule } from '../../certbot/rule';
import { deployHookInRenewalConf } from './deploy-hook-in-renewal-conf';
import { hookInRenewalConf } from './hook-in-renewal-conf';
import { incompleteRenewalFile } from './incomplete-renewal-file';
import { invalidSyntax } from './invalid-syntax';
import { manualWithoutAuthHook } from './manual-without-auth-hook';
import { renewHookSpelling } from './renew-hook-spelling';
import { secretPermissions } from './secret-permissions';
import { standaloneWithoutHooks } from './standalone-without-hooks';
import { templatePlaceholder } from './template-placeholder';
import { unknownKey } from './unknown-key';
import { webrootWithoutPath } from './webroot-without-path';

export const certbotConfigRules: readonly CertbotRule[] = [
  invalidSyntax,
  incompleteRenewalFile,
  templatePlaceholder,
  unknownKey,
  standaloneWithoutHooks,
  manualWithoutAuthHook,
  webrootWithoutPath,
  hookInRenewalConf,
  deployHookInRenewalConf,
  renewHookSpelling,
  secretPermissions,
];

/** Rules reported by certbotHostFindings() about host files that are not linted as text. */
export const certbotHostRules: readonly { id: string; meta: CertbotRule['meta'] }[] = [
  { id: 'certbot/hook-not-executable', meta: { defaultSeverity: 'warning', fixable: false } },
];
