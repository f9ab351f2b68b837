// busybox crond が読む crontab（Alpine イメージの /etc/crontabs/USER）のルールの日本語メッセージ。
// ja.ts に展開される。busybox.en.ts と同じキー・同じパラメーター。
import type { busyboxEn } from './busybox.en';

export const busyboxJa: Record<keyof typeof busyboxEn, string> = {
  'rule.crontab/busybox-ignored-variable.title': 'busybox crond が読まない変数行',
  'rule.crontab/busybox-hash-in-command.title': 'busybox crond が `#` で切るコマンド',

  'crontab/busybox-ignored-variable.ignored':
    'busybox crond は `{name}=` を無視します。読むのは `MAILTO=`・`SHELL=`・`PATH=` の行だけなので、ジョブに `{name}` は渡りません。コマンドの中（`{name}=… command`）か、ジョブが実行するスクリプトで設定してください。',
  'crontab/busybox-ignored-variable.zone':
    'busybox crond は `{name}=` を無視します。ジョブは crond プロセスのタイムゾーン（コンテナの `TZ`）でスケジュールされて実行され、この値はジョブにも渡りません。イメージかコンテナで `TZ` を設定するか、時刻を換算してください。',
  'crontab/busybox-ignored-variable.blank':
    'busybox crond が `{name}=` を読むのは `=` の前に空白がないときだけなので、この行は無視されます。`{name}=…` と書いてください。',
  'crontab/busybox-ignored-variable.quoted':
    'busybox crond は引用符を取り除きません。`{name}` は引用符ごと `{value}` になり、{consequence}。引用符を外してください。',
  'crontab/busybox-ignored-variable.quoted-shell': 'その名前のシェルは存在しません',
  'crontab/busybox-ignored-variable.quoted-path': 'その名前のフォルダーは存在しません',
  'crontab/busybox-ignored-variable.quoted-mailto': 'アドレスとして使えません',

  'crontab/busybox-hash-in-command.message':
    'busybox crond は `#` をどこにあってもコメントの始まりとみなすため、この行は `{cut}` の前で終わり、ジョブは `{kept}` を実行します。コマンドをスクリプトに移すか、`#` を使わずに書いてください。',
};
