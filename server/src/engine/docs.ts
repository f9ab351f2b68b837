// Where each rule's page lives. The pages are in docs/rules/<family>/<name>.md (and .ja.md) of the
// repository; a diagnostic's codeDescription links there, in the user's language.
import type { Locale } from './types';

export const DOCS_BASE_URL = 'https://github.com/schedlint/schedlint/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string, locale: Locale, base = DOCS_BASE_URL): string {
  return `${base}${ruleId}${locale === 'ja' ? '.ja' : ''}.md`;
}
