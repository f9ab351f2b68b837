// The webroot plugin needs a folder for each name: webroot_path or a [[webroot_map]] entry, restored by
// renewal.py _restore_webroot_config (or webroot-path / webroot-map from cli.ini). Without either,
// `certbot renew` (non-interactive) stops with "Missing command line flag or config entry for this setting"
// (plugins/webroot.py asks for the webroot, which fails non-interactively).
import { cliIniFiles, cliOption } from '../../certbot/host-config';
import type { CertbotRule } from '../../certbot/rule';
import { RENEWAL_PARAMS } from './support';
import { stringValue } from './unknown-key';

export const webrootWithoutPath: CertbotRule = {
  id: 'certbot/webroot-without-path',
  meta: { defaultSeverity: 'warning', fixable: false },
  check(context) {
    const { document } = context;
    if (document.kind !== 'renewal') return;
    const authenticator = document.get('authenticator', RENEWAL_PARAMS);
    if (!authenticator || stringValue(authenticator.value) !== 'webroot') return;
    const path = document.get('webroot_path', RENEWAL_PARAMS)?.value;
    const hasPath = Array.isArray(path) ? path.some((item) => item !== '' && item !== 'None') : path !== undefined && path !== '' && path !== 'None';
    const hasMap = document.entries.some((entry) => entry.section.length === 2 && entry.section[0] === 'renewalparams' && entry.section[1] === 'webroot_map');
    if (hasPath || hasMap) return;
    const cliFiles = cliIniFiles(context.facts.host, context.configDir);
    if (cliOption(cliFiles, 'webroot-path') || cliOption(cliFiles, 'webroot-map')) return;
    context.report({ messageId: 'no-path', range: authenticator.valueRange });
  },
};
