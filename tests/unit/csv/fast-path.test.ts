import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvitationRecord } from '../../../src/model/invitation';
import { csvRows, toCsv } from '../../../src/shared/csv';
import { settings, settingsArb } from '../rules/support';
import { DAY, EXPORT_AT, HOSTILE, largeLedger } from './large-ledger';
import { referenceCsv, referenceRow } from './reference-csv';

/** Line by line, so a difference shows as the first line that differs rather than a megabyte. */
function expectSameFile(actual: string, expected: string): void {
  const a = actual.split('\r\n');
  const e = expected.split('\r\n');
  const first = a.findIndex((line, i) => line !== e[i]);
  expect(first === -1 ? null : { line: first, actual: a[first], expected: e[first] }).toBeNull();
  expect(actual).toBe(expected);
}

describe('the fast export writes the file the plain one wrote', () => {
  const ledger = largeLedger(5000);

  it.each([
    ['default settings, on the pinned day', settings({}), EXPORT_AT],
    ['default settings, half a year later', settings({}), EXPORT_AT + 183 * DAY],
    ['default settings, the night clocks go back in Paris', settings({}), Date.UTC(2026, 9, 25, 0, 30)],
    ['90-day window', settings({ expiryWindow: '90-days', warningDays: 30, followUpDays: 10 }), EXPORT_AT],
    ['custom 1-day window', settings({ expiryWindow: 'custom', customWindowDays: 1, warningDays: 120 }), EXPORT_AT],
  ])('on a 5,000-record ledger (%s)', (_, s, now) => {
    expectSameFile(toCsv(ledger, s, now), referenceCsv(ledger, s, now));
  });

  // Records drawn partly from small pools of moments and intervals close to one another (the same
  // second, minute or UTC day, or across a midnight), so the export's per-interval and per-moment
  // work is both reused across rows and done afresh, and a cache keyed too coarsely shows.
  const YEAR_2000 = Date.UTC(2000, 0, 1);
  const YEAR_2100 = Date.UTC(2100, 0, 1);
  const instant = fc.integer({ min: YEAR_2000, max: YEAR_2100 });
  const interval = fc
    .tuple(instant, fc.integer({ min: 0, max: 400 * DAY }))
    .map(([earliest, width]) => ({ earliest, latest: earliest + width }));
  const near = fc.oneof(fc.integer({ min: -120_000, max: 120_000 }), fc.integer({ min: -2 * DAY, max: 2 * DAY }));
  const poolsArb = fc
    .tuple(instant, fc.array(near, { minLength: 1, maxLength: 6 }))
    .map(([base, offsets]) => offsets.map((offset) => base + offset))
    .chain((moments) =>
      fc.record({
        moments: fc.constant(moments),
        intervals: fc.array(
          fc
            .tuple(fc.constantFrom(...moments), fc.constantFrom(0, 1, 999, 60_000, DAY - 1, DAY, 30 * DAY, 200 * DAY))
            .map(([earliest, width]) => ({ earliest, latest: earliest + width })),
          { minLength: 1, maxLength: 6 },
        ),
      }),
    );
  const recordArb = ({ intervals, moments }: { intervals: InvitationRecord['sent'][]; moments: number[] }) =>
    fc.record({
      name: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' })),
      headline: fc.option(fc.oneof(fc.constantFrom(...HOSTILE), fc.string())),
      note: fc.option(fc.oneof(fc.constantFrom(...HOSTILE), fc.string())),
      status: fc.constantFrom('pending', 'pending', 'gone', 'accepted', 'withdrawn'),
      sent: fc.oneof(fc.constantFrom(...intervals), fc.option(interval)),
      // Moments up to the last one a Date holds: beyond year 9999 ISO strings grow a signed year.
      firstSeenAt: fc.oneof(fc.constantFrom(...moments), fc.integer({ min: 0, max: 8.64e15 })),
      lastSeenAt: fc.oneof(fc.constantFrom(...moments), instant),
      statusChangedAt: instant,
      // Follow-ups and snoozes: the suggestion column reads the log, the appended ones show it.
      followUps: fc.option(
        fc.array(
          fc.record(
            {
              at: fc.oneof(fc.constantFrom(...moments), instant),
              channel: fc.constantFrom('email', 'inmail', 'comment', 'in-person', 'other'),
              template: fc.constantFrom('follow-up', 'act-now', 'engage'),
            },
            { requiredKeys: ['at'] },
          ),
          { maxLength: 3 },
        ),
        { nil: undefined },
      ),
      snoozedUntil: fc.option(instant, { nil: undefined }),
    });
  const ledgerArb = poolsArb
    .chain((pools) => fc.array(recordArb(pools), { maxLength: 40 }))
    .map((people) =>
      people.map(
        (p, i): InvitationRecord => ({
          ...p,
          id: `p-${i}`,
          profileUrl: `https://www.linkedin.com/in/p-${i}/`,
          sentLabel: null,
          conflicts: [],
          statusSetBy: 'scan',
          hidden: i % 3 === 0,
          inviteMessage: null,
          status: p.status as InvitationRecord['status'],
        }),
      ),
    );

  it('on any ledger, settings and moment of export (property)', () => {
    fc.assert(
      fc.property(ledgerArb, settingsArb, instant, (records, s, now) => {
        const rows = records.map(csvRows(s, now));
        rows.forEach((row, i) => {
          expect(row).toEqual(referenceRow(records[i]!, s, now));
        });
        expectSameFile(toCsv(records, s, now), referenceCsv(records, s, now));
      }),
      { numRuns: 300 },
    );
  });
});
