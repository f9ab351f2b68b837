// certificate/ca-certificate、certificate/no-certificate、`schedlint cert` で証明書そのものがチェーンとして
// 渡されたときの日本語メッセージ。ja.ts に展開する。certificate-gaps.en.ts と同じキー、同じパラメーター。
export const certificateGapsJa = {
  'rule.certificate/ca-certificate.title': 'サーバー証明書として渡された CA 証明書',
  'certificate/ca-certificate.ca': '{path} の「{subject}」は CA 証明書（証明書を発行するための証明書）で、サーバー証明書が一緒にありません。これを自分の証明書として送るサーバーは、どのサイトの名前も含まない証明書を示すことになり、クライアントは接続を拒否します。CA がサイト用に発行した証明書を渡し、これが中間証明書なら --chain で渡してください。',
  'rule.certificate/no-certificate.title': '証明書の入っていない証明書ファイル',
  'certificate/no-certificate.nothing': 'このファイルには読み取れる証明書も秘密鍵もありません（PEM ブロックがなく、DER の証明書でもありません）。これを指定した Web サーバーは起動も再読み込みもできません。CA から届いたファイルか確かめてください。',
  'certificate/no-certificate.unreadable': 'この証明書は読み取れません（{problem}）。これを指定した Web サーバーは起動も再読み込みもできません。証明書をもう一度ダウンロードするかコピーしてください。',
  'cert.skip.chainOnlyCert': '未確認：{chain}（--chain）には中間証明書がなく、証明書そのものしか入っていません',
};
