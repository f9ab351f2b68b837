// A certificate set beside the one it replaces, for the editor's compare command and a status at a glance (code
// lens or status bar): names added and dropped (a wildcard keeps the names it covers, RFC 6125 §6.4.3), issuer,
// validity, key (type, size, and whether it is the same key). Plain engine functions over X509Certificate.
import type { X509Certificate } from 'node:crypto';
import { certificateFacts, isoDate, keyText, nameCovered, removedNamesCovered, type CertificateFacts } from './facts';
import { samePublicKey } from './pem';
import { translate, type MessageKey, type MessageParams } from '../i18n/catalog';
import type { Locale } from '../types';

export interface CertificateComparison {
  current: CertificateFacts;
  previous: CertificateFacts;
  added: string[];
  dropped: string[];
  issuerChanged: boolean;
  /** notAfter moved forward (a renewal does). */
  newer: boolean;
  sameKey: boolean;
  sameCertificate: boolean;
}

export function compareCertificates(current: X509Certificate, previous: X509Certificate, now: Date): CertificateComparison {
  const after = certificateFacts(current, now);
  const before = certificateFacts(previous, now);
  return {
    current: after,
    previous: before,
    added: [...after.dnsNames.filter((name) => !nameCovered(name, before.dnsNames)), ...after.ipAddresses.filter((address) => !before.ipAddresses.includes(address))],
    dropped: removedNamesCovered(before, after),
    issuerChanged: after.issuer !== before.issuer,
    newer: after.notAfter.getTime() > before.notAfter.getTime(),
    sameKey: samePublicKey(current.publicKey, previous.publicKey),
    sameCertificate: current.raw.equals(previous.raw),
  };
}

/** Markdown: one line per aspect, the changes first. */
export function describeComparison(comparison: CertificateComparison, locale: Locale): string {
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  const { current, previous } = comparison;
  const lines = [
    comparison.dropped.length ? t('certificateCompare.dropped', { names: comparison.dropped }) : t('certificateCompare.noneDropped'),
    comparison.added.length ? t('certificateCompare.added', { names: comparison.added }) : t('certificateCompare.noneAdded'),
    comparison.issuerChanged ? t('certificateCompare.issuerChanged', { before: previous.issuer, after: current.issuer }) : t('certificateCompare.issuerSame', { issuer: current.issuer }),
    t(comparison.newer ? 'certificateCompare.validity' : 'certificateCompare.notNewer', { before: `${isoDate(previous.notBefore)} – ${isoDate(previous.notAfter)}`, after: `${isoDate(current.notBefore)} – ${isoDate(current.notAfter)}` }),
    t(comparison.sameKey ? 'certificateCompare.sameKey' : 'certificateCompare.newKey', { before: keyText(previous.key, locale), after: keyText(current.key, locale) }),
  ];
  if (comparison.sameCertificate) lines.unshift(t('certificateCompare.same'));
  return lines.join('\n\n');
}

/** One short line for a code lens or the status bar: `CN=example.com · 351 days left`. */
export function certificateStatusText(facts: CertificateFacts, now: Date, locale: Locale): string {
  const name = facts.dnsNames[0] ?? facts.commonName ?? facts.subject;
  if (facts.notBefore.getTime() > now.getTime()) return translate(locale, 'certificateCompare.status.notYet', { name, date: isoDate(facts.notBefore) });
  if (facts.daysLeft < 0 || facts.notAfter.getTime() <= now.getTime()) return translate(locale, 'certificateCompare.status.expired', { name, date: isoDate(facts.notAfter) });
  return translate(locale, 'certificateCompare.status.valid', { name, days: facts.daysLeft, date: isoDate(facts.notAfter) });
}
