// certbot 系の日本語メッセージ。ja.ts に展開される。certbot.en.ts と同じキー・同じパラメーター。
import type { certbotEn } from './certbot.en';

export const certbotJa: Record<keyof typeof certbotEn, string> = {
};
