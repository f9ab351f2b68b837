// The Japanese house style (docs/ja-style.md) over the whole ja catalog, every parts file included, and over
// the prose of the Japanese docs pages: full-width （）「」：、。 in Japanese sentences, half-width only in
// code, paths, numbers and units; one space between Japanese and ASCII words; polite endings; the terms.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { en } from '../../server/src/engine/i18n/en';
import { ja } from '../../server/src/engine/i18n/ja';
import { formatMessage, parameterNames } from '../../server/src/engine/i18n/format';
import { describeSchedule } from '../../server/src/engine/crontab/describe';
import { parseCrontab } from '../../server/src/engine/crontab/parse';
import { repoPath } from '../support/paths';

// Kana and kanji; Japanese punctuation is listed apart (no space is wanted next to it).
const JAPANESE = '\\u3040-\\u30fa\\u30fc-\\u30ff\\u3400-\\u9fff';
const FULL_WIDTH_PUNCTUATION = '、。・「」『』（）：〜！？';
const JA = `[${JAPANESE}]`;
const JA_OR_PUNCT = `[${JAPANESE}${FULL_WIDTH_PUNCTUATION}]`;

/**
 * The text a reader sees as prose: code spans become `c`; a parameter becomes ◇, neither Japanese nor ASCII,
 * since its value may be either (`{field}の` is right when the field's name is Japanese).
 */
function prose(text: string): string {
  return text
    // A CLI line's location or program prefix (`{path}:{line}: `, `schedlint: `) is the terminal's, not prose.
    .replace(/^(\{\w+\}(:\{\w+\})*|schedlint): /, '')
    .replace(/`[^`\n]*`/g, '`c`')
    .replace(/\{[^{}]*(\{[^{}]*\}[^{}]*)*\}/g, (placeholder) => (/,\s*plural/.test(placeholder) ? pluralBranches(placeholder) : '◇'))
    .replace(/\*\*/g, '');
}

/** A plural's branches as prose, side by side (each must follow the style on its own). */
function pluralBranches(placeholder: string): string {
  return [...placeholder.matchAll(/(?:one|other|=\d+)\s*\{([^{}]*)\}/g)].map((match) => match[1]).join('、');
}

interface Check {
  name: string;
  bad: RegExp;
}

const CHECKS: Check[] = [
  { name: 'half-width parentheses next to or around Japanese (use （）)', bad: new RegExp(`${JA_OR_PUNCT}\\(|\\)${JA}|\\([^()]*${JA}[^()]*\\)`) },
  { name: 'half-width colon after Japanese (use ：, no space)', bad: new RegExp(`${JA_OR_PUNCT}:`) },
  // Markdown's table bars and the `·` between header facts keep their spaces.
  { name: 'a space next to full-width punctuation', bad: /(?<![|·])[ ][、。「（）：〜]|[、。「」（）：〜][ ](?![|·])/ },
  { name: 'ASCII comma or period next to Japanese (use 、。)', bad: new RegExp(`${JA_OR_PUNCT}[,.](?![.\\w/])|[,]${JA}`) },
  { name: 'half-width double quotes in prose (quote program output with 「」, text to type as code)', bad: /"/ },
  { name: 'Japanese touching an ASCII word, number or code span (one space between them)', bad: new RegExp(`${JA}[A-Za-z0-9\`_$@/]|[A-Za-z0-9\`_$@]${JA}`) },
  { name: 'a space between Japanese words (none is wanted there)', bad: new RegExp(`${JA} ${JA}`) },
  { name: 'half-width colon before Japanese (use ：, no space)', bad: new RegExp(`:[ ]?${JA}`) },
  { name: 'full-width letters, digits or space', bad: /[Ａ-Ｚａ-ｚ０-９\u3000]/ },
  { name: 'katakana terms without their long vowel (ユーザー, サーバー, フォルダー, ブラウザー, パラメーター)', bad: /(ユーザ|サーバ|フォルダ|ブラウザ|パラメータ)(?!ー)/ },
  { name: 'counts in kanji or a second word for "others" (write 1 つ, 2 回, その他のユーザー)', bad: /[一二三四五六七八九]つ|[二三]度|他人|他ユーザー/ },
  { name: 'casual wording in a warning', bad: /勝ち|空振り|ちゃ[うい]|じゃな|だよ|よね/ },
];

// Help texts laid out as columns of options keep the terminal's ASCII (shell quotes, `[--x]`).
const LAYOUT_KEYS = new Set(['cli.usage', 'timeline.cli.usage', 'cli.usage.output', 'cli.explain.usage', 'cert.usage', 'cli.usage.fixConfig', 'cli.calendar.usage', 'cli.timespan.usage', 'cli.cron.usage']);
// The crontab header `crontab -e` shows spells the columns 「分 時 日 月 曜日 コマンド」 with their spaces.
const SPACED_COLUMNS = new Set(['edit.crontab.header']);

function violations(text: string, checks: Check[] = CHECKS): string[] {
  const seen = prose(text);
  return checks.filter((check) => check.bad.test(seen)).map((check) => `${check.name}: ${JSON.stringify(seen.match(check.bad)?.[0])}`);
}

function checksFor(key: string): Check[] {
  return SPACED_COLUMNS.has(key) ? CHECKS.filter((check) => !check.name.startsWith('a space between Japanese words')) : CHECKS;
}

test('the Japanese catalog follows docs/ja-style.md', () => {
  const problems: string[] = [];
  for (const [key, text] of Object.entries(ja)) {
    if (LAYOUT_KEYS.has(key)) continue;
    for (const problem of violations(text, checksFor(key))) problems.push(`${key}: ${problem}`);
  }
  assert.deepEqual(problems, []);
});

// A parameter may hold an ASCII value right where the catalog has Japanese (「{kind}として」 with
// 「システム crontab」), or a Japanese one where the catalog has a space (「cron は {source}」 with
// 「設定ファイルで指定」): every message, its parameters all ASCII words and then all Japanese, is spaced right.
test('Japanese messages are spaced right whether a parameter value is ASCII or Japanese', () => {
  const touching = new RegExp(`${JA}[A-Za-z0-9]|[A-Za-z0-9]${JA}`);
  const spaced = new RegExp(`${JA} ${JA}`);
  const problems: string[] = [];
  for (const [key, text] of Object.entries(ja)) {
    if (LAYOUT_KEYS.has(key)) continue;
    for (const [value, bad] of [['crontab', touching], ['設定', spaced]] as const) {
      if (bad === spaced && SPACED_COLUMNS.has(key)) continue;
      const params: Record<string, string | number> = {};
      for (const name of parameterNames(text)) params[name] = value;
      for (const match of text.matchAll(/\{\s*(\w+)\s*,\s*plural/g)) params[match[1]] = 2;
      const rendered = formatMessage(text, params, 'ja').replace(/`[^`\n]*`/g, '`c`');
      const found = rendered.match(bad);
      if (found) problems.push(`${key} (${value}): ${JSON.stringify(found[0])}`);
    }
  }
  assert.deepEqual(problems, []);
  assert.equal(formatMessage(ja['hover.schedule.dialect'], { dialect: 'cronie', kind: 'システム crontab', source: 'x' }, 'ja'), 'cronie がシステム crontab として読みます（x）。');
  assert.equal(formatMessage(ja['cli.assumed.dialect'], { path: 'a', dialect: 'cronie', format: 'システム crontab', reason: 'x', source: '設定ファイルで指定' }, 'ja'), 'a: cronie が読むシステム crontab として読みました（x。cron は設定ファイルで指定）');
  assert.equal(formatMessage(ja['hover.schedule.dialect'], { dialect: 'cronie', kind: 'タイマー', source: 'x' }, 'ja'), 'cronie がタイマーとして読みます（x）。');
});

// The schedule descriptions (`schedlint cron`, the hover) are built in code, not the catalog: held to the
// same rules over schedules that exercise each of their branches.
test('Japanese schedule descriptions follow docs/ja-style.md', () => {
  const expressions = ['* * * * *', '*/15 9-17 * * 1-5', '0 */2 * * *', '* */12 * * *', '17 * * * *', '17,47 * * * *', '0-10 3 * * *', '0 6 * 12 *', '0 6 * 12 1', '0 6 1 12 *',
    '0 0 1 1 1-0', '0 0 5-2 * *', '0 0 5-2 * 1', '30 4 1 jan,jul *', '0 0 1-7 * 1', '0 0 */2 * 1', '*/5 * * 2 *', '0 9 * * 1-5', '@reboot', '5 4 * * sun'];
  const problems: string[] = [];
  for (const expression of expressions) {
    const [line] = parseCrontab(`${expression} /bin/true\n`, 'crontab-user', 'debian').lines;
    assert.ok(line.type === 'job' && line.schedule, expression);
    const text = describeSchedule(line.schedule, 'ja');
    for (const problem of violations(text)) problems.push(`${expression} → ${text}: ${problem}`);
  }
  assert.deepEqual(problems, []);
});

// The extension's own Japanese texts (settings, commands, client messages) follow the same rules.
test('the Japanese texts of the extension manifest and the client follow docs/ja-style.md', () => {
  const problems: string[] = [];
  for (const file of [repoPath('package.nls.ja.json'), repoPath('l10n', 'bundle.l10n.ja.json')]) {
    const texts = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
    // `{0}` placeholders of vscode.l10n, like the catalog's `{name}`.
    for (const [key, text] of Object.entries(texts)) for (const problem of violations(text)) problems.push(`${path.basename(file)} ${key}: ${problem}`);
  }
  assert.deepEqual(problems, []);
});

// A sentence that ends in 「。」 ends politely: です・ます (…ません, …ました, …ください), a question (…か),
// or a bracket, code span or parameter that closes it.
test('Japanese message sentences are polite (です・ます)', () => {
  const problems: string[] = [];
  for (const [key, text] of Object.entries(ja)) {
    if (LAYOUT_KEYS.has(key)) continue;
    // A 「。」 inside brackets ends no sentence of the message itself.
    const sentences = prose(text).replace(/（[^（）]*）/g, '（）').split('。').slice(0, -1);
    for (const sentence of sentences) {
      const trimmed = sentence.trim();
      if (trimmed && !/(です|ます|ません|ました|でした|ください|か|）|」|`c`|◇)$/.test(trimmed)) problems.push(`${key}: …${trimmed.slice(-15)}。`);
    }
  }
  assert.deepEqual(problems, []);
});

test('the style check catches what it is for', () => {
  assert.deepEqual(violations('先に更新した方が勝ちです(更新後の処理が動きません)。'), [
    'half-width parentheses next to or around Japanese (use （）): "す("',
    'casual wording in a warning: "勝ち"',
  ]);
  assert.equal(violations('`sudo systemctl disable --now {timer}`（タイマーを止める）').length, 0);
  assert.equal(violations('例: `Asia/Tokyo`').length, 1);
  assert.equal(violations('例：`Asia/Tokyo`').length, 0, 'code right after a full-width colon');
  assert.equal(violations('cronを実行').length, 1);
  assert.equal(violations('systemd.time(7) を参照してください。').length, 0);
  assert.equal(violations('ユーザのサーバ').length, 1);
  assert.equal(violations('毎日 毎分に実行').length, 1, 'a space between Japanese words');
  assert.equal(violations('`Persistent=true`: 停止中').length, 1, 'a half-width colon before Japanese');
  assert.equal(violations('{path}:{line}: 修正：{title}').length, 0, 'a CLI location prefix');
});

// Lists and counts read right with one item and with several, in both languages.
test('list and count messages agree with one and with several items', () => {
  const one = { servers: ['nginx'], evidence: ['nginx.service'], names: ['old.example.com'], previous: '/etc/letsencrypt/archive/x/cert1.pem', name: 'x', domains: '-d a' };
  const two = { servers: ['apache2', 'lighttpd'], evidence: ['/etc/apache2', 'lighttpd.service'], names: ['old.example.com', 'www.example.com'], previous: '/etc/letsencrypt/archive/x/cert1.pem', name: 'x', domains: '-d a' };
  const hooks = (params: typeof one, locale: 'en' | 'ja') => formatMessage(locale === 'en' ? en['certbot/standalone-without-hooks.no-hooks'] : ja['certbot/standalone-without-hooks.no-hooks'], params, locale);
  assert.match(hooks(one, 'en'), /but nginx is installed here \(nginx\.service\) and no pre or post hook stops it: .*leaves the web server down\. Stop it in a pre hook and start it again/);
  assert.match(hooks(two, 'en'), /but apache2 and lighttpd are installed here \(\/etc\/apache2, lighttpd\.service\) and no pre or post hook stops them: .*leaves the web servers down\. Stop them in a pre hook and start them again/);
  assert.match(hooks(two, 'ja'), /このホストには apache2、lighttpd があり（\/etc\/apache2、lighttpd\.service）/);
  assert.equal(formatMessage(en['certbot/standalone-without-hooks.fix'], { servers: ['apache2', 'lighttpd', 'nginx'] }, 'en'), 'Add a pre-hook and a post-hook to cli.ini that stop and start apache2, lighttpd, and nginx');
  const removed = (params: typeof one, locale: 'en' | 'ja') => formatMessage(locale === 'en' ? en['certbot/san-removed.removed'] : ja['certbot/san-removed.removed'], params, locale);
  assert.match(removed(one, 'en'), /no longer covers old\.example\.com, which .* so HTTPS connections to that name fail/);
  assert.match(removed(two, 'en'), /no longer covers old\.example\.com and www\.example\.com, which .* so HTTPS connections to these names fail/);
  assert.match(removed(one, 'ja'), /old\.example\.com を含んでいません。この名前への HTTPS 接続/);
  assert.match(removed(two, 'ja'), /old\.example\.com、www\.example\.com を含んでいません。これらの名前への HTTPS 接続/);
  assert.equal(formatMessage(en['certificates.hover.names'], { names: ['a.example', 'b.example'] }, 'en'), '**Names:** a.example, b.example');
  assert.equal(formatMessage(ja['certificates.hover.names'], { names: ['a.example', 'b.example'] }, 'ja'), '**名前**：a.example、b.example');
  // Every English count reads "1 line" / "2 lines".
  for (const [key, text] of Object.entries(en)) {
    for (const match of text.matchAll(/\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g)) {
      assert.notEqual(match[2], match[3], `${key}: the one and other forms of {${match[1]}} differ`);
    }
  }
  assert.equal(formatMessage(en['crontab/crlf-line-ending.argument'], { count: 1, shell: '/bin/sh', program: 'a', word: 'b\\r', plain: 'b' }, 'en').includes('(1 line)'), true);
  assert.equal(formatMessage(en['crontab/crlf-line-ending.argument'], { count: 2, shell: '/bin/sh', program: 'a', word: 'b\\r', plain: 'b' }, 'en').includes('(2 lines)'), true);
});

// The prose of the Japanese docs pages: lines outside fenced code blocks, tables' code cells and headings
// included (the checks skip code spans).
test('the Japanese docs pages follow docs/ja-style.md in their prose', () => {
  const folder = repoPath('docs');
  const pages: string[] = [];
  const visit = (directory: string) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.ja.md') || entry.name === 'ja-style.md') pages.push(full);
    }
  };
  visit(folder);
  assert.ok(pages.length > 10, 'the Japanese docs pages are found');
  // The pages predate the colon-before-Japanese check, and their headings read `# rule/id: title`.
  const proseChecks = CHECKS.filter((check) => !/double quotes|polite|colon before Japanese/.test(check.name));
  const problems: string[] = [];
  for (const page of pages) {
    let fenced = false;
    fs.readFileSync(page, 'utf8').split('\n').forEach((line, index) => {
      if (/^\s*```/.test(line)) fenced = !fenced;
      if (fenced || /^\s*```/.test(line)) return;
      // Links keep their ASCII targets: `[text](url)`.
      const text = line.replace(/\]\([^)]*\)/g, ']');
      for (const problem of violations(text, proseChecks)) problems.push(`${path.relative(folder, page)}:${index + 1}: ${problem}`);
    });
  }
  assert.deepEqual(problems, []);
});

// README.ja.md is held to every check: full-width colons (「例：」, never 「例:」 or 「: 例」), spaces, counts,
// terms, outside fenced code. Its prose lines wrap, so each check looks within one line only.
const README_CHECKS = CHECKS;

function readmeViolations(text: string): string[] {
  const problems: string[] = [];
  let fenced = false;
  text.split('\n').forEach((line, index) => {
    if (/^\s*```/.test(line)) fenced = !fenced;
    if (fenced || /^\s*```/.test(line)) return;
    // Links keep their ASCII targets: `[text](url)`; a list item's continuation keeps its indent; a label quoted
    // from the editor in 「」 keeps its own colon (「schedlint: ホストのスケジュールを表示」).
    for (const problem of violations(line.replace(/\]\([^)]*\)/g, ']').replace(/「[^」]*」/g, '「」').trimStart(), README_CHECKS)) problems.push(`README.ja.md:${index + 1}: ${problem}`);
  });
  return problems;
}

test('README.ja.md follows docs/ja-style.md in its prose (colons, spaces, counts, terms)', () => {
  assert.deepEqual(readmeViolations(fs.readFileSync(repoPath('README.ja.md'), 'utf8')), []);
  // What each check is there for, and what it leaves alone (code, fenced blocks, links, table bars).
  assert.notDeepEqual(readmeViolations('## ホストのスケジュール: タイマー'), []);
  assert.notDeepEqual(readmeViolations('- `--kind 形式`: 指定したファイル'), []);
  assert.notDeepEqual(readmeViolations('例： `Asia/Tokyo`'), []);
  assert.notDeepEqual(readmeViolations('二つ目のクライアント'), []);
  assert.deepEqual(readmeViolations('例：`a: b`（[説明](docs/x.ja.md#a:b)）、「SSH: ホスト名 にインストール」\n  （続き）\n```\n# 日本語: コメント\n```\n| `a` | 内容 |'), []);
});
