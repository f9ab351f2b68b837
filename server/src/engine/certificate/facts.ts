// What a certificate says and how two relate, shared by the certbot lineage rules (engine/certbot/certificates.ts)
// and the certificate rules (engine/certificate/): dates, names (RFC 5280 subjectAltName), key type and size, and
// "did A issue B" (checkIssued + signature, as OpenSSL's X509_check_issued and X509_verify do). Built on Node's
// crypto.X509Certificate; never throws on a certificate that pem.ts accepted.
import type { KeyObject, X509Certificate } from 'node:crypto';
import { translate } from '../i18n/catalog';
import type { Locale } from '../types';
import { LinearRegex } from '../util/linear-regex';

const DAY = 86_400_000;

export interface KeyDescription {
  /** Node's asymmetricKeyType: rsa, rsa-pss, ec, ed25519, … */
  type: string;
  bits?: number;
  /** NIST name when there is one (P-256), else OpenSSL's. */
  curve?: string;
}

export interface CertificateFacts {
  subject: string;
  commonName?: string;
  dnsNames: string[];
  ipAddresses: string[];
  issuer: string;
  notBefore: Date;
  notAfter: Date;
  /** Whole days until notAfter (negative once expired). */
  daysLeft: number;
  key: KeyDescription;
  serialNumber: string;
}

/** Whether `issuer` signed `subject`: names and key identifiers line up, and the signature verifies. */
export function issued(issuer: X509Certificate, subject: X509Certificate): boolean {
  try {
    return subject.checkIssued(issuer) && subject.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

export function certificateFacts(certificate: X509Certificate, now: Date): CertificateFacts {
  const notBefore = parseCertificateDate(certificate.validFrom);
  const notAfter = parseCertificateDate(certificate.validTo);
  const names = subjectAltNames(certificate.subjectAltName);
  return {
    subject: oneLineName(certificate.subject),
    commonName: certificate.subject.match(/^CN=(.*)$/m)?.[1],
    dnsNames: names.dns,
    ipAddresses: names.ip,
    issuer: oneLineName(certificate.issuer),
    notBefore,
    notAfter,
    daysLeft: Math.floor((notAfter.getTime() - now.getTime()) / DAY),
    key: describeKey(certificate.publicKey),
    serialNumber: certificate.serialNumber,
  };
}

/** `CN=a\nO=b` (Node's form) → `CN=a, O=b`. */
export function oneLineName(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Node 20's validFrom/validTo: OpenSSL's `Jan  1 00:00:00 2025 GMT`. */
export function parseCertificateDate(text: string): Date {
  const match = text.match(/^(\w{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4}) GMT$/);
  if (!match) return new Date(text);
  const [, month, day, hour, minute, second, year] = match;
  return new Date(Date.UTC(Number(year), MONTHS.indexOf(month), Number(day), Number(hour), Number(minute), Number(second)));
}

// One `kind:value` of Node's subjectAltName, as /(DNS|IP Address|[\w ]+):("(?:[^"\\]|\\.)*"|[^,]*)(?:, |$)/g found
// them; on the linear matcher, because that pattern is quadratic on a long run of word characters without `:`.
const SAN_ENTRY = new LinearRegex(String.raw`(DNS|IP Address|[\w ]+):("(?:[^"\\]|\\.)*"|[^,]*)(?:, |$)`, { flavor: 'javascript' });

/** Node's subjectAltName string (`DNS:a, DNS:b, IP Address:192.0.2.1`; odd values JSON-quoted) → names. */
export function subjectAltNames(text: string | undefined): { dns: string[]; ip: string[] } {
  const dns: string[] = [];
  const ip: string[] = [];
  if (!text) return { dns, ip };
  for (const match of SAN_ENTRY.all(text)) {
    let value = match.groups[2]!;
    if (value.startsWith('"')) {
      try {
        value = JSON.parse(value) as string;
      } catch {
        continue;
      }
    }
    if (match.groups[1] === 'DNS') dns.push(value);
    else if (match.groups[1] === 'IP Address') ip.push(value);
  }
  return { dns, ip };
}

const NIST_CURVES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

export function describeKey(key: KeyObject): KeyDescription {
  const details = key.asymmetricKeyDetails ?? {};
  const curve = details.namedCurve;
  return {
    type: key.asymmetricKeyType ?? 'unknown',
    bits: details.modulusLength,
    curve: curve ? NIST_CURVES[curve] ?? curve : undefined,
  };
}

/** Names in `previous` that `current` no longer has (DNS names compared case-insensitively). */
export function removedNames(previous: CertificateFacts, current: CertificateFacts): string[] {
  const now = new Set([...current.dnsNames.map((name) => name.toLowerCase()), ...current.ipAddresses.map(normalizeIp)]);
  return [
    ...previous.dnsNames.filter((name) => !now.has(name.toLowerCase())),
    ...previous.ipAddresses.filter((address) => !now.has(normalizeIp(address))),
  ];
}

function normalizeIp(address: string): string {
  return address.toLowerCase();
}

/** `2025-03-01` (UTC): the same in every locale, as certbot's own logs write it. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function keyText(key: KeyDescription, locale: Locale): string {
  if ((key.type === 'rsa' || key.type === 'rsa-pss') && key.bits) return translate(locale, 'certificates.key.rsa', { bits: key.bits });
  if (key.type === 'ec' && key.curve) return translate(locale, 'certificates.key.ec', { curve: key.curve });
  return translate(locale, 'certificates.key.other', { type: key.type === 'ed25519' ? 'Ed25519' : key.type === 'ed448' ? 'Ed448' : key.type });
}


/**
 * Names of `previous` that `current` no longer serves: a DNS name kept exactly or matched by one of the new
 * wildcards (`*.example.com` covers `www.example.com`, one label only: RFC 6125 §6.4.3), an IP address kept.
 */
export function removedNamesCovered(previous: CertificateFacts, current: CertificateFacts): string[] {
  return [
    ...previous.dnsNames.filter((name) => !nameCovered(name, current.dnsNames)),
    ...previous.ipAddresses.filter((address) => !current.ipAddresses.some((kept) => kept.toLowerCase() === address.toLowerCase())),
  ];
}

/** Whether a host name is served by a certificate with these DNS names (a wildcard name counts only as itself or wider). */
export function nameCovered(name: string, dnsNames: readonly string[]): boolean {
  const wanted = name.toLowerCase().replace(/\.$/, '');
  return dnsNames.some((candidate) => {
    const have = candidate.toLowerCase().replace(/\.$/, '');
    if (have === wanted) return true;
    if (!have.startsWith('*.')) return false;
    const dot = wanted.indexOf('.');
    // `*.example.com` covers `a.example.com` and the wildcard `*.example.com`, not `example.com` or `a.b.example.com`.
    return dot > 0 && wanted.slice(dot) === have.slice(1);
  });
}
