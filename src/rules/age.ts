import type { Interval } from '../model/time';
import { wholeDaysBetween } from './expiry';

export type AgeUnit = 'day' | 'week' | 'month' | 'year';

/** An age as honestly as the interval allows: "3 weeks" when min = max, "3–4 weeks" otherwise. */
export interface AgeDescription {
  unit: AgeUnit;
  min: number;
  max: number;
  /** Whole calendar days (as the badge counts them), youngest and oldest possible. */
  minDays: number;
  maxDays: number;
}

const UNIT_DAYS: Record<AgeUnit, number> = { day: 1, week: 7, month: 30.4375, year: 365.25 };

/**
 * Picks the unit from the oldest possible age, then states both bounds in it (rounded down).
 * Years start at two whole years (730.5 days): 730 days as years would floor to "1 year" the
 * day after "23 months".
 */
export function describeAge(sent: Interval, now: number): AgeDescription {
  const minDays = Math.max(0, wholeDaysBetween(sent.latest, now));
  const maxDays = Math.max(minDays, wholeDaysBetween(sent.earliest, now));
  const unit: AgeUnit = maxDays < 14 ? 'day' : maxDays < 63 ? 'week' : maxDays < 2 * UNIT_DAYS.year ? 'month' : 'year';
  const per = UNIT_DAYS[unit];
  return { unit, min: Math.floor(minDays / per), max: Math.floor(maxDays / per), minDays, maxDays };
}
