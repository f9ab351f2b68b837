// Messages for the limits that keep schedlint from hanging or running out of memory on huge files (issue #18).
export const limitsEn = {
  'rule.file/too-large.title': 'File or folder too large to check',
  'file/too-large.file': '{path} is {size}, more than schedlint reads ({limit}): it was not checked. No crontab, unit or certbot file is near that size; look at what wrote it.',
  'file/too-large.folder': '{path} holds {count} files, more than schedlint reads from one folder ({limit}): the first {limit} by name were checked and {skipped} skipped. Remove the files that do not belong there.',
  'certbot/missing-file.too-large': '`{key}` points at {path}, which is {size}, more than schedlint reads ({limit}): the certificate was not checked. A certificate or key is a few KB; look at what wrote it.',
  'certbot/invalid-syntax.interpolation-too-long': 'Reading `{key}` expands `%({name})s` to more than a million characters: certbot would run out of memory on this file. Remove the repeated references.',
} as const;
