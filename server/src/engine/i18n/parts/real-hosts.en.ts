// English messages for findings that depend on what the host really runs (issue #19, "Findings that hold on
// real hosts"); spread into en.ts. Every key also in real-hosts.ja.ts with the same parameters.
export const realHostsEn = {
  'timeline.off.noSystemd': 'not running: systemd is not running on this host (/run/systemd/system is missing), so no timer fires',
  'hover.timer.noSystemd':
    'systemd is not running on this host (`/run/systemd/system` is missing, as in a container whose first process is not systemd): this timer never fires here. Cron jobs guarded with `test -e /run/systemd/system` run instead.',
} as const;
