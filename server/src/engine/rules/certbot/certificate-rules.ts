// Rules about the certificate files a renewal file points at (present, matching, chained, not expiring).
import type { CertbotRule } from '../../certbot/rule';
import { certExpiring } from './cert-expiring';
import { chainMismatch } from './chain-mismatch';
import { keyMismatch } from './key-mismatch';
import { missingFile } from './missing-file';
import { sanRemoved } from './san-removed';

export const certificateRules: readonly CertbotRule[] = [missingFile, certExpiring, keyMismatch, chainMismatch, sanRemoved];
