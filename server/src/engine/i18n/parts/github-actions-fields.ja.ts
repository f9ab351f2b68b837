// 日本語のメッセージ（GitHub Actions の cron で、名前を使えないフィールド：分、時、日）。ja.ts に展開します。
// キーとパラメーターは github-actions-fields.en.ts と同じです。
export const githubActionsFieldsJa = {
  'github-actions/invalid-schedule.not-a-number': '`{name}` は数字ではありません。{field}のフィールドに書けるのは {low}〜{high} の数字だけです（名前や、`L`、`W`、`H` のような cron の拡張は GitHub にはありません）。GitHub はワークフローファイル全体を無効とし、どのイベントでも実行しません。',
} as const;
