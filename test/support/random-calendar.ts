// Random OnCalendar= expressions for the calendar's property tests: weekdays, dates with ranges, repetitions
// and `~`, times whose repetitions overflow their field (`0/7` hours), fractional seconds, zones of their own
// and standard/daylight suffixes, shorthands. Many are valid, some are not (the tests skip those).
import type { Random } from './random';

/** One expression drawn from `random`. */
export function randomCalendarExpression(random: Random): string {
  const weekday = random.pick(['', '', '', 'Mon ', 'Sat,Sun ', 'Mon..Fri ', 'Tue,Thu ', 'Fri ']);
  const date = random.pick(['', '', '*-*-* ', '*-*-1..7 ', '*-02-29 ', '*-*-31 ', '*-*-01,15 ', '2027-*-* ', '*-*-20/5 ', '*-1/3-01 ', '*-*~01 ', '*-12-25 ', '2026..2030-*-1/10 ', '*-03,10-* ', '*-*-28..31 ', '2150/7-*-* ']);
  const hour = random.pick(['*', '*', '0/7', '6,18', '7..23', '0/20', '03', '02', '00', '1/5', '2..3', '22/3']);
  const minute = random.pick(['00', '00', '0/15', '*', '09,39', '30', '0/25', '5/20', '00/10', '59']);
  const second = random.pick(['', '', ':00', ':0/30', ':*', ':15', ':0/40', ':10.5', ':05/7', ':*/0.25']);
  const zone = random.pick(['', '', '', '', ' UTC', ' Europe/Berlin', ' America/New_York', ' Australia/Lord_Howe', ' CET', ' CEST', ' EST', ' EDT']);
  if (random.chance(0.1)) return random.pick(['daily', 'hourly', 'weekly', 'monthly', 'quarterly', 'minutely', 'yearly']) + zone;
  return `${weekday}${date}${hour}:${minute}${second}${zone}`;
}
