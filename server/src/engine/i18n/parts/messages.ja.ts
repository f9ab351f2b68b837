// 日本語メッセージ（issue #19 のメッセージ見直しで追加：CRLF の影響、OnCalendar= に書かれた crontab の行）。
// ja.ts に展開される。messages.en.ts と同じキー・同じパラメーター。表記は docs/ja-style.md に従う。
import type { messagesEn } from './messages.en';

export const messagesJa: Record<keyof typeof messagesEn, string> = {
  'crontab/crlf-line-ending.argument':
    'このファイルは Windows 形式の改行です（{count} 行）。cron は各コマンドを末尾の `\\r` ごと `{shell} -c` に渡すため、`\\r` は最後の語に付きます。この行では `{program}` が引数 `{plain}` ではなく `{word}` を受け取ります。改行を LF に変換してください。',
  'crontab/crlf-line-ending.extra-argument':
    'このファイルは Windows 形式の改行です（{count} 行）。cron は各コマンドを末尾の `\\r` ごと `{shell} -c` に渡すため、この行では `{program}` に `\\r` だけの引数が最後に 1 つ余分に渡されます。改行を LF に変換してください。',
  'crontab/crlf-line-ending.bad-redirect':
    'このファイルは Windows 形式の改行です（{count} 行）。cron は各コマンドを末尾の `\\r` ごと `{shell} -c` に渡すため、この行のリダイレクトは `{word}` になり、シェルがエラーにします（dash は「Bad fd number」、bash は「ambiguous redirect」）。`{program}` は一度も実行されません。改行を LF に変換してください。',
  'crontab/crlf-line-ending.redirect-file':
    'このファイルは Windows 形式の改行です（{count} 行）。cron は各コマンドを末尾の `\\r` ごと `{shell} -c` に渡すため、この行の出力は `{plain}` ではなく新しいファイル `{word}` に書かれます。改行を LF に変換してください。',
  'crontab/crlf-line-ending.comment-or-input':
    'このファイルは Windows 形式の改行です（{count} 行）。cron は各コマンドの末尾の `\\r` を残し、ここではそれがコメントか `%` の後の標準入力に入ります。改行を LF に変換してください。',
  'systemd-calendar.cron-syntax-two-lines':
    '`{cron}` は crontab のスケジュールで、systemd のカレンダー指定ではないため、systemd は受け付けません。cron は日と曜日のどちらかが合えば実行しますが、1 つのカレンダー指定ではそれを表せません。`OnCalendar={dayOfMonth}` と `OnCalendar={dayOfWeek}` の 2 行に分けて書いてください。',
  'systemd-calendar.cron-syntax-no-equivalent':
    '`{cron}` は crontab のスケジュールで、systemd のカレンダー指定ではないため、systemd は受け付けません。cron と同じ時刻に起動するカレンダー指定はありません（`~` によるランダムな値、または何も選ばないフィールドがあります）。時刻を `*-*-* HH:MM:SS` の形で書いてください。',
};
