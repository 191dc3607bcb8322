import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveViews } from '../../../src/background/derive-views';
import { defaultSettings, type Settings } from '../../../src/model/settings';
import { ledgerCounts, resolveSettings } from '../../../src/rules';
import { selectOpeningPage } from '../../../src/shared/opening-page';
import { importBackup } from '../../../src/store/ledger';
import { ledgerOf, personArb, sameDayPersonArb, scannedPersonArb } from '../popup/ledger-arbitraries';
import { DAY, NOW } from '../popup/records';
import { openTestDb } from '../store/open-test-db';

const HOUR = 3_600_000;
const chosenArb = fc.constantFrom<Partial<Settings>>(
  {},
  { expiryWindow: '90-days' },
  { expiryWindow: 'custom', customWindowDays: 30 },
  { expiryWindow: 'learned', learnedFloorDays: 60 },
  { warningDays: 60 },
);

/**
 * The worker's views, derived from the store's count facts and a walk over the front of the send
 * order, must be exactly what a full recomputation over every record gives: the same opening
 * page (records, left-out send times, learned window) and the same counts.
 */
describe("the worker's views at any ledger size", () => {
  it.each([
    ['people sent at scattered times', personArb],
    ['people read by a few scans, hundreds to a label', scannedPersonArb],
    ['people sent within one day at more times than the page keeps', sameDayPersonArb],
  ])(
    'equal a full recomputation from every record (%s)',
    async (_, person) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(person, { minLength: 0, maxLength: 120, size: 'large' }),
          chosenArb,
          fc.integer({ min: 1, max: 12 }),
          fc.integer({ min: 0, max: 200 * 24 }),
          async (people, change, size, hoursLater) => {
            const chosen = { ...defaultSettings(), ...change };
            const records = ledgerOf(people).sort((a, b) => (a.id < b.id ? -1 : 1));
            const now = NOW + hoursLater * HOUR;
            const db = await openTestDb();
            try {
              const backup = { format: 'lapse-backup', version: 2, exportedAt: NOW, account: '', invitations: records };
              await importBackup(db, backup, NOW + 1000 * DAY);
              const { openingPage, badge } = await deriveViews(db, chosen, now, 3, size);
              expect(openingPage).toEqual(selectOpeningPage(records, chosen, now, 3, null, size));
              expect(badge.counts).toEqual(ledgerCounts(records, resolveSettings(chosen, records), now));
            } finally {
              db.close();
            }
          },
        ),
        { numRuns: 60 },
      );
    },
    120_000,
  );
});
