// English messages of crontab/unicode-space (a Unicode space where cron needs a space or a tab); spread into
// en.ts. Every key is also in unicode-space.ja.ts.
export const unicodeSpaceEn = {
  'rule.crontab/unicode-space.title': 'Unicode space where cron needs a space or a tab',

  'crontab/unicode-space.rejected':
    '`{code}` ({name}) is not a blank to cron, which splits a line at spaces and tabs only: it reads `{word}` as one word and rejects the line. {consequence} Replace it with an ASCII space.',
  'crontab/unicode-space.misread':
    '`{code}` ({name}) is not a blank to cron, which splits a line at spaces and tabs only: it reads `{word}` as one word, so the job does not run what the line says. Replace it with an ASCII space.',
  'crontab/unicode-space.skipped':
    "`{code}` ({name}) is not a blank to cron: Debian's cron skips it with the end of the {field} field, but cronie rejects the line. Replace it with an ASCII space.",
  'crontab/unicode-space.fix': 'Replace {code} with an ASCII space',
  'crontab/unicode-space.fix-many': 'Replace the {count} Unicode spaces with ASCII spaces',
  'crontab/unicode-space.ideographic-space': 'IDEOGRAPHIC SPACE, the full-width space',
  'crontab/unicode-space.no-break-space': 'NO-BREAK SPACE',
} as const;
