// `--output FILE` のメッセージ（`--format prometheus` を node_exporter の textfile collector に渡すための原子的な書き込み）。
export const prometheusJa = {
  'cli.writeError': 'schedlint: {path} に書き込めません：{detail}。既存のファイルがあれば、そのまま残っています。',
  'cli.write.noFolder': 'フォルダーが存在しません',
  'cli.write.denied': '権限がありません（一時ファイルを同じフォルダーに作るため、フォルダーに書き込み権限が必要です）',
  'cli.write.isFolder': 'フォルダーです。ファイル名を指定してください',
  'cli.write.readOnly': '読み取り専用のファイルシステムです（systemd ユニットでは ReadWritePaths= にフォルダーを加えてください）',
  'cli.write.noSpace': 'デバイスに空き容量がありません',
  'cli.write.other': 'エラー {code}',
} as const;
