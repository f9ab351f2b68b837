// The crontab lines fed to the Debian cron parser oracle (debian-cron-parse.sh): hand-picked edge cases,
// then random field combinations from a fixed seed so the table regenerates identically.
// Prints one line per case on stdout ("\n" separates cases; a case may hold "\r" or tabs, never "\n").

const long = (length) => 'x'.repeat(length);

const handPicked = [
  // plain schedules
  '* * * * * root echo hi',
  '0 0 * * * root /usr/bin/true',
  '*/15 * * * * root run-parts /etc/cron.quarter',
  '0 9-17 * * 1-5 root work',
  '0  0  *  *  *  root  two-blanks',
  '*\t*\t*\t*\t*\troot\ttabs',
  '* * * * *\troot cmd',
  '1,2,3,4,5,6,7,8,9,10 * * * * root list',
  '5-5 0-0 1-1 1-1 0-0 root single-ranges',
  '*/2 */3 */4 */5 */6 root steps',
  '0-59/15 1-23/5 1-31/10 1-12/4 0-7/2 root ranged-steps',
  '30-59/15 * * * * root late-steps',
  '0 0 29 2 * root leap-day',
  '0 0 30 2 * root never',
  '0 0 31 4 * root never-april',
  '59 23 31 12 7 root last-values',
  '05 007 01 01 00 root leading-zeros',
  '00000000000000000005 * * * * root many-zeros',
  // names, any case
  '0 0 1 jan * root month-lower',
  '0 0 1 JAN * root month-upper',
  '0 0 1 Jan * root month-title',
  '0 0 1 jAn * root month-mixed',
  '0 0 * jan-mar * root month-range',
  '0 0 * JAN-DEC/3 * root month-range-step',
  '0 0 * 1-DEC * root number-to-name',
  '0 0 * jan,jul root month-list-missing-field',
  '0 0 * jan,jul * root month-list',
  '0 0 * dec-jan * root month-reversed',
  '0 0 * feb-jan * root month-reversed2',
  '0 0 * january * root month-long',
  '0 0 * */jan * root month-name-step',
  '0 0 * * mon root dow-lower',
  '0 0 * * MON root dow-upper',
  '0 0 * * Mon-Fri root dow-range',
  '0 0 * * MON-FRY root dow-typo',
  '0 0 * * MONDAY root dow-long',
  '0 0 * * MON/2 root dow-name-step',
  '0 0 * * MON-FRI/2 root dow-range-step',
  '0 0 * * mon,wed,fri root dow-list',
  '0 0 * * SAT-SUN root dow-weekend',
  '0 0 * * sun-sat root dow-all-names',
  '0 0 * * thu-1 root dow-name-number',
  '0 0 * * 1-sat root dow-number-name',
  '0 0 * * 1-5,sat root dow-mixed-list',
  '0 0 * * sun root sunday-name',
  '0 0 * * 7 root sunday-seven',
  '0 0 * * 0,7 root sunday-both',
  '0 0 * * 5-7 root to-seven',
  '0 0 * * 0-7 root all-days',
  '0 0 * * 8 root dow-eight',
  '0 0 * * 7-0 root dow-seven-zero',
  '0 0 * * 5-0 root dow-wrap',
  '0 0 * * */2 root dow-star-step',
  '0 0 * * 1-7/3 root dow-step-to-seven',
  '0 0 * * 0-6/2 root dow-step',
  '0 0 * * */mon root dow-step-name',
  '0 0 mon * * root name-in-dom',
  'jan * * * * root name-in-minute',
  '0 sun * * * root name-in-hour',
  // out of range
  '60 * * * * root minute-60',
  '* 24 * * * root hour-24',
  '0 0 0 * * root dom-zero',
  '0 0 32 * * root dom-32',
  '0 0 * 0 * root month-zero',
  '0 0 * 13 * root month-13',
  '0 0 0-5 * * root dom-zero-range',
  '0 0 * 0-5 * root month-zero-range',
  '4294967301 * * * * root int-overflow',
  '4294967296 * * * * root int-overflow-zero',
  '4294967356 * * * * root int-overflow-60',
  '2147483648 * * * * root int-max-plus-one',
  '* * * * 4294967303 root int-overflow-dow',
  // steps
  '*/0 * * * * root zero-step',
  '1/20 * * * * root step-without-range',
  '*/1 * * * * root step-one',
  '*/59 * * * * root step-59',
  '*/60 * * * * root step-60',
  '*/100 * * * * root step-100',
  '0-59/60 * * * * root range-step-60',
  '5-64/30 * * * * root range-past-end',
  '5-60/5 * * * * root range-to-60',
  '* */24 * * * root hour-step-24',
  '* * * * */8 root dow-step-8',
  '* * */31 * * root dom-step-31',
  '* * * */12 * root month-step-12',
  '*/2/3 * * * * root double-step',
  '*/ * * * * root empty-step',
  '1-5/ * * * * root empty-range-step',
  '1-5/0 * * * * root zero-range-step',
  '1-5/x * * * * root letter-step',
  '*/4294967297 * * * * root step-overflow',
  '*/4294967296 * * * * root step-overflow-zero',
  '0-59/4294967298 * * * * root range-step-overflow',
  // ranges
  '5-2 * * * * root reversed',
  '5-2/1 * * * * root reversed-step',
  '59-0 * * * * root reversed-wide',
  '5-2,1 * * * * root reversed-in-list',
  '10-5,20 * * * * root reversed-then-value',
  '1- * * * * root open-range',
  '-5 * * * * root leading-dash',
  '1-2-3 * * * * root double-range',
  '1-2,3-4 * * * * root two-ranges',
  // lists and separators
  '1,,2 * * * * root double-comma',
  ',1 * * * * root leading-comma',
  '5, * * * * root trailing-comma',
  '5, 6 * * * * root comma-blank',
  '5 ,6 * * * * root blank-comma',
  '5;6 * * * * root semicolon',
  '*5 * * * * root star-digit',
  '*; * * * * root star-semicolon',
  '*-5 * * * * root star-dash',
  '*,5 * * * * root star-list',
  '*/15,7 * * * * root step-list',
  '1-5#x * * * * root hash-suffix',
  '1#2 * * * * root hash',
  '5a * * * * root digit-letter',
  '0x5 * * * * root hex',
  '+5 * * * * root plus',
  '5.0 * * * * root decimal',
  '* * * * 1#2 root nth-weekday',
  '* * L * * root quartz-last',
  '* * ? * * root quartz-question',
  '* * 1W * * root quartz-weekday',
  '* * * * 5L root quartz-last-friday',
  // @keywords
  '@reboot root start',
  '@yearly root yearly',
  '@annually root annually',
  '@monthly root monthly',
  '@weekly root weekly',
  '@daily root daily',
  '@midnight root midnight',
  '@hourly root hourly',
  '@DAILY root upper',
  '@Daily root title',
  '@every root unknown',
  '@every_5m root unknown2',
  '@ root bare-at',
  '@ daily root at-blank',
  '@daily',
  '@daily  ',
  '@daily\troot tab',
  '@daily  root two-blanks',
  '@daily;x root junk',
  '   @daily root leading-blanks',
  '@reboot',
  '@daily\r',
  '@daily root cmd\r',
  '@reboot root\r',
  // field counts and commands
  '*',
  '* *',
  '* * *',
  '* * * *',
  '* * * * *',
  '* * * * * ',
  '* * * * * root',
  '* * * * * root ',
  '* * * * * root\t',
  '1 2 3 4 5',
  '1 2 3 4 5 echo no-user',
  '* * * * * nobody cmd',
  '* * * * * mail -s hi root',
  '* * * * * * root cmd',
  '0 0 * * * * cmd',
  '* * * * * *cmd',
  '* * * * * root *cmd',
  '* * * * *cmd',
  '* * * * * root    spaced-command',
  '* * * * * root\t\ttabbed-command',
  '* * * * * root echo a%b%c',
  '* * * * * root echo "quoted # not a comment"',
  '* * * * * root cmd # trailing',
  `* * * * * ${long(998)}`,
  `* * * * * ${long(999)}`,
  `* * * * * ${long(1200)}`,
  `* * * * * root ${long(993)}`,
  `* * * * * root ${long(994)}`,
  `* * * * * root    ${long(996)}`,
  `* * * * *    ${long(998)}`,
  '@daily root  two-blanks-after-user',
  '@daily root ',
  // leading blanks, comments, blank lines
  '   * * * * * root leading-spaces',
  '\t* * * * * root leading-tab',
  '# comment',
  '  # indented comment',
  '#* * * * * root commented',
  '#',
  '',
  '   ',
  '\t',
  // carriage returns
  '* * * * * root cmd\r',
  '\r',
  '  \r',
  '* * * * *\r',
  '0 0 * * 1\r',
  '0 0 * * 1\r root cmd',
  '* * * * * root\r',
  '0 0 1 1 1 root cmd\r',
  '#comment\r',
  // environment lines
  'FOO=bar',
  'FOO BAR=1',
  'A B C=1',
  'MAILTO=',
  'MAILTO=""',
  "MAILTO=''",
  'MAILTO=root',
  'MAILTO=root@example.com',
  'MAILTO= ',
  "A='x y'z",
  'A = b',
  'A= b ',
  'A\t=\tb',
  ' A=b',
  'A=b # comment',
  'A=b c',
  'A==b',
  '=b',
  'A=b=c',
  '1=2',
  '*=x',
  '5=x',
  'FOO',
  '"A"=b',
  "'A'=b",
  '"MAILTO"=x',
  "'A B'=c",
  '"A=B"=c',
  '"A',
  'A="b',
  'A="b"c',
  'A="b" c',
  "A='b'",
  "A='b'  ",
  "A='x' y",
  'A="\'b\'"',
  'A=""',
  'A="',
  "A='",
  "A= ''",
  'A=b\r',
  'A="b"\r',
  'A=b\t',
  'A=\r',
  'PATH=/usr/bin:/bin',
  'SHELL=/bin/bash',
  'CRON_TZ=UTC',
  'TZ=Europe/Berlin',
  'A="b c"',
  'A=\'"b"\'',
  'A=   spaced value   ',
];

// xorshift32 with a fixed seed: the same lines on every run and every Node version.
let state = 0x5eed1e55;
function random() {
  state ^= state << 13;
  state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state / 0x100000000;
}
const pick = (items) => items[Math.floor(random() * items.length)];
const between = (low, high) => low + Math.floor(random() * (high - low + 1));

const FIELDS = [
  { low: 0, high: 59 },
  { low: 0, high: 23 },
  { low: 1, high: 31 },
  { low: 1, high: 12, names: ['jan', 'Feb', 'MAR', 'apr', 'May', 'jun', 'JUL', 'aug', 'sep', 'Oct', 'nov', 'DEC'] },
  { low: 0, high: 7, names: ['sun', 'Mon', 'TUE', 'wed', 'Thu', 'fri', 'SAT'] },
];

function value(field) {
  // Mostly in range, sometimes just outside it, sometimes a name.
  const roll = random();
  if (field.names && roll < 0.25) return pick(field.names);
  if (roll < 0.08) return String(field.low === 0 ? field.high + 1 : pick([field.low - 1, field.high + 1]));
  return String(between(field.low, field.high));
}

function element(field) {
  const roll = random();
  if (roll < 0.15) return '*';
  if (roll < 0.3) return `*/${between(0, field.high + 5)}`;
  if (roll < 0.55) return value(field);
  if (roll < 0.8) return `${value(field)}-${value(field)}`;
  if (roll < 0.95) return `${value(field)}-${value(field)}/${between(0, 40)}`;
  return pick(['?', 'L', '#', ';', '~', 'x']) + value(field);
}

function fieldText(field) {
  const count = random() < 0.7 ? 1 : between(2, 3);
  let text = Array.from({ length: count }, () => element(field)).join(',');
  if (random() < 0.04) text += pick([',', ';1', '#2', '/']);
  return text;
}

const generated = [];
for (let index = 0; index < 260; index++) {
  const fields = FIELDS.map(fieldText);
  const user = random() < 0.9 ? 'root ' : '';
  generated.push(`${fields.join(random() < 0.9 ? ' ' : '\t')} ${user}job-${index}`);
}

process.stdout.write([...handPicked, ...generated].map((line) => `${line}\n`).join(''));
