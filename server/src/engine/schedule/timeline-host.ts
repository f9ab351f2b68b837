// The host timeline for the language server's `schedlint/hostTimeline` request and the CLI's `schedlint
// schedule`: reads the host's inventory (or takes one already built by the background scan), starts the
// picture at the top of the current hour in the host's zone, and draws it.
import type { HostFacts } from '../host/facts';
import { toLocal } from '../time/zone';
import type { Locale } from '../types';
import { buildHostInventory } from './inventory';
import type { HostInventory } from './model';
import { hostTimeline, type Timeline } from './timeline';
import { renderTimelineSvg } from './timeline-svg';

/** Params of the `schedlint/hostTimeline` request. */
export interface HostTimelineParams {
  /** A document of the workspace, to pick the host it belongs to (a folder laid out like a root, or `/`). */
  uri?: string;
  /** 1–168, default 24. */
  hours?: number;
}

/** Result of `schedlint/hostTimeline`: the picture and its data, or why there is none. */
export type HostTimelineResult = { svg: string; timeline: Timeline } | { unavailable: string };

export interface HostTimelineOptions {
  hours?: number;
  /** The inventory the background scan already holds; built from `facts` when absent. */
  inventory?: HostInventory;
  theme?: 'light' | 'dark';
}

export function hostTimelineForServer(facts: HostFacts, locale: Locale, now: number, options: HostTimelineOptions = {}): { svg: string; timeline: Timeline } {
  const timeline = hostTimelineAt(facts, locale, now, options);
  // The webview has its own heading: the picture starts at its axis.
  return { svg: renderTimelineSvg(timeline, { heading: false, ...(options.theme ? { theme: options.theme } : {}) }), timeline };
}

/** The timeline from the top of the current hour: `now` is where the now line and the "next" runs start. */
export function hostTimelineAt(facts: HostFacts, locale: Locale, now: number, options: HostTimelineOptions = {}): Timeline {
  const inventory = options.inventory ?? buildHostInventory(facts);
  const zones = facts.zoneSource();
  return hostTimeline(inventory, {
    from: startOfHour(now, inventory.timeZone),
    now,
    hours: clampHours(options.hours),
    locale,
    ...(zones ? { zones } : {}),
  });
}

/** The top of the hour `instant` is in, on the zone's clock (not always a whole UTC hour: Asia/Kolkata). */
export function startOfHour(instant: number, zone: string): number {
  const local = toLocal(instant, zone);
  return instant - (local.minute * 60 + local.second) * 1000 - (((instant % 1000) + 1000) % 1000);
}

export function clampHours(hours: number | undefined): number {
  if (hours === undefined || !Number.isFinite(hours)) return 24;
  return Math.min(168, Math.max(1, Math.round(hours)));
}
