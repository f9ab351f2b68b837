// The zone files the calendar oracle scripts hand to the tests (base64), read the way systemd checks a zone.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ZONEINFO = '/usr/share/zoneinfo';

/** systemd's timezone_is_valid(): name syntax, then a regular file that starts with "TZif"; else undefined. */
export function zoneFileBase64(name) {
  if (!/^[A-Za-z0-9_+\-/]+$/.test(name) || name.startsWith('/') || name.endsWith('/') || name.includes('//')) return undefined;
  const file = path.join(ZONEINFO, name);
  try {
    if (!fs.statSync(file).isFile()) return undefined;
    const bytes = fs.readFileSync(file);
    return bytes.subarray(0, 4).toString('latin1') === 'TZif' ? bytes.toString('base64') : undefined;
  } catch {
    return undefined;
  }
}
