// English messages about which files are linted and as what (files not linted and why, a --root that does
// not exist); spread into en.ts. Every key also in discovery.ja.ts with the same parameters.
export const discoveryEn = {
  'cli.io.missingNotUtf8': 'no such file or folder (a name that is not UTF-8 cannot be given as an argument: give its folder, a quoted glob such as `\'etc/cron.d/*\'`, or --root)',
  'cli.io.noSuchFolder': 'no such folder',
  'cli.assumed.unrecognized.script': '{path}: note: not linted: a script (its first line is `#!`), not a crontab (--kind chooses a format)',
  'cli.assumed.unrecognized.run-parts': '{path}: note: not linted: run-parts runs the files of this folder as programs, it does not read them as crontabs (--kind chooses a format)',
  'cli.assumed.unrecognized.documentation': '{path}: note: not linted: documentation (a README, a licence, Markdown), not a crontab (--kind chooses a format)',
  'cli.assumed.unrecognized.binary': '{path}: note: not linted: a binary file, none of the formats schedlint reads (--kind chooses a format)',
};
