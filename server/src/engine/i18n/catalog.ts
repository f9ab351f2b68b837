// The message catalog: every user-visible text of the engine, the server and the CLI, in English and Japanese.
import type { Locale } from '../types';
import { en, type MessageKey } from './en';
import { ja } from './ja';
import { compileMessage, formatMessage, renderMessage, type CompiledMessage, type MessageParams } from './format';

export type { MessageKey } from './en';
export type { MessageParams } from './format';
export { renderMessage } from './format';

export const catalogs: Record<Locale, Record<MessageKey, string>> = { en, ja };

// Templates split into parts once (the catalog is finite, so this stays small); a long file may produce
// thousands of findings with the same message.
const compiled = new Map<string, CompiledMessage>();

export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const message = compiledMessage(locale, key);
  return message === undefined ? formatMessage(catalogs[locale][key] ?? en[key], params, locale) : renderMessage(message, params, locale);
}

/** The message for `key`, ready for renderMessage (undefined when the catalog lacks it). */
export function compiledMessage(locale: Locale, key: MessageKey): CompiledMessage | undefined {
  const template = catalogs[locale][key] ?? en[key];
  if (typeof template !== 'string') return undefined;
  let message = compiled.get(template);
  if (message === undefined) compiled.set(template, (message = compileMessage(template)));
  return message;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** `ja_JP.UTF-8`, `ja`, `ja-JP` → ja; anything else → en. */
export function localeFrom(value: string | undefined | null): Locale | undefined {
  if (!value) return undefined;
  const lower = value.toLowerCase();
  if (lower === 'c' || lower === 'posix') return 'en';
  if (lower.startsWith('ja')) return 'ja';
  if (/^[a-z]{2,3}([_-]|$)/.test(lower)) return 'en';
  return undefined;
}
