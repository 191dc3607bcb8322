import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OpeningPage } from '../../../src/model/opening-page';
import { buildView, firstPendingRows } from '../../../src/popup/view';
import { LEFT_OUT_SEND_TIMES, openingRecords, selectOpeningPage } from '../../../src/shared/opening-page';
import { fixedSettings } from '../../support/settings';
import { ids, ledgerOf, personArb, sameDayPersonArb, scannedPersonArb, settingsArb } from './ledger-arbitraries';
import { DAY, NOW, record } from './records';

const HOUR = 3_600_000;
describe("the popup's opening page, kept by the worker", () => {
  it.each([
    ['people sent at scattered times', personArb],
    ['people read by a few scans, hundreds to a label', scannedPersonArb],
    ['people sent within one day at more times than the page keeps', sameDayPersonArb],
  ])(
    'gives exactly the first rows of "All pending", however long after it was made the popup opens (%s)',
    (_, person) => {
      fc.assert(
        fc.property(
          // Ledgers long enough that the page is usually cut, often inside a tie.
          fc.array(person, { minLength: 5, maxLength: 80, size: 'large' }),
          settingsArb,
          fc.integer({ min: 1, max: 12 }),
          // Up to 200 days later, by the hour: through DST changes (Europe/Paris) and many expiries.
          fc.integer({ min: 0, max: 200 * 24 }),
          (people, change, size, hoursLater) => {
            const settings = { ...fixedSettings(), ...change };
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
    },
  );

  it('has rows to show right after it was made whenever the list has any', () => {
    fc.assert(
      fc.property(fc.array(personArb, { maxLength: 60 }), settingsArb, (people, change) => {
        const settings = { ...fixedSettings(), ...change };
        const records = ledgerOf(people);
        const kept = openingRecords(selectOpeningPage(records, settings, NOW, 1, null), settings, NOW, 1);
        const whole = buildView(records, settings, NOW).lists.pending;
        expect(kept === null).toBe(whole.length === 0);
      }),
    );
  });

  it('has its rows when more people share one send time than the page holds (one scan, one label)', () => {
    const settings = fixedSettings();
    const names = ['Zoë', 'Ada', 'Émile', 'bob', 'Cy'];
    const sameLabel = Array.from({ length: 2000 }, (_, i) => record(`${names[i % 5]} ${i}`, [120, 150]));
    const later = sameLabel.map((r) => ({ ...r })); // the worker's copy, as stored
    const page = selectOpeningPage(later, settings, NOW, 2, null);
    const kept = openingRecords(page, settings, NOW + 3 * DAY, 2);
    expect(kept).toHaveLength(60);
    const whole = buildView(sameLabel, settings, NOW + 3 * DAY).lists.pending;
    expect(ids(firstPendingRows(kept!, settings, NOW + 3 * DAY, 60))).toEqual(ids(whole.slice(0, 60)));
  });

  it('drops a row that could lose its tie to someone past the left-out send times it keeps', () => {
    const settings = fixedSettings();
    // Sent within hours of each other, so all have the same days left: the list goes by name.
    const first = record('Aaron', [60.6, 67.6]);
    const zeds = Array.from({ length: LEFT_OUT_SEND_TIMES }, (_, k) => record('Zed', [60.6, 67.6 - (k + 1) * 0.025]));
    const aardvark = record('Aardvark', [60.15, 67.15]);
    const ledger = [first, ...zeds, aardvark];
    expect(buildView(ledger, settings, NOW).lists.pending[0]!.record.name).toBe('Aardvark');
    const page = selectOpeningPage(ledger, settings, NOW, 4, null, 1);
    expect(page.leftOutBeyond).toBe(aardvark.sent!.earliest);
    expect(openingRecords(page, settings, NOW, 4)).toBeNull();
  });

  it('keeps the first 60 of a large ledger, not all of it, and survives storage as JSON', () => {
    const records = Array.from({ length: 2000 }, (_, i) => record(`P${i}`, [i % 170, (i % 170) + 1]));
    const page = selectOpeningPage(records, fixedSettings(), NOW, 3, null);
    expect(page.records).toHaveLength(60);
    const stored = OpeningPage.parse(JSON.parse(JSON.stringify(page)));
    expect(stored).toEqual(page);
  });

  it('is not used for another ledger version or other settings, nor with a clock set back', () => {
    const settings = fixedSettings();
    const page = selectOpeningPage([record('Ada', [10, 11])], settings, NOW, 5, null);
    expect(openingRecords(page, settings, NOW, 5)).toHaveLength(1);
    expect(openingRecords(page, settings, NOW, 6)).toBeNull();
    expect(openingRecords(page, { ...settings, expiryWindow: '90-days' }, NOW, 5)).toBeNull();
    expect(openingRecords(page, settings, NOW - DAY, 5)).toBeNull();
  });
});
