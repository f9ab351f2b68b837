// テキストとして読めない入力（バイナリ、UTF-8 でないバイト、BOM）、デコードできない証明書、schedlint 自身の
// バグ（internal/rule-error）の日本語メッセージ。ja.ts に展開される。bad-input.en.ts と同じキー・同じパラメーター。
import type { badInputEn } from './bad-input.en';

export const badInputJa: Record<keyof typeof badInputEn, string> = {
  'rule.internal/rule-error.title': 'このファイルの検査中に起きた schedlint のバグ',
  'internal/rule-error.thrown':
    'schedlint のバグです。ルール {rule} がこのファイルで失敗したため（{detail}）、このルールの検査結果はありません。他のルールは実行されています。このメッセージと、できればファイルを添えて https://github.com/schedlint/schedlint/issues に報告してください。',
  'internal/rule-error.file':
    'schedlint のバグです。{rule} がこのファイルで失敗したため（{detail}）、このファイルは検査されていません。他のファイルは検査されています。このメッセージと、できればファイルを添えて https://github.com/schedlint/schedlint/issues に報告してください。',

  'rule.file/not-text.title': 'テキストでないファイル',
  'file/not-text.binary': 'テキストファイルではない（{reason}）ため、検査していません。{consequence}削除するか、本来置くはずのテキストファイルに置き換えてください。',
  'file/not-text.reason.nul': 'NUL バイトを含みます',
  'file/not-text.reason.control': '先頭部分のほとんどが制御文字です',
  'file/not-text.consequence.crontab': 'cron はこれを crontab として 1 行ずつ読みますが、有効な行ではないため、Debian の cron はファイル全体を無視し、cronie はそれらの行を飛ばします。',
  'file/not-text.consequence.unit': 'systemd はこれをユニットファイルの行として読み、UTF-8 でない行を拒否してユニットの読み込みに失敗します。',
  'file/not-text.consequence.certbot': 'certbot はこれを設定ファイルとして読めず、エラーを出して飛ばします。',

  'rule.file/not-utf8.title': 'UTF-8 でないバイト',
  'file/not-utf8.crontab': 'このファイルはオフセット {byte} バイト目（{line} 行目）が UTF-8 ではありません。cron はこのバイトをそのままシェルに渡しますが、エディターと schedlint には � と表示されるため、見えている行と実行される行が違います。UTF-8 で保存し直してください。',
  'file/not-utf8.crontab-editor': '{line} 行目が UTF-8 ではありません（エディターには � と表示されます）。cron は元のバイトをそのままシェルに渡すため、見えている行と実行される行が違います。本来の文字コードで開き直し、UTF-8 で保存してください。',
  'file/not-utf8.unit': 'このファイルはオフセット {byte} バイト目（{line} 行目）が UTF-8 ではありません。systemd は「String is not UTF-8 clean, ignoring assignment」と記録したうえでユニット全体の読み込みに失敗します（Invalid argument）。UTF-8 で保存し直してください。',
  'file/not-utf8.unit-editor': '{line} 行目が UTF-8 ではありません（エディターには � と表示されます）。systemd は「String is not UTF-8 clean, ignoring assignment」と記録したうえでユニット全体の読み込みに失敗します（Invalid argument）。本来の文字コードで開き直し、UTF-8 で保存してください。',
  'file/not-utf8.unit-comment': 'このファイルはオフセット {byte} バイト目（{line} 行目、コメント）が UTF-8 ではありません。systemd は UTF-8 を確かめる前にコメントを飛ばすので害はありませんが、エディターには � と表示されます。UTF-8 で保存し直してください。',
  'file/not-utf8.certbot': 'このファイルはオフセット {byte} バイト目（{line} 行目）が UTF-8 ではありません。certbot は設定を UTF-8 として読むため、このファイルをデコードできずエラーを出して飛ばします。UTF-8 で保存し直してください。',
  'file/not-utf8.certbot-editor': '{line} 行目が UTF-8 ではありません（エディターには � と表示されます）。certbot は設定を UTF-8 として読むため、このファイルをデコードできずエラーを出して飛ばします。本来の文字コードで開き直し、UTF-8 で保存してください。',

  'rule.file/byte-order-mark.title': 'ファイル先頭のバイトオーダーマーク（BOM）',
  'file/byte-order-mark.crontab': 'ファイルの先頭にバイトオーダーマーク（EF BB BF の 3 バイト。多くのエディターでは見えません）があります。cron はこれを飛ばさないため、1 行目が書いたとおりに読まれません。{consequence}BOM なしの UTF-8 で保存してください。',
  'file/byte-order-mark.harmless': 'ファイルの先頭にバイトオーダーマーク（EF BB BF の 3 バイト。多くのエディターでは見えません）があります。{program} は飛ばしますが、このファイルを読む他のツールは飛ばさないかもしれません。BOM なしの UTF-8 で保存してください。',

  'certbot/missing-file.bad-certificate': '{path} は証明書として読めません（{problem}）。このファイルを指定した Web サーバーは起動もリロードもできません。archive フォルダーからファイルを戻してください。',
  'certificates.problem.bad-base64': 'BEGIN 行と END 行の間が正しい base64 ではありません',
  'certificates.problem.not-certificate': 'PEM ブロックはデコードできますが、中身が X.509 証明書ではありません（OpenSSL: {reason}）',
  'certificates.problem.bad-key': '証明書に含まれる公開鍵をデコードできません（OpenSSL: {reason}）',
};
