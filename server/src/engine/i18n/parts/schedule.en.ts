// English messages of the schedule family; spread into en.ts. Same rules as en.ts: every key also in schedule.ja.ts.
export const scheduleEn = {
} as const;
