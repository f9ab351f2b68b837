// Japanese messages of the CLI's --fix/--diff and of the configuration file (.schedlint.yaml), spread into
// ja.ts. Every key is also in config.en.ts.
export const configJa = {
  'cli.usage.fixConfig':
    "\n\n修正:\n  --fix        安全な修正（ルールのページに `--fix: yes` とあるもの）をすべて適用してファイルに書き込み、\n               もう一度検査して残った指摘を表示します。ファイルとフォルダーのみ（--root/--host とは併用不可）\n  --diff       --fix と併用：変更を unified diff で表示し、何も書き込みません（変更があれば終了コード 1）\n  --fix-dry-run  --fix --diff と同じ",
  'cli.error.diffWithoutFix': '--diff は --fix で何が変わるかを表示するオプションです。--fix または --fix-dry-run と一緒に指定してください',
  'cli.error.fixWithRoot':
    '--fix はファイルに書き込みますが、--root/--host はホスト自身のファイルを検査するもので、schedlint はそれを書き換えません。修正するファイルやフォルダー（リポジトリやコピー）を指定するか、エディターで修正を適用してください',
  'cli.error.fixStdin': '--fix は標準入力（-）には書き込めません。ファイルを指定してください',
  'cli.fix.applied': '{path}:{line}: 修正：{title} [{rule}]',
  'cli.fix.summary': '{files} ファイルで {fixes} 件を修正しました',
  'cli.fix.writeFailed': 'schedlint: {path} に書き込めません：{detail}',
};
