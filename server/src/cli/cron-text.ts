// The text report of `schedlint cron`: per expression, its header lines and one row per run
// (`       Iter. #2: Fri 2026-11-27 00:00`, ja `2026年11月27日(金) 00:00`), written as UTF-8 bytes into one
// buffer (util/byte-writer.ts). 100 expressions × 1,000 runs are 100,000 rows: as strings (a time, a line, the
// join, the escape over all of it) they were most of the command's garbage (issue #20). A run time reads as
// formatRunTime (time/format-run.ts) writes it; test/cli/cron-text.test.ts holds the report to that. The labels
// come from the catalog (`cli.cron.label.*`), right-aligned to one column as systemd-analyze calendar's are.
import { translate } from '../engine/i18n/catalog';
import { displayWidth } from '../engine/schedule/timeline-text';
import { civilFromDays } from '../engine/systemd/glibc-time';
import { EN_DAYS, formatRunTime, JA_DAYS } from '../engine/time/format-run';
import { zoneOffsetSpan } from '../engine/time/zone';
import type { Locale } from '../engine/types';
import { ByteWriter, writeDecimal } from '../engine/util/byte-writer';
import { escapeControls } from '../engine/util/visible';

/**
 * Room a row reserves besides its date part: label (`       Iter. #100000: `, 22; `         100000 回目：`, 25), `HH:MM` and newline (6),
 * with some to spare; also what schedules.ts counts a row for when it decides to write out what it has.
 */
export const ROW_BYTES = 64;
const DAY_MS = 86_400_000;
const ZERO = 0x30;
const COLON = 0x3a;
const NEWLINE = 0x0a;
const ascii = (text: string): Uint8Array => Buffer.from(text, 'latin1');
/** Where the labels end (`  Original form: `, 15 columns then `: `), as in systemd-analyze calendar's report. */
const LABEL_WIDTH = 15;

export type CronLabel = 'original' | 'error' | 'description' | 'dialect' | 'zone' | 'next' | 'note';

/** After a label: `: ` in English, the full-width `：` (no space after it) in Japanese (docs/ja-style.md). */
function labelEnd(locale: Locale): string {
  return locale === 'ja' ? '：' : ': ';
}

/**
 * A label of the report, padded on the left to end in LABEL_WIDTH's column (by the terminal's columns: a
 * Japanese character takes two), with its colon: `  Original form: `, `         元の式：`.
 */
export function cronLabel(locale: Locale, label: CronLabel): string {
  const text = translate(locale, `cli.cron.label.${label}`);
  return ' '.repeat(Math.max(0, LABEL_WIDTH - displayWidth(text))) + text + labelEnd(locale);
}
/** `Sun ` … `Sat `. */
const EN_WEEKDAYS = EN_DAYS.map((name) => ascii(`${name} `));
const YEAR = Buffer.from('年', 'utf8');
const MONTH = Buffer.from('月', 'utf8');
/** `日(日) ` … `日(土) `. */
const JA_WEEKDAYS = JA_DAYS.map((name) => Buffer.from(`日(${name}) `, 'utf8'));

export class CronReport extends ByteWriter {
  // The stretch of instants [start, end) the last row's date part and offset hold for: one local day at one
  // offset of the zone (zoneOffsetSpan), so that a row there is the day's text plus the minutes since the day
  // began, without a conversion. As calendar-report.ts's DayOfClock.
  private start = Number.NaN;
  private end = Number.NaN;
  /** The instant the local day began, at the stretch's offset. */
  private midnight = Number.NaN;
  /** The local day (days since 1970-01-01 on the local clock) the date part is for. */
  private day = Number.NaN;
  /** Its date part, `Thu 2026-11-26 ` or `2026年11月26日(木) `, in the first dateLength bytes. */
  private date = new Uint8Array(ROW_BYTES);
  private dateLength = 0;

  /** The first row's label (`       Next run: `). */
  private readonly nextRun: Uint8Array;
  /** The other rows' label before and after the run's number (`       Iter. #` 2 `: `, `         ` 2 ` 回目：`). */
  private readonly iteration: Uint8Array;
  private readonly iterationEnd: Uint8Array;

  constructor(
    private readonly zone: string,
    private readonly locale: Locale,
    capacity: number,
  ) {
    super(capacity, 'utf8');
    this.nextRun = Buffer.from(cronLabel(locale, 'next'), 'utf8');
    // The number's place marked by a character no catalog holds; the padding is that of a one-digit number,
    // as systemd-analyze's `       Iter. #2: ` (longer numbers push the row right, as there).
    const [before, after = ''] = translate(locale, 'cli.cron.label.iteration', { index: '\u0001' }).split('\u0001');
    this.iteration = Buffer.from(' '.repeat(Math.max(0, LABEL_WIDTH - displayWidth(`${before}0${after}`))) + before, 'utf8');
    this.iterationEnd = Buffer.from(after + labelEnd(locale), 'utf8');
  }

  /**
   * Lines of the report other than the runs, each ended by a newline: they hold the input (the expression,
   * its description, TZ, an error that quotes it), so control characters are made visible here.
   */
  lines(...lines: string[]): void {
    this.utf8(escapeControls(`${lines.join('\n')}\n`));
  }

  /**
   * One row per run. Nothing in a row comes from the input: the labels are ours, the date part is day names
   * and digits (or formatRunTime's own text for a year outside 1000–9999), the time is digits: there is
   * nothing for escapeControls to change, so the rows are not scanned.
   */
  runs(runs: readonly number[]): void {
    for (let index = 0; index < runs.length; index++) {
      const instant = runs[index];
      // Another day or another offset: the rare path, a method of its own so that this loop stays small.
      if (!(instant >= this.start && instant < this.end)) this.newStretch(instant);
      this.room(ROW_BYTES + this.dateLength);
      const bytes = this.bytes;
      let at = this.length;
      if (index === 0) {
        const label = this.nextRun;
        for (let i = 0; i < label.length; i++) bytes[at++] = label[i];
      } else {
        const label = this.iteration;
        for (let i = 0; i < label.length; i++) bytes[at++] = label[i];
        at = writeDecimal(bytes, at, index + 1);
        const end = this.iterationEnd;
        for (let i = 0; i < end.length; i++) bytes[at++] = end[i];
      }
      const date = this.date;
      for (let i = 0, length = this.dateLength; i < length; i++) bytes[at++] = date[i];
      const minutes = Math.floor((instant - this.midnight) / 60_000);
      const hour = (minutes / 60) | 0;
      const minute = minutes - hour * 60;
      bytes[at++] = ZERO + ((hour / 10) | 0);
      bytes[at++] = ZERO + (hour % 10);
      bytes[at++] = COLON;
      bytes[at++] = ZERO + ((minute / 10) | 0);
      bytes[at++] = ZERO + (minute % 10);
      bytes[at++] = NEWLINE;
      this.length = at;
    }
  }

  /** The stretch around `instant`: its local day at the zone's offset then, and that day's date part. */
  private newStretch(instant: number): void {
    const zone = zoneOffsetSpan(instant, this.zone);
    const day = Math.floor((instant + zone.offset) / DAY_MS);
    this.midnight = day * DAY_MS - zone.offset;
    this.start = Math.max(this.midnight, zone.start);
    this.end = Math.min(this.midnight + DAY_MS, zone.end);
    if (day !== this.day) this.newDay(day, instant);
  }

  private newDay(days: number, instant: number): void {
    this.day = days;
    const { year, month, day } = civilFromDays(days);
    if (year < 1000 || year > 9999) {
      // Four-digit years only below: formatRunTime prints the year as it is, and Intl's calendar (the
      // fallback without zoneinfo files) was not checked against civilFromDays that far out.
      const text = Buffer.from(formatRunTime(instant, this.zone, this.locale).slice(0, -'HH:MM'.length), 'utf8');
      if (text.length > this.date.length) this.date = new Uint8Array(text.length);
      this.date.set(text);
      this.dateLength = text.length;
      return;
    }
    const weekday = (((days + 4) % 7) + 7) % 7;
    const date = this.date;
    let at: number;
    if (this.locale === 'ja') {
      // `2026年1月5日(月) `: month and day without a leading zero.
      at = writeDecimal(date, 0, year);
      date.set(YEAR, at);
      at = writeDecimal(date, at + YEAR.length, month);
      date.set(MONTH, at);
      at = writeDecimal(date, at + MONTH.length, day);
      date.set(JA_WEEKDAYS[weekday], at);
      at += JA_WEEKDAYS[weekday].length;
    } else {
      // `Mon 2026-01-05 `.
      date.set(EN_WEEKDAYS[weekday]);
      at = writeDecimal(date, 4, year);
      date[at++] = 0x2d;
      date[at++] = ZERO + ((month / 10) | 0);
      date[at++] = ZERO + (month % 10);
      date[at++] = 0x2d;
      date[at++] = ZERO + ((day / 10) | 0);
      date[at++] = ZERO + (day % 10);
      date[at++] = 0x20;
    }
    this.dateLength = at;
  }
}
