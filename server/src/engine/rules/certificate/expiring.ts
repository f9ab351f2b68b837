// Fewer days left than the threshold (default 30: review.ts DEFAULT_EXPIRING_DAYS says why; `--days` changes it).
// Seed 004, item 6: expiry comes sooner than thought.
import { isoDate } from '../../certificate/facts';
import type { CertificateRule } from '../../certificate/rule';

export const expiring: CertificateRule = {
  id: 'certificate/expiring',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    const { facts, leaf, expiringDays } = context.review;
    if (!facts || !leaf) return;
    const left = facts.notAfter.getTime() - context.now.getTime();
    if (left <= 0 || left >= expiringDays * 86_400_000) return;
    context.report({ messageId: 'expiring', params: { date: isoDate(facts.notAfter), days: facts.daysLeft, threshold: expiringDays }, at: leaf });
  },
};
