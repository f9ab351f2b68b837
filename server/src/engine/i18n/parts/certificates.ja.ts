// 日本語メッセージ（certificates）。ja.ts に展開される。certificates.en.ts と同じキー・同じパラメーター。
import type { certificatesEn } from './certificates.en';

export const certificatesJa: Record<keyof typeof certificatesEn, string> = {
  'rule.certbot/missing-file.title': '更新設定ファイルが存在しないファイルを指している',
  'certbot/missing-file.missing': '`{key}` が指す {path} は存在しません。`certbot renew` はこの更新設定ファイルを壊れているとみなして飛ばすため、証明書はいつまでも更新されません。ファイルを元に戻すか、`sudo certbot delete --cert-name {name}` で証明書ごと削除してください。',
  'certbot/missing-file.dangling': '`{key}` はリンクですが、リンク先の {target} は存在しません。`certbot renew` はこの更新設定ファイルを壊れているとみなして飛ばすため、証明書はいつまでも更新されません。archive フォルダーにある最新の `{kind}N.pem` にリンクし直してください。',
  'certbot/missing-file.not-a-link': '`{key}`（{path}）は archive フォルダーへのリンクではなく通常のファイルです。`certbot renew` はこの証明書で停止し（「expected {path} to be a symlink」）、更新しません。ファイルを archive フォルダーに `{kind}N.pem` として移し、そこへリンクしてください。',
  'certbot/missing-file.archive-missing': '`archive_dir` が指す {path} は存在しません。certbot は更新した証明書をすべてここに書き込むため、次の更新は失敗します。フォルダーを元に戻すか、パスを直してください。',
  'certbot/missing-file.no-certificate': '{path} には読み取れる証明書がありません。このファイルを指定した Web サーバーは起動もリロードもできません。archive フォルダーからファイルを戻してください。',
  'certbot/missing-file.no-key': '{path} には読み取れる秘密鍵がありません。このファイルを指定した Web サーバーは起動もリロードもできません。archive フォルダーからファイルを戻してください。',

  'rule.certbot/cert-expiring.title': 'certbot が更新済みのはずの証明書',
  'certbot/cert-expiring.expiring': '証明書の有効期限は {date}（残り {days} 日）で、certbot は {renewDate} 以降に更新しているはずでした（{threshold}）。自動更新が失敗しているか、動いていません。`{command}` を実行して原因を確認してください。',
  'certbot/cert-expiring.expired': '証明書は {date} に有効期限が切れており、ブラウザーやクライアントは接続を拒否します。`{command}` で更新に失敗した原因を確認してから、更新してください。',
  'certificates.threshold.config': '`renew_before_expiry = {interval}` の設定による',
  'certificates.threshold.default': 'certbot の既定値',

  'rule.certbot/key-mismatch.title': '証明書と対にならない秘密鍵',
  'certbot/key-mismatch.mismatch': '{privkey} は {cert} の証明書の秘密鍵ではありません。この組み合わせを渡された Web サーバーは起動もリロードもできません（nginx なら「key values mismatch」）。`privkey` を証明書の作成に使った鍵に向けるか、`sudo certbot renew --force-renewal --cert-name {name}` で証明書と鍵を作り直してください。',

  'rule.certbot/chain-mismatch.title': '証明書と対にならない中間証明書',
  'certbot/chain-mismatch.not-issued': '{cert} の証明書の発行者は「{issuer}」ですが、{chain} の先頭は「{chainSubject}」です。足りない中間証明書を自分で取りに行かないクライアント（curl、多くのアプリや API クライアント）は接続を拒否します。証明書と一緒に発行された中間証明書を使ってください（例：`sudo certbot renew --force-renewal --cert-name {name}` で更新し直す）。',
  'certbot/chain-mismatch.broken-link': '{chain} の {position} 番目の証明書（「{subject}」）は、次の証明書（「{next}」）から発行されたものではありません。送られたチェーンを検証するクライアントは接続を拒否します。証明書と一緒に発行された中間証明書を使ってください。',
  'certbot/chain-mismatch.fullchain-leaf': '{fullchain} の先頭が {cert} の証明書ではありません。`fullchain` を指定したサーバー（nginx など大半の構成）は、certbot が更新する証明書とは別の証明書を送ります。証明書と一緒に発行された fullchain（証明書の後に中間証明書）を使ってください。',
  'certbot/chain-mismatch.fullchain-chain': '{fullchain} の先頭は証明書ですが、その後が {chain} の中間証明書と一致しません。`fullchain` を指定したサーバーは、certbot が受け取ったものとは別の中間証明書を送ります。証明書と一緒に発行された fullchain（証明書の後に中間証明書）を使ってください。',

  'rule.certbot/san-removed.title': '更新で名前が減った証明書',
  'certbot/san-removed.removed': '現在の証明書は、前の証明書（{previous}）にあった {names, list} を含んでいません。{names, plural, =1 {この名前} other {これらの名前}}への HTTPS 接続は名前の不一致で失敗します。意図したものでなければ、すべての名前を指定して証明書を取り直してください：`sudo certbot certonly --cert-name {name} {domains}`（使っている認証方式のオプションも付けて）。',

  'certificates.related.certificate': '対象の証明書',
  'certificates.related.chain': '中間証明書',
  'certificates.related.previous': '前の証明書（バージョン {version}）の名前：{names}',

  'certificates.hover.subject': '**サブジェクト**：{subject}',
  'certificates.hover.names': '**名前**：{names}',
  'certificates.hover.noNames': '**名前**：なし（subjectAltName がありません）',
  'certificates.hover.issuer': '**発行者**：{issuer}',
  'certificates.hover.valid': '**有効期間**：{notBefore}〜{notAfter}（残り {days} 日）',
  'certificates.hover.expired': '**有効期間**：{notBefore}〜{notAfter}（{days} 日前に期限切れ）',
  'certificates.hover.key': '**鍵**：{key}',
  'certificates.hover.more': 'この後に {count} 枚の証明書（中間証明書）が続きます。',
  'certificates.hover.missing': '{path} は存在しません。',
  'certificates.hover.denied': 'このユーザーでは {path} を読めないため、確認していません。',
  'certificates.hover.notPem': '{path} には読み取れる証明書がありません。',
  'certificates.key.rsa': 'RSA {bits} ビット',
  'certificates.key.ec': 'ECDSA {curve}',
  'certificates.key.other': '{type} 鍵',
  'certificates.keyMatch.match': '秘密鍵は証明書（{cert}）と対になっています。',
  'certificates.keyMatch.mismatch': '秘密鍵は証明書（{cert}）と対になって**いません**。',
  'certificates.keyMatch.denied': 'このユーザーでは秘密鍵を読めないため、対になっているかは確認していません。',
  'certificates.keyMatch.unknown': '秘密鍵または証明書（{cert}）が存在しないか読めないため、対になっているかを確認できませんでした。',
};
