// install/jinja.ts: an Ansible template made lintable line by line. Jinja in a command is masked text; Jinja
// in the schedule or user column, an environment line with Jinja, and lines that whitespace control or
// trim_blocks join to a neighbour are made comments and listed as not checked; lines of tags only render to
// nothing. Lines keep their lengths.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { hasJinja, maskJinja } from '../../server/src/engine/install/jinja';

function check(template: string, userColumn: boolean | undefined, expected: string, unchecked: number[]) {
  const result = maskJinja(template, userColumn);
  assert.equal(result.text, expected, template);
  assert.deepEqual(result.unchecked, unchecked, template);
  assert.deepEqual(result.text.split('\n').map((line) => line.length), template.split('\n').map((line) => line.length));
}

test('Jinja in the command is masked text: no blank, quote, % or # left in it', () => {
  check('0 1 * * * root certbot renew {{ extra_args }}\n', true, '0 1 * * * root certbot renew {{_extra_args_}}\n', []);
  check("0 1 * * * root echo {{ '%' ~ x | quote }} done\n", true, '0 1 * * * root echo {{_______x___quote_}} done\n', []);
  check('@weekly root {{certbot_dir}}/certbot-auto renew\n', true, '@weekly root {{certbot_dir}}/certbot-auto renew\n', []);
  // A user crontab: the sixth word is already the command.
  check('0 1 * * * {{ script }} --now\n', false, '0 1 * * * {{_script_}} --now\n', []);
});

test('Jinja in the schedule or the user column, or on an environment line: a comment, not checked', () => {
  check('{{ minute }} 3 * * * root /bin/backup\n', true, '#{_minute_}} 3 * * * root /bin/backup\n', [0]);
  check('0 4 * * * {{ user }} /bin/rotate\n', true, '# 4 * * * {{_user_}} /bin/rotate\n', [0]);
  // Not known whether there is a user column: the sixth word may be it.
  check('0 4 * * * {{ user }} /bin/rotate\n', undefined, '# 4 * * * {{_user_}} /bin/rotate\n', [0]);
  check('*/{{ step }} * * * * root x\n', true, '#/{{_step_}} * * * * root x\n', [0]);
  check('MAILTO={{ mail }}\n', true, '#AILTO={{_mail_}}\n', [0]);
  check('{{ cron_lines }}\n', true, '#{_cron_lines_}}\n', [0]);
});

test('lines of tags render to nothing; comments stay comments', () => {
  check('# {{ ansible_managed }}\n{% if x %}\n0 1 * * * root a\n{% endif %}\n', true, '# {{_ansible_managed_}}\n#__if_x__}\n0 1 * * * root a\n#__endif__}\n', []);
  check('  {# note #}\n0 1 * * * root a\n', true, '  #__note__}\n0 1 * * * root a\n', []);
});

test('whitespace control and trim_blocks that join lines make both lines unchecked', () => {
  // `{%-` eats the newline before it and trim_blocks the one after it: a and b become one line.
  check('0 1 * * * root a\n{%- if x %}\n0 2 * * * root b\n', true, '# 1 * * * root a\n#___if_x__}\n# 2 * * * root b\n', [0, 2]);
  // `-%}` on a line of tags only strips the next line's indent: harmless.
  check('{% if x -%}\n*/15 * * * * root a --keep={{ n }}\n{% endif %}\n', true, '#__if_x___}\n*/15 * * * * root a --keep={{_n_}}\n#__endif__}\n', []);
  // A block tag ending a job line: trim_blocks joins the next line to it.
  check('0 1 * * * root a {% if x %}--b{% endif %}\n0 2 * * * root c\n', true, '# 1 * * * root a {__if_x__}--b{__endif__}\n# 2 * * * root c\n', [0, 1]);
  // `-}}` ending a line joins the next one.
  check('0 1 * * * root a {{ x -}}\n0 2 * * * root c\n', true, '# 1 * * * root a {{_x__}}\n# 2 * * * root c\n', [0, 1]);
});

test('a tag or expression over several lines, and an unclosed one', () => {
  check('{{ a +\n b }} 1 * * * root x\n0 2 * * * root y\n', true, '#{_a__\n#b_}} 1 * * * root x\n0 2 * * * root y\n', [0, 1]);
  check('{% if a and\n b %}\n0 2 * * * root y\n', true, '#__if_a_and\n#b__}\n0 2 * * * root y\n', []);
  check('0 1 * * * root x {{ never closed\n0 2 * * * root y\n', true, '# 1 * * * root x {{_never_closed\n#_2_______root_y\n', [0, 1]);
});

test('hasJinja', () => {
  assert.equal(hasJinja('0 1 * * * root x\n'), false);
  assert.equal(hasJinja('0 1 * * * root x {# a #}\n'), true);
  assert.equal(hasJinja('0 1 * * * root echo {a}\n'), false);
});
