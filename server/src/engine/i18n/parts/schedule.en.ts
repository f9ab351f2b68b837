// English messages of the schedule family; spread into en.ts. Same rules as en.ts: every key also in schedule.ja.ts.
export const scheduleEn = {
  'rule.schedule/timer-overlaps-cron.title': 'Timer and cron job run the same program at the same time',
  'schedule/timer-overlaps-cron.timer-certbot':
    '{timer} may start certbot anywhere between {windowStart} and {windowEnd}; {owner} runs {chain} at {cronRun}. certbot renews with the options of the last renewal, so the timer can renew first and the job then finds nothing to do (its follow-up work never runs). Disable the timer (`sudo systemctl disable --now {timer}`), or drop the job and do its follow-up work in a deploy hook.{more}',
  'schedule/timer-overlaps-cron.cron-certbot':
    '{owner} runs {chain} at {cronRun}, while {timer} may start certbot anywhere between {windowStart} and {windowEnd}. Whichever renews first leaves the other nothing to do (and its follow-up work never runs). Disable the timer (`sudo systemctl disable --now {timer}`), or drop this job and do its follow-up work in a deploy hook.{more}',
  'schedule/timer-overlaps-cron.timer':
    '{timer} may start {program} anywhere between {windowStart} and {windowEnd}; {owner} runs {chain} at {cronRun}, so both can run at once. Keep one of them: disable the timer (`sudo systemctl disable --now {timer}`) or remove the cron job.{more}',
  'schedule/timer-overlaps-cron.cron':
    '{owner} runs {chain} at {cronRun}, while {timer} may start {program} anywhere between {windowStart} and {windowEnd}, so both can run at once. Keep one of them: remove this job, or disable the timer (`sudo systemctl disable --now {timer}`).{more}',
  'schedule/timer-overlaps-cron.related-timer': '{timer} may start {program} between {windowStart} and {windowEnd}',
  'schedule/timer-overlaps-cron.related-cron': '{owner} runs {chain} at {cronRun}',
  'schedule/timer-overlaps-cron.disable-timer': 'Disable {timer} (type `sudo systemctl disable --now {timer}` in a terminal)',
  'schedule/timer-overlaps-cron.comment-out': 'Comment out this cron job',
  'schedule/timer-overlaps-cron.more-cron': ' {count, plural, one {# more cron job runs} other {# more cron jobs run}} {program} inside such windows too (related locations).',
  'schedule/timer-overlaps-cron.more-timers': ' {count, plural, one {# more timer may start} other {# more timers may start}} {program} at such a run too (related locations).',
  'schedule.owner.user': "{user}'s crontab",
  'schedule.owner.run-parts': '{path} (through run-parts {folder})',
  'schedule.owner.anacron': 'anacron (through {path})',
  'schedule.chain.script': '{script}, which calls {program},',
} as const;
