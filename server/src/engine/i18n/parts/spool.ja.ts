// crontab/spool-mode（リポジトリの COPY・マウント・ConfigMap・Ansible の copy で cron のスプールに置かれる
// ユーザー crontab）と、Ansible の `template:` が設置する Jinja テンプレートの日本語メッセージ。ja.ts に
// 展開される。spool.en.ts と同じキー・同じパラメーター。
import type { spoolEn } from './spool.en';

export const spoolJa: Record<keyof typeof spoolEn, string> = {
  'rule.crontab/spool-mode.title': 'cron が読み込まないパーミッション・所有者・リンクで cron のスプールに置かれるユーザー crontab',

  'crontab/spool-mode.checkout-debian':
    '{installer} の {line} 行目でこのファイルはチェックアウト時のパーミッション（git からなら 0644）のままスプールの {target} に置かれます。Debian の cron はパーミッションが 0600 のユーザー crontab しか読み込まないため（「INSECURE MODE (mode 0600 expected)」）、ジョブは 1 つも動きません。`--chmod=0600`（または `chmod 600 {target}`）を加えるか、`crontab -u {user} FILE` で設置してください。',
  'crontab/spool-mode.mount-debian':
    '{installer} の {line} 行目でこのファイルは {target} にバインドマウントされ、ホスト上のパーミッションと所有者（git のチェックアウトなら 0644 と自分のユーザー）のままになります。Debian の cron はパーミッションが 0600 で、所有者がそのユーザーか root のユーザー crontab しか読み込まないため（「INSECURE MODE」「WRONG FILE OWNER」）、ジョブは 1 つも動きません。別の場所にマウントし、コンテナの起動時に `crontab -u {user} FILE` で設置してください。',
  'crontab/spool-mode.mode-debian':
    '{installer} の {line} 行目で {target} のパーミッションが {mode} になります。Debian の cron はパーミッションが 0600 のユーザー crontab しか読み込まないため（「INSECURE MODE (mode 0600 expected)」）、ジョブは 1 つも動きません。0600 にするか、`crontab -u {user} FILE` で設置してください。',
  'crontab/spool-mode.configmap-debian':
    '{installer} の {line} 行目でこの ConfigMap のキーはパーミッション {mode}（`defaultMode:`。指定がなければ 0644）の {target} としてマウントされます。Debian の cron はパーミッションが 0600 のユーザー crontab しか読み込まないため（「INSECURE MODE (mode 0600 expected)」）、ジョブは 1 つも動きません。`defaultMode: 0600`（または項目の `mode:`）を指定してください。',
  'crontab/spool-mode.linked-debian':
    '{installer} の {line} 行目でこの ConfigMap は {folder} にマウントされ、各キーはシンボリックリンク（`{user} -> ..data/{user}`）になります。Debian の cron はスプールのファイルをリンクをたどらずに開くため（「CAN\'T OPEN」）、ジョブは 1 つも動きません。`subPath: {user}` と `defaultMode: 0600` でキーだけをマウントするか、別の場所にマウントして起動時に `crontab -u {user} FILE` で設置してください。',
  'crontab/spool-mode.mode-cronie':
    '{installer} の {line} 行目で {target} のパーミッションが {mode} になります。cronie は `(mode & 07533) == 0400` を満たすファイル（0600、0644、0400）しか読み込まないため、ジョブは 1 つも動きません。0600 にしてください。',
  'crontab/spool-mode.configmap-cronie':
    '{installer} の {line} 行目でこの ConfigMap のキーはパーミッション {mode}（`defaultMode:`）の {target} としてマウントされます。cronie は `(mode & 07533) == 0400` を満たすファイル（0600、0644、0400）しか読み込まないため、ジョブは 1 つも動きません。`defaultMode: 0600` を指定してください。',
  'crontab/spool-mode.owner':
    '{installer} の {line} 行目で {target} の所有者が `{owner}` になります。cron は {user} の crontab を、所有者がそのユーザーか root の場合しか読み込まないため（「WRONG FILE OWNER」）、ジョブは 1 つも動きません。所有者を root のままにするか、`crontab -u {user} FILE` で設置してください。',

  'cli.assumed.template.separator': '、',
  'cli.assumed.template.one': '{path}: 注意：Jinja テンプレート（Ansible の `template:`）です。{lines} 行目はスケジュール・実行ユーザーの列・行全体のいずれかを Jinja が書くため検査していません。コマンド中の `{{ … }}` は中身のわからない文字列として読みます',
  'cli.assumed.template.many': '{path}: 注意：Jinja テンプレート（Ansible の `template:`）です。{lines} 行目はスケジュール・実行ユーザーの列・行全体のいずれかを Jinja が書くため検査していません。コマンド中の `{{ … }}` は中身のわからない文字列として読みます',
};
