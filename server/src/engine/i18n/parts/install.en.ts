// English messages of the install family; spread into en.ts. Same rules as en.ts: every key also in install.ja.ts.
export const installEn = {
} as const;
