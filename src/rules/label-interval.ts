import { subMonths, subYears } from 'date-fns';
import type { Interval } from '../model/time';

/**
 * A relative "sent" label after the words have been recognised (the content script does the
 * words, per language; this module does the arithmetic).
 */
export type TimeUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';
export type RelativeAge =
  | { kind: 'now' }
  | { kind: 'today' }
  | { kind: 'yesterday' }
  | { kind: 'ago'; count: number; unit: TimeUnit };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Shortest and longest length of each unit (months and years vary with the calendar). */
const UNIT_MIN: Record<TimeUnit, number> = {
  minute: MINUTE,
  hour: HOUR,
  day: DAY,
  week: 7 * DAY,
  month: 28 * DAY,
  year: 365 * DAY,
};
const UNIT_AVG_MAX: Record<TimeUnit, number> = {
  minute: MINUTE,
  hour: HOUR,
  day: DAY,
  week: 7 * DAY,
  month: 31 * DAY,
  year: 366 * DAY,
};

/**
 * The youngest age at which any known convention switches to a unit. Below it the label would
 * use a smaller unit, so "1 <unit> ago" cannot mean less. Chosen as the minimum over:
 * round-to-nearest (half a unit), floor (a whole unit) and moment.js-style thresholds
 * (45 min → "an hour", 22 h → "a day", 26 days → "a month", 320 days → "a year").
 */
const UNIT_START: Record<TimeUnit, number> = {
  minute: 30_000, // round-to-nearest: 30 s already reads "1 minute"
  hour: 30 * MINUTE,
  day: 12 * HOUR,
  week: 3.5 * DAY,
  month: 26 * DAY, // the "roughly 26–59 days" lower bound (moment.js threshold)
  year: 319 * DAY, // moment.js switches at 320 days; a day of margin
};

/**
 * The send interval a label observed at `observedAt` can mean. LinkedIn does not document its
 * rounding, so for "N <unit> ago" the interval holds under both conventions:
 * - youngest: round-to-nearest with the shortest unit, (N − ½)·min(unit), and never below the
 *   unit's start threshold above;
 * - oldest: floor with the longest unit, just under (N + 1)·unit — calendar months/years via
 *   date-fns, or 31/366-day units, whichever reaches further back.
 * "today" is [0, 24 h) old and "yesterday" [0, 48 h) old in whatever time zone LinkedIn used;
 * "now" is under 5 minutes. Counts below 1 are read as 1 (LinkedIn writes "a month").
 */
export function labelToInterval(age: RelativeAge, observedAt: number): Interval {
  const ageRange = ((): { youngest: number; oldest: number } => {
    switch (age.kind) {
      case 'now':
        return { youngest: 0, oldest: 5 * MINUTE };
      case 'today':
        return { youngest: 0, oldest: DAY };
      case 'yesterday':
        return { youngest: 0, oldest: 2 * DAY };
      case 'ago': {
        const n = Math.max(1, Math.floor(age.count));
        const youngest = Math.max(UNIT_START[age.unit], (n - 0.5) * UNIT_MIN[age.unit]);
        let oldest = (n + 1) * UNIT_AVG_MAX[age.unit];
        if (age.unit === 'month') oldest = Math.max(oldest, observedAt - subMonths(observedAt, n + 1).getTime());
        if (age.unit === 'year') oldest = Math.max(oldest, observedAt - subYears(observedAt, n + 1).getTime());
        return { youngest, oldest };
      }
    }
  })();
  // The oldest bound is exclusive in the conventions; 1 ms inside keeps the interval closed.
  const earliest = Math.max(0, observedAt - ageRange.oldest + 1);
  const latest = Math.max(earliest, observedAt - ageRange.youngest);
  return { earliest, latest };
}
