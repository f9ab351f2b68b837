// certbot が使えない更新設定ファイルについての日本語メッセージ（certbot/incomplete-renewal-file）。ja.ts に展開する。
// renewal-file.en.ts と同じキー、同じパラメーター。
export const renewalFileJa = {
  'rule.certbot/incomplete-renewal-file.title': 'certbot が使えない更新設定ファイル',
  'certbot/incomplete-renewal-file.empty': 'この更新設定ファイルには何も設定されていません。`certbot renew` はこれを壊れたファイルとして報告し（「missing a required file reference」）、読み飛ばすため、証明書 `{name}` は更新されません。ほかの証明書がすべて更新されても、実行は終了コード 1 で終わります。バックアップからファイルを戻すか、もう使わない証明書ならファイルを削除してください。',
  'certbot/incomplete-renewal-file.missing-reference': 'この更新設定ファイルの先頭（最初の `[セクション]` より上）に {keys} がありません。`certbot renew` はこれを壊れたファイルとして報告し（「missing a required file reference」）、読み飛ばすため、証明書 `{name}` は更新されず、実行は終了コード 1 で終わります。`[renewalparams]` より上に {lines} を追加するか、バックアップからファイルを戻してください。',
  'certbot/incomplete-renewal-file.related-in-section': '`{key}` はここ、[{section}] の中にありますが、certbot はここを探しません',
  'certbot/incomplete-renewal-file.no-renewalparams': 'この更新設定ファイルには `[renewalparams]` セクションがありません。`certbot renew` は「lacks renewalparams」と報告して読み飛ばすため、証明書 `{name}` は更新されず、実行は終了コード 1 で終わります。バックアップからセクション（certbot は `account`、`server`、`authenticator` をここに書きます）を戻してください。',
  'certbot/incomplete-renewal-file.no-authenticator': '`[renewalparams]` に `authenticator` がありません。`certbot renew` は「does not specify an authenticator」と報告してこのファイルを読み飛ばすため、証明書 `{name}` は更新されず、実行は終了コード 1 で終わります。証明書を取得したときの認証方式を `authenticator = webroot` のように追加してください。',
};
