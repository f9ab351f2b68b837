// Rules about the certificate files a renewal file points at (present, matching, chained, not expiring).
import type { CertbotRule } from '../../certbot/rule';

export const certificateRules: readonly CertbotRule[] = [];
