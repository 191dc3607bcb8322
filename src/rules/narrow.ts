import type { IntervalConflict } from '../model/invitation';
import type { Interval } from '../model/time';

export interface Narrowed {
  interval: Interval;
  /** Set when the observation contradicted what was known; the observation wins. */
  conflict: IntervalConflict | null;
}

/**
 * The interval with its ends in order. Validated data never needs it; a corrupt record or a
 * hand-built observation must still not yield an inverted interval downstream.
 */
function ordered(interval: Interval): Interval {
  const { earliest, latest } = interval;
  return earliest <= latest ? { earliest, latest } : { earliest: latest, latest: earliest };
}

/**
 * Combines what we knew with a new observation. Both must hold, so the result is their
 * intersection — it can only shrink. If they cannot both hold (LinkedIn changed its rounding,
 * or a clock jumped), the newer observation is kept and the contradiction reported: never
 * thrown, never an inverted interval.
 */
export function narrow(known: Interval | null, observed: Interval, at: number): Narrowed {
  const seen = ordered(observed);
  if (known === null) return { interval: seen, conflict: null };
  const before = ordered(known);
  const earliest = Math.max(before.earliest, seen.earliest);
  const latest = Math.min(before.latest, seen.latest);
  if (earliest <= latest) return { interval: { earliest, latest }, conflict: null };
  return {
    interval: seen,
    conflict: { at, kept: { ...seen }, rejected: before },
  };
}

/** Whether `inner` lies within `outer` (used to check that narrowing never widens). */
export function within(inner: Interval, outer: Interval): boolean {
  return inner.earliest >= outer.earliest && inner.latest <= outer.latest;
}
