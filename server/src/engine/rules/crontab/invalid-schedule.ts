// Lines the host's cron rejects: fields out of range, unknown names, bad steps, unknown @keywords, too few
// fields, dialect-only syntax. Debian cron entry.c get_list/get_range/get_number; cronie src/entry.c.
// Debian's user.c stops at the first bad line and ignores the whole file; cronie skips the line.
import { FIELD_SPECS } from '../../crontab/fields';
import { isCarriageReturnOnly, looksLikeAssignment } from '../../crontab/lines';
import type { LineProblem } from '../../crontab/model';
import type { MessageKey, MessageParams } from '../../i18n/catalog';
import { range } from '../../types';
import type { CrontabContext, CrontabRule } from '../../rule';
import { looksLikeCommandWord } from '../../crontab/user-column';

export const invalidSchedule: CrontabRule = {
  id: 'crontab/invalid-schedule',
  meta: { defaultSeverity: 'error', fixable: false },
  check(context) {
    const document = context.document;
    for (const line of document.invalidLines) {
      if (isCarriageReturnOnly(line.text) || looksLikeAssignment(line.text)) continue;
      reportProblem(context, line.line, line.problem);
    }
    for (const job of document.jobsWithProblems) {
      const problem = document.jobProblem(job) as LineProblem;
      // `* * * * * /usr/bin/job` in a system crontab: the missing user is the real problem; that rule reports it.
      if (problem.id === 'no-command' && document.hasUser(job)) {
        const user = document.userText(job);
        if (!user.startsWith('*') && looksLikeCommandWord(user, false)) continue;
      }
      reportProblem(context, document.jobLine(job), problem);
    }
  },
};

function reportProblem(context: CrontabContext, line: number, problem: LineProblem): void {
  const consequence = context.consequence();
  const fieldWord = (name: string) => context.t(`field.${name}` as MessageKey);
  let messageId: string = problem.id;
  let params: MessageParams = { ...problem.params, consequence };
  let start = problem.start;
  let end = problem.end;
  if (problem.id === 'field' && problem.fieldProblem && problem.field) {
    const spec = FIELD_SPECS.find((candidate) => candidate.name === problem.field);
    const inner = problem.fieldProblem;
    messageId = inner.id;
    params = { ...inner.params, field: fieldWord(problem.field), consequence, high: spec?.high ?? '' };
    if (inner.id === 'unknown-name') {
      if (spec?.names) params.example = problem.field === 'month' ? 'jan–dec' : 'sun–sat';
      else messageId = 'unknown-name-numeric-field';
    }
    if (inner.id === 'empty-element' && inner.params.found === '') messageId = 'empty-element-end';
    if (inner.id === 'step-without-range' && spec?.names && !/^\d+$/.test(String(inner.params.element))) {
      messageId = 'step-on-name';
      params.lastName = problem.field === 'month' ? 'dec' : 'sat';
    }
    // The whole field is the range, so the editor underlines what the user will retype.
    start = problem.start;
    end = problem.end;
  } else if (problem.id === 'too-few-fields') {
    params.field = fieldWord(String(problem.params.field));
    params.expected = context.t(context.document.kind === 'crontab-system' ? 'crontab/invalid-schedule.expected-system' : 'crontab/invalid-schedule.expected-user');
  }
  // A field missing at the end of the line has no text of its own: underline the character before the gap.
  if (end <= start && start > 0) start--;
  context.report({ messageId, params, range: range(line, start, Math.max(end, start + 1)) });
}
