// 日本語メッセージ（timeline）。ja.ts に展開される。timeline.en.ts と同じキー・同じパラメーター。
import type { timelineEn } from './timeline.en';

export const timelineJa: Record<keyof typeof timelineEn, string> = {
};
