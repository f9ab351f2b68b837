// Rules about what a renewal file or cli.ini says (authenticator, hooks, keys).
import type { CertbotRule } from '../../certbot/rule';

export const certbotConfigRules: readonly CertbotRule[] = [];
