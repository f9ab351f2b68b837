// The comparator of bench/schedules.ts's whole-process cron line: the next RUNS runs of every cron expression
// of a JSON list (argv[2]) after BASE_MS, computed by cron-parser in the process's zone and printed, one per
// line, as `schedlint cron` prints its own.
const fs = require('node:fs');
const { CronExpressionParser } = require('cron-parser');

const [, , listFile, runs, baseMs] = process.argv;
const lines = [];
for (const expression of JSON.parse(fs.readFileSync(listFile, 'utf8'))) {
  const iterator = CronExpressionParser.parse(expression, { currentDate: new Date(Number(baseMs)), tz: process.env.TZ });
  lines.push(expression);
  for (let run = 0; run < Number(runs); run++) lines.push(iterator.next().toString());
}
process.stdout.write(`${lines.join('\n')}\n`);
