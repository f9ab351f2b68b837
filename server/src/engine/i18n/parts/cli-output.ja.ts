// CLI の出力オプション、ルール一覧、`schedlint explain` のメッセージ（issue #25）。
export const cliOutputJa = {
  'cli.usage.output':
    "出力とルール:\n  --min-severity 重大度  この重大度以上の指摘だけを表示: error, warning, info, hint（既定: hint、すべて）\n  --quiet, -q  エラーだけを表示（--min-severity error と同じ）\n  --color 条件  色付け: auto（既定。標準出力が端末のとき。NO_COLOR と FORCE_COLOR に従う）、always、never\n  --list-rules  すべてのルールを一覧表示: ID、既定の重大度、修正の有無、形式、説明（--format json、sarif も可）\n  パスには引用符で囲んだグロブ（'deploy/**/*.cron'、*、?、[abc]、{a,b}）も書け、schedlint が展開します。\n               グロブに見える名前でも、そのファイルが存在すればそのまま読みます\n  schedlint explain ルール [--lang en|ja]\n               ルールの説明ページ（何を検出するか、例、理由、直し方）を端末に表示",
  'cli.hiddenBelow': '（{severity} 未満の指摘 {count} 件は表示していません）',
  'cli.error.quietAndMinSeverity': '--quiet と --min-severity は同時に指定できません（--quiet は --min-severity error と同じです）',
  'cli.io.noMatch': 'このパターンに一致するファイルがありません',
  'cli.sarif.help': 'このルールが検出する内容、例、理由、直し方：{url}',
  'cli.sarif.srcroot': 'schedlint を実行したリポジトリのルート（git のトップレベル、なければ作業ディレクトリ）。',
  'cli.rules.id': 'ルール',
  'cli.rules.severity': '重大度',
  'cli.rules.fixable': '修正',
  'cli.rules.format': '形式',
  'cli.rules.title': '説明',
  'cli.rules.yes': 'あり',
  'cli.rules.count': 'ルールは {count} 件です。`schedlint explain ルール` で説明ページを表示します。',
  'cli.explain.usage': '使い方: schedlint explain ルール [--lang en|ja]   （ルールの一覧は schedlint --list-rules）',
  'cli.explain.unknown': "'{rule}' というルールはありません（一覧は schedlint --list-rules）",
  'cli.explain.suggest': "'{rule}' というルールはありません。{suggestions} のことですか？",
  'cli.explain.noDocs': '{rule} の説明ページはこの schedlint に含まれていません。{url} で読めます',
} as const;
