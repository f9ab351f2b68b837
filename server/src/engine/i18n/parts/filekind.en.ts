// English messages (file formats as the CLI reports them, its option errors); spread into en.ts. Every key
// also in filekind.ja.ts with the same parameters.
export const filekindEn = {
  'format.crontab-system': 'system crontab',
  'format.crontab-user': 'user crontab',
  'format.unit': 'systemd unit',
  'format.certbot-renewal': 'certbot renewal file',
  'format.certbot-cli-ini': 'certbot cli.ini',
  'cli.assumed': '{path}: read as a {format} ({reason})',
  'cli.assumed.dialect': '{path}: read as a {format} ({reason}) for {dialect} ({source})',
  'cli.assumed.weak': '{path}: note: read as a {format}, guessed from few or disagreeing lines of its content; give --kind to be sure',
  'cli.assumed.unrecognized': '{path}: note: not linted: INI text that is neither a certbot file nor a systemd unit (--kind chooses a format)',
  'cli.dialectSource.option': 'given with --dialect',
  'cli.fixHint': 'help: {title}',
  'cli.error.unknownOption': "unknown option '{option}'",
  'cli.error.unknownOptionSuggest': "unknown option '{option}'; did you mean '{suggestion}'?",
  'cli.error.missingValue': "option '{option}' needs a value",
  'cli.cron.horizon': 'only {count} of {iterations} runs in the next {years} years: the search stops there',
};
