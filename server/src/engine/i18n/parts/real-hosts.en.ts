// English messages for findings that depend on what the host really runs (issue #19, "Findings that hold on
// real hosts"); spread into en.ts. Every key also in real-hosts.ja.ts with the same parameters.
export const realHostsEn = {
  'timeline.off.noSystemd': 'not running: systemd is not running on this host (/run/systemd/system is missing), so no timer fires',
  'hover.timer.noSystemd':
    'systemd is not running on this host (`/run/systemd/system` is missing, as in a container whose first process is not systemd): this timer never fires here. Cron jobs guarded with `test -e /run/systemd/system` run instead.',
  'rule.systemd/inline-comment.title': 'Comment after a value',
  'systemd/inline-comment.trigger':
    'systemd has no inline comments: `{comment}` is part of the `{key}=` value, so systemd cannot parse it and ignores the line ("Failed to parse …, ignoring"); the timer lacks this trigger. Move the comment to a line of its own.',
  'systemd/inline-comment.unit':
    'systemd has no inline comments: `{comment}` is part of the unit name, so systemd ignores this line ("Unit type not valid, ignoring") and the timer starts `{unit}` instead of `{meant}`. Move the comment to a line of its own.',
  'systemd/inline-comment.unit-same':
    'systemd has no inline comments: `{comment}` is part of the unit name, so systemd ignores this line ("Unit type not valid, ignoring"); the timer still starts `{unit}`, the service with its own name. Move the comment to a line of its own.',
  'systemd/inline-comment.unit-unknown':
    'systemd has no inline comments: `{comment}` is part of the unit name, so systemd ignores this line ("Unit type not valid, ignoring") and the timer starts the service with its own name instead of `{meant}`. Move the comment to a line of its own.',
  'systemd/inline-comment.setting':
    'systemd has no inline comments: `{comment}` is part of the `{key}=` value, so systemd cannot parse it and ignores the line ("Failed to parse …, ignoring"); `{key}=` keeps its earlier value or its default instead of `{meant}`. Move the comment to a line of its own.',
  'systemd/inline-comment.fix': 'Move the comment to a line of its own',
} as const;
