// crontab/unicode-space（cron が空白かタブを必要とする場所にある Unicode の空白）の日本語メッセージ。
// ja.ts に展開される。unicode-space.en.ts と同じキー・同じパラメーター。
import type { unicodeSpaceEn } from './unicode-space.en';

export const unicodeSpaceJa: Record<keyof typeof unicodeSpaceEn, string> = {
  'rule.crontab/unicode-space.title': 'cron が区切りとみなさない全角スペースなどの空白',

  'crontab/unicode-space.rejected':
    '`{code}`（{name}）は cron にとって区切りではありません。cron は行を半角スペースとタブでしか区切らないため、`{word}` を 1 つの語として読み、この行を受け付けません。{consequence}半角スペースに置き換えてください。',
  'crontab/unicode-space.misread':
    '`{code}`（{name}）は cron にとって区切りではありません。cron は行を半角スペースとタブでしか区切らないため、`{word}` を 1 つの語として読み、ジョブは書かれたとおりには実行されません。半角スペースに置き換えてください。',
  'crontab/unicode-space.skipped':
    '`{code}`（{name}）は cron にとって区切りではありません。Debian の cron は{field}のフィールドの末尾としてこれを読み飛ばしますが、cronie はこの行を受け付けません。半角スペースに置き換えてください。',
  'crontab/unicode-space.fix': '{code} を半角スペースに置換',
  'crontab/unicode-space.fix-many': '{count} 個の Unicode の空白を半角スペースに置換',
  'crontab/unicode-space.ideographic-space': '全角スペース',
  'crontab/unicode-space.no-break-space': 'ノーブレークスペース',
};
