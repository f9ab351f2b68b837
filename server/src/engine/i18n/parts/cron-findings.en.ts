// English message for an error-severity finding of the lint on `schedlint cron`'s line (beside cliux's
// `cli.cron.warning`); spread into en.ts. Every key also in cron-findings.ja.ts with the same parameters.
export const cronFindingsEn = {
  'cli.cron.error': '{expression}: error: {message}',
};
