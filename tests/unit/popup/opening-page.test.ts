import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OpeningPage } from '../../../src/model/opening-page';
import { defaultSettings } from '../../../src/model/settings';
import { buildView, firstPendingRows } from '../../../src/popup/view';
import { openingRecords, selectOpeningPage } from '../../../src/shared/opening-page';
import { ids, ledgerOf, personArb, settingsArb } from './ledger-arbitraries';
import { DAY, NOW, record } from './records';

const HOUR = 3_600_000;
describe("the popup's opening page, kept by the worker", () => {
  it('gives exactly the first rows of "All pending", however long after it was made the popup opens', () => {
    fc.assert(
      fc.property(
        // Ledgers long enough that the page is usually cut, often inside a tie.
        fc.array(personArb, { minLength: 5, maxLength: 80, size: 'large' }),
        settingsArb,
        fc.integer({ min: 1, max: 12 }),
        // Up to 200 days later, by the hour: through DST changes (Europe/Paris) and many expiries.
        fc.integer({ min: 0, max: 200 * 24 }),
        (people, change, size, hoursLater) => {
          const settings = { ...defaultSettings(), ...change };
          const records = ledgerOf(people);
          const page = selectOpeningPage(records, settings, NOW, 7, null, size);
          const later = NOW + hoursLater * HOUR;
          const kept = openingRecords(page, settings, later, 7);
          const whole = buildView(records, settings, later).lists.pending;
          if (kept === null) return;
          const rows = firstPendingRows(kept, settings, later, kept.length);
          expect(ids(rows)).toEqual(ids(whole.slice(0, rows.length)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('has rows to show right after it was made whenever the list has any', () => {
    fc.assert(
      fc.property(fc.array(personArb, { maxLength: 60 }), settingsArb, (people, change) => {
        const settings = { ...defaultSettings(), ...change };
        const records = ledgerOf(people);
        const kept = openingRecords(selectOpeningPage(records, settings, NOW, 1, null), settings, NOW, 1);
        const whole = buildView(records, settings, NOW).lists.pending;
        expect(kept === null).toBe(whole.length === 0);
      }),
    );
  });

  it('keeps the first 60 of a large ledger, not all of it, and survives storage as JSON', () => {
    const records = Array.from({ length: 2000 }, (_, i) => record(`P${i}`, [i % 170, (i % 170) + 1]));
    const page = selectOpeningPage(records, defaultSettings(), NOW, 3, null);
    expect(page.records).toHaveLength(60);
    const stored = OpeningPage.parse(JSON.parse(JSON.stringify(page)));
    expect(stored).toEqual(page);
  });

  it('is not used for another ledger version or other settings, nor with a clock set back', () => {
    const settings = defaultSettings();
    const page = selectOpeningPage([record('Ada', [10, 11])], settings, NOW, 5, null);
    expect(openingRecords(page, settings, NOW, 5)).toHaveLength(1);
    expect(openingRecords(page, settings, NOW, 6)).toBeNull();
    expect(openingRecords(page, { ...settings, expiryWindow: '90-days' }, NOW, 5)).toBeNull();
    expect(openingRecords(page, settings, NOW - DAY, 5)).toBeNull();
  });
});
