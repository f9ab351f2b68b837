// Zone rules from a TZif file (tzfile(5)) such as /usr/share/zoneinfo/Europe/Berlin, exactly as glibc 2.36
// applies them (tzfile.c: __tzfile_read, __tzfile_compute), quirks included: the POSIX footer rule past the
// last transition, `tzname` taken from the latest transitions, Dublin's negative DST where winter is the
// "daylight" type.
import { PosixZoneRules } from './posix-tz';
import { firstAbove } from '../util/sorted-search';
import type { ZoneRules, ZoneType } from './zone-rules';

export class TzifZoneRules implements ZoneRules {
  readonly tzname: readonly [string, string];
  readonly utcLike: boolean;
  private lastIndex = 0;
  private readonly ordered: boolean;

  private constructor(
    readonly name: string,
    private readonly transitions: number[],
    private readonly transitionTypes: number[],
    private readonly types: ZoneType[],
    private readonly footer: PosixZoneRules | undefined,
  ) {
    this.ordered = transitions.every((time, index) => index === 0 || transitions[index - 1] < time);
    // tzname: the latest standard and daylight types among the transitions (tzfile.c, after reading).
    let names: [string | undefined, string | undefined] = [undefined, undefined];
    for (let i = transitions.length; i > 0; ) {
      const type = types[transitionTypes[--i]];
      const dst = type.isdst ? 1 : 0;
      if (names[dst] === undefined) {
        names[dst] = type.abbreviation;
        if (names[1 - dst] !== undefined) break;
      }
    }
    if (names[0] === undefined) names = [types[0]?.abbreviation ?? '', names[1]];
    this.tzname = [names[0]!, names[1] ?? names[0]!];
    let standard = types[0]?.offset ?? 0;
    let daylight = standard;
    if (transitions.length > 0) {
      let standardSet = false;
      let daylightSet = false;
      standard = 0;
      daylight = 0;
      for (let i = transitions.length - 1; i >= 0; i--) {
        const type = types[transitionTypes[i]];
        if (!standardSet && !type.isdst) {
          standardSet = true;
          standard = type.offset;
        } else if (!daylightSet && type.isdst) {
          daylightSet = true;
          daylight = type.offset;
        }
        if (standardSet && daylightSet) break;
      }
      if (!daylightSet) daylight = standard;
    }
    this.utcLike = standard === 0 && daylight === standard;
  }

  /** Rules from the bytes of a TZif file, or undefined when they are not one. */
  static parse(name: string, bytes: Uint8Array): TzifZoneRules | undefined {
    if (bytes.length < 44 || String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]) !== 'TZif') return undefined;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const header = (at: number) => ({
      version: bytes[at + 4],
      isut: view.getUint32(at + 20),
      isstd: view.getUint32(at + 24),
      leap: view.getUint32(at + 28),
      time: view.getUint32(at + 32),
      type: view.getUint32(at + 36),
      chars: view.getUint32(at + 40),
    });
    let at = 0;
    let head = header(0);
    let width = 4;
    if (head.version !== 0) {
      // Skip the 32-bit block; glibc reads the 64-bit one.
      at = 44 + head.time * 5 + head.type * 6 + head.chars + head.leap * 8 + head.isstd + head.isut;
      if (at + 44 > bytes.length) return undefined;
      head = header(at);
      width = 8;
    }
    let pos = at + 44;
    const need = head.time * (width + 1) + head.type * 6 + head.chars + head.leap * (width + 4) + head.isstd + head.isut;
    if (pos + need > bytes.length || head.type === 0) return undefined;
    const transitions: number[] = [];
    for (let i = 0; i < head.time; i++, pos += width) {
      transitions.push(width === 8 ? Number(view.getBigInt64(pos)) : view.getInt32(pos));
    }
    const transitionTypes: number[] = [];
    for (let i = 0; i < head.time; i++) transitionTypes.push(bytes[pos++]);
    const raw: { offset: number; isdst: boolean; index: number }[] = [];
    for (let i = 0; i < head.type; i++, pos += 6) raw.push({ offset: view.getInt32(pos), isdst: bytes[pos + 4] !== 0, index: bytes[pos + 5] });
    const chars = bytes.subarray(pos, pos + head.chars);
    pos += head.chars;
    const abbreviation = (index: number): string => {
      let end = index;
      while (end < chars.length && chars[end] !== 0) end++;
      return String.fromCharCode(...chars.subarray(index, end));
    };
    const types: ZoneType[] = raw.map((type) => ({ offset: type.offset, isdst: type.isdst, abbreviation: abbreviation(type.index) }));
    if (transitionTypes.some((index) => index >= types.length)) return undefined;
    pos += head.leap * (width + 4) + head.isstd + head.isut;
    let footer: PosixZoneRules | undefined;
    if (width === 8 && bytes[pos] === 0x0a) {
      const end = bytes.indexOf(0x0a, pos + 1);
      const text = end > pos ? String.fromCharCode(...bytes.subarray(pos + 1, end)) : '';
      if (text.length > 0) footer = PosixZoneRules.parse(text, name);
    }
    return new TzifZoneRules(name, transitions, transitionTypes, types, footer);
  }

  typeAt(seconds: number): ZoneType {
    const transitions = this.transitions;
    const count = transitions.length;
    if (count === 0 || seconds < transitions[0]) {
      // Before the first transition: the first standard-time type (glibc tzfile.c).
      return this.types.find((type) => !type.isdst) ?? this.types[0];
    }
    if (seconds >= transitions[count - 1]) {
      return this.footer ? this.footer.typeAt(seconds) : this.types[this.transitionTypes[count - 1]];
    }
    // transitions[i - 1] <= seconds < transitions[i]; start from the last answer (lookups come in runs).
    let i = this.lastIndex;
    if (!(i > 0 && i < count && transitions[i - 1] <= seconds && seconds < transitions[i])) {
      let low = 0;
      let high = count - 1;
      while (low + 1 < high) {
        const middle = (low + high) >> 1;
        if (seconds < transitions[middle]) high = middle;
        else low = middle;
      }
      i = high;
      this.lastIndex = i;
    }
    return this.types[this.transitionTypes[i - 1]];
  }

  stableSpan(seconds: number): { start: number; end: number } {
    const transitions = this.transitions;
    const count = transitions.length;
    if (count === 0) return { start: -Infinity, end: Infinity };
    if (seconds < transitions[0]) return { start: -Infinity, end: transitions[0] };
    const last = transitions[count - 1];
    if (seconds >= last) {
      if (!this.footer) return { start: last, end: Infinity };
      const span = this.footer.stableSpan(seconds);
      return { start: Math.max(span.start, last), end: span.end };
    }
    // The first transition after `seconds` (typeAt's transitions[i]); a file whose transitions are out of order
    // gives no span longer than the instant itself.
    if (!this.ordered) return { start: seconds, end: seconds + 1 };
    // transitions[0] <= seconds < the last: the index is between 1 and count - 1.
    const next = firstAbove(transitions, seconds);
    return { start: transitions[next - 1], end: transitions[next] };
  }
}
