// The time part of a job line, five fields or one `@keyword`, as cron expands it into a schedule (Debian cron
// entry.c load_entry, get_list; the @keyword table), parsed once per distinct way of writing it and shared,
// read-only, by every line that writes it the same way.
import type { FieldEntry, ParsedField } from './fields';
import type { CronKeyword, CronSchedule } from './model';
import { HASH_START, hashStep } from '../util/text-table';

/**
 * The time part of a job line, five fields or one `@keyword`, as cron reads it, shared (read-only) by every
 * line that writes it the same way. Made on demand (CrontabDocument.jobTime): the parser keeps only the
 * numbers of a job's field entries, and rules that loop over every job read those (issue #20). `texts`,
 * `fields` and `schedule` are built on first use and then kept, so each keeps one identity.
 */
export class TimeSpec {
  private builtSchedule: CronSchedule | undefined;
  private builtTexts: readonly string[] | undefined;
  private builtFields: readonly ParsedField[] | undefined;
  // The five cached field entries (minute, hour, day of month, month, day of week); undefined for a keyword.
  private readonly entry0: FieldEntry | undefined;
  private readonly entry1: FieldEntry | undefined;
  private readonly entry2: FieldEntry | undefined;
  private readonly entry3: FieldEntry | undefined;
  private readonly entry4: FieldEntry | undefined;

  constructor(
    /** The five cached field entries (read, not kept); empty for a keyword. */
    entries: readonly FieldEntry[],
    readonly keyword?: CronKeyword,
  ) {
    this.entry0 = entries[0];
    this.entry1 = entries[1];
    this.entry2 = entries[2];
    this.entry3 = entries[3];
    this.entry4 = entries[4];
  }

  /** Field entry `index` (0..4) of a five-field time; only called when there is no keyword. */
  private entry(index: number): FieldEntry {
    const entry = index === 0 ? this.entry0 : index === 1 ? this.entry1 : index === 2 ? this.entry2 : index === 3 ? this.entry3 : index === 4 ? this.entry4 : undefined;
    if (entry === undefined) throw new RangeError(`no time field ${index}`);
    return entry;
  }

  private entryList(): FieldEntry[] {
    return this.keyword === undefined ? [0, 1, 2, 3, 4].map((index) => this.entry(index)) : [];
  }

  /** How many time tokens the line has: 5, or 1 for a keyword. */
  get tokenCount(): number {
    return this.keyword === undefined ? 5 : 1;
  }

  /** Time token `index` as written (`@daily` for a keyword). */
  text(index: number): string {
    return this.keyword === undefined ? this.entry(index).text : `@${this.keyword}`;
  }

  /** The time tokens as written (`['0', '*', '*', '*', '1-5']`, or `['@daily']`). */
  get texts(): readonly string[] {
    if (this.builtTexts === undefined) this.builtTexts = this.keyword === undefined ? this.entryList().map((entry) => entry.text) : [`@${this.keyword}`];
    return this.builtTexts;
  }

  /** The five parsed fields; empty for a keyword. */
  get fields(): readonly ParsedField[] {
    if (this.builtFields === undefined) this.builtFields = this.entryList().map((entry) => entry.field);
    return this.builtFields;
  }

  /** `@reboot`: runs once when cron starts. */
  get reboot(): boolean {
    return this.keyword === 'reboot';
  }

  get schedule(): CronSchedule {
    if (this.builtSchedule === undefined) this.builtSchedule = this.keyword === undefined ? buildSchedule(this.fields) : keywordSchedule(this.keyword);
    return this.builtSchedule;
  }
}

const keywordTimes = new Map<CronKeyword, TimeSpec>();

export function keywordTime(keyword: CronKeyword): TimeSpec {
  let time = keywordTimes.get(keyword);
  if (time === undefined) keywordTimes.set(keyword, (time = new TimeSpec([], keyword)));
  return time;
}

function flags(count: number, on: (value: number) => boolean): boolean[] {
  return Array.from({ length: count }, (_, value) => on(value));
}

// Schedules are shared between lines with the same five fields (read-only, like the fields), found by the
// ids of the five cached field entries. Bounded: the table starts over when full.
const SCHEDULE_CACHE_LIMIT = 50_000;
let timeIds = new Int32Array(64 * 5);
let timeSlots: (TimeSpec | undefined)[] = new Array<TimeSpec | undefined>(64).fill(undefined);
let timeCount = 0;

export function timeFromFields(entries: readonly FieldEntry[]): TimeSpec {
  let hash = HASH_START;
  for (let index = 0; index < 5; index++) hash = hashStep(hash, entries[index].id);
  const mask = timeSlots.length - 1;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const time = timeSlots[slot];
    if (time === undefined) break;
    const base = slot * 5;
    if (
      timeIds[base] === entries[0].id &&
      timeIds[base + 1] === entries[1].id &&
      timeIds[base + 2] === entries[2].id &&
      timeIds[base + 3] === entries[3].id &&
      timeIds[base + 4] === entries[4].id
    ) {
      return time;
    }
  }
  return addTime(entries);
}

function addTime(entries: readonly FieldEntry[]): TimeSpec {
  if (timeCount >= SCHEDULE_CACHE_LIMIT) {
    timeIds = new Int32Array(64 * 5);
    timeSlots = new Array<TimeSpec | undefined>(64).fill(undefined);
    timeCount = 0;
  }
  if ((timeCount + 1) * 2 > timeSlots.length) {
    const oldIds = timeIds;
    const oldSlots = timeSlots;
    timeIds = new Int32Array(oldSlots.length * 2 * 5);
    timeSlots = new Array<TimeSpec | undefined>(oldSlots.length * 2).fill(undefined);
    for (let slot = 0; slot < oldSlots.length; slot++) {
      const time = oldSlots[slot];
      if (time !== undefined) placeTime(oldIds.subarray(slot * 5, slot * 5 + 5), time);
    }
  }
  const time = new TimeSpec(entries);
  placeTime(entries.map((entry) => entry.id), time);
  timeCount++;
  return time;
}

function placeTime(ids: ArrayLike<number>, time: TimeSpec): void {
  let hash = HASH_START;
  for (let index = 0; index < 5; index++) hash = hashStep(hash, ids[index]);
  const mask = timeSlots.length - 1;
  let slot = hash & mask;
  while (timeSlots[slot] !== undefined) slot = (slot + 1) & mask;
  for (let index = 0; index < 5; index++) timeIds[slot * 5 + index] = ids[index];
  timeSlots[slot] = time;
}

// Day-of-week 7 is Sunday (entry.c sets bits 0 and 7 together); fold once per distinct field.
const foldedDaysOfWeek = new WeakMap<ParsedField, boolean[]>();

function buildSchedule(fields: readonly ParsedField[]): CronSchedule {
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields;
  let daysOfWeek = foldedDaysOfWeek.get(dayOfWeek);
  if (!daysOfWeek) {
    daysOfWeek = flags(7, (day) => dayOfWeek.values[day] || (day === 0 && dayOfWeek.values[7]));
    foldedDaysOfWeek.set(dayOfWeek, daysOfWeek);
  }
  return {
    minutes: minute.values,
    hours: hour.values,
    daysOfMonth: dayOfMonth.values,
    months: month.values,
    daysOfWeek,
    dayOfMonthStar: dayOfMonth.startsWithStar,
    dayOfWeekStar: dayOfWeek.startsWithStar,
    minuteStar: minute.startsWithStar,
    hourStar: hour.startsWithStar,
    reboot: false,
  };
}

const keywordSchedules = new Map<CronKeyword, CronSchedule>();

/** entry.c's expansion of the @keywords, flags included (@weekly sets DOM_STAR, @monthly/@yearly DOW_STAR). */
export function keywordSchedule(keyword: CronKeyword): CronSchedule {
  let schedule = keywordSchedules.get(keyword);
  if (!schedule) keywordSchedules.set(keyword, (schedule = buildKeywordSchedule(keyword)));
  return schedule;
}

function buildKeywordSchedule(keyword: CronKeyword): CronSchedule {
  const all = (count: number, low = 0) => flags(count, (value) => value >= low);
  const only = (count: number, value: number) => flags(count, (candidate) => candidate === value);
  const base: CronSchedule = {
    minutes: only(60, 0),
    hours: only(24, 0),
    daysOfMonth: all(32, 1),
    months: all(13, 1),
    daysOfWeek: all(7),
    dayOfMonthStar: false,
    dayOfWeekStar: false,
    minuteStar: false,
    hourStar: false,
    reboot: false,
  };
  switch (keyword) {
    case 'reboot':
      return { ...base, reboot: true };
    case 'yearly':
    case 'annually':
      return { ...base, daysOfMonth: only(32, 1), months: only(13, 1), dayOfWeekStar: true };
    case 'monthly':
      return { ...base, daysOfMonth: only(32, 1), dayOfWeekStar: true };
    case 'weekly':
      return { ...base, daysOfWeek: only(7, 0), dayOfMonthStar: true };
    case 'daily':
    case 'midnight':
      return base;
    case 'hourly':
      return { ...base, hours: all(24), hourStar: true };
  }
}
