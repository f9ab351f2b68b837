// schedule 系の日本語メッセージ。ja.ts に展開される。schedule.en.ts と同じキー・同じパラメーター。
import type { scheduleEn } from './schedule.en';

export const scheduleJa: Record<keyof typeof scheduleEn, string> = {
};
