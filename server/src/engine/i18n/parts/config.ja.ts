// Japanese messages of the CLI's --fix/--diff and of the configuration file (.schedlint.yaml), spread into
// ja.ts. Every key is also in config.en.ts.
export const configJa = {
  'cli.usage.fixConfig':
    "\n\n修正:\n  --fix        安全な修正（ルールのページに `--fix: yes` とあるもの）をすべて適用してファイルに書き込み、\n               もう一度検査して残った指摘を表示します。ファイルとフォルダーのみ（--root/--host とは併用不可）\n  --diff       --fix と併用：変更を unified diff で表示し、何も書き込みません（変更があれば終了コード 1）\n  --fix-dry-run  --fix --diff と同じ\n\n設定ファイル: 各ファイルから上のフォルダーへリポジトリのルートまでで最も近い .schedlint.yaml（.yml、.json）で、\nルールの重大度、グロブごとの形式と方言、無視するファイル、certificates.expiryDays を設定します（オプションが優先）。\n  --print-config PATH  PATH に適用される設定を JSON で表示",
  'cli.error.diffWithoutFix': '--diff は --fix で何が変わるかを表示するオプションです。--fix または --fix-dry-run と一緒に指定してください',
  'cli.error.fixWithRoot':
    '--fix はファイルに書き込みますが、--root/--host はホスト自身のファイルを検査するもので、schedlint はそれを書き換えません。修正するファイルやフォルダー（リポジトリやコピー）を指定するか、エディターで修正を適用してください',
  'cli.error.fixStdin': '--fix は標準入力（-）には書き込めません。ファイルを指定してください',
  'cli.fix.applied': '{path}:{line}: 修正：{title} [{rule}]',
  'cli.fix.summary': '{files} ファイルで {fixes} 件を修正しました',
  'cli.fix.writeFailed': 'schedlint: {path} に書き込めません：{detail}',
  'config.error.unreadable': '設定ファイルを読み取れません：{detail}',
  'config.error.syntax': 'YAML または JSON として正しくありません：{detail}',
  'config.error.notAMapping': '{key} は名前と値の対応（マッピング）で書いてください',
  'config.error.notAList': '{key} はリストで書いてください',
  'config.error.unknownKey': '不明な設定「{key}」です（ここで使える設定：{allowed}）',
  'config.error.unknownRule': '不明なルール「{rule}」です（ルールの一覧は docs/rules/README.md にあります）',
  'config.error.value': '{key} に指定できる値：{allowed}',
  'config.error.glob': '{key} にはグロブ（空でない文字列）またはそのリストを指定してください',
  'config.error.days': '{key} には 0 から {most} までの整数（日数）を指定してください',
  'config.error.overrideFiles': '{key} には対象ファイルのグロブ `files` が必要です',
  'cli.config.invalid': 'schedlint: 設定ファイルが正しくないため、検査しませんでした',
  'hover.reason.config': '設定ファイルで指定',
  'certbot/cert-expiring.threshold':
    '証明書の有効期限は {date}（残り {days} 日）で、certificates.expiryDays に設定した {wanted} 日を下回っています。certbot は {renewDate} 以降に更新します。`{command}` を実行して、更新が動くことを確認してください。',
  'cli.fix.changedMeanwhile': '修正中にファイルが変更されたため、書き換えていません',
  'cli.fix.ownerNotKept': '{detail}（所有者を保てないため、書き換えていません）',
};
