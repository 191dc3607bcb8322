import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResolvedSettings as Settings } from '../../../src/rules';
import { acceptanceStats, ageHistogram, MIN_SAMPLE, pendingAgainstCap, weeklySends } from '../../../src/rules/insights';
import { fixedSettings } from '../../support/settings';
import { DAY, invitation, NOW, sentDaysAgo } from './ledger';

const settings = (overrides: Partial<Settings> = {}): Settings => ({ ...fixedSettings(), ...overrides });
/** Local wall-clock time in Paris, months 1-based. */
const local = (month: number, day: number, hour = 0) => new Date(2026, month - 1, day, hour).getTime();

describe('ageHistogram: pending invitations by week of age', () => {
  const ledger = [
    invitation('Three days', sentDaysAgo(3)),
    invitation('Eight to nine days', sentDaysAgo(8, 9)),
    invitation('Twelve to sixteen days', sentDaysAgo(12, 16)),
    invitation('Twenty days', sentDaysAgo(20)),
    invitation('Hidden', sentDaysAgo(3), { hidden: true }),
    invitation('Accepted', sentDaysAgo(3), { status: 'accepted' }),
    invitation('Gone', sentDaysAgo(30), { status: 'gone' }),
    invitation('No label', null),
  ];

  it('places each once by its middle age, marks those that could be in another week, counts unknown ages apart', () => {
    const histogram = ageHistogram(ledger, settings(), NOW);
    const filled = histogram.buckets.filter((b) => b.count > 0);
    expect(filled).toEqual([
      { week: 0, count: 1, uncertain: 0 },
      { week: 1, count: 1, uncertain: 0 },
      // 12–16 days: middle 14 days (week 2), youngest 12 days is week 1.
      { week: 2, count: 2, uncertain: 1 },
    ]);
    expect(histogram.counted).toBe(4);
    expect(histogram.unknownAge).toBe(1);
    expect(histogram.lastIsOpen).toBe(false);
  });

  it.each([
    // 15 Nov 2025 → 15 May 2026 is 181 calendar days; nearing from 29 Nov (14 days later): 167.
    ['six months', 181, 167, 26, settings()],
    ['90 days', 90, 80, 13, settings({ expiryWindow: '90-days', warningDays: 10 })],
    ['custom 30 days', 30, 0, 5, settings({ expiryWindow: 'custom', customWindowDays: 30, warningDays: 40 })],
  ])(
    'with a %s window the chart shows the window at %i days, the warning from %i, and one week past it',
    (_, windowDays, warningFrom, lastWeek, s) => {
      const histogram = ageHistogram(ledger, s, NOW);
      expect(histogram.windowDays).toBe(windowDays);
      expect(histogram.warningFromDays).toBe(warningFrom);
      expect(histogram.buckets.at(-1)?.week).toBe(lastWeek);
    },
  );

  it('stops after a year: older invitations share the last, open bucket', () => {
    const histogram = ageHistogram([...ledger, invitation('Ancient', sentDaysAgo(400, 430))], settings(), NOW);
    expect(histogram.buckets).toHaveLength(53);
    expect(histogram.buckets.at(-1)).toEqual({ week: 52, count: 1, uncertain: 1 });
    expect(histogram.lastIsOpen).toBe(true);
  });

  it('an empty ledger still has the window to draw, and nothing in it', () => {
    const histogram = ageHistogram([], settings(), NOW);
    expect(histogram.counted).toBe(0);
    expect(histogram.buckets.every((b) => b.count === 0)).toBe(true);
    expect(histogram.windowDays).toBe(181);
  });
});

describe('acceptanceStats: rate and time to accept, with what each rests on', () => {
  it('shows no rate on day one: sixty invitations nobody has answered yet are not "0% accepted"', () => {
    const dayOne = Array.from({ length: 60 }, (_, i) => invitation(`P${i}`, sentDaysAgo(0, 1)));
    expect(acceptanceStats(dayOne)).toMatchObject({ base: 60, rate: null, rateIfGoneAccepted: null });
    const oneGone = [...dayOne.slice(1), invitation('Gone', sentDaysAgo(10), { status: 'gone' })];
    expect(acceptanceStats(oneGone).rate).toBe(0);
  });

  /** Sent exactly `sent` days ago, accepted exactly `accepted` days ago (all after the March DST change). */
  const acceptedAfter = (name: string, sent: number, accepted: number) =>
    invitation(name, sentDaysAgo(sent), { status: 'accepted', acceptedAt: sentDaysAgo(accepted) });

  const timed = [
    acceptedAfter('One day', 40, 39),
    acceptedAfter('Two days', 40, 38),
    // Sent 28–30 days ago, accepted 24–25 days ago: took 3 to 6 days, 4.5 in the middle.
    invitation('Three to six days', sentDaysAgo(28, 30), { status: 'accepted', acceptedAt: sentDaysAgo(24, 25) }),
    acceptedAfter('Ten days', 30, 20),
    acceptedAfter('Twenty days', 40, 20),
  ];
  const ledger = [
    ...timed,
    invitation('Accepted, no date', sentDaysAgo(10), { status: 'accepted', acceptedAt: null }),
    invitation('Pending 1', sentDaysAgo(3)),
    invitation('Pending 2', sentDaysAgo(30)),
    invitation('Pending 3', null),
    invitation('Gone', sentDaysAgo(100), { status: 'gone' }),
    invitation('Withdrawn 1', sentDaysAgo(20), { status: 'withdrawn' }),
    invitation('Withdrawn 2', sentDaysAgo(20), { status: 'withdrawn' }),
    invitation('Hidden accepted', sentDaysAgo(20), { status: 'accepted', hidden: true, acceptedAt: sentDaysAgo(19) }),
  ];

  it('6 accepted of 10 (withdrawn and hidden left out): 60%, up to 70% if the gone one was accepted', () => {
    const stats = acceptanceStats(ledger);
    expect(stats).toMatchObject({ accepted: 6, pending: 3, gone: 1, base: 10 });
    expect(stats.rate).toBeCloseTo(0.6);
    expect(stats.rateIfGoneAccepted).toBeCloseTo(0.7);
  });

  it('median time to accept from the 5 with both dates: 4.5 days, surely between 3 and 6', () => {
    const { timeToAccept } = acceptanceStats(ledger);
    expect(timeToAccept.count).toBe(5);
    expect(timeToAccept.medianDays).toBeCloseTo(4.5);
    expect(timeToAccept.lowDays).toBeCloseTo(3);
    expect(timeToAccept.highDays).toBeCloseTo(6);
  });

  it('an even count takes the mean of the middle two', () => {
    const six = [...timed, acceptedAfter('Thirty days', 45, 15)];
    expect(acceptanceStats(six).timeToAccept.medianDays).toBeCloseTo((4.5 + 10) / 2);
  });

  it(`says nothing below ${MIN_SAMPLE} invitations, but still counts them`, () => {
    const stats = acceptanceStats([...timed.slice(0, 3), invitation('Pending', sentDaysAgo(3))]);
    expect(stats.base).toBe(4);
    expect(stats.rate).toBeNull();
    expect(stats.rateIfGoneAccepted).toBeNull();
    expect(stats.timeToAccept).toEqual({ count: 3, medianDays: null, lowDays: null, highDays: null });
  });

  it('an acceptance recorded before the latest possible send counts as zero days, never negative', () => {
    const odd = Array.from({ length: 5 }, (_, i) =>
      invitation(`Odd ${i}`, sentDaysAgo(10, 12), { status: 'accepted', acceptedAt: sentDaysAgo(11) }),
    );
    const { timeToAccept } = acceptanceStats(odd);
    expect(timeToAccept.lowDays).toBe(0);
    expect(timeToAccept.highDays).toBeCloseTo(1);
  });
});

describe('weeklySends: invitations per calendar week against the weekly limit', () => {
  const ledger = [
    invitation('Tuesday A', { earliest: local(5, 12, 9), latest: local(5, 12, 9) }),
    invitation('Tuesday B', { earliest: local(5, 12, 10), latest: local(5, 12, 18) }),
    invitation('Last week', { earliest: local(5, 5, 9), latest: local(5, 5, 9) }),
    // Saturday 00:00 to Tuesday 00:00: two days in the week of 4 May, one in the week of 11 May.
    invitation('Weekend', { earliest: local(5, 9), latest: local(5, 12) }, { status: 'accepted' }),
    invitation('Hidden, still counted', { earliest: local(5, 13, 8), latest: local(5, 13, 8) }, { hidden: true }),
    invitation('Long ago', sentDaysAgo(90, 120), { status: 'gone' }),
    invitation('Unknown', null),
  ];

  it('counts exact sends exactly, spreads wider intervals, and says how many it could not place', () => {
    const sends = weeklySends(ledger, settings({ weeklyLimit: 3 }), NOW, 3);
    expect(sends.limit).toBe(3);
    expect(sends.unknownSend).toBe(1);
    expect(sends.weeks.map((w) => w.start)).toEqual([local(4, 27), local(5, 4), local(5, 11)]);
    expect(sends.weeks.at(-1)?.end).toBe(local(5, 18));
    const [first, previous, current] = sends.weeks;
    expect(first).toMatchObject({ exact: 0, estimated: 0, possible: 0 });
    expect(previous).toMatchObject({ exact: 1, possible: 2 });
    expect(previous?.estimated).toBeCloseTo(1 + 2 / 3);
    expect(current).toMatchObject({ exact: 3, possible: 4 });
    expect(current?.estimated).toBeCloseTo(3 + 1 / 3);
  });

  it('property: every send wholly inside the weeks shown adds up to one, and exact ≤ estimated ≤ possible', () => {
    const start = local(2, 16);
    const span = NOW - start;
    const interval = fc
      .tuple(fc.integer({ min: 0, max: span }), fc.integer({ min: 0, max: 30 * DAY }))
      .map(([offset, width]) => ({ earliest: start + offset, latest: Math.min(NOW, start + offset + width) }));
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 30 }), (intervals) => {
        const sends = weeklySends(
          intervals.map((sent, i) => invitation(`P${i}`, sent)),
          settings(),
          NOW,
          14,
        );
        const total = sends.weeks.reduce((sum, w) => sum + w.estimated, 0);
        expect(total).toBeCloseTo(intervals.length, 6);
        for (const week of sends.weeks) {
          expect(week.exact).toBeLessThanOrEqual(week.estimated + 1e-9);
          expect(week.estimated).toBeLessThanOrEqual(week.possible + 1e-9);
        }
      }),
    );
  });
});

describe('pendingAgainstCap: what to withdraw to get back under the cap', () => {
  const ledger = [
    invitation('Young', sentDaysAgo(5)),
    invitation('Unknown age', null),
    invitation('Old but vague', sentDaysAgo(60, 150)),
    invitation('Oldest', sentDaysAgo(170, 171), { hidden: true }),
    invitation('Ninety', sentDaysAgo(90, 91)),
    invitation('Accepted', sentDaysAgo(200), { status: 'accepted' }),
  ];

  it('counts every pending one (hidden too), lists them surely-oldest first, unknown ages last', () => {
    const cap = pendingAgainstCap(ledger, settings({ pendingCap: 3 }), NOW);
    expect(cap).toMatchObject({ pending: 5, cap: 3, over: 2 });
    expect(cap.oldest.map((c) => [c.record.name, c.youngestDays])).toEqual([
      ['Oldest', 170],
      ['Ninety', 90],
      ['Old but vague', 60],
      ['Young', 5],
      ['Unknown age', null],
    ]);
  });

  it('lists as many as it takes to get under the cap, or the few oldest when under it', () => {
    expect(pendingAgainstCap(ledger, settings({ pendingCap: 3 }), NOW, 1).oldest).toHaveLength(2);
    const under = pendingAgainstCap(ledger, settings({ pendingCap: 1250 }), NOW, 2);
    expect(under.over).toBe(0);
    expect(under.oldest.map((c) => c.record.name)).toEqual(['Oldest', 'Ninety']);
  });
});
