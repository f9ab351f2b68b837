// Japanese messages for wording.en.ts (same keys, same parameters).
export const wordingJa = {
  'hover.source.config': '設定ファイルで指定',
};
