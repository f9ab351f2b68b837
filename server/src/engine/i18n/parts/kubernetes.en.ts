// English messages (kubernetes: CronJob manifests); spread into en.ts. Every key also in kubernetes.ja.ts with
// the same parameters. `{error}` is the API server's own answer (what `kubectl apply` prints), kept in English.
export const kubernetesEn = {
  'format.kubernetes-cronjob': 'Kubernetes CronJob manifest',

  'rule.kubernetes/invalid-schedule.title': 'CronJob schedule the API server rejects',
  'kubernetes/invalid-schedule.required': '`spec.schedule` is missing or empty: the API server rejects the CronJob ("Required value"). Give it a five-field schedule such as `0 3 * * *`.',
  'kubernetes/invalid-schedule.not-string': '`spec.schedule` must be a string: the API server cannot read this value and rejects the manifest. Quote the schedule, e.g. `"0 3 * * *"`.',
  'kubernetes/invalid-schedule.time-zone-in-schedule': 'The API server rejects `TZ=`/`CRON_TZ=` in a CronJob schedule ("{error}"). Remove it and set `spec.timeZone` instead (e.g. `timeZone: Asia/Tokyo`).',
  'kubernetes/invalid-schedule.field-count': 'A CronJob schedule has exactly five fields (minute, hour, day-of-month, month, day-of-week), not {count}; there is no seconds or year field. The API server rejects it: "{error}".',
  'kubernetes/invalid-schedule.descriptor': '`{value}` is not a schedule the API server knows ("{error}"): use `@yearly`, `@annually`, `@monthly`, `@weekly`, `@daily`, `@midnight`, `@hourly` or `@every <duration>`, in lower case.',
  'kubernetes/invalid-schedule.every': '`{value}` is not a Go duration, so the API server rejects `@every` ("{error}"). Write it like `30m`, `1h30m` or `90s`.',
  'kubernetes/invalid-schedule.number': '`{value}` in the {field} field is not a number or a name the API server reads ("{error}"). Names are the three-letter English ones (`mon`, `jan`); `L`, `W` and `#` are not supported.',
  'kubernetes/invalid-schedule.negative': '`{value}`: negative numbers are rejected by the API server ("{error}").',
  'kubernetes/invalid-schedule.hyphens': '`{value}` has more than one `-`: a range is `low-high`. The API server rejects it ("{error}").',
  'kubernetes/invalid-schedule.slashes': '`{value}` has more than one `/`: a step is `range/step`. The API server rejects it ("{error}").',
  'kubernetes/invalid-schedule.below-minimum': '`{value}` goes below the {field} range {low}–{high}. The API server rejects it ("{error}").',
  'kubernetes/invalid-schedule.above-maximum': '`{value}` goes past the {field} range {low}–{high}. The API server rejects it ("{error}").',
  'kubernetes/invalid-schedule.sunday-seven': '`{value}`: day-of-week runs 0–6 in a CronJob, and 7 is not Sunday as it is in cron. The API server rejects it ("{error}"); write `0` or `sun`.',
  'kubernetes/invalid-schedule.reversed': '`{value}` is a range that ends before it begins. The API server rejects it ("{error}"); write the smaller number first.',
  'kubernetes/invalid-schedule.zero-step': '`{value}`: a step of 0 is rejected by the API server ("{error}"). Use a step of 1 or more.',

  'rule.kubernetes/unknown-time-zone.title': 'CronJob time zone the API server rejects',
  'kubernetes/unknown-time-zone.empty': '`spec.timeZone` is an empty string: the API server rejects it ("timeZone must be nil or non-empty string"). Remove the line to use the controller\'s zone, or name a zone such as `Asia/Tokyo`.',
  'kubernetes/unknown-time-zone.local': '`{zone}` is not accepted: the API server wants an explicit IANA zone name ("timeZone must be an explicit time zone"). Name the zone, e.g. `Asia/Tokyo`, or remove the line.',
  'kubernetes/unknown-time-zone.unknown': '`{zone}` is not a zone of the tz database, so the API server rejects the CronJob ("unknown time zone {zone}"). Use an IANA name such as `Asia/Tokyo` or `UTC`; names are case-sensitive.',
  'kubernetes/unknown-time-zone.did-you-mean': '`{zone}` is not a zone of the tz database, so the API server rejects the CronJob ("unknown time zone {zone}"). Did you mean `{suggestion}`?',
  'kubernetes/unknown-time-zone.fix': 'Use {suggestion}',

  'rule.kubernetes/wildcard-minute.title': 'Every minute of the selected hours',
  'kubernetes/wildcard-minute.message': 'Minute `*` starts a Job every minute of hours `{hours}` ({count, plural, one {# Job} other {# Jobs}} a day), not once an hour. Use `0` to run at the top of the hour.',
  'kubernetes/wildcard-minute.span': 'Minute `*` starts a Job every minute from hour to hour of `{hours}` ({count, plural, one {# Job} other {# Jobs}} a day). If once an hour is meant, use `0`.',
  'kubernetes/wildcard-minute.fix': 'Run at minute 0',

  'rule.kubernetes/day-of-month-or-day-of-week.title': 'Day-of-month and day-of-week both restricted (OR)',
  'kubernetes/day-of-month-or-day-of-week.first-weekday': 'Day-of-month `{dayOfMonth}` and day-of-week `{dayOfWeek}` are both set, so the CronJob runs on every day {dayOfMonth} *and* on every {weekday}, not only on the {weekday} within days {dayOfMonth}. Keep `*` in day-of-month and check the date in the Job instead.',
  'kubernetes/day-of-month-or-day-of-week.star-step': 'Day-of-month `{dayOfMonth}` and day-of-week `{dayOfWeek}` are both restrictions to Kubernetes (a step on `*` counts as one, unlike in cron), so the CronJob runs when either matches, not only when both do.',
  'kubernetes/day-of-month-or-day-of-week.message': 'Day-of-month `{dayOfMonth}` and day-of-week `{dayOfWeek}` are both set, so the CronJob runs when either matches, not only when both do.',

  'rule.kubernetes/short-starting-deadline.title': 'startingDeadlineSeconds under 10 seconds',
  'kubernetes/short-starting-deadline.message': '`startingDeadlineSeconds: {seconds}` is under 10 seconds: the CronJob controller checks every 10 seconds, so runs may be missed and the Job never started. Use 10 or more (or leave it out).',
  'kubernetes/short-starting-deadline.negative': '`startingDeadlineSeconds: {seconds}` is negative: the API server rejects the CronJob ("must be greater than or equal to 0").',

  'kubernetes-format.hover.zone': 'In `{zone}` (`spec.timeZone`).',
  'kubernetes-format.hover.controller-zone': 'In the time zone of kube-controller-manager: there is no `spec.timeZone`.',
  'kubernetes-format.hover.every': 'Every {duration}, counted from the CronJob\'s creation or its last scheduled run, not on the clock',

  'rule.kubernetes/never-runs.title': 'CronJob schedule that never fires',
  'kubernetes/never-runs.message': 'No date has day-of-month `{days}` in month `{months}`: the API server accepts the schedule, but the CronJob never creates a Job (the controller fails with "time difference between two schedules is less than 1 second"). Pick days every chosen month has.',
};
