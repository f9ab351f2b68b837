// `schedlint cron` のテキスト出力のラベル（cli/cron-text.ts が表示幅で右に揃え、「：」を付ける）。
// ja.ts に展開する。キーとパラメーターは cron-labels.en.ts と同じ。
export const cronLabelsJa = {
  'cli.cron.label.original': '元の式',
  'cli.cron.label.error': 'エラー',
  'cli.cron.label.description': '説明',
  'cli.cron.label.dialect': '方言',
  'cli.cron.label.zone': 'タイムゾーン',
  'cli.cron.label.next': '次回',
  'cli.cron.label.iteration': '{index} 回目',
  'cli.cron.label.note': '注',
};
