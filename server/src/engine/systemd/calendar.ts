// OnCalendar= expressions, systemd.time(7) "Calendar Events", exactly as systemd 252 reads, normalizes and
// computes them (src/shared/calendarspec.c: calendar_spec_from_string, calendar_spec_to_string,
// calendar_spec_next_usec). The parser follows systemd's step by step so that it accepts and rejects the
// same texts, and adds what systemd does not say: which part is wrong. The next-elapse search is systemd's
// find_next() on top of a port of glibc's mktime (glibc-time.ts), field by field, never second by second;
// that port is what makes daylight-saving days come out as systemd's do, quirks included (a wall time in
// a spring-forward gap, the repeated hour, "Infinite loop in calendar calculation" on some DST days).
//
// This file reads the zone suffix, the shorthands and explains failures; calendar-parser.ts reads the rest,
// calendar-normalize.ts normalizes, validates and writes the normalized form, calendar-search.ts finds the
// next elapses, calendar-spec.ts holds the shapes all of them share.
import { likelyIntent } from './calendar-intent';
import { DAY_NAMES, equalsNoCase, lower, Parser, SHORTHANDS } from './calendar-parser';
import { formatCalendar, normalize, validate } from './calendar-normalize';
import {
  type CalendarErrorParams,
  type CalendarMessageId,
  type CalendarOptions,
  type CalendarParseResult,
  type CalendarSpec,
  fail,
  Failure,
  resolveLocalZone,
  specZones,
  visible,
} from './calendar-spec';
import { cronLineAdvice } from './cron-to-calendar';
import { parseTimespan } from './timespan';
import { defaultZoneSource } from '../time/zone-source';

/** Reads an OnCalendar= expression as systemd does; never throws on user input. */
export function parseCalendar(text: string, options: CalendarOptions = {}): CalendarParseResult {
  try {
    return { ok: true, ...parseOrThrow(text, options) };
  } catch (caught) {
    if (caught instanceof Failure) return { ok: false, error: caught.error };
    throw caught;
  }
}

/** Whether systemd accepts the text; no explanation is looked for (the explanations use this). */
function accepts(text: string, options: CalendarOptions): boolean {
  try {
    parseOrThrow(text, options, false);
    return true;
  } catch (caught) {
    if (caught instanceof Failure) return false;
    throw caught;
  }
}

function parseOrThrow(text: string, options: CalendarOptions, explain = true): { spec: CalendarSpec; normalized: string } {
  const local = resolveLocalZone(options);
  const zones = options.zones ?? defaultZoneSource();
  let end = text.length;
  let utc = false;
  let dst: -1 | 0 | 1 = -1;
  let dstName: string | undefined;
  let timezone: string | undefined;
  let zonePart: { from: number; to: number } | undefined;

  if (text.length >= 4 && equalsNoCase(text.slice(-4), ' UTC')) {
    utc = true;
    end = text.length - 4;
    zonePart = { from: end + 1, to: text.length };
  } else {
    // The local zone's own abbreviations (tzname[0], tzname[1]), matched case-insensitively.
    for (const j of [0, 1] as const) {
      const name = local.tzname[j];
      if (!name || text.length < name.length) continue;
      const at = text.length - name.length;
      if (!equalsNoCase(text.slice(at), name) || at === 0 || text[at - 1] !== ' ') continue;
      dst = j;
      dstName = name;
      end = at - 1;
      zonePart = { from: at, to: text.length };
      break;
    }
    if (dst < 0) {
      const lastSpace = text.lastIndexOf(' ');
      if (lastSpace >= 0 && zones.load(text.slice(lastSpace + 1))) {
        timezone = text.slice(lastSpace + 1);
        end = lastSpace;
        zonePart = { from: lastSpace + 1, to: text.length };
      }
    }
  }
  if (end === 0) fail('systemd-calendar.empty', 0, text.length);

  const parser = new Parser(text, end);
  const body = text.slice(0, end);
  let shorthand: string | undefined;
  const lowered = lower(body);
  if (Object.prototype.hasOwnProperty.call(SHORTHANDS, lowered)) {
    shorthand = lowered;
    Object.assign(parser, SHORTHANDS[lowered].build(0, end));
  } else {
    try {
      parser.parseWeekdays();
      if (!parser.parseDate()) parser.parseTime();
      if (parser.pos < end) parser.trailing(parser.pos);
    } catch (caught) {
      if (caught instanceof Failure && explain) throw betterFailure(caught, text, body, options);
      throw caught;
    }
  }

  const spec: CalendarSpec = {
    weekdays: parser.weekdays,
    endOfMonth: parser.endOfMonth,
    utc: utc || parser.utcFromTimestamp,
    timezone,
    dst,
    dstName,
    year: parser.year,
    month: parser.month,
    day: parser.day,
    hour: parser.hour,
    minute: parser.minute,
    second: parser.second,
    shorthand,
    parts: { ...parser.parts, ...(zonePart ? { zone: zonePart } : {}) },
  };
  normalize(spec);
  validate(spec);
  if (spec.timezone) specZones.set(spec, zones.load(spec.timezone)!);
  return { spec, normalized: formatCalendar(spec) };
}

/**
 * systemd's own failure points at the first character it could not read; some texts fail for a reason
 * that lies elsewhere. Name that reason when the rest of the expression is fine.
 */
function betterFailure(failure: Failure, text: string, body: string, options: CalendarOptions): Failure {
  // The errno stays systemd's: only the explanation changes.
  const errno = failure.error.errno;
  const whole = (id: CalendarMessageId, params: CalendarErrorParams = {}): Failure => new Failure({ id, params: visible(params), start: 0, end: text.length, errno });
  if (/^(now|today|yesterday|tomorrow)$/i.test(body.trim())) return whole('systemd-calendar.timestamp-word', { text: body.trim() });
  // Five crontab fields: `30 4 * * *`, `*/15 * * * *`, `0 0 * * mon-fri`; the advice translates them.
  const cronLine = cronLineAdvice(body);
  if (cronLine) return whole(cronLine.id, cronLine.params);
  const intent = likelyIntent(text, body, {
    accepts: (candidate) => accepts(candidate, options),
    isTimespan: (candidate) => parseTimespan(candidate).ok,
    shorthands: Object.fromEntries(Object.entries(SHORTHANDS).map(([name, { meaning }]) => [name, meaning])),
  });
  if (intent) return new Failure({ ...intent, params: visible(intent.params), errno });
  const lastSpace = body.lastIndexOf(' ');
  if (lastSpace > 0 && body === text) {
    const word = body.slice(lastSpace + 1);
    const before = body.slice(0, lastSpace);
    // "daily Europe/berlin", "*-*-* 10:00 CEST" in another zone: the rest reads fine, so it is the zone.
    const zoneLike = /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(word) && (word.includes('/') || (word.length >= 3 && !DAY_NAMES.some(([name]) => equalsNoCase(name, word)) && !Object.prototype.hasOwnProperty.call(SHORTHANDS, lower(word))));
    if (zoneLike && accepts(before, options)) {
      return new Failure({ id: 'systemd-calendar.unknown-time-zone', params: visible({ zone: word }), start: lastSpace + 1, end: text.length, errno });
    }
  }
  // `daily 10:00`, `hourly/0`: a shorthand with more after it.
  const firstWord = /^[^\s/]+/.exec(body)?.[0];
  if (firstWord && Object.prototype.hasOwnProperty.call(SHORTHANDS, lower(firstWord)) && firstWord.length < body.length) {
    let start = firstWord.length;
    while (body[start] === ' ' && start < body.length - 1) start++;
    return new Failure({
      id: 'systemd-calendar.shorthand-with-fields',
      params: visible({ shorthand: firstWord, meaning: SHORTHANDS[lower(firstWord)].meaning }),
      start,
      end: body.length,
      errno,
    });
  }
  // A word where the first number should be: neither a weekday nor a shorthand.
  if (failure.error.id === 'systemd-calendar.expected-number' && /^[A-Za-z\u0080-\uffff]/.test(String(failure.error.params.found))) {
    const start = failure.error.start;
    let end = start;
    while (end < body.length && !/[\s:,]/.test(body[end])) end++;
    const word = body.slice(start, end);
    // `daily,weekly`: calendar_spec_from_string (src/shared/calendarspec.c) compares the shorthands with the
    // whole expression (strcaseeq, after a trailing zone is taken off), so one is never part of a list.
    if (Object.prototype.hasOwnProperty.call(SHORTHANDS, lower(word))) return new Failure({ id: 'systemd-calendar.shorthand-not-alone', params: visible({ shorthand: word, text: body }), start, end, errno });
    return new Failure({ id: 'systemd-calendar.unknown-word', params: visible({ text: word }), start, end, errno });
  }
  return failure;
}
