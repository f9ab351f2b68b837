// Japanese messages about which files are linted and as what; spread into ja.ts. Every key is also in
// discovery.en.ts.
export const discoveryJa = {
  'cli.io.missingNotUtf8': 'ファイルもフォルダーもありません（UTF-8 でない名前は引数では渡せません。そのフォルダー、`\'etc/cron.d/*\'` のように引用符で囲んだグロブ、または --root を指定してください）',
  'cli.io.noSuchFolder': 'そのフォルダーはありません',
  'cli.assumed.unrecognized.script': '{path}: 注意：検査していません。1 行目が `#!` のスクリプトで、crontab ではありません（--kind で形式を指定できます）',
  'cli.assumed.unrecognized.run-parts': '{path}: 注意：検査していません。このフォルダーのファイルは run-parts がプログラムとして実行するもので、crontab として読まれません（--kind で形式を指定できます）',
  'cli.assumed.unrecognized.documentation': '{path}: 注意：検査していません。README・ライセンス・Markdown などの文書で、crontab ではありません（--kind で形式を指定できます）',
  'cli.assumed.unrecognized.binary': '{path}: 注意：検査していません。バイナリファイルで、schedlint が読むどの形式でもありません（--kind で形式を指定できます）',
};
