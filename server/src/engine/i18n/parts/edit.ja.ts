// `schedlint edit`（crontab -e・sudoedit・systemctl edit が呼ぶエディターの前後で検査するラッパー）のメッセージ（issue #23）。
import type { editEn } from './edit.en';

export const editJa: Record<keyof typeof editEn, string> = {
  'edit.usage':
    '使い方：`schedlint edit [--lang en|ja] ファイル…`\n\nエディターでファイルを開き、呼び出し元のプログラムがインストールする前に結果を検査します。\nそのプログラムのエディターとして設定してください。~/.bashrc の例：\n  `export VISUAL="schedlint edit"`\n実際に開くエディターは $SCHEDLINT_EDITOR、なければ $VISUAL と $EDITOR のうち schedlint でない最初のもの、なければ editor、なければ vi です。\n問題がないか警告だけなら終了コード 0 で終わり、インストールされます。エラーがあれば、端末ではどうするか尋ね、端末がなければ終了コード 1 で終わるので何もインストールされません。',
  'edit.error.noFile': '編集するファイルを指定してください。ファイルはエディターを呼ぶプログラムが渡します。',
  'edit.loop': 'schedlint edit：実行するエディター（{editor}）が schedlint edit 自身です。SCHEDLINT_EDITOR に本来のエディターを設定してください（例：`export SCHEDLINT_EDITOR=vim`）。',
  'edit.editorFailed': 'schedlint edit：エディター（{editor}）が終了コード {status} で終了しました。検査はしておらず、呼び出し元は何もインストールしません。',
  'edit.editorNotStarted': 'schedlint edit：エディター（{editor}）を起動できません：{detail}',
  'edit.unreadable': 'schedlint edit：編集後の {path} を読めません：{detail}',
  'edit.prompt.withFixes': 'どうしますか？ [e] もう一度編集 / [f] 修正を適用してもう一度編集 / [d] 破棄（何もインストールしない）/ [k] このまま残す：',
  'edit.prompt.noFixes': 'どうしますか？ [e] もう一度編集 / [d] 破棄（何もインストールしない）/ [k] このまま残す：',
  'edit.prompt.invalid': 'e、f、d、k のどれかで答えてください。',
  'edit.fixesApplied': 'schedlint edit：{count} 件の修正を適用しました。エディターで確認してください。',
  'edit.refused': 'schedlint edit：エラーが {errors} 件あり、尋ねる端末がありません。編集を拒否したので、呼び出し元は何もインストールしません。',
  'edit.discarded': 'schedlint edit：破棄しました。呼び出し元は何もインストールしません。',
  'edit.copyKept': '入力した内容は {copy} に保存してあります。',
  'edit.copyFailed': 'schedlint edit：入力した内容の控えを保存できませんでした（{detail}）。呼び出し元が消すまでは {path} に残っています。',
  'edit.keptAnyway': 'schedlint edit：指示どおり、エラー {errors} 件のまま残しました。',
  'edit.crontab.header': '# {host} の {user} の crontab です。ユーザー形式なので、ユーザー列はなく「分 時 日 月 曜日 コマンド」と書きます。\n# 保存すると、schedlint がエラーを見つけなければ `crontab -` でインストールします。\n',
};
