// 巨大なファイルで schedlint が止まったりメモリを使い果たしたりしないための上限のメッセージ（issue #18）。
export const limitsJa = {
  'certbot/invalid-syntax.interpolation-too-long': '`{key}` を読むと `%({name})s` の展開が 100 万文字を超えます。certbot はこのファイルでメモリを使い果たします。繰り返しの参照を取り除いてください。',
} as const;
