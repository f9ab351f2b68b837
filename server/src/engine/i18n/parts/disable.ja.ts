// Japanese messages (inline disables); spread into ja.ts. Every key also in disable.en.ts with the same parameters.
export const disableJa = {
  'disable.fix-file': 'このファイルの {rule} を無効にする',
};
