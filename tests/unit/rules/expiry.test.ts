import { addDays, addMonths, subDays } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvitationRecord } from '../../../src/model/invitation';
import type { Interval } from '../../../src/model/time';
import { describeAge } from '../../../src/rules/age';
import { badgeSummary } from '../../../src/rules/badge';
import { olderThanBadge, recordExpiry, standingOf } from '../../../src/rules/counts';
import {
  daysLeft,
  EXPIRY_STATUSES,
  type ExpiryStatus,
  expiryFigures,
  expiryInterval,
  expiryStatus,
  type ResolvedSettings,
  windowDays,
} from '../../../src/rules/expiry';
import { at, between, record, settings, settingsArb } from './support';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ms = (date: Date) => date.getTime();

/** Local 10:00 on a date, in whichever zone the project runs (months are 1-based here). */
const local = (year: number, month: number, day: number, hour = 10) => new Date(year, month - 1, day, hour);

interface Window {
  name: string;
  settings: ResolvedSettings;
  expiresAfter: (sent: Date) => Date;
}

const WINDOWS: Window[] = [
  { name: 'six months', settings: settings(), expiresAfter: (sent) => addMonths(sent, 6) },
  { name: '90 days', settings: settings({ expiryWindow: '90-days' }), expiresAfter: (sent) => addDays(sent, 90) },
  {
    name: 'custom 45 days',
    settings: settings({ expiryWindow: 'custom', customWindowDays: 45 }),
    expiresAfter: (sent) => addDays(sent, 45),
  },
];

describe.each(WINDOWS)('expiryStatus with a $name window (warning 14 days, follow-up 21 days)', (window) => {
  const sent = local(2026, 1, 15);
  const expires = window.expiresAfter(sent);
  const point = at(sent);
  // Sent some time in ten days: the first and the last possible expiry differ.
  const spanEnd = addDays(sent, 10);
  const span = between(sent, spanEnd);
  const spanExpiresLast = window.expiresAfter(spanEnd);

  const rows: [string, Interval | null, Date | number, ExpiryStatus][] = [
    ['fresh when just sent', point, sent, 'fresh'],
    ['fresh until a week has passed', point, ms(addDays(sent, 7)) - 1, 'fresh'],
    ['waiting from one week', point, addDays(sent, 7), 'waiting'],
    ['waiting until the follow-up age', point, ms(addDays(sent, 21)) - 1, 'waiting'],
    ['follow-up from 21 days', point, addDays(sent, 21), 'follow-up'],
    ['follow-up until the warning window', point, ms(subDays(expires, 14)) - 1, 'follow-up'],
    ['nearing from 14 days before it could expire', point, subDays(expires, 14), 'nearing'],
    ['nearing until the moment it expires', point, ms(expires) - 1, 'nearing'],
    ['expired at the moment the window closes', point, expires, 'expired'],
    ['expired long after', point, addDays(expires, 400), 'expired'],
    ['fresh judged by the latest possible send', span, ms(addDays(spanEnd, 7)) - 1, 'fresh'],
    ['waiting judged by the latest possible send', span, addDays(spanEnd, 7), 'waiting'],
    ['nearing judged by the earliest possible expiry', span, subDays(expires, 14), 'nearing'],
    ['maybe-expired once the earliest possible expiry passed', span, expires, 'maybe-expired'],
    ['maybe-expired until the latest possible expiry', span, ms(spanExpiresLast) - 1, 'maybe-expired'],
    ['expired once even the latest possible expiry passed', span, spanExpiresLast, 'expired'],
    ['unknown without a send time', null, sent, 'unknown'],
    ['fresh when the clock says it was sent in the future', point, ms(sent) - DAY, 'fresh'],
  ];

  it.each(rows)('%s', (_, interval, now, expected) => {
    expect(expiryStatus(interval, window.settings, typeof now === 'number' ? now : ms(now), null)).toBe(expected);
  });

  it('daysLeft counts to the earliest possible expiry, whole days rounded down', () => {
    expect(daysLeft(span, window.settings, ms(subDays(expires, 14)))).toBe(14);
    expect(daysLeft(span, window.settings, ms(subDays(expires, 14)) + 1)).toBe(13);
    expect(daysLeft(point, window.settings, ms(expires) - 1)).toBe(0);
    expect(daysLeft(point, window.settings, ms(expires))).toBe(0);
    expect(daysLeft(point, window.settings, ms(expires) + 1)).toBe(-1);
  });
});

describe('the window lengths, as dates a user would check on a calendar', () => {
  const sent = at(local(2026, 1, 15));
  it.each([
    ['six calendar months', settings(), local(2026, 7, 15)],
    ['90 days', settings({ expiryWindow: '90-days' }), local(2026, 4, 15)],
    ['custom 45 days', settings({ expiryWindow: 'custom', customWindowDays: 45 }), local(2026, 3, 1)],
    ['custom 730 days', settings({ expiryWindow: 'custom', customWindowDays: 730 }), local(2028, 1, 15)],
  ])('%s', (_, windowSettings, expected) => {
    expect(expiryInterval(sent, windowSettings)).toEqual(at(expected));
  });

  it('the length shown in days: 90, or the custom number; six months is shown in months, not days', () => {
    expect(windowDays(settings({ expiryWindow: '90-days' }))).toBe(90);
    expect(windowDays(settings({ expiryWindow: 'custom', customWindowDays: 45 }))).toBe(45);
    expect(windowDays(settings())).toBeNull();
  });

  it('six months from the 31st of August ends on the last day of February', () => {
    expect(expiryInterval(at(local(2025, 8, 31)), settings()).earliest).toBe(ms(local(2026, 2, 28)));
  });

  it('a window shorter than the warning is nearing from the start', () => {
    const short = settings({ expiryWindow: 'custom', customWindowDays: 10 });
    expect(expiryStatus(at(local(2026, 1, 15)), short, ms(local(2026, 1, 15)), null)).toBe('nearing');
  });
});

/**
 * Sent in March, before America/Los_Angeles springs forward (8 March 2026) and Pacific/Auckland
 * falls back (5 April 2026); and in September, before Auckland springs forward (27 September)
 * and Los Angeles falls back (1 November). Every moment is local 10:00 on a calendar date: the
 * status must change at the same wall-clock time in every zone, and days left must count
 * calendar days, not 24-hour blocks.
 */
describe('across daylight-saving changes', () => {
  const march = at(local(2026, 3, 1));
  const september = at(local(2026, 9, 10));
  const sixty = settings({ expiryWindow: 'custom', customWindowDays: 60 });
  const ninety = settings({ expiryWindow: '90-days' });

  it.each([
    ['six months from 1 March: follow-up on 22 March', march, settings(), local(2026, 3, 22), 'follow-up'],
    ['… but not an hour earlier', march, settings(), local(2026, 3, 22, 9), 'waiting'],
    ['six months: nearing on 18 August', march, settings(), local(2026, 8, 18), 'nearing'],
    ['six months: expired on 1 September at 10:00', march, settings(), local(2026, 9, 1), 'expired'],
    ['… not at 9:00', march, settings(), local(2026, 9, 1, 9), 'nearing'],
    ['90 days from 1 March: expired on 30 May at 10:00', march, ninety, local(2026, 5, 30), 'expired'],
    ['… not at 9:00', march, ninety, local(2026, 5, 30, 9), 'nearing'],
    ['60 days from 10 September: follow-up on 1 October', september, sixty, local(2026, 10, 1), 'follow-up'],
    ['… but not an hour earlier', september, sixty, local(2026, 10, 1, 9), 'waiting'],
    ['60 days: nearing on 26 October', september, sixty, local(2026, 10, 26), 'nearing'],
    ['60 days: expired on 9 November at 10:00', september, sixty, local(2026, 11, 9), 'expired'],
    ['… not at 9:00', september, sixty, local(2026, 11, 9, 9), 'nearing'],
  ] as const)('%s', (_, sent, windowSettings, now, expected) => {
    expect(expiryStatus(sent, windowSettings, ms(now), null)).toBe(expected);
  });

  it.each([
    ['90 days from 1 March, seen on 5 March: 86 days', march, ninety, local(2026, 3, 5), 86],
    ['six months from 1 March, seen on 2 March: 183 days', march, settings(), local(2026, 3, 2), 183],
    ['60 days from 10 September, seen on 20 September: 50 days', september, sixty, local(2026, 9, 20), 50],
    ['60 days from 10 September, seen on 30 October: 10 days', september, sixty, local(2026, 10, 30), 10],
    ['… at 11:00 the same day: 9 days', september, sixty, local(2026, 10, 30, 11), 9],
  ] as const)('daysLeft: %s', (_, sent, windowSettings, now, expected) => {
    expect(daysLeft(sent, windowSettings, ms(now))).toBe(expected);
  });
});

// ── properties ──

const instant = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2035, 0, 1) });
const sentArb = fc
  .tuple(instant, fc.integer({ min: 0, max: 90 * DAY }))
  .map(([earliest, width]): Interval => ({ earliest, latest: earliest + width }));
/** Offsets of `now` from the send time: minutes to two years, so every status comes up. */
const offset = fc.integer({ min: -DAY, max: 800 * DAY });
const order = (status: ExpiryStatus) => EXPIRY_STATUSES.indexOf(status as (typeof EXPIRY_STATUSES)[number]);

describe('expiry: properties', () => {
  it('status only moves forward as now grows', () => {
    fc.assert(
      fc.property(sentArb, settingsArb, offset, fc.nat(400 * DAY), (sent, s, from, step) => {
        const earlier = expiryStatus(sent, s, sent.earliest + from, null);
        const later = expiryStatus(sent, s, sent.earliest + from + step, null);
        expect(order(later)).toBeGreaterThanOrEqual(order(earlier));
      }),
      { numRuns: 5000 },
    );
  });

  it('daysLeft is the pessimistic figure: no send time inside the interval leaves fewer days', () => {
    fc.assert(
      fc.property(sentArb, settingsArb, offset, fc.double({ min: 0, max: 1, noNaN: true }), (sent, s, from, where) => {
        const now = sent.earliest + from;
        const sentAt = Math.round(sent.earliest + where * (sent.latest - sent.earliest));
        expect(daysLeft(sent, s, now)).toBeLessThanOrEqual(daysLeft(at(sentAt), s, now));
      }),
    );
  });

  it('daysLeft agrees with the status: negative only once it may have expired, under the warning only when nearing', () => {
    fc.assert(
      fc.property(sentArb, settingsArb, offset, (sent, s, from) => {
        const now = sent.earliest + from;
        const status = expiryStatus(sent, s, now, null);
        const left = daysLeft(sent, s, now);
        const mayHaveExpired = status === 'maybe-expired' || status === 'expired';
        if (left < 0) expect(mayHaveExpired).toBe(true);
        if (!mayHaveExpired) expect(left).toBeGreaterThanOrEqual(0);
        if (left >= 0 && left < s.warningDays) expect(status).toBe('nearing');
        if (status === 'nearing') expect(left).toBeLessThanOrEqual(s.warningDays);
      }),
      { numRuns: 5000 },
    );
  });

  it('one calendar day later, one day fewer is left (daylight saving included)', () => {
    // Clocks change between 00:00 and 04:00 in these zones; a wall-clock time that does not
    // exist the next day (02:30 on the day clocks spring forward) has no "same time tomorrow".
    const awake = (moment: number) => (new Date(moment).getHours() < 4 ? moment + 4 * HOUR : moment);
    fc.assert(
      fc.property(sentArb, settingsArb, offset, (sent, s, from) => {
        const now = awake(sent.earliest + from);
        expect(daysLeft(sent, s, ms(addDays(now, 1)))).toBe(daysLeft(sent, s, now) - 1);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('expiryFigures', () => {
  it('gives what expiryInterval, expiryStatus and daysLeft give, each figure the same (property)', () => {
    fc.assert(
      fc.property(sentArb, settingsArb, offset, (sent, s, from) => {
        const now = sent.earliest + from;
        expect(expiryFigures(sent, s, now, null)).toEqual({
          expires: expiryInterval(sent, s),
          status: expiryStatus(sent, s, now, null),
          daysLeft: daysLeft(sent, s, now),
          pastWindowDays: null,
        });
      }),
      { numRuns: 5000 },
    );
  });
});

/** The badge's rule for one record, as ledgerCounts applies it. */
function isOlderThanWeeks(r: InvitationRecord, weeks: number, now: number): boolean {
  const s = settings({ badgeWeeks: weeks });
  return olderThanBadge(r, standingOf(r, recordExpiry(r, s, now)), s, now);
}

/** Pending as every count has it: in the ledger, and not lapsed. */
const listedPending = (r: InvitationRecord, now: number) =>
  standingOf(r, recordExpiry(r, settings(), now)) === 'pending';

describe('badge rule', () => {
  const now = ms(local(2026, 5, 20));
  const threeWeeks = ms(subDays(now, 21));

  it.each([
    ['counted when even the youngest possible age is three weeks', at(threeWeeks), true],
    ['not counted a millisecond younger', at(threeWeeks + 1), false],
    [
      'not counted when it might be younger ("3 weeks ago" may mean 17.5 days)',
      between(threeWeeks - 5 * DAY, threeWeeks + DAY),
      false,
    ],
    ['counted when the whole interval is older', between(threeWeeks - 30 * DAY, threeWeeks - DAY), true],
  ])('%s', (_, sent, expected) => {
    expect(isOlderThanWeeks(record({ sent }), 3, now)).toBe(expected);
    expect(badgeSummary([record({ sent })], settings({ badgeWeeks: 3 }), now).olderCount).toBe(expected ? 1 : 0);
  });

  it.each([
    ['hidden', record({ sent: at(0), hidden: true })],
    ['accepted', record({ sent: at(0), status: 'accepted' })],
    ['withdrawn', record({ sent: at(0), status: 'withdrawn' })],
    ['gone', record({ sent: at(0), status: 'gone' })],
    ['without a send time', record({ sent: null })],
  ])('never counts an invitation that is %s', (_, old) => {
    expect(isOlderThanWeeks(old, 1, now)).toBe(false);
    const summary = badgeSummary([old], settings(), now);
    expect(summary).toMatchObject({ olderCount: 0, nearingCount: 0, text: '', tone: 'normal' });
  });

  it('shows the count, and turns to the warning colour when one is nearing expiry', () => {
    const nearing = record({ id: 'a', sent: at(subDays(addMonths(now, -6), -10)) });
    const old = record({ id: 'b', sent: at(subDays(now, 40)) });
    const young = record({ id: 'c', sent: at(subDays(now, 2)) });
    expect(badgeSummary([nearing, old, young], settings(), now)).toEqual({
      olderCount: 2,
      nearingCount: 1,
      pastWindowCount: 0,
      weeks: 3,
      warningDays: 14,
      text: '2',
      tone: 'warning',
    });
    expect(badgeSummary([old, young], settings(), now)).toMatchObject({ text: '1', tone: 'normal' });
    expect(badgeSummary([], settings(), now)).toMatchObject({ olderCount: 0, text: '' });
  });

  it('a snoozed invitation nearing expiry leaves the badge calm until the snooze date, then turns it amber', () => {
    // Could lapse in ten days (warning 14): "act this week", but the user asked to be reminded later.
    const until = ms(addDays(now, 3));
    const snoozed = record({ sent: at(subDays(addMonths(now, -6), -10)), snoozedUntil: until });
    expect(badgeSummary([snoozed], settings(), now)).toMatchObject({ nearingCount: 0, tone: 'normal' });
    expect(badgeSummary([snoozed], settings(), until)).toMatchObject({ nearingCount: 1, tone: 'warning' });
  });

  it('property: counted exactly when pending and the youngest possible age is N weeks (within the hour DST moves)', () => {
    fc.assert(
      fc.property(sentArb, fc.integer({ min: 1, max: 26 }), offset, (sent, weeks, from) => {
        const now = sent.earliest + from;
        const youngest = now - sent.latest;
        const counted = isOlderThanWeeks(record({ sent }), weeks, now);
        const pending = listedPending(record({ sent }), now);
        if (pending && youngest >= weeks * 7 * DAY + HOUR) expect(counted).toBe(true);
        if (!pending || youngest < weeks * 7 * DAY - HOUR) expect(counted).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('property: the badge and the age the popup shows agree (counted iff the youngest age is ≥ 7·N days)', () => {
    fc.assert(
      fc.property(sentArb, fc.integer({ min: 1, max: 26 }), offset, (sent, weeks, from) => {
        const now = sent.earliest + from;
        const counted = isOlderThanWeeks(record({ sent }), weeks, now);
        expect(counted).toBe(listedPending(record({ sent }), now) && describeAge(sent, now).minDays >= weeks * 7);
      }),
      { numRuns: 5000 },
    );
  });

  it('property: the summary counts exactly the records the rule counts', () => {
    const recordArb = fc.record({
      sent: fc.option(sentArb, { nil: null }),
      status: fc.constantFrom('pending', 'gone', 'accepted', 'withdrawn') as fc.Arbitrary<'pending'>,
      hidden: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 20 }), settingsArb, instant, (parts, s, now) => {
        const records = parts.map((part, i) => record({ ...part, id: `p${i}` }));
        const summary = badgeSummary(records, s, now);
        const counted = records.filter((r) => olderThanBadge(r, standingOf(r, recordExpiry(r, s, now)), s, now)).length;
        expect(summary.olderCount).toBe(counted);
        expect(summary.text).toBe(counted === 0 ? '' : String(counted));
      }),
    );
  });
});
