// English messages for input schedlint cannot read as text (binary files, bytes that are not UTF-8, a
// byte-order mark), certificates that cannot be decoded, and bugs in schedlint itself (internal/rule-error);
// spread into en.ts. Every key is also in bad-input.ja.ts.
export const badInputEn = {
  'rule.internal/rule-error.title': 'A bug in schedlint while checking this file',
  'internal/rule-error.thrown':
    'schedlint has a bug: the rule {rule} failed on this file ({detail}), so its checks are missing here; the other rules ran. Please report it at https://github.com/schedlint/schedlint/issues with this message and, if you can, the file.',
  'internal/rule-error.file':
    'schedlint has a bug: {rule} failed on this file ({detail}), so this file was not checked; the other files were. Please report it at https://github.com/schedlint/schedlint/issues with this message and, if you can, the file.',

  'rule.file/not-text.title': 'File that is not text',
  'file/not-text.binary': 'This is not a text file ({reason}), so it was not checked: {consequence} Remove it, or replace it with the text file meant to be there.',
  'file/not-text.reason.nul': 'it contains NUL bytes',
  'file/not-text.reason.control': 'most of its first bytes are control characters',
  'file/not-text.consequence.crontab': "cron reads it line by line as a crontab: its lines are not valid entries, so Debian's cron ignores the whole file and cronie skips them.",
  'file/not-text.consequence.unit': 'systemd reads it as unit file lines, rejects the ones that are not UTF-8 and fails to load the unit.',
  'file/not-text.consequence.certbot': 'certbot cannot read it as a configuration file and skips it with an error.',

  'rule.file/not-utf8.title': 'Bytes that are not UTF-8',
  'file/not-utf8.crontab': 'The file is not UTF-8 at byte offset {byte} (line {line}): cron passes such bytes to the shell unchanged, but editors and schedlint show them as �, so the line you read is not the one that runs. Save the file as UTF-8.',
  'file/not-utf8.crontab-editor': 'Line {line} is not UTF-8 (the editor shows �): cron passes the original bytes to the shell unchanged, so the line you read is not the one that runs. Reopen the file with its real encoding and save it as UTF-8.',
  'file/not-utf8.unit': 'The file is not UTF-8 at byte offset {byte} (line {line}): systemd logs "String is not UTF-8 clean, ignoring assignment" and then fails to load the whole unit ("Invalid argument"). Save the file as UTF-8.',
  'file/not-utf8.unit-editor': 'Line {line} is not UTF-8 (the editor shows �): systemd logs "String is not UTF-8 clean, ignoring assignment" and then fails to load the whole unit ("Invalid argument"). Reopen the file with its real encoding and save it as UTF-8.',
  'file/not-utf8.unit-comment': 'The file is not UTF-8 at byte offset {byte} (line {line}, a comment): systemd skips comments before it checks UTF-8, so this is harmless, but editors show �. Save the file as UTF-8.',
  'file/not-utf8.certbot': 'The file is not UTF-8 at byte offset {byte} (line {line}): certbot reads its configuration as UTF-8, fails to decode this file and skips it with an error. Save the file as UTF-8.',
  'file/not-utf8.certbot-editor': 'Line {line} is not UTF-8 (the editor shows �): certbot reads its configuration as UTF-8, fails to decode this file and skips it with an error. Reopen the file with its real encoding and save it as UTF-8.',

  'rule.file/byte-order-mark.title': 'Byte-order mark at the start of the file',
  'file/byte-order-mark.crontab': 'The file starts with a byte-order mark (the bytes EF BB BF, invisible in most editors): cron does not skip it, so the first line is not read as written: {consequence} Save the file as UTF-8 without a byte-order mark.',
  'file/byte-order-mark.harmless': 'The file starts with a byte-order mark (the bytes EF BB BF, invisible in most editors): {program} skips it, but other tools that read this file may not. Save the file as UTF-8 without a byte-order mark.',

  'certbot/missing-file.bad-certificate': '{path} cannot be read as a certificate: {problem}. A web server pointed at it fails to start or reload. Restore the file from the archive folder.',
  'certificates.problem.bad-base64': 'the text between its BEGIN and END lines is not valid base64',
  'certificates.problem.not-certificate': 'its PEM block decodes, but the bytes are not an X.509 certificate (OpenSSL: {reason})',
  'certificates.problem.bad-key': 'the public key inside the certificate cannot be decoded (OpenSSL: {reason})',
} as const;
