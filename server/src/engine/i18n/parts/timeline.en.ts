// English messages (timeline); spread into en.ts. Every key also in timeline.ja.ts with the same parameters.
export const timelineEn = {
} as const;
