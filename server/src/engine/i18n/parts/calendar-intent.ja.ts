// Japanese messages for OnCalendar= expressions systemd rejects, naming what was probably meant
// (server/src/engine/systemd/calendar-intent.ts); spread into ja.ts. Same keys and parameters as calendar-intent.en.ts.
import type { calendarIntentEn } from './calendar-intent.en';

export const calendarIntentJa: Record<keyof typeof calendarIntentEn, string> = {
  'systemd-calendar.surrounding-space': '先頭か末尾の空白のために systemd はこの式を受け付けません（ユニットファイルでは空白は取り除かれますが、コマンドラインでは残ります）。`{suggestion}` と書いてください。',
  'systemd-calendar.cron-keyword': '`{text}` は crontab のキーワードで、カレンダーイベントではありません。systemd は受け付けません。`{suggestion}` と書いてください。',
  'systemd-calendar.cron-reboot': '`@reboot` は crontab のキーワードで、カレンダーイベントではありません。systemd は受け付けません。タイマーで起動後にジョブを動かすには `OnCalendar=` ではなく `OnBootSec=`（例：`OnBootSec=1min`）を使います。',
  'systemd-calendar.cron-step': '`{text}` は cron の間隔指定で、systemd にはこの書き方がありません。systemd はこの式を受け付けません。systemd の繰り返しは開始値から数えます。{repeat} 分ごとなら `{suggestion}` です。',
  'systemd-calendar.shorthand-step': '`{shorthand}` には間隔を付けられないため、systemd は `{text}` を受け付けません。`{suggestion}` と書いてください。',
  'systemd-calendar.shorthand-step-span': '`{shorthand}` には間隔を付けられないため、systemd は `{text}` を受け付けません。カレンダーイベントでは「n 日ごと」「n 週ごと」は数えられません。前回の実行から {span} 後に再実行するには、`OnCalendar=` の代わりに `OnUnitActiveSec={span}`（初回は `OnBootSec=`）を使ってください。',
  'systemd-calendar.fortnightly': '`{text}` は systemd の知らない語で、カレンダーイベントでは隔週を数えられません。systemd は受け付けません。前回の実行から 2 週間後に動かすには `OnUnitActiveSec=2w` を、決まった日なら `*-*-01,15 00:00` のように日を書いてください。',
  'systemd-calendar.month-name': 'systemd のカレンダーイベントには月の名前がないため、`{text}` は受け付けられません。`{suggestion}` と書いてください。',
  'systemd-calendar.month-name-never': 'systemd のカレンダーイベントには月の名前がないため、`{text}` は受け付けられません。しかも `{suggestion}` と書いても、受け付けられはしますが一度も起動しません。その月にその日はありません。',
  'systemd-calendar.did-you-mean': 'systemd はカレンダーイベントの `{text}` を知らないため、この式を受け付けません。`{suggestion}` と書いてください。',
  'systemd-calendar.timespan-instead': '`{text}` は時間の長さで、カレンダーイベントではありません。systemd は `OnCalendar=` では受け付けません。前回の実行から {text} 後に再実行するには `OnUnitActiveSec={text}`（初回は `OnBootSec=`）を、決まった時刻なら `*:0/15` のような繰り返しを書いてください。',
  'systemd-calendar.unknown-word': '`{text}` は systemd がカレンダーイベントで知っている語ではありません（使えるのは `Mon` などの曜日と `daily` などの略記だけです）。systemd はこの式を受け付けません。',
};
