// `--output FILE`: the report written so that a reader never sees half of it, as node_exporter's textfile
// collector asks ("write to a temporary file in the same folder, then rename"): a new temporary file beside
// FILE (same filesystem, so rename(2) swaps it in one step), mode 0644 whatever the umask, flushed to disk,
// then renamed over FILE. Its name starts with `.` and ends `.tmp`, so a collector reading `*.prom` skips it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MessageKey } from '../engine/i18n/catalog';
import { nodeCrypto } from '../engine/util/lazy-modules';

export type WriteResult = { ok: true } | { ok: false; key: MessageKey; params: Record<string, string> };

export function writeFileAtomically(file: string, text: string): WriteResult {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${nodeCrypto().randomBytes(4).toString('hex')}.tmp`);
  let descriptor: number | undefined;
  try {
    if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) return { ok: false, key: 'cli.write.isFolder', params: {} };
    descriptor = fs.openSync(temporary, 'wx', 0o644);
    fs.writeFileSync(descriptor, text);
    // The mode open() was given is masked by the umask (a 077 umask would hide the file from node_exporter).
    fs.fchmodSync(descriptor, 0o644);
    fs.fsyncSync(descriptor);
    fs.closeSync(descriptor);
    descriptor = undefined;
    fs.renameSync(temporary, file);
    return { ok: true };
  } catch (error) {
    if (descriptor !== undefined) fs.closeSync(descriptor);
    fs.rmSync(temporary, { force: true });
    return writeFailure(error as NodeJS.ErrnoException);
  }
}

function writeFailure(error: NodeJS.ErrnoException): WriteResult {
  switch (error.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { ok: false, key: 'cli.write.noFolder', params: {} };
    case 'EACCES':
    case 'EPERM':
      return { ok: false, key: 'cli.write.denied', params: {} };
    case 'EISDIR':
      return { ok: false, key: 'cli.write.isFolder', params: {} };
    case 'EROFS':
      return { ok: false, key: 'cli.write.readOnly', params: {} };
    case 'ENOSPC':
    case 'EDQUOT':
      return { ok: false, key: 'cli.write.noSpace', params: {} };
    default:
      return { ok: false, key: 'cli.write.other', params: { code: error.code ?? error.message } };
  }
}
