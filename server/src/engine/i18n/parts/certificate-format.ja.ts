// 日本語のメッセージ (証明書フォーマット: 種類、比較コマンド、状態のコードレンズ)。ja.ts に展開する。
// certificate-format.en.ts と同じキーと同じパラメーター。
export const certificateFormatJa = {
  'format.certificate': '証明書または秘密鍵のファイル',
  'format.web-server': 'Web サーバーの TLS 設定',
  'certificateFormat.lens.compare': '他の証明書と比較…',
  'certificateFormat.compare.title': '{current} と {previous} の比較',
  'certificateFormat.compare.noCertificate': '{path} には読み取れる証明書がありません。',
  'server.compare.unreadable': '{path} を読み取れません。',
  'server.compare.unsupported': 'この種類のファイルには比較できるものがありません。',
} as const;
