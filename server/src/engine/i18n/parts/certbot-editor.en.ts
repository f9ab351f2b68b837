// English messages (certbot-editor); spread into en.ts. Every key also in certbot-editor.ja.ts with the same parameters.
export const certbotEditorEn = {
} as const;
