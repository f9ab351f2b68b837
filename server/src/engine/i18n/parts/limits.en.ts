// Messages for the limits that keep schedlint from hanging or running out of memory on huge files (issue #18).
export const limitsEn = {
  'certbot/invalid-syntax.interpolation-too-long': 'Reading `{key}` expands `%({name})s` to more than a million characters: certbot would run out of memory on this file. Remove the repeated references.',
} as const;
