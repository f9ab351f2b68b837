// What an OnCalendar= expression that systemd rejects was probably meant to say: crontab syntax (`*/2`,
// `0 3 * * *`, `@daily`), words systemd does not have (`noon`, `fortnightly`, `Feb 30`), weekday spellings
// (`Mo`, `Thurs`), a step after a shorthand (`daily/2`), a time span (`5min`). systemd itself only says
// "Invalid argument" (calendar_spec_from_string(), src/shared/calendarspec.c); each suggestion here is
// checked with the real parser (`accepts`) before it is offered, so a suggestion is always an expression
// systemd 252 takes. Pure text work: the parser is passed in, so this module imports nothing of calendar.ts.
import type { MessageKey } from '../i18n/catalog';

export type CalendarIntentId = Extract<MessageKey, `systemd-calendar.${string}`>;

export interface CalendarIntent {
  id: CalendarIntentId;
  params: Record<string, string | number>;
  /** Offsets into the expression text. */
  start: number;
  end: number;
}

export interface IntentTools {
  /** Whether systemd accepts the text (the real parser). */
  accepts(text: string): boolean;
  /** Whether the text is a time span systemd accepts (parse_sec). */
  isTimespan(text: string): boolean;
  /** The shorthands (`daily`, …) with what they mean. */
  shorthands: Record<string, string>;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const FULL_WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** Spellings people use that systemd does not take (it wants `Mon` or `Monday`, any case). */
const WEEKDAY_ALIASES: Record<string, string> = {
  mo: 'Mon', tu: 'Tue', tues: 'Tue', we: 'Wed', weds: 'Wed', th: 'Thu', thur: 'Thu', thurs: 'Thu', fr: 'Fri', sa: 'Sat', su: 'Sun',
  mondays: 'Mon', tuesdays: 'Tue', wednesdays: 'Wed', thursdays: 'Thu', fridays: 'Fri', saturdays: 'Sat', sundays: 'Sun',
};
const WORDS: Record<string, string> = {
  noon: '12:00', midday: '12:00', midnight: '00:00', everyday: 'daily',
  weekdays: 'Mon..Fri', workdays: 'Mon..Fri', weekend: 'Sat,Sun', weekends: 'Sat,Sun',
};
const FORTNIGHTLY = new Set(['fortnightly', 'biweekly', 'bi-weekly']);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** The most days each month can have (February 29 in leap years). */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const CRON_KEYWORDS: Record<string, string> = { yearly: 'yearly', annually: 'yearly', monthly: 'monthly', weekly: 'weekly', daily: 'daily', midnight: 'daily', hourly: 'hourly' };

const pad2 = (value: string): string => (/^\d$/.test(value) ? `0${value}` : value);

/** A likely intent for a rejected expression, or undefined when nothing better than systemd's own reason is known. */
export function likelyIntent(text: string, body: string, tools: IntentTools): CalendarIntent | undefined {
  const whole = (id: CalendarIntentId, params: Record<string, string | number> = {}): CalendarIntent => ({ id, params, start: 0, end: text.length });
  const trimmed = body.trim();
  if (trimmed === '') return whole('systemd-calendar.empty');
  // A unit file trims values; the command line does not.
  if (text !== text.trim() && tools.accepts(text.trim())) return whole('systemd-calendar.surrounding-space', { suggestion: text.trim() });

  const keyword = /^@([A-Za-z]+)$/.exec(trimmed);
  if (keyword) {
    const name = keyword[1].toLowerCase();
    if (name === 'reboot') return whole('systemd-calendar.cron-reboot');
    if (CRON_KEYWORDS[name]) return whole('systemd-calendar.cron-keyword', { text: trimmed, suggestion: CRON_KEYWORDS[name] });
  }

  // Five crontab fields are translated before this is asked (cron-to-calendar.ts).

  // `*/5` alone: cron's first field is the minute.
  const step = /^\*\/(\d+)$/.exec(trimmed);
  if (step && Number(step[1]) >= 1 && Number(step[1]) <= 59) return whole('systemd-calendar.cron-step', { text: trimmed, repeat: Number(step[1]), suggestion: `*:0/${Number(step[1])}` });

  const shorthandStep = /^([A-Za-z-]+)\/(\S*)$/.exec(trimmed);
  if (shorthandStep && Object.prototype.hasOwnProperty.call(tools.shorthands, shorthandStep[1].toLowerCase())) {
    const intent = shorthandStepIntent(shorthandStep[1], shorthandStep[2], tools);
    if (intent) return whole(intent.id, { shorthand: shorthandStep[1], text: trimmed, ...intent.params });
  }

  if (FORTNIGHTLY.has(trimmed.toLowerCase())) return whole('systemd-calendar.fortnightly', { text: trimmed });
  // Guessing at words is for what a person wrote; a long text keeps systemd's own reason (and stays fast).
  if (trimmed.length > 200) return undefined;

  const monthName = monthNameIntent(trimmed, tools);
  if (monthName) return whole(monthName.id, monthName.params);

  const rewritten = rewriteWords(trimmed, tools);
  if (rewritten && rewritten.suggestion !== trimmed && tools.accepts(rewritten.suggestion)) {
    const offset = text.indexOf(trimmed);
    return { id: 'systemd-calendar.did-you-mean', params: { text: rewritten.word, suggestion: rewritten.suggestion }, start: offset + rewritten.start, end: offset + rewritten.end };
  }

  // `5min`, `1h`: a time span where a calendar event belongs (a bare number is a span too, but also a time without minutes).
  if (/[A-Za-z\u00b5\u03bc]/.test(trimmed) && /\d/.test(trimmed) && tools.isTimespan(trimmed)) return whole('systemd-calendar.timespan-instead', { text: trimmed });
  return undefined;
}

function shorthandStepIntent(shorthand: string, repeatText: string, tools: IntentTools): { id: CalendarIntentId; params: Record<string, string | number> } | undefined {
  if (!/^\d+$/.test(repeatText) || Number(repeatText) === 0) return undefined;
  const n = Number(repeatText);
  const name = shorthand.toLowerCase();
  const calendar: Record<string, string> = { minutely: `*:0/${n}`, hourly: `0/${n}:00`, monthly: `*-01/${n}-01 00:00:00` };
  const suggestion = calendar[name];
  if (suggestion !== undefined && tools.accepts(suggestion)) return { id: 'systemd-calendar.shorthand-step', params: { suggestion } };
  const unit: Record<string, string> = { minutely: 'min', hourly: 'h', daily: 'd', weekly: 'w', monthly: 'M', yearly: 'y', annually: 'y', anually: 'y' };
  if (unit[name] && tools.isTimespan(`${n}${unit[name]}`)) return { id: 'systemd-calendar.shorthand-step-span', params: { span: `${n}${unit[name]}` } };
  return undefined;
}

/** `Feb 30`, `Dec 25 10:00`, `25 Dec`, `December 24 2026`: systemd has no month names. */
function monthNameIntent(body: string, tools: IntentTools): { id: CalendarIntentId; params: Record<string, string | number> } | undefined {
  const words = body.split(/ +/);
  const monthAt = words.findIndex((word) => monthNumber(word) !== undefined);
  if (monthAt < 0) return undefined;
  const month = monthNumber(words[monthAt])!;
  const dayAt = /^\d{1,2}(st|nd|rd|th)?,?$/i.test(words[monthAt + 1] ?? '') ? monthAt + 1 : /^\d{1,2}(st|nd|rd|th)?$/i.test(words[monthAt - 1] ?? '') ? monthAt - 1 : -1;
  const dayText = dayAt >= 0 ? words[dayAt].replace(/\D/g, '') : '*';
  let year = '*';
  const yearAt = words.findIndex((word, index) => index !== dayAt && /^\d{4}$/.test(word));
  if (yearAt >= 0) year = words[yearAt];
  const date = `${year}-${pad2(String(month))}-${pad2(dayText)}`;
  const rest = words.filter((_, index) => index !== monthAt && index !== dayAt && index !== yearAt);
  // A weekday stays in front of the date, a time after it.
  const weekdays = rest.filter((word) => /^[A-Za-z]/.test(word));
  const others = rest.filter((word) => !/^[A-Za-z]/.test(word));
  const suggestion = [...weekdays, date, ...others].join(' ');
  const text = [words[Math.min(monthAt, dayAt >= 0 ? dayAt : monthAt)], words[Math.max(monthAt, dayAt)]].filter((word, index, all) => all.indexOf(word) === index).join(' ');
  if (!tools.accepts(suggestion)) return undefined;
  if (dayText !== '*' && Number(dayText) > MONTH_DAYS[month - 1]) return { id: 'systemd-calendar.month-name-never', params: { text, suggestion } };
  return { id: 'systemd-calendar.month-name', params: { text, suggestion } };
}

function monthNumber(word: string): number | undefined {
  const lower = word.toLowerCase().replace(/[.,]$/, '');
  if (lower.length < 3 || !/^[a-z]+$/.test(lower)) return undefined;
  const index = MONTHS.indexOf(lower.slice(0, 3));
  if (index < 0) return undefined;
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][index];
  // `Mar`, `March`, `Sept`; not `Mayday` or `Marching`.
  return full.startsWith(lower) || lower === 'sept' ? index + 1 : undefined;
}

/**
 * The expression with the words systemd does not know replaced (`Mo` → `Mon`, `noon` → `12:00`, `10pm` →
 * `22:00`, `dayly` → `daily`, `2026-12-24T10:00` → `2026-12-24 10:00`), and the first word replaced.
 */
function rewriteWords(body: string, tools: IntentTools): { suggestion: string; word: string; start: number; end: number } | undefined {
  let first: { word: string; start: number; end: number } | undefined;
  const note = (word: string, start: number): void => {
    first ??= { word, start, end: start + word.length };
  };
  const words: string[] = [];
  let position = 0;
  const parts = body.split(/( +)/);
  for (let index = 0; index < parts.length; index++) {
    const word = parts[index];
    const start = position;
    position += word.length;
    if (index % 2 === 1 || word === '') {
      words.push(word);
      continue;
    }
    // `10 pm`: the number takes the suffix with it.
    const next = parts[index + 2];
    if (/^\d{1,2}(:\d{2})?$/.test(word) && next !== undefined && /^[ap]\.?m\.?$/i.test(next)) {
      const time = twelveHour(word, next);
      if (time) {
        note(`${word} ${next}`, start);
        words.push(time);
        position += parts[index + 1].length + next.length;
        index += 2;
        continue;
      }
    }
    const replaced = rewriteWord(word, tools);
    if (replaced !== word) note(word, start);
    words.push(replaced);
  }
  if (!first) return undefined;
  return { suggestion: words.join(''), ...first };
}

function rewriteWord(word: string, tools: IntentTools): string {
  const lower = word.toLowerCase();
  if (WORDS[lower]) return WORDS[lower];
  const twelve = /^(\d{1,2}(?::\d{2})?)([ap]\.?m\.?)$/i.exec(word);
  if (twelve) return twelveHour(twelve[1], twelve[2]) ?? word;
  // ISO 8601's `T` between date and time; slashes in a date.
  const iso = /^(\d{4}-\d{1,2}-\d{1,2})T(\d{1,2}:\d{2}(?::\d{2})?)$/i.exec(word);
  if (iso) return `${iso[1]} ${iso[2]}`;
  const slashes = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(word);
  if (slashes) return `${slashes[1]}-${pad2(slashes[2])}-${pad2(slashes[3])}`;
  // Weekday lists: `Mo,We`, `Mo-Fr`, `Mo..Fr`.
  if (word.length <= 64 && /^[A-Za-z]+([,.-]+[A-Za-z]+)*,?$/.test(word)) {
    const rewritten = word.replace(/[A-Za-z]+/g, (name) => WEEKDAY_ALIASES[name.toLowerCase()] ?? name);
    if (rewritten !== word) return rewritten;
  }
  // A shorthand or weekday spelt wrong: `dayly`, `hourley`, `Wendesday` (no name is longer than 13 letters).
  if (/^[A-Za-z-]{4,16}$/.test(word)) {
    const candidates = [...Object.keys(tools.shorthands).filter((name) => name !== 'anually'), ...FULL_WEEKDAYS];
    let best: string | undefined;
    let bestDistance = 3;
    for (const candidate of candidates) {
      if (Math.abs(candidate.length - lower.length) > 2) continue;
      const distance = editDistance(lower, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best !== undefined && bestDistance <= (lower.length >= 7 ? 2 : 1)) {
      const weekday = FULL_WEEKDAYS.indexOf(best);
      return weekday >= 0 ? WEEKDAYS[weekday] : best;
    }
  }
  return word;
}

function twelveHour(time: string, suffix: string): string | undefined {
  const [hourText, minute = '00'] = time.split(':');
  const hour = Number(hourText);
  if (hour < 1 || hour > 12) return undefined;
  const pm = suffix.toLowerCase().startsWith('p');
  return `${pad2(String((hour % 12) + (pm ? 12 : 0)))}:${minute}`;
}

/** Damerau–Levenshtein distance (optimal string alignment): a swapped pair of letters counts once. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
