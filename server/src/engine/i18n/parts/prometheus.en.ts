// Messages of `--output FILE` (the atomic write `--format prometheus` needs for node_exporter's textfile collector).
export const prometheusEn = {
  'cli.writeError': 'schedlint: cannot write {path}: {detail}; the file there, if any, was left as it was.',
  'cli.write.noFolder': 'its folder does not exist',
  'cli.write.denied': 'permission denied (the temporary file is made in the same folder, which must be writable)',
  'cli.write.isFolder': 'it is a folder; give a file name',
  'cli.write.readOnly': 'read-only file system (a systemd unit needs the folder in ReadWritePaths=)',
  'cli.write.noSpace': 'no space left on the device',
  'cli.write.other': 'error {code}',
} as const;
