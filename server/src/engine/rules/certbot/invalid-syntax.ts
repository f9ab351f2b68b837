// Lines certbot's parsers reject. A renewal file configobj cannot read is skipped whole by `certbot renew`
// ("Renewal configuration file … is broken. Skipping.", renewal.py _reconstitute via storage.RenewableCert);
// a cli.ini line ConfigArgParse cannot read makes every certbot command exit before doing anything.
import type { CertbotRule } from '../../certbot/rule';
import { templateFacts } from '../../certbot/template';

export const invalidSyntax: CertbotRule = {
  id: 'certbot/invalid-syntax',
  meta: { defaultSeverity: 'error', fixable: false },
  check(context) {
    // In a template (a repository's `{% if staging %}` line) the line is the template engine's, not certbot's.
    const template = templateFacts(context.document, context.path, context.facts.host);
    for (const problem of context.document.problems) {
      if (template?.lines.has(problem.range.start.line)) continue;
      context.report({ messageId: problem.messageId, params: problem.params, range: problem.range });
    }
  },
};
