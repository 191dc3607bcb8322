import type { IntervalConflict } from '../model/invitation';
import type { Interval } from '../model/time';

export interface Narrowed {
  interval: Interval;
  /** Set when the observation contradicted what was known; the observation wins. */
  conflict: IntervalConflict | null;
}

/**
 * Combines what we knew with a new observation. Both must hold, so the result is their
 * intersection — it can only shrink. If they cannot both hold (LinkedIn changed its rounding,
 * or a clock jumped), the newer observation is kept and the contradiction reported: never
 * thrown, never an inverted interval.
 */
export function narrow(known: Interval | null, observed: Interval, at: number): Narrowed {
  if (known === null) return { interval: { ...observed }, conflict: null };
  const earliest = Math.max(known.earliest, observed.earliest);
  const latest = Math.min(known.latest, observed.latest);
  if (earliest <= latest) return { interval: { earliest, latest }, conflict: null };
  return {
    interval: { ...observed },
    conflict: { at, kept: { ...observed }, rejected: { ...known } },
  };
}

/** Whether `inner` lies within `outer` (used to check that narrowing never widens). */
export function within(inner: Interval, outer: Interval): boolean {
  return inner.earliest >= outer.earliest && inner.latest <= outer.latest;
}
