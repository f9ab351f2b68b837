// The labels of `schedlint cron`'s text report (cli/cron-text.ts pads them to one column, as systemd-analyze
// calendar lays out its own); spread into en.ts. Every key also in cron-labels.ja.ts with the same parameters.
export const cronLabelsEn = {
  'cli.cron.label.original': 'Original form',
  'cli.cron.label.error': 'Error',
  'cli.cron.label.description': 'Description',
  'cli.cron.label.dialect': 'Dialect',
  'cli.cron.label.zone': 'Zone',
  'cli.cron.label.next': 'Next run',
  'cli.cron.label.iteration': 'Iter. #{index}',
  'cli.cron.label.note': 'Note',
};
