// The certificate rules, in the order their findings are listed: the pair, the chain, the renewal, the dates.
import type { CertificateRule } from '../../certificate/rule';
import type { WebServerRule } from '../../certificate/web-rule';
import { missingFile } from './missing-file';
import { nameNotCovered } from './name-not-covered';
import { staleReference } from './stale-reference';
import { chainIncomplete } from './chain-incomplete';
import { chainMismatch } from './chain-mismatch';
import { chainOrder } from './chain-order';
import { expired } from './expired';
import { expiring } from './expiring';
import { keyMismatch } from './key-mismatch';
import { notNewer } from './not-newer';
import { notYetValid } from './not-yet-valid';
import { sanRemoved } from './san-removed';
import { caCertificate } from './ca-certificate';
import { noCertificate } from './no-certificate';

export const certificateRules: readonly CertificateRule[] = [caCertificate, keyMismatch, chainMismatch, chainOrder, chainIncomplete, sanRemoved, notNewer, expired, expiring, notYetValid];

/** Reported by the certificate-file linter itself (document.ts): a file with nothing in it to check. */
export const certificateFileRules = [noCertificate] as const;

/** Rules about the certificates web servers serve (certificate/web-lint.ts). */
export const webServerRules: readonly WebServerRule[] = [missingFile, nameNotCovered, staleReference];
