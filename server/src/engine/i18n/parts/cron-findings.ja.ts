// `schedlint cron` の行に lint がエラーの重大度で出した指摘の日本語メッセージ（cliux の `cli.cron.warning` の隣）。
// ja.ts に展開する。キーとパラメーターは cron-findings.en.ts と同じ。
export const cronFindingsJa = {
  'cli.cron.error': '{expression}: エラー：{message}',
};
