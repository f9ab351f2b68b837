// Keys certbot does not know. In cli.ini an unknown (or ambiguous abbreviated) key makes certbot exit with
// "unrecognized arguments" / "ambiguous option" on every run, renewals included (ConfigArgParse passes it on
// as `--key=value`), so it is reported as an error there. In a renewal file certbot ignores it; keys that
// certbot wrote itself in older releases (every option before 0.5, `func`, `checkpoints`) are only hinted at,
// as certbot drops them at the next rewrite. deploy_hook has its own rule (deploy-hook-in-renewal-conf).
import { longOptions, renewalKeyCandidates, renewalKeyStatus } from '../../certbot/known-keys';
import type { CertbotRule } from '../../certbot/rule';
import { closest } from './support';

export const unknownKey: CertbotRule = {
  id: 'certbot/unknown-key',
  meta: { defaultSeverity: 'warning', fixable: true },
  check(context) {
    const { document } = context;
    if (document.kind === 'cli-ini') {
      for (const entry of document.entries) {
        const resolution = entry.option;
        if (!resolution || resolution.kind === 'exact' || resolution.kind === 'prefix') continue;
        const bare = entry.key.replace(/^-+/, '');
        if (resolution.kind === 'ambiguous') {
          context.report({ messageId: 'cli-ambiguous', params: { key: entry.key, candidates: resolution.candidates.slice(0, 5).join(', ') }, range: entry.keyRange, severity: 'error' });
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
    for (const entry of document.entries) {
      if (entry.section.length === 1 && entry.section[0] === 'renewalparams' && entry.key === 'deploy_hook') continue;
      const status = renewalKeyStatus(entry.section, entry.key, authenticator, installer);
      if (status === 'read' || status === 'other-plugin') continue;
      if (status === 'not-read') {
        context.report({ messageId: 'not-read', params: { key: entry.key }, range: entry.keyRange, severity: 'hint' });
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
  },
};

export function stringValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
