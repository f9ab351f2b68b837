// certbot 系の日本語メッセージ。ja.ts に展開される。certbot.en.ts と同じキー・同じパラメーター。
import type { certbotEn } from './certbot.en';

export const certbotJa: Record<keyof typeof certbotEn, string> = {
  'rule.certbot/invalid-syntax.title': 'certbot が読めない行',
  'certbot/invalid-syntax.invalid-line': 'この行は `key = value` でも `[section]` でもないため configobj が読めません。`certbot renew` は更新設定ファイル全体を壊れているとみなし、この証明書の更新を飛ばします。`key = value` の形で書いてください。',
  'certbot/invalid-syntax.invalid-value': 'この値を configobj が読めません（引用符の閉じ忘れ、または空の要素を含むリスト）。`certbot renew` は更新設定ファイル全体を壊れているとみなし、この証明書の更新を飛ばします。値全体を `"…"` で囲むか、余分なカンマを消してください。',
  'certbot/invalid-syntax.unterminated-triple-quote': '三重引用符で始まる値が閉じられていません。`certbot renew` は更新設定ファイル全体を壊れているとみなし、この証明書の更新を飛ばします。同じ三重引用符で閉じてください。',
  'certbot/invalid-syntax.duplicate-key': '`{key}` がこのセクションで 2 回設定されています。configobj は重複を受け付けないため、`certbot renew` はこの更新設定ファイルを壊れているとみなし、証明書の更新を飛ばします。どちらか一行だけ残してください。',
  'certbot/invalid-syntax.duplicate-section': 'セクション [{name}] が 2 回出てきます。configobj はこれを受け付けないため、`certbot renew` はこの更新設定ファイルを壊れているとみなし、証明書の更新を飛ばします。2 つのセクションをまとめてください。',
  'certbot/invalid-syntax.section-brackets': 'このセクション見出しは開き括弧と閉じ括弧の数が合いません。`certbot renew` はこの更新設定ファイルを壊れているとみなし、証明書の更新を飛ばします。`[` と同じ数の `]` で閉じてください。',
  'certbot/invalid-syntax.section-nesting': '深さ {depth} のセクションはここに置けません（`[[webroot_map]]` は `[renewalparams]` の直下に置きます）。`certbot renew` はこの更新設定ファイルを壊れているとみなし、証明書の更新を飛ばします。',
  'certbot/invalid-syntax.interpolation-missing': 'configobj は `{key}` の中の `%({name})s` を `{name}` の値に置き換えますが、このファイルには `{name}` がありません。値の読み込みに失敗し、certbot はこの証明書を更新しません。コマンド中の `%` の直後に `(` を続けないでください。',
  'certbot/invalid-syntax.interpolation-loop': '`{key}` の中の `%({name})s` が自分自身を参照しています。値の読み込みに失敗し、certbot はこの証明書を更新しません。循環する参照を取り除いてください。',
  'certbot/invalid-syntax.cli-unexpected-line': 'この行を ConfigArgParse が読めないため、タイマーからの `certbot renew` を含むすべての certbot コマンドが何もせずに「Unexpected line」で終了します。`option = value` の形で書いてください。',

  'rule.certbot/unknown-key.title': 'certbot が知らないキー',
  'certbot/unknown-key.unknown': '`{key}` は certbot が知らないキーなので無視されます。`certbot --help all` で綴りを確かめるか、行を消してください。',
  'certbot/unknown-key.unknown-suggest': '`{key}` は certbot が知らないキーなので無視されます。`{suggestion}` の誤りではありませんか。',
  'certbot/unknown-key.not-read': '`{key}` は古い certbot が書き込んだキーです。今の `certbot renew` は更新設定ファイルからこれを読まず、次にファイルを書き直すときに消します。対応は不要です。',
  'certbot/unknown-key.cli-unknown': '`{key}` は certbot のオプションではありません。certbot はこれを `--{key}` として渡し、毎回「unrecognized arguments」で終了するため、どの証明書も更新されません。行を消すか、`certbot --help all` にあるオプションを使ってください。',
  'certbot/unknown-key.cli-unknown-suggest': '`{key}` は certbot のオプションではありません。certbot が毎回「unrecognized arguments」で終了するため、どの証明書も更新されません。`{suggestion}` の誤りではありませんか。',
  'certbot/unknown-key.cli-ambiguous': '`{key}` は複数の certbot オプション（{candidates}）の先頭部分に当たります。certbot が毎回「ambiguous option」で終了するため、どの証明書も更新されません。オプション名を最後まで書いてください。',
  'certbot/unknown-key.rename': '`{suggestion}` に直す',

  'rule.certbot/standalone-without-hooks.title': 'Web サーバーが 80 番を使っているのに standalone で更新',
  'certbot/standalone-without-hooks.no-hooks': 'この証明書は standalone プラグインで更新され、certbot 自身が 80 番ポートを開く必要がありますが、このホストには {servers, list} があり（{evidence}）、それを止める pre/post フックがありません。自動更新は毎回ポートを開けずに失敗するか、手で止めた Web サーバーが止まったままになります。pre フックで止め、post フックで起動してください。',
  'certbot/standalone-without-hooks.fix': 'cli.ini に {servers, list} を停止・起動する pre-hook と post-hook を追加',

  'rule.certbot/manual-without-auth-hook.title': 'auth フックのない manual 認証',
  'certbot/manual-without-auth-hook.no-auth-hook': 'この証明書は manual プラグインで更新されますが `manual_auth_hook` がありません。`certbot renew` は対話なしで動くため「An authentication script must be provided with --manual-auth-hook」で止まり、自動では一度も更新されません。`--manual-auth-hook`（と `--manual-cleanup-hook`）を付けて一度更新するか、別の認証方式に切り替えてください。',

  'rule.certbot/webroot-without-path.title': 'フォルダー指定のない webroot 認証',
  'certbot/webroot-without-path.no-path': 'この証明書は webroot プラグインで更新されますが、フォルダーの指定（`webroot_path` も `[[webroot_map]]` の項目も）がありません。`certbot renew` はフォルダーを尋ねられないため失敗します。`--webroot -w /var/www/html` を付けて一度更新し、certbot にフォルダーを記録させてください。',

  'rule.certbot/hook-in-renewal-conf.title': '更新設定ファイルにしかないフック',
  'certbot/hook-in-renewal-conf.only-here': '`{key}` はこの更新設定ファイルにしかありませんが、certbot は更新のたびにその実行のオプションでこのファイルを書き直します。`certbot renew` なら残りますが、この証明書に対する `certbot certonly` や `certbot --nginx` の実行、`certbot renew --{option} …` で置き換えられるか消えます。cli.ini に `{option}` として書いてください（すべての証明書に適用されます）。',
  'certbot/hook-in-renewal-conf.overridden': 'ここの `{key}` は使われません。{file} の `{option}` が更新設定ファイルより優先されます。この行を消すか、両方を同じにしてください。',
  'certbot/hook-in-renewal-conf.related': 'certbot が実際に使うフック',
  'certbot/hook-in-renewal-conf.fix': 'フックを {file} に移す（すべての証明書に適用されます）',

  'rule.certbot/deploy-hook-in-renewal-conf.title': '更新設定ファイルの `deploy_hook`',
  'certbot/deploy-hook-in-renewal-conf.ignored': '`certbot renew` は更新設定ファイルの `deploy_hook` を読みません（certbot はデプロイフックを `renew_hook` に保存します）。このフックは一度も実行されず、次の書き直しで消えます。`renew_hook` に名前を変えてください。',
  'certbot/deploy-hook-in-renewal-conf.ignored-beside-renew-hook': '`certbot renew` は更新設定ファイルの `deploy_hook` を読みません。実行されるのは上の `renew_hook` です。この行を消すか、2 つのコマンドを `renew_hook` にまとめてください。',
  'certbot/deploy-hook-in-renewal-conf.fix': '`renew_hook` に名前を変える',

  'rule.certbot/renew-hook-spelling.title': 'cli.ini の `renew-hook`',
  'certbot/renew-hook-spelling.old-spelling': '`{key}` は `deploy-hook` の古い書き方です。`certbot renew` で更新したあとには実行されますが、`certbot certonly` で取得したあとには実行されません。`deploy-hook` なら両方で実行されます。',
  'certbot/renew-hook-spelling.fix': '`deploy-hook` に名前を変える',

  'rule.certbot/secret-permissions.title': '他のユーザーが読める秘密鍵や認証情報',
  'certbot/secret-permissions.key': '秘密鍵 {file} のパーミッションが {mode} です。このマシンのどのユーザーでも読めて、このサイトになりすませます。その他のユーザーの権限を外してください。',
  'certbot/secret-permissions.credentials': 'DNS の認証情報ファイル {file} のパーミッションが {mode} です。このマシンのどのユーザーでも API トークンを読んで DNS を書き換えられます（certbot 自身も「Unsafe permissions on credentials configuration file」と警告します）。その他のユーザーの権限を外してください。',
  'certbot/secret-permissions.chmod': '{file} からその他のユーザーの権限を外す',

  'rule.certbot/hook-not-executable.title': 'certbot が飛ばすフックスクリプト',
  'certbot/hook-not-executable.not-executable': '{file} に実行権限がないため、`certbot renew` は何も言わずにこれを飛ばします。この {stage} フックは一度も実行されません。実行権限を付けてください。',
  'certbot/hook-not-executable.chmod': '{file} に実行権限を付ける',
};
