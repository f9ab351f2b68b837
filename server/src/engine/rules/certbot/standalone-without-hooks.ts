// Seed 002: `authenticator = standalone` makes certbot bind port 80 itself (certbot/_internal/plugins/
// standalone.py). With nginx/apache/… installed, that port is taken, so every `certbot renew` fails, unless a
// pre hook stops the web server and a post hook starts it again. Hooks count wherever certbot renew finds
// them: pre_hook/post_hook in this renewal file (renewal.py STR_CONFIG_ITEMS), pre-hook/post-hook in cli.ini,
// or executables in renewal-hooks/pre and post (hooks.py, unless cli.ini says no-directory-hooks).
// The fix adds both hooks to cli.ini, where they survive rewrites of the renewal file (seed 003).
import { cliIniFiles, cliOption, directoryHooks, directoryHooksDisabled, isHookValue, webServers } from '../../certbot/host-config';
import type { CertbotRule } from '../../certbot/rule';
import { appendToCliIni, RENEWAL_PARAMS } from './support';
import { stringValue } from './unknown-key';

export const standaloneWithoutHooks: CertbotRule = {
  id: 'certbot/standalone-without-hooks',
  meta: { defaultSeverity: 'warning', fixable: true },
  check(context) {
    const { document } = context;
    if (document.kind !== 'renewal') return;
    const authenticator = document.get('authenticator', RENEWAL_PARAMS);
    if (!authenticator || stringValue(authenticator.value) !== 'standalone') return;
    const host = context.facts.host;
    const servers = webServers(host);
    if (servers.length === 0) return;
    const configDir = context.configDir ?? '/etc/letsencrypt';
    const cliFiles = cliIniFiles(host, configDir);
    const hasHook = (stage: 'pre' | 'post') =>
      isHookValue(document.get(`${stage}_hook`, RENEWAL_PARAMS)?.value) ||
      isHookValue(cliOption(cliFiles, `${stage}-hook`)?.entry.value) ||
      (!directoryHooksDisabled(cliFiles) && directoryHooks(host, stage, configDir).length > 0);
    if (hasHook('pre') || hasHook('post')) return;
    const names = servers.map((server) => server.service);
    const list = names.join(' ');
    context.report({
      messageId: 'no-hooks',
      // Lists, not joined strings: the catalog joins them per language and agrees "is"/"are" with their length.
      params: { servers: names, evidence: servers.map((server) => server.evidence) },
      range: authenticator.valueRange,
      fixes: [
        {
          title: context.t('certbot/standalone-without-hooks.fix', { servers: names }),
          edits: [],
          otherFiles: [appendToCliIni(context, [`pre-hook = systemctl stop ${list}`, `post-hook = systemctl start ${list}`])],
          isPreferred: true,
        },
      ],
    });
  },
};
