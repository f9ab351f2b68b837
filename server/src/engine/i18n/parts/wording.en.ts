// English messages added with the stranger report's wording items (session 7): where a cron dialect came
// from when the project's config file names it. Every key is also in wording.ja.ts.
export const wordingEn = {
  'hover.source.config': 'set in the configuration file',
};
