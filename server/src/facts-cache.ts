// The host's facts (users, cron dialect, time zone, executables, the unit index) shared by the lints of one
// burst of typing. Each lint used to make its own HostFacts, so every keystroke read /etc/passwd,
// /etc/os-release and /etc/timezone again, and an edit of a unit file rebuilt the host's unit index (issue
// #20). Facts are kept for FRESH_MS after they were first read and dropped whenever the host is read again
// (a scheduling file saved, settings or trust changed): a change to the host's files made elsewhere shows
// within a second, where it showed at the next keystroke before (nothing watches those files). Facts read
// again that are the same as the earlier ones (HostFacts.sameAs) keep the earlier object.
import { HostFacts } from './engine/host/facts';
import type { CronDialect } from './engine/types';
import type { HostView } from './host-view';

export const FRESH_MS = 1000;

export class FactsCache {
  private readonly entries = new Map<string, { facts: HostFacts; since: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Facts of `view` read with `dialect` (undefined: the host's own), fresh within FRESH_MS; `source` says where
   * the dialect came from (the editor's setting or the project's config file), as hovers and reports say it.
   */
  get(view: HostView, dialect: CronDialect | undefined, source: 'setting' | 'config' = 'setting'): HostFacts {
    const key = `${view.root}\0${dialect ?? ''}\0${dialect === undefined ? '' : source}`;
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry && entry.facts.host === view.host && now - entry.since < FRESH_MS) return entry.facts;
    const facts = new HostFacts(view.host, dialect, source);
    // Read again and found the same: the earlier facts go on, and so does every result linted with them (a
    // keystroke a second into typing would otherwise lint its whole document again).
    if (entry && facts.sameAs(entry.facts)) {
      entry.since = now;
      return entry.facts;
    }
    this.entries.set(key, { facts, since: now });
    return facts;
  }

  clear(): void {
    this.entries.clear();
  }
}
