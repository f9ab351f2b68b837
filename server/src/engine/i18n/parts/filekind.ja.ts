// Japanese messages (file formats as the CLI reports them, its option errors); spread into ja.ts. Same keys
// and parameters as filekind.en.ts.
export const filekindJa = {
  'format.crontab-system': 'システム crontab',
  'format.crontab-user': 'ユーザー crontab',
  'format.unit': 'systemd ユニット',
  'format.certbot-renewal': 'certbot の更新設定ファイル',
  'format.certbot-cli-ini': 'certbot の cli.ini',
  'cli.assumed': '{path}: {format} として読みました（{reason}）',
  'cli.assumed.dialect': '{path}: {dialect} が読む {format} として読みました（{reason}。cron は {source}）',
  'cli.assumed.weak': '{path}: 注意：内容の少ない行、または食い違う行から {format} と推定しました。確実にするには --kind を指定してください',
  'cli.assumed.unrecognized': '{path}: 注意：検査していません。certbot のファイルでも systemd ユニットでもない INI 形式です（--kind で形式を指定できます）',
  'cli.dialectSource.option': '--dialect で指定',
  'cli.fixHint': '修正案：{title}',
  'cli.error.unknownOption': "不明なオプション '{option}' です",
  'cli.error.unknownOptionSuggest': "不明なオプション '{option}' です。'{suggestion}' のことですか？",
  'cli.error.missingValue': "オプション '{option}' には値が必要です",
  'cli.cron.horizon': '今後 {years} 年間の実行は {iterations} 回中 {count} 回だけです（探索はそこで終わります）',
};
