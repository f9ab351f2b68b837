// Seed 004's pre-flight as a checklist over a certificate lint result: one line per check, passed, failed (an
// error finding), warned (a warning), or skipped with the reason. The findings are the reasons for failures, so
// the checklist and the JSON/SARIF diagnostics never disagree.
import { isoDate, keyText, nameCovered, oneLineName as oneLine } from './facts';
import type { CertificateLintResult } from './lint';
import { translate, type MessageKey, type MessageParams } from '../i18n/catalog';
import type { Finding, Locale } from '../types';

export const CHECKS = ['key', 'chain', 'order', 'trust', 'names', 'newer', 'days'] as const;
export type CheckName = (typeof CHECKS)[number];
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip';

/** Which rules speak for which check. */
const CHECK_RULES: Record<CheckName, readonly string[]> = {
  key: ['certificate/key-mismatch'],
  chain: ['certificate/chain-mismatch'],
  order: ['certificate/chain-order'],
  trust: ['certificate/chain-incomplete'],
  names: ['certificate/san-removed'],
  newer: ['certificate/not-newer'],
  days: ['certificate/expired', 'certificate/expiring', 'certificate/not-yet-valid'],
};

export interface CheckFinding {
  path: string;
  finding: Finding;
}

export interface ChecklistItem {
  check: CheckName;
  status: CheckStatus;
  /** For pass and skip: why. For fail and warn the findings say it. */
  detail?: string;
  findings: CheckFinding[];
}

export function certificateChecklist(result: CertificateLintResult, locale: Locale): ChecklistItem[] {
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  const { review } = result;
  const all = result.files.flatMap((file) => file.findings.map((finding) => ({ path: file.path, finding })));
  return CHECKS.map((check): ChecklistItem => {
    const findings = all.filter((entry) => CHECK_RULES[check].includes(entry.finding.ruleId));
    const failing = findings.filter((entry) => entry.finding.severity === 'error' || entry.finding.severity === 'warning');
    if (failing.length > 0) return { check, status: failing.some((entry) => entry.finding.severity === 'error') ? 'fail' : 'warn', findings };
    const done = (status: CheckStatus, key: MessageKey, params?: MessageParams): ChecklistItem => ({ check, status, detail: t(key, params), findings });
    const facts = review.facts;
    const chain = review.chain;
    // A --chain file that holds only the certificate itself (counted once, chain.ts distinct) gave no intermediate.
    const noChain = () => (review.input.chain ? done('skip', 'cert.skip.chainOnlyCert', { chain: review.input.chain.path }) : done('skip', 'cert.skip.noChain'));
    switch (check) {
      case 'key':
        if (review.key.status === 'match') return done('pass', 'cert.pass.key', { key: review.key.where.path, keyType: facts ? keyText(facts.key, locale) : '' });
        if (review.key.status === 'encrypted') return done('skip', 'cert.skip.encrypted', { key: review.key.where.path });
        return done('skip', 'cert.skip.noKey');
      case 'chain':
        if (review.chainLength === 0) return noChain();
        return done('pass', 'cert.pass.chain', { count: review.chainLength });
      case 'order':
        if (review.chainLength === 0) return noChain();
        return done('pass', 'cert.pass.order');
      case 'trust':
        if (!review.input.trust || !chain || chain.trust.status === 'no-store') return done('skip', 'cert.skip.noStore');
        if (chain.trust.status === 'reached') return done('pass', 'cert.pass.trust', { anchor: oneLine(chain.trust.anchor.subject), store: review.input.trust.path });
        return done('skip', 'cert.skip.chainBroken');
      case 'names': {
        const previous = review.previous;
        if (!previous || !facts) return done('skip', 'cert.skip.noPrevious');
        const count = previous.facts.dnsNames.length + previous.facts.ipAddresses.length;
        const added = [...facts.dnsNames.filter((name) => !nameCovered(name, previous.facts.dnsNames)), ...facts.ipAddresses.filter((address) => !previous.facts.ipAddresses.includes(address))];
        return done('pass', 'cert.pass.names', { count, previous: previous.where.path, added: added.length ? t('cert.pass.added', { names: added }) : '' });
      }
      case 'newer': {
        const previous = review.previous;
        if (!previous || !facts) return done('skip', 'cert.skip.noPrevious');
        return done('pass', 'cert.pass.newer', { date: isoDate(facts.notAfter), previous: previous.where.path, previousDate: isoDate(previous.facts.notAfter) });
      }
      case 'days':
        return done('pass', 'cert.pass.days', { days: facts?.daysLeft ?? 0, date: facts ? isoDate(facts.notAfter) : '', threshold: review.expiringDays });
    }
  });
}
