import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { recountBadge } from '../../../src/background/badge-count';
import type { InvitationRecord } from '../../../src/model/invitation';
import { defaultSettings, type Settings } from '../../../src/model/settings';
import { buildPendingLists, resolvedCount, tabCounts } from '../../../src/popup/view';
import {
  ageHistogram,
  countsFromFacts,
  learnedWindowFromFacts,
  ledgerCounts,
  pendingAgainstCap,
  resolveSettings,
  resolveWith,
  windowCheck,
} from '../../../src/rules';
import { toCsv } from '../../../src/shared/csv';
import { groupFacts } from '../../../src/store/facts';
import { record } from '../rules/support';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 2, 13);

/** Ledgers as readings leave them: sent intervals of every width, sightings before now or none. */
const personArb = fc.record({
  sentDaysAgo: fc.option(fc.tuple(fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 400 })), { nil: null }),
  seenDaysAgo: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }),
  status: fc.constantFrom('pending', 'pending', 'pending', 'gone', 'accepted', 'withdrawn') as fc.Arbitrary<'pending'>,
  hidden: fc.boolean(),
  // "Remind me on…": some ahead of now, some already past.
  snoozeDaysAhead: fc.option(fc.integer({ min: -10, max: 30 }), { nil: null }),
});
const ledgerArb = fc.array(personArb, { maxLength: 40 }).map((people) =>
  people.map((p, i): InvitationRecord => {
    const sent = p.sentDaysAgo && {
      earliest: NOW - (p.sentDaysAgo[0] + p.sentDaysAgo[1]) * DAY,
      latest: NOW - p.sentDaysAgo[0] * DAY,
    };
    // Seen no earlier than sent: a reading lists only what was already sent.
    const seen = p.seenDaysAgo === null ? null : Math.max(NOW - p.seenDaysAgo * DAY, sent?.latest ?? 0);
    return record({
      id: `p${i}`,
      name: `Person ${i}`,
      profileUrl: `https://www.linkedin.com/in/p${i}/`,
      sent,
      status: p.status,
      hidden: p.hidden,
      sentLabel: seen === null ? null : 'Sent some time ago',
      lastSeenAt: seen ?? NOW - 1000 * DAY,
      ...(p.snoozeDaysAhead === null ? {} : { snoozedUntil: NOW + p.snoozeDaysAhead * DAY }),
    });
  }),
);
const settingsArb: fc.Arbitrary<Settings> = fc
  .record({
    expiryWindow: fc.constantFrom<Settings['expiryWindow']>('six-months', '90-days', 'custom', 'learned'),
    customWindowDays: fc.integer({ min: 1, max: 730 }),
    learnedFloorDays: fc.integer({ min: 1, max: 730 }),
    warningDays: fc.integer({ min: 1, max: 120 }),
    badgeWeeks: fc.integer({ min: 1, max: 26 }),
  })
  .map((change) => ({ ...defaultSettings(), ...change }));

const tally = (values: readonly string[]) => {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
};

describe('one truth: every surface shows the figures of ledgerCounts', () => {
  it('popup header and lists, badge, Insights and CSV agree on any ledger and settings (property)', () => {
    fc.assert(
      fc.property(ledgerArb, settingsArb, (records, chosen) => {
        const settings = resolveSettings(chosen, records);
        const counts = ledgerCounts(records, settings, NOW);

        // Popup: the header counts from the store's facts, with the window they teach; the lists
        // of pending records hold exactly what counts says, and "Resolved" counts what it pages.
        const facts = groupFacts(records.map((r) => ({ ...r, account: '' })));
        const popupSettings = resolveWith(chosen, learnedWindowFromFacts(facts, chosen.learnedFloorDays));
        expect(popupSettings).toEqual(settings);
        expect(countsFromFacts(facts, popupSettings, NOW)).toEqual(counts);
        const pending = records.filter((r) => r.status === 'pending');
        const lists = buildPendingLists(pending, settings, NOW);
        expect(tabCounts(counts, null, false)).toEqual({
          pending: lists.pending.length,
          expired: lists.expired.length,
          resolved: records.filter((r) => r.status !== 'pending' && !r.hidden).length,
          nearing: lists.nearing.length,
        });
        const pastRows = lists.pending.filter((row) => row.assessment.expiry === 'past-window');
        expect(pastRows).toHaveLength(counts.pastWindow);
        // Hidden records shown: every record is in exactly one list.
        const all = tabCounts(
          counts,
          { records: pending, lists: buildPendingLists(pending, settings, NOW, true) },
          true,
        )!;
        expect(all.pending + all.expired + all.resolved).toBe(records.length);
        expect(resolvedCount(counts, pending, true)).toBe(records.filter((r) => r.status !== 'pending').length);

        // Badge (the worker resolves the window from the same records).
        const badge = recountBadge(records, chosen, NOW).summary!;
        expect([badge.olderCount, badge.nearingCount, badge.pastWindowCount]).toEqual([
          counts.olderThanBadge,
          counts.nearing,
          counts.pastWindow,
        ]);

        // Insights.
        const histogram = ageHistogram(records, settings, NOW);
        expect(histogram.counted + histogram.unknownAge).toBe(counts.pending);
        expect(pendingAgainstCap(records, settings, NOW).pending).toBe(counts.pending + counts.hiddenPending);
        const tracked = records.filter((r) => !r.hidden);
        expect(windowCheck(tracked, settings).evidence).toHaveLength(counts.pastWindow);

        // CSV of the tracked records: its status columns tally to the same figures.
        const rows = Papa.parse<Record<string, string>>(toCsv(tracked, settings, NOW).slice(1), {
          header: true,
          skipEmptyLines: true,
        }).data;
        const pendingRows = rows.filter((row) => row.status === 'pending');
        const expected = Object.fromEntries(Object.entries(counts.byExpiry).filter(([, n]) => n > 0));
        expect(tally(pendingRows.map((row) => row.expiry_status!))).toEqual(expected);
        const lapsed = pendingRows.filter(
          (row) => row.expiry_status === 'expired' || row.expiry_status === 'maybe-expired',
        );
        expect(pendingRows.length - lapsed.length).toBe(counts.pending);
        expect(lapsed).toHaveLength(counts.lapsed);
      }),
      { numRuns: 300 },
    );
  });
});
