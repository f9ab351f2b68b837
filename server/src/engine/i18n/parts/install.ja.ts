// install 系の日本語メッセージ（リポジトリの Dockerfile・compose・マニフェスト・playbook・スクリプトが
// 設置する crontab）。ja.ts に展開される。install.en.ts と同じキー・同じパラメーター。
import type { installEn } from './install.en';

export const installJa: Record<keyof typeof installEn, string> = {
  'rule.crontab/installed-both-ways.title': '同じファイルをシステム crontab とユーザー crontab の両方として設置',
  'rule.crontab/install-target-mismatch.title': '設置先の形式に合わない crontab の内容',
  'rule.crontab/cron-d-mode.title': 'cron が読み込まないパーミッション・所有者で /etc/cron.d に置かれるファイル',

  'crontab/installed-both-ways.has-user':
    'このファイルはシステム crontab（{systemStep}）とユーザー crontab（{userStep}）の両方として設置されています。実行ユーザーの列があるため、ユーザー crontab 側では cron が `{word}` をコマンドとして実行し、そのジョブは毎回失敗します。`crontab` の手順を削除してください（コピーの方を消すなら実行ユーザーの列も削除）。',
  'crontab/installed-both-ways.no-user':
    'このファイルはシステム crontab（{systemStep}）とユーザー crontab（{userStep}）の両方として設置されています。実行ユーザーの列がないため、{target} では cron が各コマンドの最初の語を実行ユーザーとして読み、{consequence}。{target} へのコピーを削除してください（`crontab` の手順を消すなら実行ユーザーの列を追加）。',
  'crontab/installed-both-ways.install-line':
    'ここでは {source} を{kind}として設置し、{otherStep} では同じファイルを{otherKind}として設置しています。1 つの内容で両方の形式は満たせないため、どちらかのコピーが必ず壊れます。どちらかの手順を削除してください。',
  'crontab/installed-both-ways.fix': '{installer} から `{step}` を削除',
  'crontab/installed-both-ways.consequence.debian': 'Debian の cron はファイル全体を無視します',
  'crontab/installed-both-ways.consequence.cronie': 'cronie はそれらの行を読み飛ばします',

  'crontab/install-target-mismatch.missing-user.debian':
    '{installer} の {line} 行目でこのファイルはシステム crontab の {target} として設置され、スケジュールの後には実行ユーザーの列が必要です。cron は `{word}` をユーザー名として読み、該当するユーザーがいないためファイル全体を無視します（Debian）。コマンドの前に `root` などの実行ユーザーを入れてください。',
  'crontab/install-target-mismatch.missing-user.cronie':
    '{installer} の {line} 行目でこのファイルはシステム crontab の {target} として設置され、スケジュールの後には実行ユーザーの列が必要です。cron は `{word}` をユーザー名として読み、該当するユーザーがいないためこの行を読み飛ばします（cronie）。コマンドの前に `root` などの実行ユーザーを入れてください。',
  'crontab/install-target-mismatch.user-field.clear':
    '{installer} の {line} 行目でこのファイルは {target}（ユーザー crontab）として設置されます。ユーザー crontab には実行ユーザーの列がないため、cron は `{user}` をコマンドとして実行し、このジョブは毎回失敗します。`{user}` を削除してください。',
  'crontab/install-target-mismatch.user-field.ambiguous':
    '{installer} の {line} 行目でこのファイルは {target}（ユーザー crontab）として設置されます。実行ユーザーの列はなく、`{user}` はコマンド名でもあるため、cron は `{user}` を引数 `{next}` 付きで実行します。実行ユーザーのつもりなら `{user}` を削除してください。',

  'crontab/cron-d-mode.writable-debian':
    '{installer} の {line} 行目で {target} のパーミッションが {mode}（グループかその他のユーザーが書き込み可能）になります。Debian の cron はこのファイルを拒否し（「INSECURE MODE」）、ジョブは 1 つも動きません。0644 にしてください。',
  'crontab/cron-d-mode.mode-cronie':
    '{installer} の {line} 行目で {target} のパーミッションが {mode} になります。cronie は `(mode & 07533) == 0400` を満たすファイル（0644、0600、0444、0400）しか読み込まないため、ジョブは 1 つも動きません。0644 にしてください。',
  'crontab/cron-d-mode.owner':
    '{installer} の {line} 行目で {target} の所有者が `{owner}` になります。cron は root が所有するシステム crontab しか読み込まないため（「WRONG FILE OWNER」）、ジョブは 1 つも動きません。所有者は root のままにしてください。',

  'install.related.step': '{installer} の {line} 行目で {target} として設置：{kind}。',
  'install.related.crontab': '{installer} の {line} 行目で `crontab` により {user} の crontab として設置：{kind}。',
  'install.related.mode': 'パーミッションか所有者をここで設定（{installer} の {line} 行目）。',
  'install.related.file': '対象の crontab: {source}。',
  'install.step.crontab': '{installer} の {line} 行目の `{description}`',
  'install.step.copy': '{installer} の {line} 行目で置かれる {target}',
  'hover.reason.install': 'リポジトリでの設置方法から判定',
  'install.hover.reason': 'リポジトリでの設置方法から判定',
  'install.hover.step': '{installer} の {line} 行目（`{description}`）で {target} として設置：{kind}。読むのは {cron}。',
  'install.hover.crontabTarget': '{user} の crontab',
  'install.cron.debian': 'Debian の cron',
  'install.cron.cronie': 'cronie（RHEL 系の cron）',
  'install.cron.busybox': 'busybox の crond',
  'install.cron.supercronic': 'supercronic（コンテナ向けの cron）',
  'install.cron.go-crond': 'go-crond（Go 製の cron）',
  'install.cron.unknown': 'イメージの cron',
};
