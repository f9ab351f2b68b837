// What the engine needs to know about a host, read lazily through its Host and cached for one lint run:
// users from /etc/passwd, the cron dialect from /etc/os-release, the time zone cron uses, and whether a
// word is a program on a given PATH (looked up, never executed).
import type { CronDialect } from '../types';
import { type Host, isExecutableFile, isLiveHost, joinHostPath, readTextOrUndefined } from './host';
import { isTimeZone } from '../time/zone';
import type { ZoneSource } from '../time/zone-rules';
import { tzifZoneSource } from '../time/zone-source';

export interface PasswdUser {
  name: string;
  uid: number;
  shell: string;
  /** The home folder (passwd's sixth field): HOME and the working directory of the user's cron jobs. */
  home: string;
}

export interface DialectChoice {
  dialect: CronDialect;
  /**
   * Where the choice came from, for hovers, the status bar and the CLI's `dialectReason`: `setting` is
   * `--dialect` or the editor's setting, `config` a `dialect:` of the project's .schedlint.yaml, `install`
   * the cron of the image a repository installs the file into.
   */
  source: 'setting' | 'config' | 'install' | 'os-release' | 'default';
  distribution?: string;
}

/** Whether the user chose the dialect (an option, a setting, the config file), so nothing found in files overrides it. */
export function isChosenDialect(choice: DialectChoice): boolean {
  return choice.source === 'setting' || choice.source === 'config';
}

// ID / ID_LIKE values of /etc/os-release whose cron is Debian's (cron 3.0pl1) or cronie.
const DEBIAN_FAMILY = new Set(['debian', 'ubuntu', 'raspbian', 'linuxmint', 'pop', 'elementary', 'kali', 'devuan']);
const CRONIE_FAMILY = new Set(['rhel', 'fedora', 'centos', 'amzn', 'almalinux', 'rocky', 'ol', 'arch', 'opensuse', 'sles', 'suse', 'mageia']);

export class HostFacts {
  private usersCache: Map<string, PasswdUser> | null | undefined;
  private dialectCache: DialectChoice | undefined;
  private zoneCache: string | undefined;
  private readonly commandCache = new Map<string, { word: string; searchPath: string; found: boolean }>();
  private zoneSourceCache: ZoneSource | null | undefined;

  /** Models built from this host by higher layers (the systemd unit index), once per HostFacts. */
  private readonly derivedCache = new Map<symbol, unknown>();

  constructor(
    readonly host: Host,
    private readonly dialectOverride?: CronDialect,
    /** Where `dialectOverride` came from: an option or setting, the project's config file, an image's cron. */
    private readonly overrideSource: 'setting' | 'config' | 'install' = 'setting',
  ) {}

  /** Facts about the same machine read through another host (a cache of this one), with the same dialect choice. */
  withHost(host: Host): HostFacts {
    return new HostFacts(host, this.dialectOverride, this.overrideSource);
  }

  /**
   * A model built once from this host and kept as long as these facts are: a host scan lints every timer
   * with one HostFacts, and rebuilding the unit search path for each of them made it quadratic. The key is
   * the caller's own symbol, so this base layer needs no import of what it keeps.
   */
  derived<T>(key: symbol, build: (host: Host) => T): T {
    if (this.derivedCache.has(key)) return this.derivedCache.get(key) as T;
    const value = build(this.host);
    this.derivedCache.set(key, value);
    return value;
  }

  /** Users from /etc/passwd, or null when the host has no readable passwd file (then nobody is known but root). */
  users(): Map<string, PasswdUser> | null {
    if (this.usersCache !== undefined) return this.usersCache;
    const text = readTextOrUndefined(this.host, '/etc/passwd');
    this.usersCache = text === undefined ? null : parsePasswd(text);
    return this.usersCache;
  }

  /** True, false, or undefined when the host's users cannot be read. `root` always exists. */
  isUser(name: string): boolean | undefined {
    if (name === 'root') return true;
    const users = this.users();
    return users === null ? undefined : users.has(name);
  }

  /** People's accounts (uid 1000–59999 with a login shell), for "insert user" fixes. */
  loginUsers(): string[] {
    const users = this.users();
    if (users === null) return [];
    return [...users.values()]
      .filter((user) => user.uid >= 1000 && user.uid < 60000 && !/(nologin|false)$/.test(user.shell))
      .map((user) => user.name);
  }

  dialect(): DialectChoice {
    if (this.dialectCache) return this.dialectCache;
    if (this.dialectOverride) return (this.dialectCache = { dialect: this.dialectOverride, source: this.overrideSource });
    const text = readTextOrUndefined(this.host, '/etc/os-release') ?? readTextOrUndefined(this.host, '/usr/lib/os-release');
    this.dialectCache = text === undefined ? { dialect: 'debian', source: 'default' } : dialectFromOsRelease(text);
    return this.dialectCache;
  }

  /** The IANA zone cron runs in: /etc/timezone (Debian), else the zoneinfo name /etc/localtime links to. */
  timeZone(): string {
    if (this.zoneCache) return this.zoneCache;
    const fromFile = readTextOrUndefined(this.host, '/etc/timezone')?.trim();
    const link = this.host.readLink('/etc/localtime');
    const fromLink = link?.match(/zoneinfo\/(.+)$/)?.[1];
    const candidate = fromFile || fromLink;
    // Checked against the host's own zone files when it has them (as glibc would): that also keeps ICU's
    // time-zone data (about 10 MB) out of the language server until a hover needs it.
    const zones = this.zoneSource();
    const known = candidate ? (zones ? zones.load(candidate) !== undefined : isTimeZone(candidate)) : false;
    this.zoneCache = candidate && known ? candidate : this.host.label === '/' ? localZone() : 'UTC';
    return this.zoneCache;
  }

  /**
   * Where zone names are looked up the way glibc and systemd do: the host's /usr/share/zoneinfo files, or
   * Intl's zones when the host has no zoneinfo folder (a `--root` tree without tzdata).
   */
  zoneSource(): ZoneSource | undefined {
    if (this.zoneSourceCache !== undefined) return this.zoneSourceCache ?? undefined;
    this.zoneSourceCache = this.host.stat('/usr/share/zoneinfo')?.kind === 'directory' ? tzifZoneSource((file) => this.host.readBytes(file)) : null;
    return this.zoneSourceCache ?? undefined;
  }

  /**
   * Whether systemd is the running service manager: true, false, or undefined when the tree cannot tell.
   * sd_booted() (src/libsystemd/sd-daemon/sd-daemon.c) asks exactly this — does /run/systemd/system exist —
   * and so do Debian's cron jobs (`test -e /run/systemd/system`). On the live host that settles it: in a
   * container whose first process is not systemd, timers never fire and those guarded jobs run. A `--root`
   * tree copied from a machine has no /run (it is a tmpfs), so there the answer is unknown unless the tree
   * holds the folder (a mounted container root).
   */
  systemdRunning(): boolean | undefined {
    if (this.host.stat('/run/systemd/system')?.kind === 'directory') return true;
    return isLiveHost(this.host) ? false : undefined;
  }

  /**
   * Whether every fact `earlier` has read reads the same from this host now. The language server keeps one
   * HostFacts for a burst of typing and reads the host again after a second; when nothing the earlier facts
   * read has changed it goes on with them, and with every lint result that was made with them (issue #20).
   * What is compared: users, dialect, zone name, whether zone files are there, and each command looked up.
   * A model built by a higher layer (`derived`) cannot be compared here, so facts holding one are never the
   * same; nor are the rules inside a zone file already loaded (a tzdata upgrade shows at the next fresh read).
   */
  sameAs(earlier: HostFacts): boolean {
    if (earlier.host !== this.host || earlier.dialectOverride !== this.dialectOverride || earlier.overrideSource !== this.overrideSource || earlier.derivedCache.size > 0) return false;
    if (earlier.usersCache !== undefined && !sameUsers(earlier.usersCache, this.users())) return false;
    const dialect = earlier.dialectCache;
    if (dialect !== undefined) {
      const now = this.dialect();
      if (now.dialect !== dialect.dialect || now.source !== dialect.source || now.distribution !== dialect.distribution) return false;
    }
    if (earlier.zoneSourceCache !== undefined && (earlier.zoneSourceCache === null) !== (this.zoneSource() === undefined)) return false;
    if (earlier.zoneCache !== undefined && earlier.zoneCache !== this.timeZone()) return false;
    for (const { word, searchPath, found } of earlier.commandCache.values()) {
      if (this.isCommand(word, searchPath) !== found) return false;
    }
    return true;
  }

  /** Whether `word` names an executable on `searchPath` (a PATH value) or is an executable path itself. */
  isCommand(word: string, searchPath: string): boolean {
    const key = `${searchPath}\0${word}`;
    const cached = this.commandCache.get(key);
    if (cached !== undefined) return cached.found;
    let found: boolean;
    if (word.includes('/')) found = word.startsWith('/') && isExecutableFile(this.host, word);
    else found = searchPath.split(':').some((dir) => dir.startsWith('/') && isExecutableFile(this.host, joinHostPath(dir, word)));
    this.commandCache.set(key, { word, searchPath, found });
    return found;
  }
}

function sameUsers(earlier: Map<string, PasswdUser> | null, now: Map<string, PasswdUser> | null): boolean {
  if (earlier === null || now === null) return earlier === now;
  if (earlier.size !== now.size) return false;
  for (const [name, user] of earlier) {
    const other = now.get(name);
    if (other === undefined || other.uid !== user.uid || other.shell !== user.shell) return false;
  }
  return true;
}

export function parsePasswd(text: string): Map<string, PasswdUser> {
  const users = new Map<string, PasswdUser>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || !line.includes(':')) continue;
    const fields = line.split(':');
    if (!fields[0] || fields[0].startsWith('+') || fields[0].startsWith('-')) continue;
    users.set(fields[0], { name: fields[0], uid: Number(fields[2]), shell: (fields[6] ?? '').trim(), home: fields[5] ?? '' });
  }
  return users;
}

export function dialectFromOsRelease(text: string): DialectChoice {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = line.match(/^([A-Z_]+)=(.*)$/);
    if (match) values.set(match[1], match[2].replace(/^["']|["']$/g, ''));
  }
  const ids = [values.get('ID') ?? '', ...(values.get('ID_LIKE') ?? '').split(/\s+/)].filter(Boolean).map((id) => id.toLowerCase());
  const distribution = values.get('PRETTY_NAME') ?? values.get('ID');
  for (const id of ids) {
    if (DEBIAN_FAMILY.has(id)) return { dialect: 'debian', source: 'os-release', distribution };
    if (CRONIE_FAMILY.has(id) || id.startsWith('opensuse')) return { dialect: 'cronie', source: 'os-release', distribution };
  }
  return { dialect: 'debian', source: 'default', distribution };
}


function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
