// English messages (inline disables); spread into en.ts. Every key also in disable.ja.ts with the same parameters.
export const disableEn = {
  'disable.fix-file': 'Disable {rule} for this file',
};
