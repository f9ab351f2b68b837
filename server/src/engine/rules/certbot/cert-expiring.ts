// A certificate certbot should already have renewed, or one that has expired. renewal.py should_autorenew():
// renew when notAfter < now + renew_before_expiry (storage.add_time_interval), else by certbot's default
// (30 days before 4.0; a third of the lifetime left since). certbot.timer and the cron job run twice a day
// with up to 12 hours of random delay, so a day of grace passes before we say renewal is failing.
import { isoDate, lineageFor, renewalWindow } from '../../certbot/certificates';
import type { CertbotRule } from '../../certbot/rule';

const GRACE = 86_400_000;

export const certExpiring: CertbotRule = {
  id: 'certbot/cert-expiring',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    const lineage = lineageFor(context);
    const leaf = lineage?.leaf;
    const entry = lineage?.files.cert?.entry;
    if (!leaf || !entry) return;
    const command = context.certName ? `sudo certbot renew --dry-run --cert-name ${context.certName}` : 'sudo certbot renew --dry-run';
    const now = context.now.getTime();
    if (leaf.notAfter.getTime() <= now) {
      context.report({ messageId: 'expired', params: { date: isoDate(leaf.notAfter), command }, range: entry.valueRange, severity: 'error' });
      return;
    }
    const window = renewalWindow(context.document, leaf);
    if (now < window.renewAt.getTime() + GRACE) {
      // The project's own threshold (.schedlint.yaml `certificates.expiryDays`), for those who want to hear
      // earlier than certbot's renewal window says: days left below it, though renewal is not overdue yet.
      const wanted = context.expiryDays;
      if (wanted !== undefined && leaf.daysLeft < wanted) {
        context.report({ messageId: 'threshold', params: { date: isoDate(leaf.notAfter), days: leaf.daysLeft, wanted, renewDate: isoDate(window.renewAt), command }, range: entry.valueRange });
      }
      return;
    }
    const threshold = window.source === 'config'
      ? context.t('certificates.threshold.config', { interval: window.interval ?? '' })
      : context.t('certificates.threshold.default');
    context.report({
      messageId: 'expiring',
      params: { date: isoDate(leaf.notAfter), days: leaf.daysLeft, renewDate: isoDate(window.renewAt), threshold, command },
      range: entry.valueRange,
    });
  },
};
