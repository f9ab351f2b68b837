// 日本語メッセージ（実際のホストで成り立つ指摘。issue #19）。ja.ts に展開される。real-hosts.en.ts と同じキー・同じパラメーター。
import type { realHostsEn } from './real-hosts.en';

export const realHostsJa: Record<keyof typeof realHostsEn, string> = {
  'timeline.off.noSystemd': '実行されません：このホストでは systemd が動いていないため（/run/systemd/system がありません）、タイマーは発火しません',
  'hover.timer.noSystemd':
    'このホストでは systemd が動いていません（`/run/systemd/system` がありません。最初のプロセスが systemd ではないコンテナーなど）。このタイマーはここでは発火しません。代わりに `test -e /run/systemd/system` で分岐する cron ジョブが実行されます。',
  'rule.systemd/inline-comment.title': '値の後ろのコメント',
  'systemd/inline-comment.trigger':
    'systemd には行内コメントがありません。`{comment}` も `{key}=` の値の一部になるため、systemd は値を解釈できず、この行を無視します（「Failed to parse …, ignoring」）。タイマーからこの起動条件が抜け落ちます。コメントは独立した行に移してください。',
  'systemd/inline-comment.unit':
    'systemd には行内コメントがありません。`{comment}` もユニット名の一部になるため、systemd はこの行を無視し（「Unit type not valid, ignoring」）、タイマーは `{meant}` ではなく `{unit}` を起動します。コメントは独立した行に移してください。',
  'systemd/inline-comment.unit-same':
    'systemd には行内コメントがありません。`{comment}` もユニット名の一部になるため、systemd はこの行を無視します（「Unit type not valid, ignoring」）。タイマーは同じ名前のサービスである `{unit}` をそのまま起動します。コメントは独立した行に移してください。',
  'systemd/inline-comment.unit-unknown':
    'systemd には行内コメントがありません。`{comment}` もユニット名の一部になるため、systemd はこの行を無視し（「Unit type not valid, ignoring」）、タイマーは `{meant}` ではなくタイマーと同じ名前のサービスを起動します。コメントは独立した行に移してください。',
  'systemd/inline-comment.setting':
    'systemd には行内コメントがありません。`{comment}` も `{key}=` の値の一部になるため、systemd は値を解釈できず、この行を無視します（「Failed to parse …, ignoring」）。`{key}=` は `{meant}` にならず、それより前の値か既定値のままです。コメントは独立した行に移してください。',
  'systemd/inline-comment.fix': 'コメントを独立した行に移す',
  'crontab/wildcard-minute.restarts':
    '分が `*` なので、指定した時間帯の毎分（1 日 {count} 回）実行されます。1 時間に 1 回ではありません。実行のたびに {services} を停止して起動するため、1 日に {count} 回止まります。毎時 0 分に実行するなら `0` にしてください。',
  'crontab/wildcard-minute.span':
    '分が `*` なので、{hours} 時の間は毎分（1 日 {count} 回）実行されます。その時間帯ずっと動かすジョブならこのままで構いません。1 時間に 1 回実行するなら `0` にしてください。',
  'crontab/wildcard-minute.span-restarts':
    '分が `*` なので、{hours} 時の間は毎分（1 日 {count} 回）実行され、そのたびに {services} を停止して起動します。1 日に {count} 回止まることになります。1 時間に 1 回実行するなら `0` にしてください。',
  'certbot/missing-file.lineage-missing':
    '証明書のリネージ `{name}` がこのホストにありません。この更新設定ファイルが指す {count} 個のパスが存在しません（{files}）。`certbot renew` はこの更新設定ファイルを壊れているとして読み飛ばすため、証明書は更新されません。live と archive のフォルダーをバックアップから戻すか、`sudo certbot delete --cert-name {name}` でリネージを削除してください。',
  'certbot/missing-file.related': '`{key}` が指す {path} も存在しません',
  'certbot/unknown-key.not-read-many':
    'このファイルの {count} 個のキー（{keys}）は古い certbot が書いたものです。`certbot renew` は更新設定ファイルからこれらを読まなくなっており、次にファイルを書き直すときに削除します。対応は不要です。',
  'certbot/unknown-key.not-read-many-more':
    'このファイルの {count} 個のキー（{keys} ほか {more} 個）は古い certbot が書いたものです。`certbot renew` は更新設定ファイルからこれらを読まなくなっており、次にファイルを書き直すときに削除します。対応は不要です。',
  'certbot/unknown-key.not-read-related': '`{key}`：これも読まれません',
  'certbot/unknown-key.remove-one': '`{key}` を削除する',
  'certbot/unknown-key.remove-all': 'certbot が読まなくなった {count} 個のキーを削除する',
  'rule.certbot/template-placeholder.title': 'certbot のファイル中のテンプレート変数',
  'certbot/template-placeholder.message':
    'このファイルはテンプレートです。{placeholders} は配置するときに値が埋め込まれるもので、certbot のオプションではありません。これらを含む {count} 行はここでは検査しません。その行は、展開後のファイル（または配置先のホスト）で検査してください。',
  'certbot/template-placeholder.message-more':
    'このファイルはテンプレートです。{placeholders} ほか {more} 個は配置するときに値が埋め込まれるもので、certbot のオプションではありません。これらを含む {count} 行はここでは検査しません。その行は、展開後のファイル（または配置先のホスト）で検査してください。',
};
