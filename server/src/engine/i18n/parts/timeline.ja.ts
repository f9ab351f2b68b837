// 日本語メッセージ（timeline）。ja.ts に展開される。timeline.en.ts と同じキー・同じパラメーター。
import type { timelineEn } from './timeline.en';

export const timelineJa: Record<keyof typeof timelineEn, string> = {
  'timeline.title': 'ホストのスケジュール：これから {hours} 時間（{zone}）',
  'timeline.from': '{time} から',
  'timeline.group.timers': 'systemd タイマー',
  'timeline.next': '次回：{times}',
  'timeline.next.never': '次回：なし（スケジュールに当てはまる日付がありません）',
  'timeline.next.anacron': 'anacron が実行：{folder} の実行時期になったとき、{hours} のどこかで 1 回',
  'timeline.timerRun': '{start}〜{end} のどこか',
  'timeline.off.guard': '実行されません：systemd のホストでは条件で止まります（{guard}）',
  'timeline.off.timer': '実行されません：タイマーが有効になっていません（{why}）',
  'timeline.note.reboot': '起動時にだけ実行されます（@reboot）',
  'timeline.note.persistent': 'Persistent=true：停止中に逃した実行は次の起動時に行われます',
  'timeline.note.noCalendar': 'OnCalendar= がありません：決まった時刻ではなく、起動や前回の実行からの経過時間で動きます',
  'timeline.note.badCalendar': 'OnCalendar={text} を読み取れないため、systemd はこの行を無視します',
  'timeline.note.collision': '{other} と同時に動くことがあります（どちらも {program} を実行）。例：{time}',
  'timeline.legend.run': 'cron の実行',
  'timeline.legend.continuous': '毎分実行',
  'timeline.legend.window': 'タイマーの実行幅（開始 + ランダム遅延 + 精度）',
  'timeline.legend.collision': 'タイマーの実行幅に同じプログラム',
  'timeline.legend.inactive': 'このホストでは実行されない',
  'timeline.legend.now': '現在',
  'timeline.empty': 'このホストにはスケジュールされたものがありません（cron ジョブもタイマーも見つかりませんでした）。',
  'timeline.cli.usage': '使い方: schedlint schedule [--root DIR | --host] [--format text|json|svg] [--hours N] [--lang en|ja]\n                          [--width COLUMNS] [--theme light|dark] [--base-time TIME]\n\n  ホストのすべての cron ジョブと systemd タイマーをタイムラインで表示します。cron の実行は縦線、タイマーの実行幅は帯で示します。\n\n  --root DIR    DIR 以下をホストの / として読む（省略時はこのマシン。--host と同じ）\n  --host        このマシン\n  --format      text（既定）、json（タイムラインのデータ）、svg（図）\n  --hours       何時間先まで表示するか。1〜168（既定 24）\n  --lang        メッセージの言語（既定: LC_ALL / LC_MESSAGES / LANG から）\n  --width       text のときの端末の幅（既定 80 で 30 分刻み。120 以上で 15 分刻み）\n  --theme       svg を単独で表示するときの配色（既定 light）\n  --base-time   現在時刻の代わりに使う開始時刻。例: "2026-11-26 00:00"（ホストのタイムゾーン）または ISO 8601',
};
