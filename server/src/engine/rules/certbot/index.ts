// Every certbot rule: the ones about what the renewal file or cli.ini says, then the ones about the
// certificate files it points at.
import type { CertbotRule } from '../../certbot/rule';
import { certbotConfigRules } from './config-rules';
import { certificateRules } from './certificate-rules';

export const certbotRules: readonly CertbotRule[] = [...certbotConfigRules, ...certificateRules];
