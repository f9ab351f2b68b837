// English messages about dcron (Dillon's cron, Alpine's `apk add dcron`) reading an image's crontabs; spread
// into en.ts. Every key is also in dcron.ja.ts.
export const dcronEn = {
  'install.cron.dcron': 'dcron',
};
