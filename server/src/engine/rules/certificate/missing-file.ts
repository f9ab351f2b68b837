// A certificate or chain file the web server's configuration names does not exist: `nginx -t` fails with
// "cannot load certificate … No such file or directory" (ngx_ssl_certificate → BIO_new_file) and Apache's
// mod_ssl refuses to start ("SSLCertificateFile: file … does not exist or is empty", ssl_cmd_check_file), so
// every site of that server goes down at the next reload, not only this one. Seed 004, item 5: the renewed
// certificate copied under a new name while another place still names the old path.
import type { WebServerRule } from '../../certificate/web-rule';

export const missingFile: WebServerRule = {
  id: 'certificate/missing-file',
  meta: { defaultSeverity: 'error', fixable: false },
  check(context) {
    for (const { site, missing } of context.sites) {
      for (const named of missing ?? []) {
        context.report({ messageId: 'missing', params: { path: named.value, server: site.server === 'nginx' ? 'nginx' : 'Apache' }, at: named });
      }
    }
  },
};
