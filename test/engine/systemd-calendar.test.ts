// Calendar expressions and time spans: where an error points and what it says, the API's units, and the
// systemd behaviours that surprise (facts checked against systemd-analyze 252; the oracle test covers the
// full table).
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parseCalendar } from '../../server/src/engine/systemd/calendar';
import { nextElapse, searchElapses } from '../../server/src/engine/systemd/calendar-search';
import { calendarErrorMessage, type CalendarMessageId, describeCalendarError } from '../../server/src/engine/systemd/calendar-spec';
import { formatCalendarReport } from '../../server/src/engine/systemd/calendar-report';
import { describeTimespanError, formatTimespan, parseTimespan, USEC_INFINITY, type TimespanMessageId } from '../../server/src/engine/systemd/timespan';
import { PosixZoneRules } from '../../server/src/engine/time/posix-tz';
import { utcRules } from '../../server/src/engine/time/zone-rules';
import { intlZoneSource } from '../../server/src/engine/time/zone-source';

const UTC = { zone: 'UTC' };

function parseError(text: string) {
  const result = parseCalendar(text, UTC);
  assert.ok(!result.ok, `${JSON.stringify(text)} is refused`);
  return result.error;
}

// [text, message id (without the systemd-calendar. prefix), the part it points at, errno]
const invalid: [string, string, string, string?][] = [
  ['', 'empty', ''],
  [' UTC', 'empty', ' UTC'],
  ['Monx 10:00', 'weekday-unknown', 'Monx'],
  ['Tues 10:00', 'did-you-mean', 'Tues'],
  ['Monx', 'weekday-unknown', 'Monx'],
  ['Mon.Fri', 'weekday-separator', '.'],
  ['Sat12:00', 'weekday-separator', '1'],
  ['Mon..Wed..Fri', 'weekday-separator', '..'],
  ['Mon..', 'weekday-range-open', 'Mon..'],
  ['Mon-', 'weekday-range-open', 'Mon-'],
  ['Fri..Mon', 'weekday-range-reversed', 'Fri..Mon'],
  ['Mon,,Tue', 'weekday-expected', ','],
  ['Mon,10:00', 'weekday-expected', '10'],
  ['*/15:00', 'star-repeat', '*/15'],
  ['*:*/15', 'star-repeat', '*/15'],
  ['*-*-*/2', 'star-repeat', '*/2'],
  ['24:00', 'out-of-range', '24'],
  ['23:60', 'out-of-range', '60'],
  ['*:*:60', 'out-of-range', '60'],
  ['2026-13-01', 'out-of-range', '13'],
  ['2026-12-32', 'out-of-range', '32'],
  ['1969-01-01', 'out-of-range', '1969'],
  ['2200-01-01', 'out-of-range', '2200'],
  ['2026-01', 'out-of-range', '2026'],
  ['12..0:00', 'range-reversed', '12..0'],
  ['*:0/0', 'repeat-zero', '0', 'ERANGE'],
  ['*:50/15', 'repeat-too-large', '50/15'],
  ['20/4:00', 'repeat-too-large', '20/4'],
  ['10::00', 'expected-number', ':'],
  ['10:00,', 'missing-number', ''],
  ['10', 'time-incomplete', '10'],
  ['2026-12-24 10', 'time-incomplete', '10'],
  ['10 00', 'neither-date-nor-time', '10'],
  ['10:00:00:00', 'unexpected-character', ':'],
  ['2026-12-24T10:00', 'did-you-mean', '2026-12-24T10:00'],
  ['01:02:03.', 'fraction-digits', '03.'],
  ['1.5:00', 'fraction-outside-seconds', '1.5'],
  ['2147483648:00', 'number-too-large', '2147483648', 'ERANGE'],
  ['00:00:2148', 'number-too-large', '2148', 'ERANGE'],
  ['00:00:00.0..00.9', 'subsecond-range', '00.0..00.9'],
  ['2016~11-22', 'tilde-position', '~'],
  ['*-*~29', 'end-of-month-too-far', '29'],
  // systemd lowers the `~` limit by 3 for each further value, so 28 is refused after 9.
  ['*-*~9,28', 'end-of-month-too-far', '28'],
  ['*-*~5/5', 'end-of-month-repeat', '5/5'],
  ['12:00 12:30', 'trailing-text', '12:30'],
  ['10:00 Foo/Bar', 'unknown-time-zone', 'Foo/Bar'],
  ['10:00 Europe/berlin', 'unknown-time-zone', 'Europe/berlin'],
  ['10:00 CEST', 'unknown-time-zone', 'CEST'],
  ['daily 10:00', 'shorthand-with-fields', '10:00'],
  ['weekly Mon', 'shorthand-with-fields', 'Mon'],
  ['0 0 * * *', 'cron-syntax', '0 0 * * *'],
  ['0 0 1 * 1', 'cron-syntax-two-lines', '0 0 1 * 1'],
  ['now', 'timestamp-word', 'now'],
  ['@abc', 'timestamp-invalid', '@abc'],
  ['@99999999999', 'out-of-range', '@99999999999'],
  ['@88588582097858858', 'timestamp-too-large', '@88588582097858858', 'ERANGE'],
  [`${Array.from({ length: 242 }, () => '1').join(',')}:00`, 'too-many-components', '1:00', 'ENOBUFS'],
];

test('calendar errors name the wrong part: message id, offsets and errno', () => {
  for (const [text, id, part, errno] of invalid) {
    const error = parseError(text);
    assert.equal(error.id, `systemd-calendar.${id}` as CalendarMessageId, `${JSON.stringify(text)}: ${describeCalendarError(error)}`);
    assert.equal(text.slice(error.start, error.end), part, `${JSON.stringify(text)} points at ${JSON.stringify(part)}`);
    assert.equal(error.errno, errno ?? 'EINVAL', JSON.stringify(text));
    const message = describeCalendarError(error);
    assert.ok(!/\{\w+\}/.test(message), `${JSON.stringify(text)}: every parameter filled in: ${message}`);
  }
});

test('calendar error messages say what is wrong in words', () => {
  assert.equal(describeCalendarError(parseError('*:*/15')), '`*/15` is cron syntax; systemd rejects it. Write `0/15` to repeat from the first minute.');
  assert.equal(describeCalendarError(parseError('24:00')), '24 is outside the hour range 0–23: systemd rejects the expression.');
  assert.equal(describeCalendarError(parseError('Fri..Mon')), 'The weekday range `Fri..Mon` runs backwards and systemd does not wrap round the week: write `Fri..Sun,Mon..Mon`.');
  assert.match(describeCalendarError(parseError('Mon\t10:00')), /^`\\t` cannot follow a weekday/);
});

test('rejected expressions name the likely intent, and every suggestion is an expression systemd accepts', () => {
  // [expression, message id, the suggestion in the message (checked to parse), when there is one]
  const cases: [string, string, string?][] = [
    ['*/2', 'cron-step', '*:0/2'],
    ['0 3 * * *', 'cron-syntax', '*-*-* 03:00:00'],
    ['*/15 9-17 * * mon-fri', 'cron-syntax', 'Mon..Fri *-*-* 09..17:00/15:00'],
    ['30 4 1 * 1', 'cron-syntax-two-lines'],
    ['@daily', 'cron-keyword', 'daily'],
    ['@reboot', 'cron-reboot'],
    ['noon', 'did-you-mean', '12:00'],
    ['Mon noon', 'did-you-mean', 'Mon 12:00'],
    ['Mo 10:00', 'did-you-mean', 'Mon 10:00'],
    ['Mo-Fr 08:00', 'did-you-mean', 'Mon-Fri 08:00'],
    ['dayly', 'did-you-mean', 'daily'],
    ['10pm', 'did-you-mean', '22:00'],
    ['2026-12-24T10:00', 'did-you-mean', '2026-12-24 10:00'],
    ['fortnightly', 'fortnightly'],
    ['daily/2', 'shorthand-step-span'],
    ['hourly/2', 'shorthand-step', '0/2:00'],
    ['minutely/5', 'shorthand-step', '*:0/5'],
    ['hourly/0', 'shorthand-with-fields'],
    ['Feb 30', 'month-name-never', '*-02-30'],
    ['Dec 25 10:00', 'month-name', '*-12-25 10:00'],
    ['  ', 'empty'],
    [' daily', 'surrounding-space', 'daily'],
    ['5min', 'timespan-instead'],
    ['xyz 10:00', 'unknown-word'],
  ];
  for (const [text, id, suggestion] of cases) {
    const error = parseError(text);
    const en = calendarErrorMessage('en', error);
    assert.equal(error.id, `systemd-calendar.${id}`, `${JSON.stringify(text)}: ${en}`);
    if (suggestion !== undefined) {
      assert.ok(en.includes(`\`${suggestion}\``), `${JSON.stringify(text)}: ${en}`);
      assert.ok(parseCalendar(suggestion, UTC).ok, `the suggestion ${suggestion} parses`);
    }
    const ja = calendarErrorMessage('ja', error);
    assert.ok(/[\u3040-\u30ff]/.test(ja) && !/\{\w+\}/.test(ja), `${JSON.stringify(text)} in Japanese: ${ja}`);
  }
});

test('normalized forms as systemd prints them', () => {
  const cases: [string, string][] = [
    ['daily', '*-*-* 00:00:00'],
    ['Weekly', 'Mon *-*-* 00:00:00'],
    ['semi-annually', '*-01,07-01 00:00:00'],
    ['Sat,Thu,Mon-Wed,Sat-Sun', 'Mon..Thu,Sat,Sun *-*-* 00:00:00'],
    ['Mon..Sun 10:00', '*-*-* 10:00:00'],
    ['*:0/15', '*-*-* *:00/15:00'],
    ['*:05..10/6', '*-*-* *:05:00'],
    ['93..00-*-*', '1993..2000-*-* 00:00:00'],
    ['*-*~05,3 ', '*-*~03,05 00:00:00'],
    ['*-*~*', '*-*-* 00:00:00'],
    ['*:4,30:0/1,3,5', '*-*-* *:04,30:*'],
    ['2016-03-27 03:17:00.4200005', '2016-03-27 03:17:00.420001'],
    ['@1493187147', '2017-04-26 06:12:27 UTC'],
    ['10:00 utc', '*-*-* 10:00:00 UTC'],
  ];
  for (const [text, normalized] of cases) {
    const result = parseCalendar(text, UTC);
    assert.ok(result.ok, text);
    assert.equal(result.normalized, normalized, text);
  }
});

test('a trailing zone: UTC, an IANA name (case-sensitive), or the local zone\'s own abbreviation', () => {
  const berlin = { zone: 'Europe/Berlin', zones: intlZoneSource };
  const own = parseCalendar('daily Asia/Tokyo', berlin);
  assert.ok(own.ok && own.spec.timezone === 'Asia/Tokyo');
  const local = parseCalendar('daily cet', berlin);
  assert.ok(local.ok && local.spec.dst === 0 && local.normalized === '*-*-* 00:00:00 CET');
  assert.ok(!parseCalendar('daily CET', { zone: 'UTC', zones: { load: (name) => (name === 'UTC' ? utcRules : undefined) } }).ok);
});

test('nextElapse: milliseconds strictly after the base, in the spec\'s zone or the local one', () => {
  const after = Date.parse('2026-11-25T10:17:00Z');
  const parsed = parseCalendar('Mon..Fri *-*-* 10:00', { zone: 'Europe/Berlin' });
  assert.ok(parsed.ok);
  assert.deepEqual(
    nextElapse(parsed.spec, after, 3, { zone: 'Europe/Berlin' }).map((ms) => new Date(ms).toISOString()),
    ['2026-11-26T09:00:00.000Z', '2026-11-27T09:00:00.000Z', '2026-11-30T09:00:00.000Z'],
  );
  // Strictly after: a base on an elapse skips it.
  const hourly = parseCalendar('hourly', UTC);
  assert.ok(hourly.ok);
  assert.equal(new Date(nextElapse(hourly.spec, Date.parse('2026-11-25T11:00:00Z'), 1, UTC)[0]).toISOString(), '2026-11-25T12:00:00.000Z');
  // Sub-millisecond steps come back as fractional milliseconds.
  const fine = parseCalendar('*:*:0/0.0005', UTC);
  assert.ok(fine.ok);
  assert.deepEqual(nextElapse(fine.spec, after, 2, UTC).map((ms) => ms - after), [0.5, 1]);
  // The spec's own zone wins over the local one.
  const tokyo = parseCalendar('10:00 Asia/Tokyo', { zone: 'Europe/Berlin' });
  assert.ok(tokyo.ok);
  assert.equal(new Date(nextElapse(tokyo.spec, after, 1, { zone: 'Europe/Berlin' })[0]).toISOString(), '2026-11-26T01:00:00.000Z');
});

test('systemd behaviours worth knowing: end of month, never, DST gap, the repeated hour, the infinite loop', () => {
  const elapses = (text: string, zone: string, base: string, count: number) => {
    const parsed = parseCalendar(text, { zone });
    assert.ok(parsed.ok, text);
    return searchElapses(parsed.spec, Date.parse(base) * 1000, count, { zone });
  };
  const iso = (usec: number) => new Date(usec / 1000).toISOString();
  // `~1`: the last day of the month, leap years included.
  assert.deepEqual(elapses('*-02~1', 'UTC', '2026-11-25T10:17:00Z', 2).elapses.map(iso), ['2027-02-28T00:00:00.000Z', '2028-02-29T00:00:00.000Z']);
  // A date that never comes.
  assert.deepEqual(elapses('*-02-30', 'UTC', '2026-11-25T10:17:00Z', 2), { elapses: [], stop: 'never' });
  // 02:30 does not exist in Berlin on 2027-03-28: systemd skips that day (cron would run it at 03:00).
  assert.deepEqual(elapses('*-*-* 02:30', 'Europe/Berlin', '2027-03-28T00:17:00Z', 2).elapses.map(iso), ['2027-03-29T00:30:00.000Z', '2027-03-30T00:30:00.000Z']);
  // 02:30 happens twice on 2026-10-25: systemd fires once, in the first pass.
  assert.deepEqual(elapses('*-*-* 02:30', 'Europe/Berlin', '2026-10-25T00:17:00Z', 2).elapses.map(iso), ['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
  // systemd 252 gives up ("Infinite loop in calendar calculation") on this one at the spring change.
  const stuck = elapses('*-*-* 0/7:00', 'Europe/Berlin', '2027-03-27T12:00:00Z', 5);
  assert.equal(stuck.stop, 'infinite-loop');
  assert.equal(stuck.elapses.length, 2);
});

test('formatCalendarReport lays out systemd-analyze calendar output', () => {
  const report = formatCalendarReport('Mon..Fri 10:00', { zone: 'Europe/Berlin', baseTime: Date.parse('2026-11-25T10:17:00Z'), iterations: 2 });
  assert.equal(
    report.stdout,
    [
      '  Original form: Mon..Fri 10:00',
      'Normalized form: Mon..Fri *-*-* 10:00:00',
      '    Next elapse: Thu 2026-11-26 10:00:00 CET',
      '       (in UTC): Thu 2026-11-26 09:00:00 UTC',
      '       Iter. #2: Fri 2026-11-27 10:00:00 CET',
      '       (in UTC): Fri 2026-11-27 09:00:00 UTC',
      '',
    ].join('\n'),
  );
  assert.deepEqual(formatCalendarReport('5min', UTC), {
    stdout: '',
    stderr: "Failed to parse calendar specification '5min': Invalid argument\nHint: this expression is a valid timespan. Use 'systemd-analyze timespan \"5min\"' instead?\n",
    ok: false,
  });
});

test('POSIX TZ rules as glibc computes them', () => {
  const rules = PosixZoneRules.parse('CET-1CEST,M3.5.0,M10.5.0/3');
  assert.ok(rules);
  assert.deepEqual(rules.tzname, ['CET', 'CEST']);
  // 2040: last Sunday of March is the 25th (01:00 UTC), of October the 28th (01:00 UTC).
  assert.equal(rules.typeAt(Date.parse('2040-03-25T00:59:59Z') / 1000).abbreviation, 'CET');
  assert.equal(rules.typeAt(Date.parse('2040-03-25T01:00:00Z') / 1000).abbreviation, 'CEST');
  assert.equal(rules.typeAt(Date.parse('2040-10-28T00:59:59Z') / 1000).offset, 7200);
  assert.equal(rules.typeAt(Date.parse('2040-10-28T01:00:00Z') / 1000).offset, 3600);
  const tokyo = PosixZoneRules.parse('JST-9');
  assert.ok(tokyo);
  assert.deepEqual([tokyo.tzname, tokyo.typeAt(0)], [['JST', 'JST'], { offset: 32400, isdst: false, abbreviation: 'JST' }]);
});

// [text, message id (without the systemd-timespan. prefix), the part it points at, errno]
const invalidSpans: [string, string, string, string?][] = [
  ['', 'empty', ''],
  ['   ', 'empty', '   '],
  ['1H', 'unknown-unit-suggestion', 'H'],
  ['1Y', 'unknown-unit-suggestion', 'Y'],
  ['1mo', 'unknown-unit-suggestion', 'mo'],
  ['1ns', 'unknown-unit-suggestion', 'ns'],
  ['5 hrs', 'unknown-unit-suggestion', 'hrs'],
  ['5mins', 'unknown-unit-suggestion', 'mins'],
  ['1h 5x', 'unknown-unit', 'x'],
  ['-5s', 'negative', '-5s', 'ERANGE'],
  ['5.', 'fraction-without-digits', '5.'],
  ['1.5.5', 'expected-number', '.5'],
  ['1e3', 'unknown-unit', 'e'],
  ['infinityx', 'after-infinity', 'infinityx'],
  ['18446744073709551615us', 'too-large', '18446744073709551615', 'ERANGE'],
  ['584543y', 'too-large', '584543y', 'ERANGE'],
];

test('time span errors name the wrong part', () => {
  for (const [text, id, part, errno] of invalidSpans) {
    const result = parseTimespan(text);
    assert.ok(!result.ok, `${JSON.stringify(text)} is refused`);
    assert.equal(result.error.id, `systemd-timespan.${id}` as TimespanMessageId, `${JSON.stringify(text)}: ${describeTimespanError(result.error)}`);
    assert.equal(text.slice(result.error.start, result.error.end), part, `${JSON.stringify(text)} points at ${JSON.stringify(part)}`);
    assert.equal(result.error.errno, errno ?? 'EINVAL', JSON.stringify(text));
  }
  const hour = parseTimespan('1H');
  assert.ok(!hour.ok);
  assert.equal(describeTimespanError(hour.error), '`H` is not a unit systemd knows (units are case-sensitive); write `h`.');
});

test('time spans: units, fractions, infinity, and how systemd prints them', () => {
  const value = (text: string): bigint => {
    const result = parseTimespan(text);
    assert.ok(result.ok, text);
    return result.microseconds;
  };
  assert.equal(value('1h 30min'), 5_400_000_000n);
  assert.equal(value('1h30min'), 5_400_000_000n);
  assert.equal(value('1.5h'), 5_400_000_000n);
  assert.equal(value('90'), 90_000_000n);
  assert.equal(value('1M'), 2_629_800_000_000n);
  assert.equal(value('1m'), 60_000_000n);
  assert.equal(value(' 5 s '), 5_000_000n);
  assert.equal(value('.5s'), 500_000n);
  assert.equal(value('infinity'), USEC_INFINITY);
  assert.equal(formatTimespan(5_400_000_000n), '1h 30min');
  assert.equal(formatTimespan(1_500_000), '1.500000s');
  assert.equal(formatTimespan(61_500_000), '1min 1.500000s');
  assert.equal(formatTimespan(2_629_800_000_000n), '1month');
  assert.equal(formatTimespan(0), '0');
  assert.equal(formatTimespan(USEC_INFINITY), 'infinity');
  assert.equal(formatTimespan(90_061_001_001n), '1d 1h 1min 1.001001s');
});
