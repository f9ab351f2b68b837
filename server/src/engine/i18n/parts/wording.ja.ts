// Japanese messages for wording.en.ts (same keys, same parameters).
export const wordingJa = {
  'hover.source.config': '設定ファイルで指定',
  'crontab/timezone-variable.tz-cronie-under-cron-tz':
    '`TZ=` はジョブの環境変数を変えるだけです。この下のジョブは、上にある `CRON_TZ={cronTz}` のタイムゾーンで cronie が実行します（`TZ=` は関係しません）。',
};
