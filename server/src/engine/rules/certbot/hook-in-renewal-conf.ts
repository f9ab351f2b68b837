// Seed 003: hooks written by hand into a renewal file live only as long as certbot keeps them. certbot
// rewrites [renewalparams] on every renewal from the options of *that* run (storage.update_configuration →
// write_renewal_config deletes every key not in relevant_values): `certbot renew` reads the file's hooks
// back and keeps them, but a `certbot certonly`/`certbot --nginx` run for the same certificate, or
// `certbot renew --pre-hook …`, writes its own hooks (or none) and the hand-written ones are gone.
// A hook also given in cli.ini overrides the file's (renewal.py: values set by cli.ini count as set by the
// user and are not restored from the file). `renew_hook` is the key certbot writes for --deploy-hook.
import { cliIniFiles, cliOption, isHookValue } from '../../certbot/host-config';
import type { CertbotRule, ConfigEntry } from '../../certbot/rule';
import { valueText } from '../../certbot/rule';
import { appendToCliIni, deleteEntry, RENEWAL_PARAMS } from './support';

const HOOKS: readonly { key: string; option: string }[] = [
  { key: 'pre_hook', option: 'pre-hook' },
  { key: 'post_hook', option: 'post-hook' },
  { key: 'renew_hook', option: 'deploy-hook' },
];

export const hookInRenewalConf: CertbotRule = {
  id: 'certbot/hook-in-renewal-conf',
  meta: { defaultSeverity: 'info', fixable: true },
  check(context) {
    const { document } = context;
    if (document.kind !== 'renewal') return;
    const cliFiles = cliIniFiles(context.facts.host, context.configDir);
    const moved: { entry: ConfigEntry; option: string }[] = [];
    for (const hook of HOOKS) {
      const entry = document.get(hook.key, RENEWAL_PARAMS);
      if (!entry || !isHookValue(entry.value)) continue;
      // cli.ini's spelling: renew-hook is the older name of deploy-hook; both set the same option.
      const inCli = cliOption(cliFiles, hook.option) ?? (hook.option === 'deploy-hook' ? cliOption(cliFiles, 'renew-hook') : undefined);
      if (inCli) {
        if (valueText(inCli.entry.value) === valueText(entry.value)) continue;
        context.report({ messageId: 'overridden', params: { key: hook.key, option: hook.option, file: inCli.file.path }, range: entry.keyRange, related: [{ path: inCli.file.path, range: inCli.entry.keyRange, message: context.t('certbot/hook-in-renewal-conf.related') }] });
        continue;
      }
      moved.push({ entry, option: hook.option });
    }
    if (moved.length === 0) return;
    const fix = {
      title: context.t('certbot/hook-in-renewal-conf.fix', { file: `${context.configDir ?? '/etc/letsencrypt'}/cli.ini` }),
      edits: moved.map(({ entry }) => deleteEntry(entry)),
      otherFiles: [appendToCliIni(context, moved.map(({ entry, option }) => `${option} = ${valueText(entry.value)}`))],
    };
    for (const { entry, option } of moved) {
      // A list value (a comma in an unquoted command) would not survive the move as one command; and in a file
      // configobj refuses (certbot/invalid-syntax: a key written twice stays behind as the second copy) the
      // syntax comes first: no fix then.
      const safe = document.problems.length === 0 && moved.every((item) => !Array.isArray(item.entry.value));
      context.report({ messageId: 'only-here', params: { key: entry.key, option }, range: entry.keyRange, fixes: safe ? [fix] : undefined });
    }
  },
};
