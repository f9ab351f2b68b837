// FsHost's reads (readAtMost in server/src/engine/host/fs-host.ts): small files through one scratch buffer,
// copied out; large ones in place at the size stat gives; stat sizes that lie (/proc) read in full; the limit
// holds. Each read stands alone: a later read never changes what an earlier one returned.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { FsHost } from '../../server/src/engine/host/fs-host';

test('files below, at and above the scratch size read whole, and earlier reads keep their bytes', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-fs-read-'));
  try {
    const sizes = [0, 1, 100, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 300 * 1024];
    const contents = sizes.map((size, index) => Buffer.alloc(size, String.fromCharCode(97 + index)));
    contents.forEach((content, index) => fs.writeFileSync(path.join(root, `f${index}`), content));
    const host = new FsHost(root);
    const read = sizes.map((_, index) => host.readBytes(`/f${index}`));
    read.forEach((bytes, index) => assert.ok(bytes !== undefined && Buffer.from(bytes).equals(contents[index]), `file of ${sizes[index]} bytes`));
    const text = host.readText('/f2');
    assert.equal(text.ok ? text.text : undefined, 'c'.repeat(100));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a file larger than its stat said (growing, or /proc) is read in full past the scratch buffer', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-fs-read-'));
  // The module object itself (an `import *` binding is a read-only view of it).
  const nodeFs = require('node:fs') as { statSync: typeof fs.statSync };
  const statSync = nodeFs.statSync;
  try {
    const content = Buffer.alloc(200 * 1024, 'g');
    const file = path.join(root, 'grows');
    fs.writeFileSync(file, content);
    // Its stat says 0 bytes, as /proc files do: the read starts in the 64 KiB scratch buffer and must grow.
    nodeFs.statSync = ((...args: Parameters<typeof fs.statSync>) => {
      const stat = statSync(...args);
      return args[0] === file && stat ? Object.assign(Object.create(Object.getPrototypeOf(stat)), stat, { size: 0 }) : stat;
    }) as typeof fs.statSync;
    const host = new FsHost(root);
    assert.ok(Buffer.from(host.readBytes('/grows') ?? []).equals(content));
    const text = host.readText('/grows');
    assert.equal(text.ok ? text.text.length : undefined, content.length);
  } finally {
    nodeFs.statSync = statSync;
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a file whose stat size is 0 (/proc) is read in full, and the size limit still holds', () => {
  const host = new FsHost('/');
  const status = host.readText('/proc/self/status');
  assert.ok(status.ok && status.text.startsWith('Name:') && status.text.includes('\nPid:'));
  // A file past the limit is refused, not cut.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'schedlint-fs-read-'));
  try {
    fs.writeFileSync(path.join(root, 'big'), Buffer.alloc(5000, 'x'));
    assert.equal(new FsHost(root, 4096).readBytes('/big'), undefined);
    assert.equal(new FsHost(root, 5000).readBytes('/big')?.length, 5000);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
