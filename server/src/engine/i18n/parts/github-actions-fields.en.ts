// English messages for a GitHub Actions cron field that takes no names (minute, hour, day of month): a word there
// is not "a name from …" but no value at all (review 8, item 4). Spread into en.ts; the same keys and parameters
// are in github-actions-fields.ja.ts.
export const githubActionsFieldsEn = {
  'github-actions/invalid-schedule.not-a-number': '`{name}` is not a number: the {field} field takes only numbers {low}–{high} (GitHub knows no names there, nor cron extensions such as `L`, `W` or `H`). GitHub reports the whole workflow file as invalid and runs it for none of its events.',
} as const;
