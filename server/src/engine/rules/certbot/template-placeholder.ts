// A cli.ini or renewal file in a repository that is a template (`email = {{ certbot_email }}`, a line
// `$STAGING_FLAG`): reported once, at information level, instead of an "unknown option" or "broken line"
// error per placeholder, which certbot would never see (certbot/template.ts decides what is a template).
import { templateFacts } from '../../certbot/template';
import type { CertbotRule } from '../../certbot/rule';

/** Placeholders named in the message; the others are counted. */
const MAX_LISTED = 5;

export const templatePlaceholder: CertbotRule = {
  id: 'certbot/template-placeholder',
  meta: { defaultSeverity: 'info', fixable: false },
  check(context) {
    const template = templateFacts(context.document, context.path, context.facts.host);
    if (!template) return;
    const names = [...new Set(template.placeholders.map((placeholder) => placeholder.text))];
    const first = template.placeholders[0];
    context.report({
      messageId: names.length > MAX_LISTED ? 'message-more' : 'message',
      params: { placeholders: names.slice(0, MAX_LISTED).map((name) => `\`${name}\``).join(', '), more: names.length - MAX_LISTED, count: template.lines.size },
      range: { start: { line: first.line, character: first.start }, end: { line: first.line, character: first.end } },
    });
  },
};
