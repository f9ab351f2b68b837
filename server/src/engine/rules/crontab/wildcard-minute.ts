// Seed 002: `* */12 * * *` meant as "twice a day" runs every minute of hours 0 and 12 (120 runs).
// A minute field of `*` with a restricted hour field is almost always a forgotten `0` — unless the hour
// field is a span of hours (`* 6-20 * * *`: a timelapse camera, a poller during office hours), which is
// often deliberate. So the hour field's shape sets how sure the finding is: steps (`*/12`), single hours
// and lists of hours (`3`, `0,12`) are warnings; spans (`6-20`, `8-11,13-17`) only information (but a
// warning again when every run stops services).
// When the command stops and starts services (seed 002's own line stops apache2 and nginx around
// `certbot renew`), the message says what every run costs: they go down that many times a day.
import { range } from '../../types';
import { FIELD_IS_STAR } from '../../crontab/document';
import type { CrontabContext, CrontabRule } from '../../rule';
import { isDigit } from '../../util/chars';

export const wildcardMinute: CrontabRule = {
  id: 'crontab/wildcard-minute',
  meta: { defaultSeverity: 'warning', fixable: true },
  check(context) {
    for (let job = 0; job < context.document.jobCount; job++) checkJob(context, job);
  },
  checkJob,
};

/** Words stoppedServices() cannot match without (every command that stops a service has one). */
const SERVICE_WORDS = ['systemctl', 'service', '/etc/init.d/'];

/**
 * Whether an hour field is written as spans of consecutive hours (`6-20`, `8-11,13-17`), with no step and
 * no single hours: the shape of a job meant to run all through those hours.
 */
export function isHourSpan(field: string): boolean {
  // Each comma-separated item is digits, `-`, digits, the second number larger (read by hand: a split and a
  // regular expression per item cost more than the rest of a finding on a file of thousands, issue #20).
  let start = 0;
  for (;;) {
    let end = field.indexOf(',', start);
    if (end < 0) end = field.length;
    let pos = start;
    while (pos < end && isDigit(field.charCodeAt(pos))) pos++;
    const dash = pos;
    if (dash === start || field.charCodeAt(dash) !== 45 || dash >= end) return false;
    pos++;
    while (pos < end && isDigit(field.charCodeAt(pos))) pos++;
    if (pos === dash + 1 || pos !== end || !(Number(field.slice(dash + 1, end)) > Number(field.slice(start, dash)))) return false;
    if (end === field.length) return true;
    start = end + 1;
  }
}


/**
 * Services the command stops (or restarts) on every run: `systemctl stop apache2 nginx`,
 * `systemctl restart nginx.service`, `service nginx stop`, `/etc/init.d/nginx stop`. Read from the text,
 * never run.
 */
export function stoppedServices(command: string): string[] {
  const names: string[] = [];
  // Neither pattern matches without one of these words: most commands are done here, without the regular
  // expressions (matchAll copies its expression on every call).
  if (!SERVICE_WORDS.some((word) => command.includes(word))) return names;
  const add = (name: string) => {
    const bare = name.replace(/\.service$/, '');
    if (/^[A-Za-z0-9@_.:-]+$/.test(bare) && !names.includes(bare)) names.push(bare);
  };
  for (const match of command.matchAll(/\bsystemctl\s+(?:-{1,2}[\w-]+\s+)*(?:stop|restart)\s+((?:[A-Za-z0-9@_.:-]+\s*)+)/g)) {
    for (const name of match[1].trim().split(/\s+/)) if (!name.startsWith('-')) add(name);
  }
  for (const match of command.matchAll(/(?:\bservice\s+|\/etc\/init\.d\/)([A-Za-z0-9@_.:-]+)\s+(?:stop|restart)\b/g)) add(match[1]);
  return names;
}

function joinList(items: string[], locale: string): string {
  if (locale === 'ja') return items.join('、');
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function checkJob(context: CrontabContext, job: number): void {
  const document = context.document;
  if (document.jobKeyword(job) !== undefined || (document.jobFieldFlags(job, 0) & FIELD_IS_STAR) === 0 || !document.isAccepted(job)) return;
  const hours = document.jobField(job, 1).count;
  if (hours === 24 || hours === 0) return;
  const line = document.jobLine(job);
  const start = document.timeTokenStart(job, 0);
  const end = document.timeTokenEnd(job, 0);
  const count = hours * 60;
  const span = isHourSpan(document.timeTokenText(job, 1));
  const stopped = stoppedServices(document.commandText(job));
  const list = stopped.length > 0 ? joinList(stopped, context.locale) : '';
  context.report({
    messageId: span ? (stopped.length > 0 ? 'span-restarts' : 'span') : stopped.length > 0 ? 'restarts' : 'message',
    params: { count, hours: document.timeTokenText(job, 1), services: list },
    range: range(line, start, end),
    // Stopping services every minute is a mistake whatever the hours look like.
    ...(span && stopped.length === 0 ? { severity: 'info' as const } : {}),
    fixes: [{ title: context.t('crontab/wildcard-minute.fix'), edits: [{ range: range(line, start, end), newText: '0' }], isPreferred: !(span && stopped.length === 0) }],
  });
}
