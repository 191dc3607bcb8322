import { DAY, HOUR, MINUTE } from '../model/durations';
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
 * round-to-nearest (half a unit), floor (a whole unit) and moment.js `fromNow`, which rounds
 * every quantity before comparing it with its thresholds (44.5 min → "an hour", 21.5 h → "a day",
 * 25.5 days → "a month", 319.6 days → "a year"), also with its documented weeks variant
 * (`relativeTimeThreshold('d', 7)` + `('w', 4)`: 6.5 days → "a week", 24.5 days → "a month").
 */
const UNIT_START: Record<TimeUnit, number> = {
  minute: 30_000, // round-to-nearest: 30 s already reads "1 minute"
  hour: 30 * MINUTE,
  day: 12 * HOUR,
  week: 3.5 * DAY,
  month: 24.5 * DAY, // round-to-nearest weeks reach "4 weeks" at 3.5 weeks; moment+weeks says "a month" there
  year: 319 * DAY, // moment.js switches at 319.6 days; under a day of margin
};

/**
 * `months` calendar months before `at` in local time, the day of month clamped to the shorter
 * month's end (31 March → 28/29 February): date-fns `subMonths` arithmetic, written out because
 * the content script's size budget has no room for the library's generic date handling.
 */
function monthsBefore(at: number, months: number): number {
  const date = new Date(at);
  const day = date.getDate();
  // Day 0 of the month after is the last day of the wanted month.
  const end = new Date(at);
  end.setMonth(date.getMonth() - months + 1, 0);
  if (day >= end.getDate()) return end.getTime();
  date.setFullYear(end.getFullYear(), end.getMonth(), day);
  return date.getTime();
}

/** The longest calendar day: 25 hours, when daylight saving ends. */
const LONGEST_DAY = 25 * HOUR;

/**
 * Counts beyond this are nonsense (LinkedIn is younger than 30 years) and would push the calendar
 * arithmetic past the largest Date, which yields NaN; they are read as this many.
 */
const MAX_COUNT = 10_000;

/**
 * The send interval a label observed at `observedAt` can mean. LinkedIn does not document its
 * rounding, so for "N <unit> ago" the interval holds under both conventions:
 * - youngest: round-to-nearest with the shortest unit, (N − ½)·min(unit), and never below the
 *   unit's start threshold above;
 * - oldest: floor with the longest unit, just under (N + 1)·unit — calendar months/years
 *   (as date-fns counts them), or 31/366-day units, whichever reaches further back.
 * Resulting ages, in days: "1 week" 3.5–14, "1 month" 24.5–62, "3 months" 70–124,
 * "1 year" 319–732 (tests/unit/rules/label-interval.test.ts lists every unit).
 * "today" is under 25 h old and "yesterday" under 49 h (calendar days in whatever time zone
 * LinkedIn used, and a calendar day lasts 25 h when daylight saving ends); "now" is under 5 min.
 * Odd counts, which only a misread label produces, widen rather than guess: 0 (or negative)
 * means under two units (it may be "a <unit>" read as 0); a fraction means either neighbour;
 * a count that is not a finite number means only "some time before `observedAt`".
 */
export function labelToInterval(age: RelativeAge, observedAt: number): Interval {
  const ageRange = ((): { youngest: number; oldest: number } => {
    switch (age.kind) {
      case 'now':
        return { youngest: 0, oldest: 5 * MINUTE };
      case 'today':
        return { youngest: 0, oldest: LONGEST_DAY };
      case 'yesterday':
        return { youngest: 0, oldest: DAY + LONGEST_DAY };
      case 'ago': {
        if (!Number.isFinite(age.count)) return { youngest: 0, oldest: Number.POSITIVE_INFINITY };
        const count = Math.min(MAX_COUNT, Math.max(0, age.count));
        const low = Math.floor(count);
        const high = Math.max(1, Math.ceil(count));
        const youngest = low === 0 ? 0 : Math.max(UNIT_START[age.unit], (low - 0.5) * UNIT_MIN[age.unit]);
        let oldest = (high + 1) * UNIT_AVG_MAX[age.unit];
        if (age.unit === 'month') oldest = Math.max(oldest, observedAt - monthsBefore(observedAt, high + 1));
        if (age.unit === 'year') oldest = Math.max(oldest, observedAt - monthsBefore(observedAt, 12 * (high + 1)));
        return { youngest, oldest: Number.isNaN(oldest) ? Number.POSITIVE_INFINITY : oldest };
      }
    }
  })();
  // The oldest bound is exclusive in the conventions; 1 ms inside keeps the interval closed.
  const earliest = Math.max(0, observedAt - ageRange.oldest + 1);
  const latest = Math.max(earliest, observedAt - ageRange.youngest);
  return { earliest, latest };
}
