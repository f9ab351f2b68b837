#!/usr/bin/python3
"""Regenerates test/oracles/croniter-next-runs.json: the next runs of ~150 cron expressions by croniter.

Run with Debian's Python and its package (`apt-get install python3-croniter`; /usr/bin/python3, not a
pyenv one):   /usr/bin/python3 scripts/oracles/croniter-next-runs.py

croniter is not cron, so beside croniter's answer each case carries what cron itself does, worked out
mechanically from Debian cron 3.0pl1's source rather than from memory:
  * bitsets as entry.c get_list() builds them, and the day rule of cron.c find_jobs(): day of month and
    day of week are ORed only when neither field starts with `*` (DOM_STAR/DOW_STAR);
  * around a DST change, a minute-by-minute replay of cron.c main()'s loop: clockTime is the local wall
    clock in minutes; a jump forward of 6..180 minutes runs "wildcard" jobs (minute or hour field starting
    with `*`: MIN_STAR|HR_STAR) for the new minute only and every other job once for each skipped minute; a
    jump back of under 3 h runs only wildcard jobs until the clock has caught up.
Each case says whether croniter agrees with that (`croniterAgrees`) and, when not, why (`difference`).
"""
import datetime as dt
import json
import os
import platform
import sys
from zoneinfo import ZoneInfo

import pytz
from croniter import CroniterBadDateError, croniter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', '..', 'test', 'oracles', 'croniter-next-runs.json')
COUNT = 5
ZONES = ['UTC', 'Asia/Tokyo', 'Europe/Berlin']
BASE_WALL = dt.datetime(2026, 11, 25, 10, 17)
# Europe/Berlin 2026: 2026-03-29 02:00 CET -> 03:00 CEST, 2026-10-25 03:00 CEST -> 02:00 CET.
DST_BASES = [
    (dt.datetime(2026, 3, 28, 23, 30), 0),
    (dt.datetime(2026, 3, 29, 1, 45), 0),
    (dt.datetime(2026, 10, 25, 1, 45), 0),
    (dt.datetime(2026, 10, 25, 2, 17), 0),  # first pass (CEST)
    (dt.datetime(2026, 10, 25, 2, 17), 1),  # second pass (CET)
]

COMMON = [
    '* * * * *', '*/5 * * * *', '*/10 * * * *', '*/15 * * * *', '*/30 * * * *', '0 * * * *', '17 * * * *',
    '0 */2 * * *', '0 */6 * * *', '0 0 * * *', '30 2 * * *', '15 14 1 * *', '0 22 * * 1-5', '23 0-20/2 * * *',
    '5 4 * * sun', '0 0,12 1 */2 *', '0 4 8-14 * *', '5 0 * 8 *', '0 9 * * 1', '0 9-17 * * 1-5',
    '*/20 9-17 * * mon-fri', '0 8,12,18 * * *', '45 23 * * 6', '0 0 1 * *', '0 0 1 1 *', '0 0 * * 0',
    '0 3 * * 0', '25 6 * * *', '47 6 * * 7', '52 6 1 * *', '1 0 * * *', '59 23 31 12 *', '0 12 15 * *',
    '30 4 1,15 * *', '0 6 * * 1,3,5', '0 */4 * * 6,0', '7 7 7 7 *', '11 11 11 11 *', '0 5 * * 2-4',
    '0 0 28-31 * *',
]
STEPS = [
    '*/7 * * * *', '*/13 * * * *', '*/45 * * * *', '*/59 * * * *', '5-59/20 * * * *', '10-50/10 * * * *',
    '0-30/15 * * * *', '0 */3 * * *', '0 */5 * * *', '0 */7 * * *', '0 1-23/4 * * *', '0 9-21/3 * * *',
    '30 */12 * * *', '0 0 */5 * *', '0 0 */10 * *', '0 0 2-30/7 * *', '0 0 1 */3 *', '0 0 1 2-12/2 *',
    '0 0 * * */2', '0 12 * * 1-5/2', '0 0 * * 0-6/3', '*/30 */2 * * *', '0 0 */100 * *', '*/100 * * * *',
    '0 */24 * * *',
]
NAMES = [
    '0 0 * jan-mar *', '0 0 1 JAN,JUL *', '0 0 1 jan-dec/3 *', '0 12 * * MON,WED,FRI', '0 12 * * mon-fri',
    '0 12 * * Sat,Sun', '0 0 * * 7', '0 0 * * 0,7', '0 0 * * 5-7', '0 0 * * 6-7', '0 12 * * sun-tue',
    '0 0 15 Feb *', '0 0 1 feb-apr,oct *', '0 8-10,16-18 * * *', '0 8-10,16-18 * * 1-5', '15,45 * * * *',
    '0,15,30,45 8-17 * * *', '1-5 0 * * *', '58-59 23 * * *', '0 0 1-7 * *', '0 0 8-14 * *', '0 0 * 2 *',
    '0 0 29 2 *', '0 0 31 * *', '0 0 30 * *', '0 0 30 2 *', '0 0 * 12 5', '0 0 25 12 *', '30 1 1,15,28 * *',
    '0 0 * DEC SAT',
]
KEYWORDS = {
    '@yearly': '0 0 1 1 *', '@annually': '0 0 1 1 *', '@monthly': '0 0 1 * *', '@weekly': '0 0 * * 0',
    '@daily': '0 0 * * *', '@midnight': '0 0 * * *', '@hourly': '0 * * * *',
}
DAY_RULE = [
    '0 0 1 * 1', '0 0 13 * 5', '0 0 1,15 * 3', '0 0 1-7 * 1', '0 0 */2 * 1', '0 0 */1 * 1', '0 0 * * 1',
    '0 0 1-31 * 1', '0 0 15 * 0-6', '0 0 15 * 0-7', '0 0 15 * */2', '0 0 */3 * */2', '0 0 2-30/2 * 1',
    '0 0 *,15 * 1', '0 0 1 * MON-FRI', '0 0 1,15 * sat,sun', '0 0 10-20 * 5', '0 0 31 * 0', '0 0 * * 1,5',
    '0 0 */7 * 0', '0 0 1 */2 1', '0 0 1 * */1', '0 0 28 2 1', '30 12 1-3 * 5-6', '0 0 */15 * 1-5',
    '0 0 1 * 7', '0 0 29 2 1', '0 0 1-5 * *', '0 0 1 * 1-5/2', '0 0 1-31 * *',
]
# Field syntax croniter reads differently from Debian's cron (a reversed range wraps in croniter).
SYNTAX = ['0 0 * * SAT-SUN', '0 12 * * 5-0']
DST = [
    '30 2 * * *', '0 2 * * *', '59 2 * * *', '0,30 2 * * *', '30 * * * *', '*/15 * * * *', '0 */1 * * *',
    '* 2 * * *', '0 0-23 * * *', '15 1-3 * * *', '0 3 * * *', '0 1 * * *', '45 1 * * *', '0 2 * * 0',
    '0 2 29 3 *', '30 2 25 10 *', '0 12 * * *', '*/30 1-3 * * *',
]

# --- cron's side: entry.c bitsets and cron.c's loop ----------------------------------------------------

MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']
SPECS = [(0, 59, None), (0, 23, None), (1, 31, None), (1, 12, MONTHS), (0, 7, DAYS)]


def cron_field(text, low, high, names):
    """entry.c get_list() for the well-formed fields used here: a set of values (a reversed range sets none)."""
    def number(token):
        if names and token.lower() in names:
            return names.index(token.lower()) + low
        return int(token)
    values = set()
    for element in text.split(','):
        part, _, step = element.partition('/')
        if part == '*':
            first, last = low, high
        elif '-' in part:
            first, last = (number(token) for token in part.split('-'))
        else:
            first = last = number(part)
        for value in range(first, last + 1, int(step or 1)):
            values.add(value)
    return values


class CronEntry:
    def __init__(self, expression):
        fields = expression.split()
        sets = [cron_field(text, *spec) for text, spec in zip(fields, SPECS)]
        self.minutes, self.hours, self.doms, self.months = sets[:4]
        self.dows = {day % 7 for day in sets[4]}
        self.dom_star = fields[2].startswith('*')
        self.dow_star = fields[4].startswith('*')
        # MIN_STAR | HR_STAR: a "wildcard" job in cron.c's DST handling.
        self.wild = fields[0].startswith('*') or fields[1].startswith('*')

    def day_matches(self, day):
        dom = day.day in self.doms
        dow = (day.isoweekday() % 7) in self.dows
        if day.month not in self.months:
            return False
        return (dom and dow) if (self.dom_star or self.dow_star) else (dom or dow)


def epoch_minutes(instant):
    return int(instant.timestamp()) // 60


def wall_minutes(minute, zone):
    """cron.c set_time(): clockTime = (time + GMToff) / 60, the local wall clock in minutes."""
    instant = dt.datetime.fromtimestamp(minute * 60, dt.timezone.utc)
    return minute + int(instant.astimezone(zone).utcoffset().total_seconds()) // 60


def is_transition_day(day, zone):
    start = dt.datetime(day.year, day.month, day.day, tzinfo=zone)
    end = start + dt.timedelta(days=1)
    return start.utcoffset() != end.replace(tzinfo=zone).utcoffset()


def affected_wall_time(day, hour, minute, zone):
    """A local time that does not exist or exists twice (fold 0 and 1 disagree on the offset)."""
    wall = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
    return wall.utcoffset() != wall.replace(fold=1).utcoffset()


def replay_day(entry, day, zone):
    """cron.c main() loop over one local day, waking at the start of every real minute. Returns the real
    minutes (epoch) at which the job is started, a minute repeated when cron starts it more than once."""
    start = epoch_minutes(dt.datetime(day.year, day.month, day.day, tzinfo=zone))
    end = epoch_minutes(dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=zone))
    virtual_time = time_running = wall_minutes(start - 1, zone)
    runs = []

    def find_jobs(vtime, do_wild, do_non_wild, now):
        wall = dt.datetime.fromtimestamp(vtime * 60, dt.timezone.utc)
        if (wall.minute in entry.minutes and wall.hour in entry.hours and entry.day_matches(wall.date())
                and ((do_non_wild and not entry.wild) or (do_wild and entry.wild))):
            runs.append(now)

    for now in range(start, end):
        clock_time = wall_minutes(now, zone)
        if clock_time == time_running:
            continue
        time_running = clock_time
        time_diff = time_running - virtual_time
        if time_diff == 1:
            virtual_time = time_running
            find_jobs(virtual_time, True, True, now)
            continue
        kind = -1
        if time_diff > -(3 * 60):
            kind = 0
        if time_diff > 0:
            kind = 1
        if time_diff > 5:
            kind = 2
        if time_diff > 3 * 60:
            kind = 3
        if kind == 1:
            while True:
                virtual_time += 1
                find_jobs(virtual_time, True, True, now)
                if virtual_time >= time_running:
                    break
        elif kind == 2:
            find_jobs(time_running, True, False, now)
            while True:
                virtual_time += 1
                find_jobs(virtual_time, False, True, now)
                if virtual_time >= time_running:
                    break
        elif kind == 0:
            find_jobs(time_running, True, False, now)
        else:
            virtual_time = time_running
            find_jobs(time_running, True, True, now)
    return runs


def cron_runs(expression, base, zone, count=COUNT, years=30):
    """The next `count` distinct instants after `base` at which Debian's cron starts the job, whether it
    is started twice in one of them, and whether a run falls on a DST-affected local time."""
    entry = CronEntry(expression)
    after = epoch_minutes(base)
    day = base.astimezone(zone).date()
    runs, repeated, touches_dst = [], False, False
    for _ in range(366 * years):
        if entry.day_matches(day):
            if is_transition_day(day, zone):
                minutes = [minute for minute in replay_day(entry, day, zone) if minute > after]
                repeated = repeated or len(minutes) != len(set(minutes))
                touches_dst = touches_dst or any(
                    affected_wall_time(day, hour, minute, zone)
                    for hour in sorted(entry.hours) for minute in sorted(entry.minutes))
                minutes = sorted(set(minutes))
            else:
                minutes = [epoch_minutes(dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone))
                           for hour in sorted(entry.hours) for minute in sorted(entry.minutes)]
                minutes = [minute for minute in minutes if minute > after]
            for minute in minutes:
                if runs and minute <= runs[-1]:
                    continue
                runs.append(minute)
                if len(runs) == count:
                    return runs, repeated, touches_dst
        day += dt.timedelta(days=1)
    return runs, repeated, touches_dst


# --- croniter's side ----------------------------------------------------------------------------------

def croniter_runs(expression, base, day_or=True):
    # croniter 1.x is written for pytz (its documented usage is `tz.localize(datetime(...))`); with zoneinfo
    # 1.3.5 also gets runs wrong after a series crosses a DST change, so give it a pytz-localized base.
    zone = pytz.timezone(str(base.tzinfo))
    base = zone.localize(base.replace(tzinfo=None), is_dst=not base.fold)
    iterator = croniter(expression, base, ret_type=dt.datetime, day_or=day_or)
    runs = []
    try:
        for _ in range(COUNT):
            runs.append(epoch_minutes(iterator.get_next()))
    except CroniterBadDateError as error:
        return runs, str(error) or type(error).__name__
    return runs, None


def croniter_fields(expression):
    """croniter's own reading of the fields, as sets, for comparison with entry.c's."""
    expanded, _ = croniter.expand(expression)
    sets = []
    for index, values in enumerate(expanded):
        low, high, _ = SPECS[index]
        full = set(range(low, high + 1)) if index != 4 else set(range(0, 7))
        picked = set()
        for value in values:
            picked |= full if value == '*' else {int(value) % 7 if index == 4 else int(value)}
        sets.append(picked)
    return sets, expanded


def iso(minute, zone):
    return dt.datetime.fromtimestamp(minute * 60, dt.timezone.utc).astimezone(zone).isoformat()


def transitions_between(first, last, zone):
    days, day = [], first.date()
    while day <= last.date():
        if is_transition_day(day, zone):
            days.append(day.isoformat())
        day += dt.timedelta(days=1)
    return days


def make_case(number, expression, line, zone_name, base, group):
    zone = ZoneInfo(zone_name)
    entry = CronEntry(expression)
    fields = expression.split()
    cron, repeated, touches_dst = cron_runs(expression, base, zone)
    case = {
        'id': number,
        'group': group,
        'expression': expression,
        'line': line,
        'zone': zone_name,
        'base': base.isoformat(),
        'cron': [iso(minute, zone) for minute in cron],
    }
    if repeated:
        case['cronRepeats'] = True
    if touches_dst:
        case['dst'] = True

    croniter_sets, expanded = croniter_fields(expression)
    cron_sets = [entry.minutes, entry.hours, entry.doms, entry.months, entry.dows]
    cron_or = not entry.dom_star and not entry.dow_star
    croniter_or = expanded[2][0] != '*' and expanded[4][0] != '*'
    runs, error = croniter_runs(expression, base)
    case['croniter'] = [iso(minute, zone) for minute in runs]
    if error:
        case['croniterError'] = error
    compared = runs
    differences = []
    if croniter_sets != cron_sets:
        names = ['minute', 'hour', 'day of month', 'month', 'day of week']
        wrong = [f'{names[i]} {sorted(croniter_sets[i])} (cron: {sorted(cron_sets[i])})'
                 for i in range(5) if croniter_sets[i] != cron_sets[i]]
        differences.append('croniter reads the fields differently: ' + '; '.join(wrong))
    if cron_or != croniter_or:
        if not cron_or:
            # cron ANDs because a field starts with `*` (e.g. `*/2`); croniter ORs unless a field expands to
            # every value. croniter's day_or=False gives cron's AND: use it and say so.
            and_runs, and_error = croniter_runs(expression, base, day_or=False)
            case['croniterDayAnd'] = [iso(minute, zone) for minute in and_runs]
            if and_error:
                case['croniterDayAndError'] = and_error
            compared = and_runs
            case['note'] = ('day rule: cron ANDs day of month and day of week because one starts with `*`; croniter '
                            'ORs them, so croniterDayAnd (croniter with day_or=False) is the comparable answer')
        else:
            differences.append('day rule: cron ORs the day fields (neither starts with `*`), but croniter ANDs them '
                               'because one lists every value, which croniter treats as `*`')
    if compared != cron and not differences:
        moments = [dt.datetime.fromtimestamp(m * 60, dt.timezone.utc) for m in (compared + cron)]
        crossed = transitions_between(min(moments + [base]).astimezone(zone), max(moments).astimezone(zone), zone)
        first = next((i for i in range(max(len(compared), len(cron)))
                      if i >= len(compared) or i >= len(cron) or compared[i] != cron[i]), 0)
        at = lambda runs: iso(runs[first], zone) if first < len(runs) else 'nothing'  # noqa: E731
        detail = f'first difference: croniter {at(compared)}, cron {at(cron)}'
        if touches_dst:
            differences.append(f'DST: the schedule hits a local time that a DST change skips or repeats ({", ".join(crossed)}); '
                               'cron runs fixed-time jobs from a skipped hour once the clock has jumped and skips wildcard '
                               f'ones, and repeats only wildcard jobs in a repeated hour; {detail}')
        elif crossed:
            differences.append(f'DST: croniter 1.3.5 gets runs wrong on or after a DST change ({", ".join(crossed)}) '
                               f'although the schedule has no run at a skipped or repeated local time; {detail}')
        else:
            differences.append(f'unexplained: croniter and cron.c disagree; {detail}')
    case['croniterAgrees'] = compared == cron
    if differences:
        case['difference'] = ' | '.join(differences)
    return case


def main():
    cases = []

    def add(expression, line, zone_name, base, group):
        cases.append(make_case(len(cases) + 1, expression, line, zone_name, base, group))

    general = [(e, e, 'common') for e in COMMON] + [(e, e, 'steps') for e in STEPS] + \
        [(e, e, 'names') for e in NAMES] + [(e, k, 'keyword') for k, e in KEYWORDS.items()] + \
        [(e, e, 'day-rule') for e in DAY_RULE] + [(e, e, 'syntax') for e in SYNTAX]
    for expression, line, group in general:
        for zone_name in ZONES:
            add(expression, line, zone_name, BASE_WALL.replace(tzinfo=ZoneInfo(zone_name)), group)
    for expression in DST:
        for wall, fold in DST_BASES:
            add(expression, expression, 'Europe/Berlin', wall.replace(tzinfo=ZoneInfo('Europe/Berlin'), fold=fold), 'dst')

    expressions = {case['expression'] for case in cases}
    table = {
        'oracle': f'croniter {package_version()}'
                  f' (Debian python3-croniter), Python {platform.python_version()}, pytz {pytz.__version__}; cron side with zoneinfo, tzdata {tzdata_version()}',
        'croniterVersion': package_version(),
        'generatedBy': 'scripts/oracles/croniter-next-runs.py (run with /usr/bin/python3)',
        'count': COUNT,
        'cron': 'Debian cron 3.0pl1 worked out from its source: entry.c bitsets, the find_jobs() day rule, and a '
                'minute-by-minute replay of main()\'s loop on DST days (see the script). Distinct instants; '
                'cronRepeats marks a case where cron starts the job twice in one minute.',
        'fields': {
            'line': 'what schedlint parses (an @keyword where croniter is given its expansion)',
            'croniter': 'croniter(expression, base).get_next() five times (chained, as croniter is used); base localized with pytz',
            'croniterAgrees': 'croniter (or croniterDayAnd, when present) gives the same instants as cron',
            'dst': 'the schedule hits a local time that a DST change skips or repeats, within the runs',
            'difference': 'why croniter differs from cron, when it does',
        },
        'expressions': len(expressions),
        'cases': cases,
    }
    with open(OUT, 'w', encoding='utf-8') as out:
        out.write('{\n')
        items = [(key, value) for key, value in table.items() if key != 'cases']
        for key, value in items:
            out.write(f'  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},\n')
        out.write('  "cases": [\n')
        out.write(',\n'.join('    ' + json.dumps(case, ensure_ascii=False) for case in cases))
        out.write('\n  ]\n}\n')
    agree = sum(case['croniterAgrees'] for case in cases)
    print(f'wrote {os.path.relpath(OUT)}: {len(cases)} cases, {len(expressions)} expressions, croniter agrees with cron on {agree}')


def package_version():
    try:
        from importlib.metadata import version
        return version('croniter')
    except Exception:  # noqa: BLE001 - only for the label
        return 'unknown'


def tzdata_version():
    try:
        with open('/usr/share/zoneinfo/tzdata.zi', encoding='utf-8') as data:
            return data.readline().split()[-1]
    except OSError:
        return 'unknown'


if __name__ == '__main__':
    if sys.executable != '/usr/bin/python3':
        print(f'note: running {sys.executable}; Debian\'s python3-croniter lives under /usr/bin/python3', file=sys.stderr)
    main()
