// A plural's branch is picked once per (locale, count) and kept (i18n/format.ts, issue #20). Every plural
// message of the catalog, in both languages, rendered in a random order with random counts and parameters by
// the module as it is used (its tables full of earlier picks) must read as the same call on a fresh copy of
// the module, whose tables are empty.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { catalogs } from '../../server/src/engine/i18n/catalog';
import { formatMessage, parameterNames } from '../../server/src/engine/i18n/format';
import type { Locale } from '../../server/src/engine/types';
import { Random } from '../support/random';

function freshFormatMessage(): typeof formatMessage {
  const file = require.resolve('../../server/src/engine/i18n/format');
  const cached = require.cache[file];
  delete require.cache[file];
  try {
    return (require(file) as { formatMessage: typeof formatMessage }).formatMessage;
  } finally {
    if (cached) require.cache[file] = cached;
  }
}

test('plural messages read the same from the kept branches as from a fresh module', () => {
  const random = new Random(2022);
  const locales: Locale[] = ['en', 'ja'];
  const templates = locales.flatMap((locale) => Object.values(catalogs[locale]).filter((template) => template.includes('plural,')).map((template) => ({ locale, template })));
  assert.ok(templates.length > 20, `plural templates in the catalog (${templates.length})`);
  const counts = [0, 1, 2, 3, 11, 21, 60, 1440, 1.5, -1];
  for (let round = 0; round < 400; round++) {
    const { locale, template } = random.pick(templates);
    const params: Record<string, string | number | string[]> = {};
    for (const name of parameterNames(template)) {
      const roll = random.next();
      // The same few counts again and again (so later calls find them kept), now and then a list or a word.
      params[name] = roll < 0.8 ? random.pick(counts) : roll < 0.9 ? random.times(1 + random.int(3), () => random.pick(['a', 'b', 'c'])).split('') : `w${random.int(5)}`;
    }
    // Half the time the other language first, so the kept branches of one locale are there for the other.
    if (random.chance(0.5)) formatMessage(template, params, locale === 'en' ? 'ja' : 'en');
    assert.equal(formatMessage(template, params, locale), freshFormatMessage()(template, params, locale), `${locale}: ${template} with ${JSON.stringify(params)}`);
  }
});
