// 日本語メッセージ（certbot-editor）。ja.ts に展開される。certbot-editor.en.ts と同じキー・同じパラメーター。
import type { certbotEditorEn } from './certbot-editor.en';

export const certbotEditorJa: Record<keyof typeof certbotEditorEn, string> = {
};
