// English messages of crontab/unicode-space on environment lines (a Unicode space next to `=`); spread into
// en.ts. Every key is also in unicode-space-variable.ja.ts.
export const unicodeSpaceVariableEn = {
  'crontab/unicode-space.variable-name':
    "`{code}` ({name}) is not a blank to cron: it is part of the variable's name, so cron sets `{word}`, not `{intended}`. Replace it with an ASCII space.",
  'crontab/unicode-space.variable-value':
    '`{code}` ({name}) is not a blank to cron: it stays at the start of the value, so `{variable}` is `{word}`, not `{intended}`. Replace it with an ASCII space.',
} as const;
