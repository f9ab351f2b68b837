// Messages of `schedlint edit`, the editor wrapper that checks a crontab, unit or certbot file before the
// program that called the editor (crontab -e, sudoedit, systemctl edit) installs it (issue #23).
export const editEn = {
  'edit.usage':
    'Usage: schedlint edit [--lang en|ja] FILE…\n\nRuns your editor on FILE, then checks the result before the program that called the editor installs it.\nSet it as that program\'s editor, e.g. in ~/.bashrc:\n  export VISUAL="schedlint edit"\nThe real editor is $SCHEDLINT_EDITOR, else the first of $VISUAL and $EDITOR that is not schedlint, else editor, else vi.\nClean or warnings only: exit 0 (installed). Errors: on a terminal it asks what to do; otherwise it exits 1 (nothing installed).',
  'edit.error.noFile': 'give the file to edit (the program that calls the editor passes it)',
  'edit.loop': 'schedlint edit: the editor to run ({editor}) is schedlint edit itself. Set SCHEDLINT_EDITOR to your real editor, e.g. export SCHEDLINT_EDITOR=vim.',
  'edit.editorFailed': 'schedlint edit: the editor ({editor}) exited with status {status}: nothing was checked, and the caller installs nothing.',
  'edit.editorNotStarted': 'schedlint edit: could not start the editor ({editor}): {detail}',
  'edit.unreadable': 'schedlint edit: cannot read {path} after editing: {detail}',
  'edit.prompt.withFixes': 'What now? [e] edit again, [f] apply the fixes and edit again, [d] discard (nothing is installed), [k] keep anyway: ',
  'edit.prompt.noFixes': 'What now? [e] edit again, [d] discard (nothing is installed), [k] keep anyway: ',
  'edit.prompt.invalid': 'Answer e, f, d or k.',
  'edit.fixesApplied': 'schedlint edit: applied {count} fix(es); check them in the editor.',
  'edit.refused': 'schedlint edit: {errors} error(s) and no terminal to ask on: the edit is refused, so the caller installs nothing.',
  'edit.discarded': 'schedlint edit: discarded; the caller installs nothing.',
  'edit.copyKept': 'What you typed is kept in {copy}',
  'edit.copyFailed': 'schedlint edit: could not keep a copy of what you typed ({detail}); it is still in {path} until the caller removes it.',
  'edit.keptAnyway': 'schedlint edit: kept with {errors} error(s), as you asked.',
  'edit.crontab.header': '# Crontab of {user} on {host} (user format: minute hour day-of-month month day-of-week command; no user column).\n# Saving installs it with `crontab -` when schedlint finds no errors.\n',
} as const;
