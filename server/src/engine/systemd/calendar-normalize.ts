// A read OnCalendar= expression made canonical and checked, then written back: systemd 252
// src/shared/calendarspec.c calendar_spec_normalize (components sorted and deduplicated), calendar_spec_valid
// (ranges of each field) and calendar_spec_to_string (the "Normalized form:" systemd-analyze prints).
import { BITS_WEEKDAYS, type CalendarComponent, type CalendarField, type CalendarSpec, fail, MAX_YEAR, MIN_YEAR, SHORT_DAYS, USEC_PER_SEC } from './calendar-spec';

const FIELDS: { field: CalendarField; min: number; max: number }[] = [
  { field: 'year', min: MIN_YEAR, max: MAX_YEAR },
  { field: 'month', min: 1, max: 12 },
  { field: 'day', min: 1, max: 31 },
  { field: 'hour', min: 0, max: 23 },
  { field: 'minute', min: 0, max: 59 },
  { field: 'second', min: 0, max: 60 * USEC_PER_SEC - 1 },
];

function normalizeChain(chain: CalendarComponent[] | null): CalendarComponent[] | null {
  if (!chain) return null;
  for (const component of chain) {
    // The length of a range becomes a multiple of its step.
    if (component.stop > component.start && component.repeat > 0) component.stop -= (component.stop - component.start) % component.repeat;
    // A step that cannot fire even once, or a range of one value, becomes a plain value.
    if ((component.stop > component.start && component.repeat > 0 && component.start + component.repeat > component.stop) || component.start === component.stop) {
      component.repeat = 0;
      component.stop = -1;
    }
  }
  if (chain.length <= 1) return chain;
  const sorted = [...chain].sort((a, b) => a.start - b.start || a.stop - b.stop || a.repeat - b.repeat);
  const unique: CalendarComponent[] = [];
  for (const component of sorted) {
    const previous = unique[unique.length - 1];
    if (previous && previous.start === component.start && previous.stop === component.stop && previous.repeat === component.repeat) continue;
    unique.push(component);
  }
  return unique;
}

export function normalize(spec: CalendarSpec): void {
  if (spec.timezone === 'UTC') {
    spec.utc = true;
    spec.timezone = undefined;
  }
  if (spec.weekdays <= 0 || spec.weekdays >= BITS_WEEKDAYS) spec.weekdays = -1;
  if (spec.endOfMonth && !spec.day) spec.endOfMonth = false;
  // Two-digit years: 12 → 2012, 89 → 1989.
  for (const component of spec.year ?? []) {
    if (component.start >= 0 && component.start < 70) component.start += 2000;
    if (component.stop >= 0 && component.stop < 70) component.stop += 2000;
    if (component.start >= 70 && component.start < 100) component.start += 1900;
    if (component.stop >= 70 && component.stop < 100) component.stop += 1900;
  }
  spec.year = normalizeChain(spec.year);
  spec.month = normalizeChain(spec.month);
  spec.day = normalizeChain(spec.day);
  spec.hour = normalizeChain(spec.hour);
  spec.minute = normalizeChain(spec.minute);
  spec.second = normalizeChain(spec.second);
}

export function validate(spec: CalendarSpec): void {
  for (const { field, min, max } of FIELDS) {
    const chain = spec[field];
    if (!chain) continue;
    const endOfMonth = field === 'day' && spec.endOfMonth;
    const show = (value: number): string => (field === 'second' ? formatSeconds(value) : String(value));
    let to = max;
    for (const component of chain) {
      // `~` may count back at most 28 days, which every month has. systemd's chain_valid() takes the 3 off
      // again for each further component (it recurses with the reduced limit), so in `~9,28` the 28 is refused.
      if (endOfMonth) to -= 3;
      const where = { start: component.from, end: component.to };
      if (component.start < min || component.start > to) {
        if (endOfMonth && component.start > to && component.start <= max) fail('systemd-calendar.end-of-month-too-far', where.start, where.end, { value: component.start, limit: to });
        fail('systemd-calendar.out-of-range', where.start, where.end, { field, value: show(component.start), min: show(min), max: show(to) });
      }
      const source = (): string => rangeText(component, field);
      if (component.repeat > to - min) fail('systemd-calendar.repeat-too-large', where.start, where.end, { field, text: source(), min: show(min), max: show(to) });
      if (component.stop >= 0) {
        if (component.stop < min || component.stop > to) {
          if (endOfMonth && component.stop > to && component.stop <= max) fail('systemd-calendar.end-of-month-too-far', where.start, where.end, { value: component.stop, limit: to });
          fail('systemd-calendar.out-of-range', where.start, where.end, { field, value: show(component.stop), min: show(min), max: show(to) });
        }
        if (component.start + component.repeat > component.stop) fail('systemd-calendar.range-reversed', where.start, where.end, { field, text: source() });
      } else if (endOfMonth && component.start - component.repeat < min) {
        fail('systemd-calendar.end-of-month-repeat', where.start, where.end, { text: source() });
      } else if (!endOfMonth && component.start + component.repeat > to) {
        fail('systemd-calendar.repeat-too-large', where.start, where.end, { field, text: source(), min: show(min), max: show(to) });
      }
    }
  }
}

function rangeText(component: CalendarComponent, field: CalendarField): string {
  const show = (value: number): string => (field === 'second' ? formatSeconds(value) : String(value));
  let text = show(component.start);
  if (component.stop >= 0) text += `..${show(component.stop)}`;
  if (component.repeat > 0 && !(component.stop >= 0 && component.repeat === (field === 'second' ? USEC_PER_SEC : 1))) text += `/${show(component.repeat)}`;
  return text;
}

function formatSeconds(usec: number): string {
  const whole = Math.floor(usec / USEC_PER_SEC);
  const fraction = usec % USEC_PER_SEC;
  return fraction ? `${whole}.${String(fraction).padStart(6, '0')}` : String(whole);
}

// ---------------------------------------------------------------------------------------------------------
// Formatting (calendar_spec_to_string)

function formatWeekdays(bits: number): string {
  let out = '';
  let l = -1;
  let needComma = false;
  let x = 0;
  for (; x < 7; x++) {
    if (bits & (1 << x)) {
      if (l < 0) {
        if (needComma) out += ',';
        else needComma = true;
        out += SHORT_DAYS[x];
        l = x;
      }
    } else if (l >= 0) {
      if (x > l + 1) out += (x > l + 2 ? '..' : ',') + SHORT_DAYS[x - 1];
      l = -1;
    }
  }
  if (l >= 0 && x > l + 1) out += (x > l + 2 ? '..' : ',') + SHORT_DAYS[x - 1];
  return out;
}

const pad = (value: number, width: number): string => {
  const text = String(Math.abs(value));
  return (value < 0 ? '-' : '') + text.padStart(value < 0 ? width - 1 : width, '0');
};

function formatChain(chain: CalendarComponent[] | null, width: number, usec: boolean): string {
  const d = usec ? USEC_PER_SEC : 1;
  if (!chain) return '*';
  // One `*` (0/1 s) among the seconds covers them all.
  if (usec && chain.some((c) => c.start === 0 && c.stop < 0 && c.repeat === USEC_PER_SEC)) return '*';
  const parts: string[] = [];
  for (const c of chain) {
    let out = pad(Math.trunc(c.start / d), width);
    if (c.start % d > 0) out += `.${pad(c.start % d, 6)}`;
    if (c.stop > 0) out += `..${pad(Math.trunc(c.stop / d), width)}`;
    if (c.stop % d > 0) out += `.${pad(c.stop % d, 6)}`;
    if (c.repeat > 0 && !(c.stop > 0 && c.repeat === d)) out += `/${Math.trunc(c.repeat / d)}`;
    if (c.repeat % d > 0) out += `.${pad(c.repeat % d, 6)}`;
    parts.push(out);
  }
  return parts.join(',');
}

/** The normalized form, as `systemd-analyze calendar` prints it. */
export function formatCalendar(spec: CalendarSpec): string {
  let out = '';
  if (spec.weekdays > 0 && spec.weekdays <= BITS_WEEKDAYS) out += `${formatWeekdays(spec.weekdays)} `;
  out += `${formatChain(spec.year, 4, false)}-${formatChain(spec.month, 2, false)}${spec.endOfMonth ? '~' : '-'}${formatChain(spec.day, 2, false)}`;
  out += ` ${formatChain(spec.hour, 2, false)}:${formatChain(spec.minute, 2, false)}:${formatChain(spec.second, 2, true)}`;
  if (spec.utc) out += ' UTC';
  else if (spec.timezone) out += ` ${spec.timezone}`;
  else if (spec.dst >= 0 && spec.dstName) out += ` ${spec.dstName}`;
  return out;
}
