// 日本語メッセージ（certbot-editor）。ja.ts に展開される。certbot-editor.en.ts と同じキー・同じパラメーター。
import type { certbotEditorEn } from './certbot-editor.en';

export const certbotEditorJa: Record<keyof typeof certbotEditorEn, string> = {
  'certbot-editor.section.renewalparams':
    '`certbot renew` がこの証明書の更新で再利用するオプション（認証プラグイン、インストーラー、アカウント、サーバー、鍵の設定、フック）です。証明書の取得・更新・reconfigure のたびに certbot がこのセクションを書き直すため、手で加えた変更は残りません。',
  'certbot-editor.section.webroot_map':
    'ドメイン名ごとに、どの webroot で検証するかの対応です（webroot 認証）。`名前 = ディレクトリ` の形で、チャレンジ用のファイルは `ディレクトリ/.well-known/acme-challenge/` に置かれます。',
  'certbot-editor.section.acme_renewal_info':
    'certbot が実行の合間に保持する ACME Renewal Information（ARI）の情報です（certbot 4.1 以降）。編集するものではありません。',

  'certbot-editor.key.version': 'このファイルを最後に書いた certbot のバージョンです。新しい certbot はそのまま読めますが、古い certbot では「動かないかもしれない」とログに出ます。',
  'certbot-editor.key.archive_dir': '発行されたすべての版（`cert1.pem`、`privkey1.pem` など）を置くディレクトリです。`live/` のファイルはここへのリンクです。',
  'certbot-editor.key.cert': '証明書本体です（`live/NAME/cert.pem`。アーカイブ内の最新の `certN.pem` へのリンク）。サーバーに設定するのは通常 `fullchain` のほうです。',
  'certbot-editor.key.privkey': '証明書の秘密鍵です（`live/NAME/privkey.pem`）。root だけが読めるようにしておきます。',
  'certbot-editor.key.chain': '`cert` を発行した中間証明書です（`live/NAME/chain.pem`）。',
  'certbot-editor.key.fullchain': '証明書に中間証明書を続けたものです（`live/NAME/fullchain.pem`）。nginx の `ssl_certificate` や Apache の `SSLCertificateFile` にはこれを指定します。',
  'certbot-editor.key.renew_before_expiry':
    '有効期限までの残りがこの期間を切ったら更新します（`30 days`、`2 weeks` など）。指定がない場合、certbot 4.0 以前（Debian 12 は 2.1）は期限の 30 日前に更新し、4.1 以降は CA の更新情報（ARI）に従い、それもなければ有効期間の 3 分の 2 が過ぎたところで更新します。',

  'certbot-editor.param.authenticator':
    '更新時にドメインの管理権を CA に示す方法です。`standalone`（certbot 自身がポート 80 で待ち受ける）、`webroot`（稼働中の Web サーバーが配信するファイルを置く）、`nginx`/`apache`（チャレンジ用に Web サーバーの設定を調整する）、`manual`（`manual_auth_hook` を実行する）、`dns-…`（DNS プラグイン）があります。',
  'certbot-editor.param.installer': '更新した証明書をサーバーの設定に組み込むプラグインです（`nginx`、`apache`）。組み込まない場合は `None` です。',
  'certbot-editor.param.account': '更新に使う ACME アカウントです。`/etc/letsencrypt/accounts/<サーバー>/directory/` の下のディレクトリ名です。',
  'certbot-editor.param.server': '証明書の発行元で、更新先でもある ACME ディレクトリの URL です（Let\'s Encrypt 本番は `https://acme-v02.api.letsencrypt.org/directory`）。',
  'certbot-editor.param.key_type': '更新のたびに作る秘密鍵の種類で、`rsa` か `ecdsa` です。この行がなければ `rsa` として扱われます（certbot 1.25 より前に書かれたファイル）。',
  'certbot-editor.param.rsa_key_size': '新しく作る RSA 鍵のビット数です（`key_type = rsa` のとき）。certbot の既定は 2048 です。',
  'certbot-editor.param.elliptic_curve': '新しく作る ECDSA 鍵の曲線です（`key_type = ecdsa` のとき）。`secp256r1`（既定）、`secp384r1`、`secp521r1` のいずれかです。',
  'certbot-editor.param.reuse_key': '`True` なら、更新時に新しい鍵を作らず今の秘密鍵を使い続けます。',
  'certbot-editor.param.must_staple': '`True` なら証明書に OCSP Must-Staple が付き、サーバーが OCSP レスポンスをステープルしないとブラウザーに拒否されます。',
  'certbot-editor.param.preferred_chain': 'CA が複数のチェーンを提示したときに選ぶチェーンを、最上位の証明書のコモンネームで指定します（例：`ISRG Root X1`）。',
  'certbot-editor.param.pref_challs': '試すチャレンジの種類を優先順に並べたものです（`http-01`、`dns-01`）。',
  'certbot-editor.param.http01_port': 'standalone 認証が待ち受けるポートです。CA は常にポート 80 に接続するので、80 以外にするなら 80 からの転送が必要です。',
  'certbot-editor.param.http01_address': 'standalone 認証が待ち受けるアドレスです（空ならすべてのアドレス）。',
  'certbot-editor.param.allow_subset_of_names': '`True` なら、検証に通らない名前があっても、通った名前だけで更新を成功させます（通らなかった名前は証明書から外れます）。',
  'certbot-editor.param.autorenew': '`False` なら `certbot renew` はこの証明書を更新しません（`--no-autorenew` で設定されます）。',
  'certbot-editor.param.webroot_path': 'webroot 認証で使う webroot です。チャレンジ用のファイルは `PATH/.well-known/acme-challenge/` に置かれます。末尾のカンマは要素 1 つのリストを表します。',
  'certbot-editor.param.pre_hook':
    '`certbot renew` が証明書を取得する前にシェルで実行されます。同じフックを持つ証明書が複数あっても 1 回の実行につき 1 度だけです（standalone のために Web サーバーを止める、など）。このファイルは更新や reconfigure のたびに certbot が書き直すので、手で書くフックは `cli.ini` か `renewal-hooks/pre/` に置くほうが確実です。',
  'certbot-editor.param.post_hook':
    '`certbot renew` が証明書の取得を試みた後に、成否にかかわらずシェルで実行されます（Web サーバーを再び起動する、など）。手で書くフックは `cli.ini` か `renewal-hooks/post/` に置くほうが確実です。',
  'certbot-editor.param.renew_hook':
    'デプロイフックです（`--deploy-hook` で指定したものがこの名前で保存されます）。`certbot renew` はこの証明書の更新に成功するたびに、`$RENEWED_LINEAGE`（`live/` のディレクトリ）と `$RENEWED_DOMAINS` を設定してこれを実行します。',
  'certbot-editor.param.deploy_hook':
    'certbot がデプロイフックを保存するキーではありません（保存先は `renew_hook`）。certbot 5.3 より前（Debian 12 は 2.1）はこのキーを読まないため、このフックは一度も実行されません。5.3 以降は読みますが（`renew_hook` があればそちらが優先）、書き戻すときは `renew_hook` になります。',
  'certbot-editor.param.manual_auth_hook':
    'manual 認証でチャレンジを行うスクリプトです（`$CERTBOT_DOMAIN`、`$CERTBOT_VALIDATION`、`$CERTBOT_TOKEN` が設定されます）。これがないと、manual での更新には端末の前に人が必要です。',
  'certbot-editor.param.manual_cleanup_hook': 'チャレンジの後に、`manual_auth_hook` が用意したものを片付けるスクリプトです。',
  'certbot-editor.param.config_dir': '当時の certbot の設定ディレクトリです（`/etc/letsencrypt`）。',
  'certbot-editor.param.work_dir': '当時の certbot の作業ディレクトリです（`/var/lib/letsencrypt`）。',
  'certbot-editor.param.logs_dir': '当時の certbot のログディレクトリです（`/var/log/letsencrypt`）。',
  'certbot-editor.param.user_agent': 'certbot が CA に送る User-Agent です。',
  'certbot-editor.param.preferred_profile': 'CA に要求する証明書プロファイルです。CA が提供していなければ既定のプロファイルになります。',
  'certbot-editor.param.required_profile': 'CA に必ず発行させる証明書プロファイルです。発行できなければ更新は失敗します。',
  'certbot-editor.param.plugin': '`{plugin}` プラグインのオプションです。`{plugin}` がこの証明書の認証プラグインかインストーラーであるとき、`certbot renew` がこの値を使います。',
  'certbot-editor.webrootMapEntry': '`{name}` は webroot `{path}` で検証されます。チャレンジ用のファイルは `{path}/.well-known/acme-challenge/` に置かれます。',

  'certbot-editor.option.generic': 'certbot のコマンドラインの `--{name}` と同じです。cli.ini は certbot のすべての実行（更新タイマーの `certbot renew` も含む）に適用されます。',
  'certbot-editor.option.email': 'ACME アカウントのメールアドレスです（期限切れの警告やアカウントの復旧に使われます）。複数ならカンマで区切ります。',
  'certbot-editor.option.agree-tos': 'ACME サーバーの利用規約に、確認なしで同意します。',
  'certbot-editor.option.no-eff-email': 'メールアドレスを EFF と共有せず、確認もしません。',
  'certbot-editor.option.eff-email': 'メールアドレスを、確認なしで EFF と共有します。',
  'certbot-editor.option.non-interactive': '何も尋ねません。入力が必要な場面では失敗します。',
  'certbot-editor.option.authenticator': '新しい証明書の認証プラグインです（`standalone`、`webroot`、`nginx`、`apache`、`manual`、`dns-…`）。',
  'certbot-editor.option.installer': '新しい証明書のインストーラーです（`nginx`、`apache`）。',
  'certbot-editor.option.webroot-path': 'webroot 認証の webroot です。チャレンジ用のファイルは `PATH/.well-known/acme-challenge/` に置かれます。',
  'certbot-editor.option.server': 'ACME ディレクトリの URL です（Let\'s Encrypt 本番は `https://acme-v02.api.letsencrypt.org/directory`）。',
  'certbot-editor.option.staging': 'Let\'s Encrypt のステージング環境を使います。発行されるのはブラウザーが信頼しないテスト用の証明書です。',
  'certbot-editor.option.key-type': '新しく作る秘密鍵の種類で、`rsa` か `ecdsa` です。',
  'certbot-editor.option.rsa-key-size': '新しく作る RSA 鍵のビット数です（既定は 2048）。',
  'certbot-editor.option.elliptic-curve': '新しく作る ECDSA 鍵の曲線です（既定は `secp256r1`）。',
  'certbot-editor.option.must-staple': '新しい証明書に OCSP Must-Staple を付けるよう要求します。',
  'certbot-editor.option.preferred-chain': 'CA が複数のチェーンを提示したときに選ぶチェーンを、最上位の証明書のコモンネームで指定します。',
  'certbot-editor.option.preferred-challenges': '試すチャレンジの種類を優先順に並べたものです（`http-01`、`dns-01`）。',
  'certbot-editor.option.http-01-port': 'standalone 認証が待ち受けるポートです。CA は常にポート 80 に接続します。',
  'certbot-editor.option.keep-until-expiring': '同じ内容の証明書がすでにあれば、更新時期が来るまでそれを使い続けます（確認しません）。',
  'certbot-editor.option.expand': '既存の証明書を、名前を追加した証明書に確認なしで置き換えます。',
  'certbot-editor.option.reuse-key': '更新時に今の秘密鍵を使い続けます。',
  'certbot-editor.option.max-log-backups': 'certbot が残すローテーション済みログの数です。`0` なら certbot 自身のローテーションを止めます（Debian はこうして logrotate に任せています）。',
  'certbot-editor.option.preconfigured-renewal': 'パッケージ側で更新の定期実行（systemd タイマーや cron ジョブ）を用意済みであることを certbot に伝えます。証明書の発行後、更新の設定を促す代わりにその旨を表示します。',
  'certbot-editor.option.pre-hook':
    '証明書を取得する前に、1 回の実行につき 1 度シェルで実行されます。ここに書けばすべての更新に適用され、certbot が更新設定ファイルを書き直しても消えません。',
  'certbot-editor.option.post-hook':
    '証明書の取得を試みた後に、1 回の実行につき 1 度シェルで実行されます。ここに書けばすべての更新に適用され、certbot が更新設定ファイルを書き直しても消えません。',
  'certbot-editor.option.deploy-hook':
    '証明書の発行や更新に成功するたびに、`$RENEWED_LINEAGE` と `$RENEWED_DOMAINS` を設定してシェルで実行されます。ここに書けばすべての証明書に適用されます。',
  'certbot-editor.option.renew-hook': '`deploy-hook` の古い書き方で、今も読まれます。更新に成功するたびに実行されます。',
  'certbot-editor.option.manual-auth-hook': 'manual 認証でチャレンジを行うスクリプトです。',
  'certbot-editor.option.manual-cleanup-hook': 'manual 認証のフックが用意したものを片付けるスクリプトです。',
  'certbot-editor.option.no-directory-hooks': '`renewal-hooks/pre`、`post`、`deploy` にある実行ファイルを実行しません。',
  'certbot-editor.option.disable-hook-validation': '各フックの最初の語が `PATH` 上のプログラムかどうかを確認しません（シェルの構文で始まるフックに必要です）。',
  'certbot-editor.option.config-dir': 'certbot の設定ディレクトリです（既定は `/etc/letsencrypt`）。',
  'certbot-editor.option.work-dir': 'certbot の作業ディレクトリです（既定は `/var/lib/letsencrypt`）。',
  'certbot-editor.option.logs-dir': 'certbot のログディレクトリです（既定は `/var/log/letsencrypt`）。',
  'certbot-editor.option.quiet': 'エラー以外は何も出力しません（cron ジョブ向け）。',

  'certbot-editor.certificateUnavailable': 'ここでは証明書の詳細を表示できません。',

  'certbot-editor.lens.dryRun': 'この証明書の更新をテスト実行（dry run）',
};
