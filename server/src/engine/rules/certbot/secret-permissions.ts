// Private keys and DNS-plugin credential files that other users may read. certbot creates private keys
// 0600 (and keeps group bits only from the previous key: storage.py save_successor / crypto_util), and for
// credential files it warns itself: "Unsafe permissions on credentials configuration file" when the file has
// any permission for others (plugins/dns_common.py validate_file_permissions → filesystem.has_world_permissions).
// Same test here (mode & 0o007): group access is left alone, as packages grant it on purpose (ntpsec, ssl-cert).
// Reported on the line naming the file. Only on the live host: a `--root` copy does not keep modes faithfully.
import type { CertbotRule, ConfigEntry } from '../../certbot/rule';
import { isLiveHost } from '../../host/host';
import { shellQuote } from '../../util/shell-quote';

const octal = (mode: number) => `0${mode.toString(8).padStart(3, '0')}`;

export const secretPermissions: CertbotRule = {
  id: 'certbot/secret-permissions',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    const host = context.facts.host;
    if (!isLiveHost(host)) return;
    const { document } = context;
    const secrets: { entry: ConfigEntry; kind: 'key' | 'credentials' }[] = [];
    for (const entry of document.entries) {
      if (document.kind === 'renewal' && entry.section.length === 0 && entry.key === 'privkey') secrets.push({ entry, kind: 'key' });
      const credentials = document.kind === 'renewal' ? /^dns_[a-z0-9_]+_credentials$/.test(entry.key) : /^(--)?dns-[a-z0-9-]+-credentials$/.test(entry.key);
      if (credentials) secrets.push({ entry, kind: 'credentials' });
    }
    for (const { entry, kind } of secrets) {
      const file = Array.isArray(entry.value) ? entry.value[0] : entry.value;
      if (!file || !file.startsWith('/')) continue;
      const stat = host.stat(file);
      if (!stat || stat.kind !== 'file' || (stat.mode & 0o007) === 0) continue;
      context.report({
        messageId: kind,
        params: { file, mode: octal(stat.mode) },
        range: entry.valueRange,
        terminalActions: [{ title: context.t('certbot/secret-permissions.chmod', { file }), command: `sudo chmod o-rwx ${shellQuote(file)}` }],
      });
    }
  },
};
