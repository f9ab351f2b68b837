// 日本語メッセージ（証明書ファイルと `schedlint cert`）。ja.ts に展開される。certificate-files.en.ts と同じキー・同じパラメーター。
import type { certificateFilesEn } from './certificate-files.en';

export const certificateFilesJa: Record<keyof typeof certificateFilesEn, string> = {
  'rule.certificate/key-mismatch.title': '証明書と対にならない秘密鍵',
  'certificate/key-mismatch.mismatch': '{key} は {cert} の証明書の秘密鍵ではありません。この組み合わせを渡されたサーバーは起動もリロードもできず（nginx なら「key values mismatch」）、ロードバランサーへのインポートも拒否されます。証明書の申請（CSR）に使った鍵を使ってください。',
  'rule.certificate/chain-mismatch.title': '直前の証明書を発行していないチェーン証明書',
  'certificate/chain-mismatch.not-issued': '{path} の「{subject}」は「{previous}」を発行していません（発行者は「{issuer}」）。中間証明書を自分で取得しないクライアント（curl、Java、API クライアント）は接続を拒否しますが、ブラウザーでは気づけません。認証局から中間証明書「{issuer}」を入手して差し替えてください。',
  'rule.certificate/chain-order.title': '順序が正しくないチェーン',
  'certificate/chain-order.order': '{path} の「{subject}」は「{expected}」があるべき位置にあります。サーバーは証明書をファイルの順に送るため、証明書が先頭で各証明書の後にその発行者が続く順でないと、厳格なクライアントは接続を拒否します。その順に並べ替えてください。',
  'rule.certificate/chain-incomplete.title': '信頼されたルートに届かないチェーン',
  'certificate/chain-incomplete.missing-issuer': '「{subject}」の発行者「{issuer}」は、チェーンにもトラストストア {store} にもありません。足りない中間証明書を自分で取得しないクライアントは接続を拒否します。認証局から中間証明書「{issuer}」を入手してチェーンに加えてください。',
  'certificate/chain-incomplete.untrusted-root': 'チェーンの終点「{subject}」は、トラストストア {store} にないルートです。このストアを使うクライアントは接続を拒否します。意図した認証局か確認するか、--ca でそのルートを指定してください。',
  'rule.certificate/san-removed.title': '以前の証明書にあった名前がない新しい証明書',
  'certificate/san-removed.removed': 'この証明書は {previous} が対象としていた {names, list}（{count} 件）を対象にしていません。インストールすると、その名前への HTTPS 接続は名前の不一致で失敗します。どこからも使われていないのでなければ、すべての名前を含む証明書を認証局に申請してください。',
  'rule.certificate/not-newer.title': '置き換える証明書より有効期限が新しくない証明書',
  'certificate/not-newer.older': 'この証明書の有効期限は {date} で、置き換えるはずの {previous}（{previousDate}）より後ではありません。誤って古い証明書を選んだ可能性があります。認証局が最後に発行した証明書を使ってください。',
  'certificate/not-newer.same': 'この証明書は {previous} と同じもので、インストールしても何も更新されません。認証局から受け取った新しい証明書を使ってください。',
  'rule.certificate/expired.title': '有効期限切れの証明書',
  'certificate/expired.expired': '証明書は {date} に有効期限が切れており、どのクライアントも接続を拒否します。更新した証明書をインストールしてください。',
  'rule.certificate/expiring.title': '有効期限が近い証明書',
  'certificate/expiring.expiring': '証明書の有効期限は {date}（残り {days} 日、基準の {threshold} 日未満）です。認証局の審査と、証明書を使うすべての場所の更新に時間がかかるため、今すぐ更新してください。',
  'rule.certificate/not-yet-valid.title': 'まだ有効になっていない証明書',
  'certificate/not-yet-valid.not-yet': '証明書は {date} からしか有効ではなく、それまでクライアントは接続を拒否します。その時刻以降にインストールするか、確認したホストの時計を確かめてください。',

  'rule.certificate/missing-file.title': 'Web サーバーの設定が指す証明書ファイルがない',
  'certificate/missing-file.missing': '{path} がありません。{server} はこの設定を読み込めず、次の再読み込みで提供しているすべてのサイトが止まります。ファイルを置くか、存在する証明書を指すようにディレクティブを直してください。',
  'rule.certificate/name-not-covered.title': '提供する証明書が対象にしていないサーバー名',
  'certificate/name-not-covered.not-covered': '`{name}` には {cert} を提供していますが、この証明書の対象は {names, list} だけです。{name} に接続するクライアントには証明書の名前の不一致が起きます。証明書にこの名前を加えるか、この名前を含む証明書を提供してください。',
  'rule.certificate/stale-reference.title': '同じ名前に古い証明書を提供し続けている場所',
  'certificate/stale-reference.older': 'この場所は {names, list} に {cert}（有効期限 {date}）を提供していますが、{place} は同じ名前に新しい {newer}（{newerDate} まで）を提供しています。証明書の更新のときに漏れた可能性があり、{date} に接続できなくなります。{newer} を指すようにしてください。',
  'certificate.related.newer': '同じ名前の新しい証明書',
  'certificate.related.leaf': '証明書',
  'certificate.related.issuedBy': '発行者は「{issuer}」',
  'certificate.related.belongsHere': 'その位置にあるべき証明書',
  'certificate.related.previous': '以前の証明書',

  'certificateFile.hover.privateKey': '**秘密鍵**：{key}（中身は表示しません）',
  'certificateFile.hover.encryptedKey': '**秘密鍵**：暗号化されているため確認できません（schedlint はパスフレーズを尋ねません）',
  'certificateFile.hover.unreadable': 'この {label} のブロックは読み取れません。',
  'certificateFile.hover.notYet': '**有効期間**：{notBefore}〜{notAfter}（まだ有効ではありません）',
  'certificateFile.hover.fingerprint': '**SHA-256 フィンガープリント**：{fingerprint}',

  'certificateCompare.same': '置き換える証明書と**同じ証明書**です。',
  'certificateCompare.dropped': '**なくなった名前**：{names, list}',
  'certificateCompare.noneDropped': '**なくなった名前**：なし',
  'certificateCompare.added': '**追加された名前**：{names, list}',
  'certificateCompare.noneAdded': '**追加された名前**：なし',
  'certificateCompare.issuerChanged': '**発行者**：{before} → {after}',
  'certificateCompare.issuerSame': '**発行者**：{issuer}（変更なし）',
  'certificateCompare.validity': '**有効期間**：{before} → {after}',
  'certificateCompare.notNewer': '**有効期間**：{before} → {after}（有効期限が延びていません）',
  'certificateCompare.sameKey': '**鍵**：同じ鍵（{after}）',
  'certificateCompare.newKey': '**鍵**：{before} → {after}（新しい鍵）',
  'certificateCompare.status.valid': '{name} · 残り {days} 日（{date} まで）',
  'certificateCompare.status.expired': '{name} · {date} に期限切れ',
  'certificateCompare.status.notYet': '{name} · {date} から有効',

  'cert.heading': '{path}：{subject}',
  'cert.names': '名前：{names}',
  'cert.line': '{status} {check}：{detail}',
  'cert.lineFailed': '{status} {check}：',
  'cert.status.pass': '[OK]  ',
  'cert.status.fail': '[失敗]',
  'cert.status.warn': '[警告]',
  'cert.status.skip': '[省略]',
  'cert.check.key': '秘密鍵の一致',
  'cert.check.chain': 'チェーンの検証',
  'cert.check.order': 'チェーンの順序',
  'cert.check.trust': '信頼されたルートへの到達',
  'cert.check.names': '名前の維持',
  'cert.check.newer': '以前の証明書より新しい',
  'cert.check.days': '残り日数',
  'cert.pass.key': '{key} の鍵は証明書と対になっています（{keyType}）',
  'cert.pass.chain': '中間証明書 {count} 件が、それぞれ直前の証明書を発行しています',
  'cert.pass.order': '証明書が先頭で、各証明書の後にその発行者が続いています',
  'cert.pass.trust': '{store} の「{anchor}」に到達します（ネットワークからは何も取得していません）',
  'cert.pass.names': '{previous} の名前 {count} 件をすべて維持しています{added}',
  'cert.pass.added': '。追加：{names, list}',
  'cert.pass.newer': '有効期限は {date} で、{previous}（{previousDate}）より後です',
  'cert.pass.days': '残り {days} 日（{date} まで。{threshold} 日未満で警告）',
  'cert.skip.noKey': '未確認：--key が指定されていません',
  'cert.skip.encrypted': '確認できません：{key} の鍵は暗号化されています（schedlint はパスフレーズを尋ねません）',
  'cert.skip.noChain': '未確認：中間証明書が指定されていません（--chain、または証明書ファイルにフルチェーン）',
  'cert.skip.noStore': '未確認：トラストストアが見つかりません（--ca、または etc/ssl/certs/ca-certificates.crt か etc/pki/tls/certs/ca-bundle.crt のある --root を指定してください）',
  'cert.skip.noPrevious': '未確認：--previous が指定されていません',
  'cert.skip.chainBroken': '未確認：チェーンを検証できません',
  'cert.summary': 'エラー {errors} 件、警告 {warnings} 件',
  'cert.error.noCertificate': '{path} には読み取れる証明書がありません',
  'cert.error.noKey': '{path} には秘密鍵がありません',
  'cert.error.noStore': '{path} には信頼する証明書がありません',
  'cert.error.noCert': '確認する証明書を指定してください：schedlint cert CERT',
  'cert.io.denied': '権限がありません',
  'cert.io.tooLarge': '{limit} バイトより大きいファイルです',
  'cert.io.notAFile': 'ファイルではありません',
  'cert.usage': `使い方: schedlint cert CERT [--key KEY] [--chain CHAIN] [--previous OLD] [--ca FILE] [--root DIR] [--days N] [--rule ID=LEVEL] [--format text|json|sarif] [--lang en|ja]

インストール前の証明書を確認します：秘密鍵の一致、チェーンの検証と順序、信頼されたルートへの到達、
以前の証明書の名前の維持、以前の証明書より新しいこと、残り日数。PEM（証明書、バンドル、フルチェーン、鍵）と DER に対応します。

  --key KEY        秘密鍵（PEM または DER。省略時は CERT の中の鍵。暗号化された鍵は確認しません）
  --chain CHAIN    中間証明書（CERT がフルチェーンなら不要）
  --previous OLD   この証明書で置き換える以前の証明書
  --ca FILE        信頼するルート。openssl の -CAfile と同じ（既定：--root のトラストストア、なければこのマシンのもの）
  --root DIR       etc/ssl/certs/ca-certificates.crt か etc/pki/tls/certs/ca-bundle.crt を信頼するホストのツリー
  --days N         残りが N 日未満なら警告（既定 30）
  --rule ID=LEVEL  証明書のルールの重大度を変える、または off（複数指定可）
  --format FORMAT  text（チェックリスト）、json、sarif
  --lang en|ja     メッセージの言語

ネットワークからは何も取得しません（AIA も OCSP も使いません）。終了コード：0 合格、1 エラーあり、2 使い方の誤りか読み取れないファイル。`,
};
