// `schedlint cron` が計算に使うタイムゾーン（TZ を glibc と同じく読む）についての日本語メッセージ。ja.ts に展開する。
// キーとパラメーターは schedule-zone.en.ts と同じ。
export const scheduleZoneJa = {
  'cli.cron.unknownZone': '注意：TZ={value} は glibc が読み込めるタイムゾーンではありません（名前は /usr/share/zoneinfo の下のファイルで大文字と小文字を区別します。`JST-9` のような POSIX の文字列も使えます）。glibc はこれを UTC として読むため、以下の時刻も UTC です',
};
