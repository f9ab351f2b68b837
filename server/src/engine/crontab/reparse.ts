// A crontab parsed again after an edit inside one of its job lines, from the previous parse: the language
// server lints a document on every keystroke (issue #20), and a 5,000-line crontab parsed whole each time
// cost most of a change. Only the edited line is read; every other column is the previous document's (the
// offsets after the line moved by the change in length). Anything else — a line break added or removed, an
// edit in a comment, an assignment or a rejected line, a job with a problem before or after — is parsed whole,
// so the result is always what parseCrontab gives (test/engine/crontab-reparse.test.ts holds it to that).
import type { FieldEntry } from './fields';
import { CrontabDocument, type DocumentColumns, ENVIRONMENT_STRIDE, JOB, NO_USER, VALUE_TEXT_END, VALUE_TEXT_START } from './document';
import { parseCrontab } from './parse';
import { type LineEdit, singleLineEdit } from '../util/line-edit';
import { lineAt } from '../util/line-starts';

/** `lineEdit`: singleLineEdit(previous.text, text), when the caller has it already. */
export function reparseCrontab(previous: CrontabDocument, text: string, lineEdit?: LineEdit): CrontabDocument {
  if (text === previous.text) return previous;
  const whole = () => parseCrontab(text, previous.kind, previous.dialect);
  const edit = lineEdit ?? singleLineEdit(previous.text, text);
  if (edit === undefined) return whole();
  const columns = previous.columns();
  const line = lineAt(columns.lineStarts, edit.start, columns.lineCount);
  if (columns.lineStarts[line] !== edit.start || columns.lineTypes[line] !== JOB) return whole();
  const job = previous.jobOf(line);
  if (columns.jobLineNumbers[job] !== line || !previous.isAccepted(job)) return whole();
  // The edited line alone reads as it does in the file: a job line depends on nothing above it.
  const alone = parseCrontab(`${text.slice(edit.start, edit.newEnd)}\n`, previous.kind, previous.dialect);
  if (alone.lineCount !== 1 || alone.lineType(0) !== 'job' || !alone.isAccepted(0)) return whole();
  const single = alone.columns();

  const entries = columns.entries.slice();
  const jobFields = columns.jobFields.slice();
  for (let index = 0; index < 5; index++) {
    const value = single.jobFields[index];
    // A keyword is marked in the first slot (a negative number, the same in every document).
    jobFields[job * 5 + index] = value < 0 || (index > 0 && single.jobFields[0] < 0) ? value : numberOf(entries, single.entries[value]);
  }
  const users = columns.users.slice();
  const jobUsers = columns.jobUsers.slice();
  const user = single.jobUsers[0];
  jobUsers[job] = user === NO_USER ? NO_USER : numberOf(users, single.users[user]);

  const delta = text.length - previous.text.length;
  const lineStarts = columns.lineStarts.slice();
  for (let later = line + 1; later <= columns.lineCount; later++) lineStarts[later] += delta;
  const environmentOffsets = columns.environmentOffsets.slice();
  for (let index = 0; index < columns.environmentCount; index++) {
    const base = index * ENVIRONMENT_STRIDE;
    // Only the value's place in the text is absolute; the other offsets count from the line's start.
    if (environmentOffsets[base] > line) {
      environmentOffsets[base + VALUE_TEXT_START] += delta;
      environmentOffsets[base + VALUE_TEXT_END] += delta;
    }
  }
  const edited: DocumentColumns = { ...columns, text, lineStarts, jobFields, jobUsers, entries, users, environmentOffsets };
  const document = new CrontabDocument(edited);
  lineEdits.set(document, { previous, line, job });
  return document;
}

/** A document reparseCrontab made from another by reading one job line again: which document, line and job. */
export interface JobLineEdit {
  previous: CrontabDocument;
  line: number;
  job: number;
}

const lineEdits = new WeakMap<CrontabDocument, JobLineEdit>();

/** How `document` came from another by an edit inside one job line, if it did (see reparseCrontab). */
export function jobLineEdit(document: CrontabDocument): JobLineEdit | undefined {
  return lineEdits.get(document);
}

/** The number of `item` in `list`, added at the end when it is not there. */
function numberOf<T extends FieldEntry | string>(list: T[], item: T): number {
  const found = list.indexOf(item);
  if (found >= 0) return found;
  list.push(item);
  return list.length - 1;
}

