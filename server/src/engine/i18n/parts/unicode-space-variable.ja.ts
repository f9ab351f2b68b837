// crontab/unicode-space の環境変数の行（`=` の隣にある Unicode の空白）の日本語メッセージ。ja.ts に展開される。
// unicode-space-variable.en.ts と同じキー・同じパラメーター。
import type { unicodeSpaceVariableEn } from './unicode-space-variable.en';

export const unicodeSpaceVariableJa: Record<keyof typeof unicodeSpaceVariableEn, string> = {
  'crontab/unicode-space.variable-name':
    '`{code}`（{name}）は cron にとって区切りではありません。変数名の一部として読まれるため、cron が設定するのは `{intended}` ではなく `{word}` です。半角スペースに置き換えてください。',
  'crontab/unicode-space.variable-value':
    '`{code}`（{name}）は cron にとって区切りではありません。値の先頭に残るため、`{variable}` の値は `{intended}` ではなく `{word}` になります。半角スペースに置き換えてください。',
};
