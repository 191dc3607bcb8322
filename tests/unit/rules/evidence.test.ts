import { addDays, addMonths, subDays } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/model/settings';
import type { Interval } from '../../../src/model/time';
import {
  assess,
  countFactsOf,
  EXPIRY_STATUSES,
  type ExpiryStatus,
  expiryFigures,
  expiryStatus,
  figuresFromFacts,
  lastListedAt,
  learnedWindowDays,
  ledgerCounts,
  mayHaveLapsed,
  resolveSettings,
  windowCheck,
} from '../../../src/rules';
import { at, between, record, settings, settingsArb } from './support';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Local 10:00 on a date, in whichever zone the project runs (months are 1-based here). */
const local = (year: number, month: number, day: number, hour = 10) => new Date(year, month - 1, day, hour).getTime();

// Sent on 1 March 2026 at 10:00: a six-month window closes on 1 September at 10:00.
const MARCH_1 = local(2026, 3, 1);
const SEPT_1 = local(2026, 9, 1);
const sixMonths = settings();

describe('the status ladder with what the Sent page listed', () => {
  // Sent some time in the first week of March: the window may close from 1 Sept, surely by 8 Sept.
  const firstWeek = between(MARCH_1, addDays(MARCH_1, 7).getTime());
  it.each<[string, Interval, number | null, number, ExpiryStatus]>([
    ['never listed, window may have closed', firstWeek, null, local(2026, 9, 3), 'maybe-expired'],
    ['never listed, window surely closed', firstWeek, null, local(2026, 9, 9), 'expired'],
    [
      'listed in August, before the window opened: may have lapsed since',
      firstWeek,
      local(2026, 8, 20),
      local(2026, 9, 3),
      'maybe-expired',
    ],
    [
      'listed on 2 Sept, after it may have closed: still pending, act now',
      firstWeek,
      local(2026, 9, 2),
      local(2026, 9, 3),
      'nearing',
    ],
    [
      'listed on 2 Sept, window surely closed on 8 Sept, not listed since',
      firstWeek,
      local(2026, 9, 2),
      local(2026, 9, 9),
      'expired',
    ],
    [
      'listed on 8 Sept at 10:00, the moment it surely closed',
      firstWeek,
      local(2026, 9, 8),
      local(2026, 9, 8),
      'past-window',
    ],
    [
      'listed a year later: still pending, past the window',
      firstWeek,
      local(2027, 3, 1),
      local(2027, 3, 2),
      'past-window',
    ],
    ['listed today, well inside the window', firstWeek, local(2026, 4, 1), local(2026, 4, 1), 'follow-up'],
    ['exact send time, listed the hour the window closed', at(MARCH_1), SEPT_1, SEPT_1, 'past-window'],
    ['exact send time, listed an hour before it closed, now after', at(MARCH_1), SEPT_1 - HOUR, SEPT_1, 'expired'],
  ])('%s → %s', (_, sent, listedAt, now, expected) => {
    expect(expiryStatus(sent, sixMonths, now, listedAt)).toBe(expected);
  });

  it('past the window: no days left to count, how far past instead (never negative)', () => {
    const sent = at(MARCH_1);
    const now = addDays(SEPT_1, 21).getTime();
    const figures = expiryFigures(sent, sixMonths, now, now - DAY);
    expect(figures).toMatchObject({ status: 'past-window', daysLeft: null, pastWindowDays: 21 });
    const row = assess(record({ sent, lastSeenAt: now - DAY }), sixMonths, now);
    expect(row).toMatchObject({ expiry: 'past-window', standing: 'pending', daysLeft: null, pastWindowDays: 21 });
    expect(row.suggestion.kind).toBe('withdraw-reinvite');
    // LinkedIn blocks a re-invite for about three weeks after withdrawing today.
    expect(row.suggestion.reinviteFrom).toBe(addDays(now, 21).getTime());
  });

  it('past the window by 0 days, not a negative number, when the sighting is stamped ahead of the clock', () => {
    // The clock ran three days fast at the scan and was set right since: the page listed it "after"
    // the window closed, but by the clock now the window closes in two days.
    const sent = at(MARCH_1);
    const figures = expiryFigures(sent, sixMonths, SEPT_1 - 2 * DAY, SEPT_1 + DAY);
    expect(figures).toMatchObject({ status: 'past-window', daysLeft: null, pastWindowDays: 0 });
  });

  it('a record LinkedIn never listed (from the data export) has no sighting, whatever its lastSeenAt', () => {
    const imported = record({ sentLabel: null, lastSeenAt: local(2027, 1, 1), sent: at(MARCH_1) });
    expect(lastListedAt(imported)).toBeNull();
    expect(assess(imported, sixMonths, local(2027, 1, 2)).expiry).toBe('expired');
  });
});

// ── properties ──

const instant = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2035, 0, 1) });
const sentArb = fc
  .tuple(instant, fc.integer({ min: 0, max: 400 * DAY }))
  .map(([earliest, width]): Interval => ({ earliest, latest: earliest + width }));
const after = fc.integer({ min: 0, max: 900 * DAY });
const order = (status: ExpiryStatus) => EXPIRY_STATUSES.indexOf(status as (typeof EXPIRY_STATUSES)[number]);

describe('evidence wins (properties)', () => {
  it('an invitation the page lists now is never expired nor maybe expired, whatever its age and window', () => {
    fc.assert(
      fc.property(sentArb, settingsArb, after, (sent, s, age) => {
        const now = sent.latest + age;
        expect(mayHaveLapsed(expiryStatus(sent, s, now, now))).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('with a sighting, the status only moves forward as time passes after it', () => {
    fc.assert(
      fc.property(sentArb, settingsArb, after, after, fc.nat(400 * DAY), (sent, s, seen, from, step) => {
        const listedAt = sent.latest + seen;
        const earlier = expiryStatus(sent, s, listedAt + from, listedAt);
        const later = expiryStatus(sent, s, listedAt + from + step, listedAt);
        expect(order(later)).toBeGreaterThanOrEqual(order(earlier));
      }),
      { numRuns: 5000 },
    );
  });

  it('a later sighting never makes an invitation look more lapsed', () => {
    fc.assert(
      fc.property(sentArb, settingsArb, after, fc.nat(400 * DAY), fc.nat(400 * DAY), (sent, s, seen, later, wait) => {
        const first = sent.latest + seen;
        const second = first + later;
        const now = second + wait;
        const withFirst = mayHaveLapsed(expiryStatus(sent, s, now, first));
        const withSecond = mayHaveLapsed(expiryStatus(sent, s, now, second));
        if (withFirst === false) expect(withSecond).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('days left never lies: null past the window, never negative while pending', () => {
    fc.assert(
      fc.property(sentArb, settingsArb, after, fc.option(after, { nil: null }), (sent, s, age, seen) => {
        const now = sent.latest + age;
        const listedAt = seen === null ? null : Math.min(now, sent.latest + seen);
        const figures = expiryFigures(sent, s, now, listedAt);
        if (figures.status === 'past-window') {
          expect(figures.daysLeft).toBeNull();
          expect(figures.pastWindowDays).toBeGreaterThanOrEqual(0);
        } else {
          expect(figures.pastWindowDays).toBeNull();
          if (figures.daysLeft! < 0) expect(['maybe-expired', 'expired', 'nearing']).toContain(figures.status);
        }
      }),
      { numRuns: 5000 },
    );
  });
});

/** A pending record LinkedIn listed at `seenAt`, sent within `sent`. */
const listed = (id: string, sent: Interval, seenAt: number) => record({ id, name: id, sent, lastSeenAt: seenAt });

describe('the window against the evidence', () => {
  const now = local(2026, 12, 2);
  const ledger = [
    listed('two-hundred', between(subDays(now, 205).getTime(), subDays(now, 200).getTime()), now - HOUR),
    listed('hundred', between(subDays(now, 110).getTime(), subDays(now, 100).getTime()), now - HOUR),
    listed('young', between(subDays(now, 20).getTime(), subDays(now, 14).getTime()), now - HOUR),
  ];

  it('under 90 days, the two listed past it are evidence; six months covers one, not the other', () => {
    const check = windowCheck(ledger, settings({ expiryWindow: '90-days' }));
    expect(check.evidence.map((e) => [e.record.id, e.youngestDaysWhenSeen])).toEqual([
      ['two-hundred', 199],
      ['hundred', 99],
    ]);
    // Options shows each one's possible age then: sent 205–200 days before, seen an hour short of it.
    expect(check.evidence.map((e) => [e.youngestDaysWhenSeen, e.oldestDaysWhenSeen])).toEqual([
      [199, 204],
      [99, 109],
    ]);
    // Whole weeks just past the oldest sighting's youngest age (199 days): 203.
    expect(check.suggestion).toEqual({ expiryWindow: 'custom', customWindowDays: 203 });
    expect(windowCheck(ledger, settings({ expiryWindow: 'custom', customWindowDays: 203 })).evidence).toEqual([]);
  });

  it('suggests six months when that is enough', () => {
    const check = windowCheck(ledger.slice(1), settings({ expiryWindow: '90-days' }));
    expect(check.suggestion).toEqual({ expiryWindow: 'six-months', customWindowDays: 120 });
  });

  it('learns one day past the youngest age of the oldest one listed, never below the floor', () => {
    expect(learnedWindowDays(ledger, 90)).toBe(200);
    expect(learnedWindowDays(ledger, 365)).toBe(365);
    expect(learnedWindowDays([], 90)).toBe(90);
    const learned = resolveSettings({ ...defaultSettings(), expiryWindow: 'learned' }, ledger);
    expect(learned).toMatchObject({ expiryWindow: 'custom', customWindowDays: 200 });
    expect(ledgerCounts(ledger, learned, now).pastWindow).toBe(0);
  });

  it('the badge and header, counting from the stored facts, keep the learned window at the floor as the ledger does', () => {
    // The oldest one listed teaches 200 days; a floor of a year wins, on either path.
    const chosen = { ...defaultSettings(), expiryWindow: 'learned' as const, learnedFloorDays: 365 };
    const groups = ledger.map((r) => ({ facts: countFactsOf(r), count: 1 }));
    expect(figuresFromFacts(groups, chosen, now).settings.customWindowDays).toBe(365);
    expect(resolveSettings(chosen, ledger).customWindowDays).toBe(365);
  });

  const person = fc.record({
    sent: sentArb,
    seenAfter: fc.option(fc.integer({ min: 0, max: 800 * DAY }), { nil: null }),
    status: fc.constantFrom('pending', 'pending', 'gone', 'accepted') as fc.Arbitrary<'pending'>,
    hidden: fc.boolean(),
  });
  const ledgerArb = fc.array(person, { maxLength: 25 }).map((people) =>
    people.map((p, i) =>
      record({
        id: `p${i}`,
        sent: p.sent,
        status: p.status,
        hidden: p.hidden,
        sentLabel: p.seenAfter === null ? null : 'Sent some time ago',
        lastSeenAt: p.sent.latest + (p.seenAfter ?? 0),
      }),
    ),
  );

  it('property: a suggestion, once taken, leaves nothing LinkedIn listed past the window, and is one a person would pick', () => {
    fc.assert(
      fc.property(ledgerArb, settingsArb, (records, s) => {
        const { evidence, suggestion } = windowCheck(records, s);
        if (evidence.length === 0) expect(suggestion).toBeNull();
        if (suggestion === null) return;
        if (suggestion.expiryWindow === 'custom') {
          expect(suggestion.customWindowDays % 7).toBe(0);
          expect(suggestion.customWindowDays).toBeLessThanOrEqual(730);
        } else expect(suggestion.expiryWindow).toBe('six-months');
        expect(windowCheck(records, { ...s, ...suggestion }).evidence).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: the learned window leaves nothing past it, never goes below the floor, and only grows with evidence', () => {
    fc.assert(
      fc.property(ledgerArb, ledgerArb, fc.integer({ min: 1, max: 730 }), (some, more, floor) => {
        const chosen = { ...defaultSettings(), expiryWindow: 'learned' as const, learnedFloorDays: floor };
        const learned = resolveSettings(chosen, some);
        expect(learned.customWindowDays).toBeGreaterThanOrEqual(floor);
        expect(windowCheck(some, learned).evidence).toEqual([]);
        const withMore = [...some, ...more.map((r) => ({ ...r, id: `more-${r.id}` }))];
        expect(resolveSettings(chosen, withMore).customWindowDays).toBeGreaterThanOrEqual(learned.customWindowDays);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps 90 days and six months exactly as they are', () => {
    const ninety = resolveSettings({ ...defaultSettings(), expiryWindow: '90-days' }, ledger);
    expect(ninety).toMatchObject({ expiryWindow: '90-days' });
    const six = resolveSettings(defaultSettings(), ledger);
    expect(six).toMatchObject({ expiryWindow: 'six-months' });
    expect(expiryFigures(at(MARCH_1), six, MARCH_1, null).expires.earliest).toBe(addMonths(MARCH_1, 6).getTime());
  });
});
