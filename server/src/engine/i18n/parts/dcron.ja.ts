// Japanese messages about dcron (Dillon's cron, Alpine's `apk add dcron`) reading an image's crontabs; spread
// into ja.ts. Every key is also in dcron.en.ts.
export const dcronJa = {
  'install.cron.dcron': 'dcron（Dillon 氏の軽量な cron）',
};
