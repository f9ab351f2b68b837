// The message catalog: every user-visible text of the engine, the server and the CLI, in English and Japanese.
import type { Locale } from '../types';
import { en, type MessageKey } from './en';
import { ja } from './ja';
import { formatMessage, type MessageParams } from './format';

export type { MessageKey } from './en';
export type { MessageParams } from './format';

export const catalogs: Record<Locale, Record<MessageKey, string>> = { en, ja };

export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return formatMessage(catalogs[locale][key] ?? en[key], params, locale);
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
