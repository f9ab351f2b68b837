// The helpers the parser uses to read a long crontab without slicing it: character-range hash tables, the
// head trie, whitespace tests, and the document's columns, which must say what its line objects say.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { CrontabLine } from '../../server/src/engine/crontab/model';
import { parseCrontab } from '../../server/src/engine/crontab/parse';
import { CharTrie } from '../../server/src/engine/util/char-trie';
import { isJsWhitespace } from '../../server/src/engine/util/chars';
import { copyOf, hashRange, hashText, Interner, sameText, TextTable } from '../../server/src/engine/util/text-table';

test('TextTable finds a range of a text by its characters, and starts over at its limit', () => {
  const table = new TextTable<number>(3);
  const text = 'xx 17 */5 root';
  table.add('17', hashText('17'), 1);
  table.add('*/5', hashText('*/5'), 2);
  assert.equal(table.get(text, 3, 5, hashRange(text, 3, 5)), 1);
  assert.equal(table.get(text, 6, 9, hashRange(text, 6, 9)), 2);
  assert.equal(table.get(text, 10, 14, hashRange(text, 10, 14)), undefined);
  assert.equal(table.get(text, 3, 4, hashRange(text, 3, 4)), undefined, 'a prefix is another key');
  for (let index = 0; index < 200; index++) table.add(`k${index}`, hashText(`k${index}`), index);
  assert.ok(table.size <= 3);
  assert.equal(table.get('k199', 0, 4, hashText('k199')), 199);
});

test('sameText and copyOf compare and copy ranges exactly', () => {
  assert.ok(sameText('a root b', 2, 6, 'root'));
  assert.ok(!sameText('a rooT b', 2, 6, 'root'));
  assert.ok(!sameText('a root b', 2, 5, 'root'));
  const long = `${'x'.repeat(1000)}www-data-and-more-characters`;
  assert.equal(copyOf(long, 1000, 1008), 'www-data');
  for (const key of ['', '5', '01', '__proto__', 'constructor', 'a\u0000b', '\ud800']) assert.equal(copyOf(`<${key}>`, 1, 1 + key.length), key);
});

test('Interner gives one string per distinct text', () => {
  const interner = new Interner(10);
  const text = 'MAILTO=a MAILTO=b';
  const first = interner.intern(text, 0, 6);
  assert.equal(first, 'MAILTO');
  assert.equal(interner.intern(text, 9, 15), first);
});

test('CharTrie knows the strings added, and only those', () => {
  const trie = new CharTrie<string>(100);
  assert.ok(trie.add('0 0 * * * root', 0, 14, 'a'));
  assert.ok(trie.add('0 1 * * * root', 0, 14, 'b'));
  assert.ok(trie.add('x 0 * * * root', 2, 14, 'c'));
  assert.equal(trie.get('0 0 * * * root', 0, 14), 'a');
  assert.equal(trie.get('0 1 * * * root', 0, 14), 'b');
  assert.equal(trie.get('0 * * * root', 0, 12), 'c');
  assert.equal(trie.get('0 0 * * * roo', 0, 13), undefined, 'a prefix was not added');
  assert.equal(trie.get('0 0 * * * rooth', 0, 15), undefined);
  assert.ok(!trie.add('0 0 * * * rööt', 0, 14, 'd'), 'only ASCII');
  assert.equal(trie.get('0 0 * * * rööt', 0, 14), undefined);
  // Full: it starts over rather than growing past its limit.
  for (let index = 0; index < 20; index++) trie.add(`${index} * * * * user${index}`, 0, `${index} * * * * user${index}`.length, `u${index}`);
  assert.equal(trie.get('19 * * * * user19', 0, 17), 'u19');
  assert.ok(!new CharTrie<string>(10).add('a long string', 0, 13, 'x'), 'a string longer than the limit is not added');
});

test('isJsWhitespace is what \\s matches', () => {
  for (let code = 0; code < 0x10000; code++) assert.equal(isJsWhitespace(code), /\s/.test(String.fromCharCode(code)), `U+${code.toString(16)}`);
});

test("the document's columns say what its line objects say", () => {
  const text = [
    'SHELL=/bin/sh',
    '# a comment',
    '',
    '17 *\t* * *\troot\tcd / && run-parts --report /etc/cron.hourly',
    '@daily  nobody   /usr/bin/report %F',
    '0 0 30 2 * backup /bin/x',
    '61 * * * * root /bin/y',
    'MAILTO=""',
    '* * * * * root',
  ].join('\n');
  for (const kind of ['crontab-system', 'crontab-user'] as const) {
    for (const dialect of ['debian', 'cronie'] as const) {
      const document = parseCrontab(text, kind, dialect);
      const lines: CrontabLine[] = document.lines;
      let job = 0;
      let environment = 0;
      lines.forEach((line, index) => {
        assert.equal(document.lineType(index), line.type);
        assert.equal(document.lineText(index), line.text);
        assert.equal(document.lineLength(index), line.text.length);
        assert.deepEqual(document.line(index), line);
        if (line.type === 'comment') assert.equal(document.commentStart(index), line.start);
        if (line.type === 'environment') {
          assert.equal(document.environmentLine(environment), index);
          assert.equal(document.environmentName(environment), line.name.text);
          assert.equal(document.environmentValue(environment), line.value);
          assert.equal(document.environmentNameStart(environment), line.name.start);
          assert.equal(document.environmentValueEnd(environment), line.valueToken.end);
          environment++;
        }
        if (line.type !== 'job') return;
        assert.equal(document.jobLine(job), index);
        assert.deepEqual(document.job(job), line);
        assert.equal(document.jobProblem(job), line.problem);
        assert.equal(document.isAccepted(job), line.problem === undefined);
        assert.equal(document.jobSchedule(job), line.schedule);
        assert.equal(document.jobTime(job).keyword, line.keyword);
        line.timeTokens.forEach((token, tokenIndex) => {
          assert.equal(document.timeTokenText(job, tokenIndex), token.text);
          assert.equal(document.timeTokenStart(job, tokenIndex), token.start);
          assert.equal(document.timeTokenEnd(job, tokenIndex), token.end);
        });
        assert.equal(document.hasUser(job), line.user !== undefined);
        if (line.user) assert.deepEqual([document.userText(job), document.userStart(job), document.userEnd(job)], [line.user.text, line.user.start, line.user.end]);
        assert.deepEqual([document.commandText(job), document.commandStart(job), document.commandEnd(job)], [line.command.text, line.command.start, line.command.end]);
        assert.equal(document.jobEnvironment(job), line.environment);
        job++;
      });
      assert.equal(document.jobCount, job);
      assert.equal(document.environmentCount, environment);
      assert.deepEqual(
        document.jobsWithProblems.map((number) => document.jobLine(number)),
        lines.filter((line) => line.type === 'job' && line.problem).map((line) => line.line),
      );
      assert.deepEqual(document.invalidLines, lines.filter((line) => line.type === 'invalid'));
      assert.deepEqual(document.commentLines, lines.filter((line) => line.type === 'comment').map((line) => line.line));
    }
  }
});
