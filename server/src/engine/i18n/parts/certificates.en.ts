// English messages (certificates); spread into en.ts. Every key also in certificates.ja.ts with the same parameters.
export const certificatesEn = {
} as const;
