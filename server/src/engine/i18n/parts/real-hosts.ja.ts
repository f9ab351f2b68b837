// 日本語メッセージ（実際のホストで成り立つ指摘。issue #19）。ja.ts に展開される。real-hosts.en.ts と同じキー・同じパラメーター。
import type { realHostsEn } from './real-hosts.en';

export const realHostsJa: Record<keyof typeof realHostsEn, string> = {
  'timeline.off.noSystemd': '実行されません: このホストでは systemd が動いていないため（/run/systemd/system がありません）、タイマーは発火しません',
  'hover.timer.noSystemd':
    'このホストでは systemd が動いていません（`/run/systemd/system` がありません。最初のプロセスが systemd ではないコンテナーなど）。このタイマーはここでは発火しません。代わりに `test -e /run/systemd/system` で分岐する cron ジョブが実行されます。',
};
