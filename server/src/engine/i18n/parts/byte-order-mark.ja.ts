// file/byte-order-mark の修正の日本語の題（text-check.ts）。ja.ts に展開する。byte-order-mark.en.ts と同じキー。
export const byteOrderMarkJa = {
  'file/byte-order-mark.remove': 'バイトオーダーマークを削除',
};
