// English title of file/byte-order-mark's fix (text-check.ts); spread into en.ts. Every key also in byte-order-mark.ja.ts.
export const byteOrderMarkEn = {
  'file/byte-order-mark.remove': 'Remove the byte-order mark',
};
