// Control and invisible characters made visible for a terminal (cat -v notation); used by the CLI's text
// output and by text renderings that lay out columns (timeline-text.ts), which must measure what is printed.
/**
 * Text for a terminal with every control character shown instead of obeyed, as `cat -v` shows them: C0 as
 * `^[` (ESC), `^G` (BEL), `^M` (CR), DEL as `^?`, C1 as `M-^[`; tab and newline stay. Also the Unicode
 * direction overrides, which reorder what the reader sees, and invisible characters (zero-width space, line
 * separators, a byte-order mark) as `<U+202E>`, `<U+FEFF>`. A crontab line starting
 * `ESC[2J ESC]0;…BEL` must not clear and retitle the terminal of whoever runs `schedlint --host` (issue #18).
 * JSON and SARIF escape control characters themselves.
 */
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;
const ALL_CONTROLS = new RegExp(CONTROLS.source, 'g');

export function escapeControls(text: string): string {
  // Most text has none: a test is cheaper than a replace with a callback (a long file's output has thousands).
  if (!CONTROLS.test(text)) return text;
  return text.replace(ALL_CONTROLS, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x20) return '^' + String.fromCharCode(code + 0x40);
    if (code === 0x7f) return '^?';
    if (code < 0xa0) return 'M-^' + String.fromCharCode(code - 0x80 + 0x40);
    return `<U+${code.toString(16).toUpperCase()}>`;
  });
}
