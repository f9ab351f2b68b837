// The zone cronie schedules a `CRON_TZ=` block in: cronie sets TZ and calls localtime(), so glibc decides.
import type { Host } from '../host/host';
import { glibcZone } from '../time/zone';

export function cronieZone(host: Host, value: string): { zone: string; known: boolean } {
  const zoneinfo = host.stat('/usr/share/zoneinfo')?.kind === 'directory';
  return glibcZone(value, zoneinfo ? (name) => host.stat(`/usr/share/zoneinfo/${name}`)?.kind === 'file' : undefined);
}
