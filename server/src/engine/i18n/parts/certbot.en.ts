// English messages of the certbot family; spread into en.ts. Same rules as en.ts: every key also in certbot.ja.ts.
export const certbotEn = {
} as const;
