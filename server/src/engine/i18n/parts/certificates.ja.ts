// 日本語メッセージ（certificates）。ja.ts に展開される。certificates.en.ts と同じキー・同じパラメーター。
import type { certificatesEn } from './certificates.en';

export const certificatesJa: Record<keyof typeof certificatesEn, string> = {
};
