// CLI の使い方の誤りと、スケジュール用サブコマンド（calendar・timespan・cron）の使い方のメッセージ。
import type { cliuxEn } from './cliux.en';

export const cliuxJa: Record<keyof typeof cliuxEn, string> = {
  'cli.usageError.seeHelp': 'schedlint: {detail}（{command} --help を参照）',
  'cli.error.unexpectedArgument': "余分な引数 '{argument}' があります",
  'cli.error.diffFormat': '--diff と --fix-dry-run は unified diff を出力するため、--format {format} とは一緒に使えません。どちらかを外してください',
  'cli.error.listRulesFormat': '--list-rules の出力は text、json、sarif のいずれかです。prometheus は使えません（メトリクスは実行結果についてのもので、ルール一覧ではありません）',
  'cli.writeError.noFolder': 'schedlint: {path} に書き込めません：フォルダー {folder} がありません',
  'edit.missingAfterEdit': 'schedlint edit：エディターの終了後も {path} がありません（保存されていません）。何も検査せず、呼び出し元は何もインストールしません。',
  'cli.cron.warning': '{expression}: 警告：{message}',
  'systemd-calendar.shorthand-not-alone': '`{shorthand}` は式全体としてだけ使える略記です（後ろにはタイムゾーンだけ書けます）。そのため systemd は `{text}` を受け付けません。複数の時刻に起動するには、タイマーに `OnCalendar=` を 1 つずつ書いてください（例：`OnCalendar={shorthand}`）。',
  'cli.schedules.baseTimeForms': "YYYY-MM-DD [HH:MM[:SS]] [UTC]、HH:MM[:SS]、@SECONDS、now、today、tomorrow、yesterday、+SPAN、-SPAN、'SPAN ago'、'SPAN left'、ISO 8601",
  'cli.calendar.usage':
    '使い方: schedlint calendar 式… [--iterations N] [--base-time 時刻] [--format text|json] [--lang en|ja]\n\n  systemd のカレンダーイベント（OnCalendar=）を確認し、`systemd-analyze calendar` と同じ内容を表示します\n  （"From now" の行を除く）。終了コード: 0 はすべて有効、1 は不正な式あり、2 は使い方の誤り。\n\n  --iterations N    表示する起動時刻の数（既定 1。0 なら systemd と同じく表示しません）\n  --base-time 時刻  現在の代わりにこの時刻から数えます。systemd が読む形式のタイムスタンプ（2026-11-25 10:17、\n                    @1800000000、tomorrow、+1h、1h ago）または ISO 8601。ゾーンがなければ $TZ の時刻\n  --format          text（既定）または json\n  --lang            メッセージの言語（既定: LC_ALL / LC_MESSAGES / LANG に従う）',
  'cli.timespan.usage':
    '使い方: schedlint timespan 時間… [--format text|json] [--lang en|ja]\n\n  systemd の時間（OnBootSec=、AccuracySec= など）を確認し、`systemd-analyze timespan` と同じ内容を表示します。\n  終了コード: 0 はすべて有効、1 は不正な時間あり、2 は使い方の誤り。\n\n  --format          text（既定）または json\n  --lang            メッセージの言語（既定: LC_ALL / LC_MESSAGES / LANG に従う）',
  'cli.cron.usage':
    "使い方: schedlint cron '分 時 日 月 曜日'… [--iterations N] [--base-time 時刻] [--dialect debian|cronie]\n                      [--format text|json] [--lang en|ja]\n\n  crontab のスケジュールを、選んだ cron の規則で確認します。意味、次回の実行時刻、検査で見つかるエラーと警告を\n  表示します。終了コード: 0 はすべて有効、1 は不正なスケジュールか\n  その行のエラーあり、2 は使い方の誤り。\n\n  --iterations N    表示する実行時刻の数（既定 1）\n  --base-time 時刻  現在の代わりにこの時刻から数えます（形式は schedlint calendar --help を参照）。ゾーンがなければ $TZ の時刻\n  --dialect         debian（Debian と Ubuntu の cron、既定）または cronie（RHEL、Fedora、Amazon Linux）\n  --format          text（既定）または json\n  --lang            メッセージの言語（既定: LC_ALL / LC_MESSAGES / LANG に従う）",
};
