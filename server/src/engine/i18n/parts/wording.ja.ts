// Japanese messages for wording.en.ts (same keys, same parameters).
export const wordingJa = {
  'hover.source.config': '設定ファイルで指定',
  'hover.source.install': 'リポジトリが設置するイメージの cron',
  'hover.source.standIn': 'イメージの cron である {cron} の代わりです。schedlint には {cron} 専用の方言がありません',
  'crontab/timezone-variable.tz-cronie-under-cron-tz':
    '`TZ=` はジョブの環境変数を変えるだけです。この下のジョブは、上にある `CRON_TZ={cronTz}` のタイムゾーンで cronie が実行します（`TZ=` は関係しません）。',
  'cli.assumed.standIn': '{path}: イメージの cron である {cron} が読む {format} として読みました（{reason}）。schedlint には {cron} 専用の方言がないため、{dialect} の規則で検査します',
  'crontab/ignored-filename.debian-install':
    '{installer} の {line} 行目でこのファイルを {target} として設置していますが、Debian の cron は英数字・`_`・`-` 以外の文字を含む /etc/cron.d のファイルを読み飛ばします。`{name}` は実行されません。設置先を /etc/cron.d/{suggestion} にしてください。',
};
