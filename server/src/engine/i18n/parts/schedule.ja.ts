// schedule 系の日本語メッセージ。ja.ts に展開される。schedule.en.ts と同じキー・同じパラメーター。
import type { scheduleEn } from './schedule.en';

export const scheduleJa: Record<keyof typeof scheduleEn, string> = {
  'rule.schedule/timer-overlaps-cron.title': 'タイマーと cron ジョブが同じプログラムを同じ時間帯に実行',
  'schedule/timer-overlaps-cron.timer-certbot':
    '{timer} は {windowStart}〜{windowEnd} のどこかで certbot を起動します。一方 {owner} は {cronRun} に {chain} を実行します。certbot は前回の更新時のオプションで更新するため、タイマーが先に更新すると、ジョブが動いたときには更新するものがなく、ジョブの後続の処理も実行されません。タイマーを止める（`sudo systemctl disable --now {timer}`）か、ジョブをやめて後処理を deploy フックに移してください。{more}',
  'schedule/timer-overlaps-cron.cron-certbot':
    '{owner} は {cronRun} に {chain} を実行しますが、{timer} も {windowStart}〜{windowEnd} のどこかで certbot を起動します。どちらかが先に更新すると、もう一方には更新するものが残らず、その後続の処理は実行されません。タイマーを止める（`sudo systemctl disable --now {timer}`）か、このジョブをやめて後処理を deploy フックに移してください。{more}',
  'schedule/timer-overlaps-cron.timer':
    '{timer} は {windowStart}〜{windowEnd} のどこかで {program} を起動し、{owner} も {cronRun} に {chain} を実行するため、同時に動くことがあります。どちらか一方にしてください（タイマーを止める：`sudo systemctl disable --now {timer}`、または cron ジョブを削除）。{more}',
  'schedule/timer-overlaps-cron.cron':
    '{owner} は {cronRun} に {chain} を実行しますが、{timer} も {windowStart}〜{windowEnd} のどこかで {program} を起動するため、同時に動くことがあります。どちらか一方にしてください（このジョブを削除するか、タイマーを止める：`sudo systemctl disable --now {timer}`）。{more}',
  'schedule/timer-overlaps-cron.related-timer': '{timer} が {windowStart}〜{windowEnd} に {program} を起動',
  'schedule/timer-overlaps-cron.related-cron': '{owner} が {cronRun} に {chain} を実行',
  'schedule/timer-overlaps-cron.disable-timer': '{timer} を止める（ターミナルに `sudo systemctl disable --now {timer}` を入力）',
  'schedule/timer-overlaps-cron.comment-out': 'この cron ジョブをコメントアウト',
  'schedule/timer-overlaps-cron.more-cron': 'この時間帯に {program} を実行する cron ジョブがほかに {count} 件あります（関連する場所を参照）。',
  'schedule/timer-overlaps-cron.more-timers': 'この実行と重なる時間帯に {program} を起動しうるタイマーがほかに {count} 個あります（関連する場所を参照）。',
  'schedule.owner.user': '{user} の crontab',
  'schedule.owner.run-parts': '{path}（run-parts {folder} 経由）',
  'schedule.owner.anacron': 'anacron（{path} 経由）',
  'schedule.chain.script': '{program} を呼ぶ {script}',
};
