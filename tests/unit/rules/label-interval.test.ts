import {
  addDays,
  differenceInCalendarDays,
  differenceInMonths,
  differenceInYears,
  subMonths,
  subYears,
} from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelToInterval, type RelativeAge, type TimeUnit } from '../../../src/rules/label-interval';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A moment in the middle of real use (local time of whichever zone the project runs in). */
const OBSERVED = new Date(2026, 4, 20, 9, 30).getTime();

const ago = (count: number, unit: TimeUnit): RelativeAge => ({ kind: 'ago', count, unit });

/** How old the invitation can be according to the interval, in days: [youngest, oldest]. */
function ageRangeInDays(age: RelativeAge, observedAt = OBSERVED): [number, number] {
  const { earliest, latest } = labelToInterval(age, observedAt);
  return [(observedAt - latest) / DAY, (observedAt - earliest) / DAY];
}

describe('labelToInterval: what each label can mean, as ages in days', () => {
  // [label, youngest, oldest] — the documented bounds next to labelToInterval.
  const table: [string, RelativeAge, number, number][] = [
    ['now', { kind: 'now' }, 0, 5 / 1440],
    ['today (a 25-hour day at the end of daylight saving)', { kind: 'today' }, 0, 25 / 24],
    ['yesterday (from 00:00 yesterday on a 25-hour day)', { kind: 'yesterday' }, 0, 49 / 24],
    ['1 minute (30 s rounds up to it)', ago(1, 'minute'), 30 / 86400, 2 / 1440],
    ['15 minutes', ago(15, 'minute'), 14.5 / 1440, 16 / 1440],
    ['1 hour (moment.js says "an hour" from 45 min)', ago(1, 'hour'), 0.5 / 24, 2 / 24],
    ['5 hours', ago(5, 'hour'), 4.5 / 24, 6 / 24],
    ['1 day (moment.js says "a day" from 22 h)', ago(1, 'day'), 0.5, 2],
    ['3 days', ago(3, 'day'), 2.5, 4],
    ['1 week', ago(1, 'week'), 3.5, 14],
    ['2 weeks', ago(2, 'week'), 10.5, 21],
    ['4 weeks', ago(4, 'week'), 24.5, 35],
    [
      '1 month (round-to-nearest weeks reach 4 at 24.5 days; floor of calendar months ends at 62)',
      ago(1, 'month'),
      24.5,
      62,
    ],
    ['3 months', ago(3, 'month'), 2.5 * 28, 4 * 31],
    ['11 months', ago(11, 'month'), 10.5 * 28, 12 * 31],
    ['1 year (moment.js says "a year" from 319.6 days)', ago(1, 'year'), 319, 2 * 366],
    ['2 years', ago(2, 'year'), 1.5 * 365, 3 * 366],
  ];

  it.each(table)('%s', (_, label, youngest, oldest) => {
    const [young, old] = ageRangeInDays(label);
    expect(young).toBeCloseTo(youngest, 6);
    expect(old).toBeCloseTo(oldest, 6);
  });

  it('"1 month ago" covers roughly 26 to 59 days, as the issue asks', () => {
    const [young, old] = ageRangeInDays(ago(1, 'month'));
    expect(young).toBeLessThanOrEqual(26);
    expect(old).toBeGreaterThanOrEqual(59);
    expect(old).toBeLessThanOrEqual(62);
  });

  it('reads "0 <unit> ago" as anything under two units (it may be "a <unit>" read as zero)', () => {
    expect(ageRangeInDays(ago(0, 'minute'))).toEqual([0, expect.closeTo(2 / 1440, 6)]);
    expect(ageRangeInDays(ago(0, 'day'))).toEqual([0, expect.closeTo(2, 6)]);
  });

  it('reads a negative count like zero', () => {
    expect(ageRangeInDays(ago(-3, 'day'))).toEqual(ageRangeInDays(ago(0, 'day')));
  });

  it('reads a fractional count as either neighbour', () => {
    const [young, old] = ageRangeInDays(ago(2.5, 'day'));
    expect(young).toBeCloseTo(1.5, 6);
    expect(old).toBeCloseTo(4, 6);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'a count that is not a number (%s) means only "some time before the observation"',
    (count) => {
      expect(labelToInterval(ago(count, 'week'), OBSERVED)).toEqual({ earliest: 0, latest: OBSERVED });
    },
  );

  it('a label older than the epoch clamps to [0, 0] instead of going negative or inverting', () => {
    expect(labelToInterval(ago(1_000_000, 'year'), OBSERVED)).toEqual({ earliest: 0, latest: 0 });
    expect(labelToInterval(ago(3, 'day'), DAY)).toEqual({ earliest: 0, latest: 0 });
  });

  it('an observation at the epoch gives a valid, non-negative interval', () => {
    expect(labelToInterval({ kind: 'today' }, 0)).toEqual({ earliest: 0, latest: 0 });
  });
});

// ── Labels generated from a true send time, the way LinkedIn might write them ──

type Convention = (sent: number, observed: number) => RelativeAge;

const atLeastOne = (n: number) => Math.max(1, n);

/**
 * The thresholds from the brief: <1 min now, <60 min minutes, <24 h hours, <7 d days,
 * <~4 weeks weeks (the switch to months at 28 days, 30 days or one calendar month),
 * <12 months months, else years. `count` is floor or round-to-nearest.
 */
function thresholdConvention(
  count: (value: number) => number,
  monthStart: 'four-weeks' | 'thirty-days' | 'calendar',
  calendarCounts: boolean,
): Convention {
  return (sent, observed) => {
    const age = observed - sent;
    if (age < MINUTE) return { kind: 'now' };
    if (age < HOUR) return ago(atLeastOne(count(age / MINUTE)), 'minute');
    if (age < DAY) return ago(atLeastOne(count(age / HOUR)), 'hour');
    if (age < 7 * DAY) return ago(atLeastOne(count(age / DAY)), 'day');
    const calendarMonths = differenceInMonths(observed, sent);
    const stillWeeks =
      monthStart === 'four-weeks' ? age < 28 * DAY : monthStart === 'thirty-days' ? age < 30 * DAY : calendarMonths < 1;
    if (stillWeeks) return ago(atLeastOne(count(age / (7 * DAY))), 'week');
    if (calendarCounts) {
      if (calendarMonths < 12) return ago(atLeastOne(calendarMonths), 'month');
      return ago(atLeastOne(differenceInYears(observed, sent)), 'year');
    }
    if (age < 365.25 * DAY) return ago(atLeastOne(count(age / (30.4375 * DAY))), 'month');
    return ago(atLeastOne(count(age / (365.25 * DAY))), 'year');
  };
}

/**
 * moment.js `fromNow` (2.x): every quantity rounded, then thresholds s 45, m 45, h 22, d 26,
 * M 11; `weeks` is the documented `relativeTimeThreshold('d', 7)` + `('w', 4)` variant.
 */
function momentConvention(weeks: boolean): Convention {
  const d = weeks ? 7 : 26;
  return (sent, observed) => {
    const age = observed - sent;
    const days = age / DAY;
    const seconds = Math.round(age / SECOND);
    const minutes = Math.round(age / MINUTE);
    const hours = Math.round(age / HOUR);
    const wholeDays = Math.round(days);
    const wholeWeeks = Math.round(days / 7);
    const months = Math.round((days * 4800) / 146097);
    const years = Math.round((days * 400) / 146097);
    if (seconds < 45) return { kind: 'now' };
    if (minutes < 45) return ago(atLeastOne(minutes), 'minute');
    if (hours < 22) return ago(atLeastOne(hours), 'hour');
    if (wholeDays < d) return ago(atLeastOne(wholeDays), 'day');
    if (weeks && wholeWeeks < 4) return ago(atLeastOne(wholeWeeks), 'week');
    if (months < 11) return ago(atLeastOne(months), 'month');
    return ago(atLeastOne(years), 'year');
  };
}

/** "today" / "yesterday" by the calendar date in the local zone, otherwise `rest`. */
function calendarWords(rest: Convention): Convention {
  return (sent, observed) => {
    const days = differenceInCalendarDays(observed, sent);
    if (days === 0) return { kind: 'today' };
    if (days === 1) return { kind: 'yesterday' };
    return rest(sent, observed);
  };
}

/** "today" under 24 hours, "yesterday" under 48, otherwise `rest`. */
function rollingWords(rest: Convention): Convention {
  return (sent, observed) => {
    const age = observed - sent;
    if (age < DAY) return { kind: 'today' };
    if (age < 2 * DAY) return { kind: 'yesterday' };
    return rest(sent, observed);
  };
}

const CONVENTIONS: Record<string, Convention> = {};
for (const [countName, count] of [
  ['floor', Math.floor],
  ['round', Math.round],
] as const) {
  for (const monthStart of ['four-weeks', 'thirty-days', 'calendar'] as const) {
    for (const calendarCounts of [false, true]) {
      const name = `${countName}/${monthStart}${calendarCounts ? '/calendar-months' : ''}`;
      CONVENTIONS[name] = thresholdConvention(count, monthStart, calendarCounts);
    }
  }
}
CONVENTIONS.moment = momentConvention(false);
CONVENTIONS['moment+weeks'] = momentConvention(true);
CONVENTIONS['calendar-words/floor'] = calendarWords(thresholdConvention(Math.floor, 'calendar', true));
CONVENTIONS['calendar-words/round'] = calendarWords(thresholdConvention(Math.round, 'four-weeks', false));
CONVENTIONS['rolling-words/moment'] = rollingWords(momentConvention(false));

/** Ages that matter most: near every unit switch, plus anything up to five years. */
const UNIT_SWITCHES = [
  30 * SECOND,
  45 * SECOND,
  MINUTE,
  44.5 * MINUTE,
  HOUR,
  21.5 * HOUR,
  DAY,
  1.5 * DAY,
  2 * DAY,
  6.5 * DAY,
  7 * DAY,
  24.5 * DAY,
  25.5 * DAY,
  28 * DAY,
  30 * DAY,
  31 * DAY,
  45.6 * DAY,
  62 * DAY,
  319.6 * DAY,
  365 * DAY,
  366 * DAY,
  547.9 * DAY,
];
const ageArb = fc.oneof(
  fc.integer({ min: 0, max: 2 * HOUR }),
  fc.integer({ min: 0, max: 3 * DAY }),
  fc.integer({ min: 0, max: 400 * DAY }),
  fc.integer({ min: 0, max: 5 * 366 * DAY }),
  fc
    .tuple(fc.constantFrom(...UNIT_SWITCHES), fc.integer({ min: -2 * HOUR, max: 2 * HOUR }))
    .map(([at, jitter]) => Math.max(0, Math.round(at + jitter))),
);
/** Send times from 2015 to 2035: every DST change of those years in the project's zone. */
const sentArb = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2035, 0, 1) });
const conventionArb = fc.constantFrom(...Object.keys(CONVENTIONS));

describe('labelToInterval: properties', () => {
  it('contains the true send time for labels written under any of the conventions', () => {
    fc.assert(
      fc.property(sentArb, ageArb, conventionArb, (sent, age, name) => {
        const observed = sent + age;
        const label = CONVENTIONS[name]!(sent, observed);
        const interval = labelToInterval(label, observed);
        expect(interval.earliest, `${name}: ${JSON.stringify(label)}`).toBeLessThanOrEqual(sent);
        expect(interval.latest, `${name}: ${JSON.stringify(label)}`).toBeGreaterThanOrEqual(sent);
      }),
      { numRuns: 20_000 },
    );
  });

  it('contains the send time across the daylight-saving changes of 2026 (calendar "today"/"yesterday")', () => {
    // Around every DST switch this zone may have in 2026, sent at any minute of a three-day span.
    const switches = [new Date(2026, 2, 8), new Date(2026, 3, 5), new Date(2026, 8, 27), new Date(2026, 10, 1)];
    for (const day of switches) {
      for (let minutes = 0; minutes < 3 * 1440; minutes += 17) {
        const sent = addDays(day, -1).getTime() + minutes * MINUTE;
        for (const age of [0, HOUR, 23 * HOUR, 24.5 * HOUR, 25 * HOUR, 47 * HOUR, 48.5 * HOUR, 49 * HOUR]) {
          const label = CONVENTIONS['calendar-words/floor']!(sent, sent + age);
          const interval = labelToInterval(label, sent + age);
          expect(interval.earliest).toBeLessThanOrEqual(sent);
          expect(interval.latest).toBeGreaterThanOrEqual(sent);
        }
      }
    }
  });

  const anyLabel: fc.Arbitrary<RelativeAge> = fc.oneof(
    fc.constantFrom<RelativeAge>({ kind: 'now' }, { kind: 'today' }, { kind: 'yesterday' }),
    fc.record({
      kind: fc.constant('ago' as const),
      count: fc.oneof(fc.integer({ min: -5, max: 500 }), fc.double({ noNaN: false })),
      unit: fc.constantFrom<TimeUnit>('minute', 'hour', 'day', 'week', 'month', 'year'),
    }),
  );

  it('is never inverted, never negative, and never later than the observation', () => {
    fc.assert(
      fc.property(anyLabel, fc.integer({ min: 0, max: Date.UTC(2040, 0, 1) }), (label, observed) => {
        const { earliest, latest } = labelToInterval(label, observed);
        expect(Number.isFinite(earliest) && Number.isFinite(latest)).toBe(true);
        expect(earliest).toBeGreaterThanOrEqual(0);
        expect(earliest).toBeLessThanOrEqual(latest);
        expect(latest).toBeLessThanOrEqual(observed);
      }),
      { numRuns: 5000 },
    );
  });

  it('a larger count never means a more recent send', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.constantFrom<TimeUnit>('minute', 'hour', 'day', 'week', 'month', 'year'),
        (count, unit) => {
          const one = labelToInterval(ago(count, unit), OBSERVED);
          const more = labelToInterval(ago(count + 1, unit), OBSERVED);
          expect(more.earliest).toBeLessThanOrEqual(one.earliest);
          expect(more.latest).toBeLessThanOrEqual(one.latest);
        },
      ),
    );
  });

  it('counts calendar months and years back exactly as date-fns does, month ends and DST included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom<TimeUnit>('month', 'year'),
        (observed, count, unit) => {
          const back = unit === 'month' ? subMonths(observed, count + 1) : subYears(observed, count + 1);
          const oldest = Math.max((count + 1) * (unit === 'month' ? 31 : 366) * DAY, observed - back.getTime());
          expect(labelToInterval(ago(count, unit), observed).earliest).toBe(Math.max(0, observed - oldest + 1));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
