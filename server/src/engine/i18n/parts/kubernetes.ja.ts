// Japanese messages (kubernetes: CronJob manifests); spread into ja.ts. Every key also in kubernetes.en.ts with
// the same parameters. `{error}` is the API server's own answer (what `kubectl apply` prints), kept in English.
export const kubernetesJa = {
  'format.kubernetes-cronjob': 'Kubernetes の CronJob マニフェスト',

  'rule.kubernetes/invalid-schedule.title': 'API サーバーが受け付けない CronJob のスケジュール',
  'kubernetes/invalid-schedule.required': '`spec.schedule` がないか空です。API サーバーは CronJob を受け付けません（「Required value」）。`0 3 * * *` のような 5 フィールドのスケジュールを書いてください。',
  'kubernetes/invalid-schedule.not-string': '`spec.schedule` は文字列でなければなりません。API サーバーはこの値を読めず、マニフェストを受け付けません。`"0 3 * * *"` のように引用符で囲んでください。',
  'kubernetes/invalid-schedule.time-zone-in-schedule': 'CronJob のスケジュールに `TZ=`・`CRON_TZ=` は書けません。API サーバーが受け付けません（「{error}」）。削除して `spec.timeZone` を指定してください（例：`timeZone: Asia/Tokyo`）。',
  'kubernetes/invalid-schedule.field-count': 'CronJob のスケジュールは分・時・日・月・曜日のちょうど 5 フィールドで、{count} フィールドではありません。秒や年のフィールドはありません。API サーバーは受け付けません（「{error}」）。',
  'kubernetes/invalid-schedule.descriptor': '`{value}` は API サーバーが知らないスケジュールです（「{error}」）。`@yearly`、`@annually`、`@monthly`、`@weekly`、`@daily`、`@midnight`、`@hourly`、`@every <時間>` のいずれかを小文字で書いてください。',
  'kubernetes/invalid-schedule.every': '`{value}` は Go の時間の書き方ではないため、API サーバーは `@every` を受け付けません（「{error}」）。`30m`、`1h30m`、`90s` のように書いてください。',
  'kubernetes/invalid-schedule.number': '{field}のフィールドの `{value}` は、API サーバーが読める数値でも名前でもありません（「{error}」）。名前は英語の 3 文字（`mon`、`jan`）で、`L`、`W`、`#` は使えません。',
  'kubernetes/invalid-schedule.negative': '`{value}`：負の数は API サーバーが受け付けません（「{error}」）。',
  'kubernetes/invalid-schedule.hyphens': '`{value}` には `-` が 2 つ以上あります。範囲は `最小-最大` です。API サーバーは受け付けません（「{error}」）。',
  'kubernetes/invalid-schedule.slashes': '`{value}` には `/` が 2 つ以上あります。間隔は `範囲/間隔` です。API サーバーは受け付けません（「{error}」）。',
  'kubernetes/invalid-schedule.below-minimum': '`{value}` は{field}の範囲（{low}〜{high}）を下回ります。API サーバーは受け付けません（「{error}」）。',
  'kubernetes/invalid-schedule.above-maximum': '`{value}` は{field}の範囲（{low}〜{high}）を超えます。API サーバーは受け付けません（「{error}」）。',
  'kubernetes/invalid-schedule.sunday-seven': '`{value}`：CronJob の曜日は 0〜6 で、cron と違い 7 は日曜日ではありません。API サーバーは受け付けません（「{error}」）。`0` か `sun` と書いてください。',
  'kubernetes/invalid-schedule.reversed': '`{value}` は終わりが始まりより前の範囲です。API サーバーは受け付けません（「{error}」）。小さい数を先に書いてください。',
  'kubernetes/invalid-schedule.zero-step': '`{value}`：間隔 0 は API サーバーが受け付けません（「{error}」）。1 以上にしてください。',

  'rule.kubernetes/unknown-time-zone.title': 'API サーバーが受け付けない CronJob のタイムゾーン',
  'kubernetes/unknown-time-zone.empty': '`spec.timeZone` が空文字列です。API サーバーは受け付けません（「timeZone must be nil or non-empty string」）。コントローラーのタイムゾーンを使うならこの行を削除し、そうでなければ `Asia/Tokyo` のようにゾーン名を書いてください。',
  'kubernetes/unknown-time-zone.local': '`{zone}` は使えません。API サーバーは IANA のゾーン名を明示するよう求めます（「timeZone must be an explicit time zone」）。`Asia/Tokyo` のようにゾーン名を書くか、この行を削除してください。',
  'kubernetes/unknown-time-zone.unknown': '`{zone}` は tz データベースのゾーンではないため、API サーバーは CronJob を受け付けません（「unknown time zone {zone}」）。`Asia/Tokyo` や `UTC` のような IANA の名前を使ってください。大文字と小文字は区別されます。',
  'kubernetes/unknown-time-zone.did-you-mean': '`{zone}` は tz データベースのゾーンではないため、API サーバーは CronJob を受け付けません（「unknown time zone {zone}」）。`{suggestion}` の誤りではありませんか。',
  'kubernetes/unknown-time-zone.fix': '{suggestion} にする',

  'rule.kubernetes/wildcard-minute.title': '指定した時間帯に毎分実行される',
  'kubernetes/wildcard-minute.message': '分が `*` なので、時 `{hours}` の毎分 Job が作られます（1 日 {count} 個）。1 時間に 1 回ではありません。毎時 0 分に実行するなら `0` にしてください。',
  'kubernetes/wildcard-minute.span': '分が `*` なので、時 `{hours}` の間は毎分 Job が作られます（1 日 {count} 個）。1 時間に 1 回のつもりなら `0` にしてください。',
  'kubernetes/wildcard-minute.fix': '0 分に実行する',

  'rule.kubernetes/day-of-month-or-day-of-week.title': '日と曜日の両方を指定（OR 条件）',
  'kubernetes/day-of-month-or-day-of-week.first-weekday': '日 `{dayOfMonth}` と曜日 `{dayOfWeek}` を両方指定しているため、CronJob は {dayOfMonth} 日の毎日と毎週{weekday}の両方で実行されます。「{dayOfMonth} 日の間の{weekday}」だけにはなりません。日を `*` にし、Job の側で日付を確かめてください。',
  'kubernetes/day-of-month-or-day-of-week.star-step': '日 `{dayOfMonth}` と曜日 `{dayOfWeek}` は、Kubernetes ではどちらも指定ありとみなされます（cron と違い、`*` に間隔を付けると指定ありになります）。そのため CronJob は両方ではなく、どちらか一方が合えば実行されます。',
  'kubernetes/day-of-month-or-day-of-week.message': '日 `{dayOfMonth}` と曜日 `{dayOfWeek}` を両方指定しているため、CronJob は両方ではなく、どちらか一方が合えば実行されます。',

  'rule.kubernetes/short-starting-deadline.title': 'startingDeadlineSeconds が 10 秒未満',
  'kubernetes/short-starting-deadline.message': '`startingDeadlineSeconds: {seconds}` は 10 秒未満です。CronJob コントローラーは 10 秒ごとに確認するため、実行を逃して Job が作られないことがあります。10 以上にするか、指定を外してください。',
  'kubernetes/short-starting-deadline.negative': '`startingDeadlineSeconds: {seconds}` が負の数です。API サーバーは CronJob を受け付けません（「must be greater than or equal to 0」）。',

  'kubernetes-format.hover.zone': '`{zone}`（`spec.timeZone`）の時刻です。',
  'kubernetes-format.hover.controller-zone': '`spec.timeZone` がないため、kube-controller-manager のタイムゾーンの時刻です。',
  'kubernetes-format.hover.every': 'CronJob の作成時または前回の予定時刻から {duration} ごと（時計の区切りとは無関係）',

  'rule.kubernetes/never-runs.title': '一度も実行されない CronJob のスケジュール',
  'kubernetes/never-runs.message': '月 `{months}` に日 `{days}` はありません。API サーバーはスケジュールを受け付けますが、CronJob は Job を一度も作りません（コントローラーは「time difference between two schedules is less than 1 second」で失敗します）。選んだ月のすべてにある日を指定してください。',
};
