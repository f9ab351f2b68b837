// Keys certbot does not know. In cli.ini an unknown (or ambiguous abbreviated) key makes certbot exit with
// "unrecognized arguments" / "ambiguous option" on every run, renewals included (ConfigArgParse passes it on
// as `--key=value`), so it is reported as an error there. In a renewal file certbot ignores it; keys that
// certbot wrote itself in older releases (every option before 0.5, `func`, `checkpoints`) are only hinted at,
// as certbot drops them at the next rewrite. deploy_hook has its own rule (deploy-hook-in-renewal-conf).
import { longOptions, renewalKeyCandidates, renewalKeyStatus } from '../../certbot/known-keys';
import type { CertbotContext, CertbotRule, ConfigEntry } from '../../certbot/rule';
import { templateFacts } from '../../certbot/template';
import { closest } from './support';

export const unknownKey: CertbotRule = {
  id: 'certbot/unknown-key',
  meta: { defaultSeverity: 'warning', fixable: true },
  check(context) {
    const { document } = context;
    // Keys with a template placeholder (`$STAGING_FLAG`, `{{ option }} = true`) are certbot/template-placeholder's.
    const template = templateFacts(document, context.path, context.facts.host);
    const entries = template ? document.entries.filter((entry) => !template.lines.has(entry.line)) : document.entries;
    if (document.kind === 'cli-ini') {
      for (const entry of entries) {
        const resolution = entry.option;
        if (!resolution || resolution.kind === 'exact' || resolution.kind === 'prefix') continue;
        const bare = entry.key.replace(/^-+/, '');
        if (resolution.kind === 'ambiguous') {
          context.report({ messageId: 'cli-ambiguous', params: { key: entry.key, candidates: resolution.candidates.slice(0, 5) }, range: entry.keyRange, severity: 'error' });
          continue;
        }
        const suggestion = closest(bare, longOptions());
        context.report({
          messageId: suggestion ? 'cli-unknown-suggest' : 'cli-unknown',
          params: { key: entry.key, suggestion: suggestion ?? '' },
          range: entry.keyRange,
          severity: 'error',
          fixes: suggestion ? [{ title: context.t('certbot/unknown-key.rename', { suggestion }), edits: [{ range: entry.keyRange, newText: suggestion }], isPreferred: true }] : undefined,
        });
      }
      return;
    }
    const authenticator = stringValue(document.get('authenticator')?.value);
    const installer = stringValue(document.get('installer')?.value);
    const notRead: ConfigEntry[] = [];
    for (const entry of entries) {
      if (entry.section.length === 1 && entry.section[0] === 'renewalparams' && entry.key === 'deploy_hook') continue;
      const status = renewalKeyStatus(entry.section, entry.key, authenticator, installer);
      if (status === 'read' || status === 'other-plugin') continue;
      if (status === 'not-read') {
        notRead.push(entry);
        continue;
      }
      const suggestion = closest(entry.key, renewalKeyCandidates(entry.section));
      // configobj refuses a key written twice in one section (DuplicateError: the whole file is unreadable), so
      // no rename onto a key the section already has.
      const renamable = suggestion !== undefined && document.get(suggestion, entry.section) === undefined;
      context.report({
        messageId: suggestion ? 'unknown-suggest' : 'unknown',
        params: { key: entry.key, suggestion: suggestion ?? '' },
        range: entry.keyRange,
        fixes: renamable ? [{ title: context.t('certbot/unknown-key.rename', { suggestion }), edits: [{ range: entry.keyRange, newText: suggestion }], isPreferred: true }] : undefined,
      });
    }
    reportNotRead(context, notRead);
  },
};

/**
 * Keys an older certbot wrote that `certbot renew` no longer reads. One cause, one finding: a 0.x renewal
 * file carries dozens of them (certbot's own sample-renewal-ec.conf about 40), so they are reported once per
 * file, on the first, listing them, with one fix that removes them all. Not preferred: certbot drops them
 * itself at the next rewrite, so "fix all" leaves the file alone.
 */
function reportNotRead(context: CertbotContext, entries: ConfigEntry[]): void {
  if (entries.length === 0) return;
  const removeAll = {
    title: context.t(entries.length === 1 ? 'certbot/unknown-key.remove-one' : 'certbot/unknown-key.remove-all', { key: entries[0].key, count: entries.length }),
    edits: entries.map((entry) => ({ range: { start: { line: entry.line, character: 0 }, end: { line: (entry.endLine ?? entry.line) + 1, character: 0 } }, newText: '' })),
  };
  if (entries.length === 1) {
    context.report({ messageId: 'not-read', params: { key: entries[0].key }, range: entries[0].keyRange, severity: 'hint', fixes: [removeAll] });
    return;
  }
  const shown = entries.slice(0, MAX_LISTED).map((entry) => `\`${entry.key}\``).join(', ');
  context.report({
    messageId: entries.length > MAX_LISTED ? 'not-read-many-more' : 'not-read-many',
    params: { count: entries.length, keys: shown, more: entries.length - MAX_LISTED },
    range: entries[0].keyRange,
    severity: 'hint',
    related: entries.slice(1).map((entry) => ({ range: entry.keyRange, message: context.t('certbot/unknown-key.not-read-related', { key: entry.key }) })),
    fixes: [removeAll],
  });
}

/** Keys named in the message; the rest are counted (and each is a related location). */
const MAX_LISTED = 12;

export function stringValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
