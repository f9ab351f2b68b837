// install 系の日本語メッセージ。ja.ts に展開される。install.en.ts と同じキー・同じパラメーター。
import type { installEn } from './install.en';

export const installJa: Record<keyof typeof installEn, string> = {
};
