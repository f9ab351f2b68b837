// `schedlint edit` (crontab -e・sudoedit・systemctl edit が呼ぶエディタの前後で検査するラッパー) のメッセージ (issue #23)。
import type { editEn } from './edit.en';

export const editJa: Record<keyof typeof editEn, string> = {
  'edit.usage':
    '使い方: schedlint edit [--lang en|ja] ファイル…\n\nエディタでファイルを開き、呼び出し元のプログラムがインストールする前に結果を検査します。\nそのプログラムのエディタとして設定してください。例 (~/.bashrc):\n  export VISUAL="schedlint edit"\n実際に開くエディタは $SCHEDLINT_EDITOR、なければ $VISUAL と $EDITOR のうち schedlint でない最初のもの、なければ editor、なければ vi です。\n問題なし・警告のみ: 終了コード 0 (インストールされます)。エラーあり: 端末ならどうするか尋ね、端末でなければ終了コード 1 (何もインストールされません)。',
  'edit.error.noFile': '編集するファイルを指定してください (エディタを呼ぶプログラムが渡します)',
  'edit.loop': 'schedlint edit: 実行するエディタ ({editor}) が schedlint edit 自身です。SCHEDLINT_EDITOR に本来のエディタを設定してください (例: export SCHEDLINT_EDITOR=vim)。',
  'edit.editorFailed': 'schedlint edit: エディタ ({editor}) が終了コード {status} で終了しました。検査はしておらず、呼び出し元は何もインストールしません。',
  'edit.editorNotStarted': 'schedlint edit: エディタ ({editor}) を起動できません: {detail}',
  'edit.unreadable': 'schedlint edit: 編集後の {path} を読めません: {detail}',
  'edit.prompt.withFixes': 'どうしますか? [e] もう一度編集 / [f] 修正を適用してもう一度編集 / [d] 破棄 (何もインストールされません) / [k] このまま残す: ',
  'edit.prompt.noFixes': 'どうしますか? [e] もう一度編集 / [d] 破棄 (何もインストールされません) / [k] このまま残す: ',
  'edit.prompt.invalid': 'e・f・d・k のいずれかで答えてください。',
  'edit.fixesApplied': 'schedlint edit: {count} 件の修正を適用しました。エディタで確認してください。',
  'edit.refused': 'schedlint edit: エラーが {errors} 件あり、尋ねる端末がありません。編集を拒否したので、呼び出し元は何もインストールしません。',
  'edit.discarded': 'schedlint edit: 破棄しました。呼び出し元は何もインストールしません。',
  'edit.copyKept': '入力した内容は {copy} に保存してあります',
  'edit.copyFailed': 'schedlint edit: 入力した内容の控えを保存できません ({detail})。呼び出し元が消すまでは {path} に残っています。',
  'edit.keptAnyway': 'schedlint edit: 指示どおり、エラー {errors} 件のまま残しました。',
  'edit.crontab.header': '# {host} の {user} の crontab (ユーザー形式: 分 時 日 月 曜日 コマンド。ユーザー列はありません)。\n# 保存すると、schedlint がエラーを見つけなければ `crontab -` でインストールします。\n',
};
