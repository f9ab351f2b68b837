// systemd unit names (src/basic/unit-name.c: unit_name_is_valid, unit_name_to_type, unit_name_template;
// UNIT_NAME_MAX, VALID_CHARS) and which files in a unit folder are not units at all (hidden and backup
// files, src/basic/path-util.c hidden_or_backup_file), with the byte order systemd sorts names in.

export const UNIT_TYPES = ['service', 'mount', 'swap', 'socket', 'target', 'device', 'automount', 'timer', 'path', 'slice', 'scope'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

// unit-name.c: UNIT_NAME_MAX, VALID_CHARS (digits, letters, ":-_.\").
const UNIT_NAME_MAX = 256;
const VALID_CHARACTER = /^[0-9A-Za-z:\-_.\\]$/;

export interface UnitName {
  name: string;
  /** The part before `@` (or before the type suffix). */
  prefix: string;
  /** `bar` in `foo@bar.timer`; empty for a template `foo@.timer`; undefined for a plain name. */
  instance?: string;
  kind: 'plain' | 'template' | 'instance';
  type: UnitType;
}

/** unit_name_is_valid(): `prefix[@[instance]].type`, at most 255 characters. */
export function parseUnitName(name: string): UnitName | undefined {
  if (name.length === 0 || name.length >= UNIT_NAME_MAX) return undefined;
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const type = name.slice(dot + 1) as UnitType;
  if (!UNIT_TYPES.includes(type)) return undefined;
  let at = -1;
  for (let index = 0; index < dot; index++) {
    const character = name[index];
    if (character === '@') {
      if (at < 0) at = index;
      continue;
    }
    if (!VALID_CHARACTER.test(character)) return undefined;
  }
  if (at === 0) return undefined;
  if (at < 0) return { name, prefix: name.slice(0, dot), kind: 'plain', type };
  const instance = name.slice(at + 1, dot);
  return { name, prefix: name.slice(0, at), instance, kind: instance === '' ? 'template' : 'instance', type };
}

/** `foo@bar.timer` → `foo@.timer`; undefined for anything that is not an instance. */
export function templateOf(name: string): string | undefined {
  const parsed = parseUnitName(name);
  if (!parsed || parsed.kind !== 'instance') return undefined;
  return `${parsed.prefix}@.${parsed.type}`;
}

/** hidden_or_backup_file() (path-util.c): names conf-files and `.wants/` scans skip. */
export function isHiddenOrBackupFile(name: string): boolean {
  if (name.startsWith('.') || name === 'lost+found' || name === 'aquota.user' || name === 'aquota.group' || name.endsWith('~')) return true;
  const dot = name.lastIndexOf('.');
  if (dot < 0) return false;
  return BACKUP_SUFFIXES.has(name.slice(dot + 1));
}

const BACKUP_SUFFIXES = new Set([
  'rpmnew', 'rpmsave', 'rpmorig', 'dpkg-old', 'dpkg-new', 'dpkg-tmp', 'dpkg-dist', 'dpkg-bak', 'dpkg-backup', 'dpkg-remove',
  'ucf-new', 'ucf-old', 'ucf-dist', 'swp', 'bak', 'old', 'new',
]);

/** Sorts as strcmp() does (bytes, not UTF-16 units), the order conf-files.c applies drop-ins in. */
export function compareBytes(left: string, right: string): number {
  return Buffer.compare(Buffer.from(left, 'utf8'), Buffer.from(right, 'utf8'));
}

