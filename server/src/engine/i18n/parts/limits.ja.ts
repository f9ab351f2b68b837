// 巨大なファイルで schedlint が止まったりメモリを使い果たしたりしないための上限のメッセージ（issue #18）。
export const limitsJa = {
  'rule.file/too-large.title': '大きすぎて検査できないファイル・フォルダー',
  'file/too-large.file': '{path} は {size} あり、schedlint が読む上限（{limit}）を超えるため検査していません。crontab、ユニット、certbot のファイルがこの大きさになることはありません。何が書き込んだのかを確認してください。',
  'file/too-large.folder': '{path} には {count} 個のファイルがあり、schedlint が 1 つのフォルダーから読む上限（{limit}）を超えています。名前順で最初の {limit} 個を検査し、{skipped} 個は飛ばしました。そこにあるべきでないファイルを削除してください。',
  'certbot/missing-file.too-large': '`{key}` が指す {path} は {size} あり、schedlint が読む上限（{limit}）を超えるため証明書を検査していません。証明書や鍵は数 KB です。何が書き込んだのかを確認してください。',
  'certbot/invalid-syntax.interpolation-too-long': '`{key}` を読むと `%({name})s` の展開が 100 万文字を超えます。certbot はこのファイルでメモリを使い果たします。繰り返しの参照を取り除いてください。',
} as const;
