// A cron schedule in plain words, English or Japanese, built from the bitsets cron itself uses — so the
// day-of-month/day-of-week OR rule and Debian's quirks are described as cron applies them.
// Each language has its own builder: word order differs too much for shared fragments.
import type { Locale } from '../types';
import type { CronSchedule } from './model';

interface ValueSet {
  values: number[];
  all: boolean;
}

function valueSet(flags: boolean[], low: number, high: number): ValueSet {
  const values: number[] = [];
  for (let value = low; value <= high; value++) if (flags[value]) values.push(value);
  return { values, all: values.length === high - low + 1 };
}

/** `[0,15,30,45]` from 0 → 15 (an even step from the low end), else undefined. */
function evenStep(set: ValueSet, low: number, high: number): number | undefined {
  const [first, second] = set.values;
  if (set.values.length < 2 || first !== low) return undefined;
  const step = second - first;
  const expected = Math.floor((high - low) / step) + 1;
  if (set.values.length !== expected) return undefined;
  return set.values.every((value, index) => value === low + index * step) ? step : undefined;
}

/** `1-5,7` → runs of consecutive values. */
function runs(values: number[]): [number, number][] {
  const result: [number, number][] = [];
  for (const value of values) {
    const last = result[result.length - 1];
    if (last && last[1] === value - 1) last[1] = value;
    else result.push([value, value]);
  }
  return result;
}

const pad = (value: number) => String(value).padStart(2, '0');

const EN_MONTHS = ['', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const JA_DAYS = ['日', '月', '火', '水', '木', '金', '土'];

function joinEnglish(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  if (parts.length === 2) return `${parts[0]} and ${parts[1]}`;
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function listRuns(values: number[], name: (value: number) => string, rangeWord: (from: string, to: string) => string, join: (parts: string[]) => string): string {
  return join(runs(values).map(([from, to]) => (from === to ? name(from) : to === from + 1 ? join([name(from), name(to)]) : rangeWord(name(from), name(to)))));
}

export function describeSchedule(schedule: CronSchedule, locale: Locale): string {
  if (schedule.reboot) return locale === 'ja' ? '起動時に 1 回' : 'Once, when cron starts (at boot)';
  return locale === 'ja' ? describeJapanese(schedule) : describeEnglish(schedule);
}

type FieldName = 'minute' | 'hour' | 'dayOfMonth' | 'month' | 'dayOfWeek';
const EN_FIELDS: Record<FieldName, string> = { minute: 'minute', hour: 'hour', dayOfMonth: 'day-of-month', month: 'month', dayOfWeek: 'day-of-week' };
const JA_FIELDS: Record<FieldName, string> = { minute: '分', hour: '時', dayOfMonth: '日', month: '月', dayOfWeek: '曜日' };

/**
 * Fields that select no value at all: a reversed range such as `5-2` or `1-0` is accepted and sets no bit
 * (Debian's entry.c get_range loops `for (i = num1; i <= num2; ...)`; released cronie does the same, see
 * fields.ts). `never` names the field that stops every run; `ignored` a day field that drops out of the
 * day-of-month OR day-of-week rule, leaving the other one alone to decide.
 */
function emptyFields(schedule: CronSchedule): { never?: FieldName; ignored?: FieldName } {
  const none = (flags: boolean[]) => !flags.some(Boolean);
  if (none(schedule.minutes)) return { never: 'minute' };
  if (none(schedule.hours)) return { never: 'hour' };
  if (none(schedule.months)) return { never: 'month' };
  const domEmpty = none(schedule.daysOfMonth);
  const dowEmpty = none(schedule.daysOfWeek);
  // With either day field starting with `*`, both must match (AND): an empty one stops every run.
  if (schedule.dayOfMonthStar || schedule.dayOfWeekStar || (domEmpty && dowEmpty)) {
    if (domEmpty) return { never: 'dayOfMonth' };
    if (dowEmpty) return { never: 'dayOfWeek' };
    return {};
  }
  return domEmpty ? { ignored: 'dayOfMonth' } : dowEmpty ? { ignored: 'dayOfWeek' } : {};
}

// Kana and kanji (not the full-width punctuation, which takes no space), and what counts as ASCII text.
const JAPANESE_CHAR = /[\u3040-\u30fa\u30fc-\u30ff\u3400-\u9fff]/;
const ASCII_CHAR = /[A-Za-z0-9`]/;

/** Japanese fragments joined as docs/ja-style.md wants: one space where Japanese meets ASCII, none elsewhere. */
function joinJapanese(...pieces: string[]): string {
  let out = '';
  for (const piece of pieces) {
    if (!piece) continue;
    const before = out.slice(-1);
    const after = piece[0];
    const space = (JAPANESE_CHAR.test(before) && ASCII_CHAR.test(after)) || (ASCII_CHAR.test(before) && JAPANESE_CHAR.test(after));
    out += space ? ` ${piece}` : piece;
  }
  return out;
}

function timeSets(schedule: CronSchedule) {
  return { minutes: valueSet(schedule.minutes, 0, 59), hours: valueSet(schedule.hours, 0, 23) };
}

function describeEnglish(schedule: CronSchedule): string {
  const empty = emptyFields(schedule);
  if (empty.never) return `Never: the ${EN_FIELDS[empty.never]} field matches no value`;
  const { minutes, hours } = timeSets(schedule);
  let time: string;
  const minuteStep = evenStep(minutes, 0, 59);
  const hourStep = evenStep(hours, 0, 23);
  if (minutes.values.length * hours.values.length <= 6 && !minutes.all) {
    time = `At ${joinEnglish(hours.values.flatMap((hour) => minutes.values.map((minute) => `${pad(hour)}:${pad(minute)}`)))}`;
  } else {
    const minutePart = minutes.all
      ? 'Every minute'
      : minuteStep
        ? `Every ${minuteStep} minutes`
        : `At minute ${listRuns(minutes.values, String, (a, b) => `${a} through ${b}`, joinEnglish)}`;
    const hourPart = hours.all
      ? minutes.all || minuteStep
        ? ''
        : ' of every hour'
      : hourStep
        ? ` during the hours starting at ${joinEnglish(hours.values.map((hour) => `${pad(hour)}:00`))} (every ${hourStep} hours)`
        : `, during ${listRuns(hours.values, (hour) => `${pad(hour)}:00`, (a, b) => `${a}–${b.replace(':00', ':59')}`, joinEnglish)}`;
    time = minutePart + hourPart;
  }
  const days = valueSet(schedule.daysOfMonth, 1, 31);
  const weekdays = valueSet(schedule.daysOfWeek, 0, 6);
  const months = valueSet(schedule.months, 1, 12);
  const domText = `on day ${listRuns(days.values, String, (a, b) => `${a}–${b}`, joinEnglish)} of the month`;
  const dowText = `on ${listRuns(weekdays.values, (day) => EN_DAYS[day], (a, b) => `${a} through ${b}`, joinEnglish)}`;
  let day = '';
  const domRestricted = !schedule.dayOfMonthStar && !days.all && empty.ignored !== 'dayOfMonth';
  const dowRestricted = !schedule.dayOfWeekStar && !weekdays.all && empty.ignored !== 'dayOfWeek';
  if (schedule.dayOfMonthStar || schedule.dayOfWeekStar) {
    // AND: each restricted side narrows.
    const parts = [];
    if (!days.all) parts.push(domText);
    if (!weekdays.all) parts.push(dowText);
    day = parts.join(', if it is ');
    if (!days.all && !weekdays.all) day = `${domText}, but only ${dowText}`;
  } else if (domRestricted && dowRestricted) {
    day = `${domText} or ${dowText}`;
  } else if (domRestricted) day = domText;
  else if (dowRestricted) day = dowText;
  const month = months.all ? '' : `, in ${listRuns(months.values, (value) => EN_MONTHS[value], (a, b) => `${a} through ${b}`, joinEnglish)}`;
  const note = empty.ignored ? ` (the ${EN_FIELDS[empty.ignored]} field matches no value)` : '';
  return `${time}${day ? `, ${day}` : ''}${month}${note}`;
}

function describeJapanese(schedule: CronSchedule): string {
  const empty = emptyFields(schedule);
  if (empty.never) return `実行されません（${JA_FIELDS[empty.never]}のフィールドに当てはまる値がありません）`;
  const { minutes, hours } = timeSets(schedule);
  const joinJa = (parts: string[]) => parts.join('、');
  const minuteStep = evenStep(minutes, 0, 59);
  const hourStep = evenStep(hours, 0, 23);
  let time: string;
  if (minutes.values.length * hours.values.length <= 6 && !minutes.all) {
    time = joinJapanese(joinJa(hours.values.flatMap((hour) => minutes.values.map((minute) => `${pad(hour)}:${pad(minute)}`))), 'に実行');
  } else {
    const hourPart = hours.all
      ? ''
      : hourStep
        ? `${hourStep} 時間ごと（${hours.values.map((hour) => `${hour} 時台`).join('・')}）の`
        : `${listRuns(hours.values, (hour) => `${hour} 時`, (a, b) => `${a}〜${b}`, joinJa)}台の`;
    const minutePart = minutes.all
      ? '毎分'
      : minuteStep
        ? `${minuteStep} 分ごと`
        : joinJapanese(hours.all ? '毎時' : '', listRuns(minutes.values, (minute) => `${minute}`, (a, b) => `${a}〜${b}`, joinJa), '分');
    time = joinJapanese(hourPart, minutePart, 'に実行');
  }
  const days = valueSet(schedule.daysOfMonth, 1, 31);
  const weekdays = valueSet(schedule.daysOfWeek, 0, 6);
  const months = valueSet(schedule.months, 1, 12);
  const domText = `${listRuns(days.values, String, (a, b) => `${a}〜${b}`, joinJa)} 日`;
  const dowText = `${listRuns(weekdays.values, (day) => JA_DAYS[day], (a, b) => `${a}〜${b}`, (parts) => parts.join('・'))}曜日`;
  let day = '';
  const domRestricted = !schedule.dayOfMonthStar && !days.all && empty.ignored !== 'dayOfMonth';
  const dowRestricted = !schedule.dayOfWeekStar && !weekdays.all && empty.ignored !== 'dayOfWeek';
  if (schedule.dayOfMonthStar || schedule.dayOfWeekStar) {
    if (!days.all && !weekdays.all) day = `${domText}のうち${dowText}`;
    else if (!days.all) day = domText;
    else if (!weekdays.all) day = `毎週${dowText}`;
  } else if (domRestricted && dowRestricted) {
    day = `${domText}または${dowText}`;
  } else if (domRestricted) day = domText;
  else if (dowRestricted) day = `毎週${dowText}`;
  const month = months.all ? '' : listRuns(months.values, (value) => `${value} 月`, (a, b) => `${a}〜${b}`, (parts) => parts.join('・'));
  // 「毎日」 before 「毎分」「毎時」 says nothing more.
  const prefix = month ? (day ? joinJapanese(month, 'の', day, '、') : joinJapanese(month, 'の毎日')) : day ? `${day}、` : time.startsWith('毎') ? '' : '毎日';
  const note = empty.ignored ? `（${JA_FIELDS[empty.ignored]}のフィールドに当てはまる値がありません）` : '';
  return joinJapanese(prefix, time, note);
}
