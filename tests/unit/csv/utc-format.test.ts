import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcFormat } from '../../../src/shared/csv';
import { referenceIsoDate, referenceIsoTime } from './reference-csv';

const DAY = 86_400_000;
/** The range of a Date, either side of 1970. */
const LAST = 8.64e15;
const YEAR_10000 = Date.UTC(10000, 0, 1);

/**
 * The export's dates come from a per-day cache and its times from the day plus arithmetic: they
 * must equal the plain toISOString forms, whichever moment came first to fill the cache.
 */
describe('utcFormat (the fast path) writes what toISOString writes (the slow path)', () => {
  it.each([
    ['the epoch', 0],
    ['its last millisecond of day one', DAY - 1],
    ['the next day', DAY],
    ['a second before midnight', Date.UTC(2026, 4, 14, 23, 59, 59, 999)],
    ['a leap day', Date.UTC(2024, 1, 29, 12, 0, 0, 1)],
    ['the last moment before year 10000', YEAR_10000 - 1],
    ['year 10000, which toISOString writes as +010000', YEAR_10000],
    ['the last moment a Date holds', LAST],
    ['before 1970', -1],
    ['the first moment a Date holds', -LAST],
  ])('%s', (_, ms) => {
    const utc = utcFormat();
    expect([utc.date(ms), utc.time(ms), utc.date(ms)]).toEqual([
      referenceIsoDate(ms),
      referenceIsoTime(ms),
      referenceIsoDate(ms),
    ]);
  });

  it('for any moments, in any order, some on the same day (property)', () => {
    const moment = fc.oneof(fc.integer({ min: -LAST, max: LAST }), fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }));
    const moments = fc
      .tuple(moment, fc.array(fc.integer({ min: -2 * DAY, max: 2 * DAY }), { maxLength: 8 }), fc.array(moment))
      .map(([base, offsets, others]) => [
        ...offsets.map((offset) => Math.max(-LAST, Math.min(LAST, base + offset))),
        ...others,
      ]);
    fc.assert(
      fc.property(moments, (list) => {
        const utc = utcFormat();
        for (const ms of list) {
          expect(utc.date(ms)).toBe(referenceIsoDate(ms));
          expect(utc.time(ms)).toBe(referenceIsoTime(ms));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
