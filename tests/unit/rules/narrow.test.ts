import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Interval } from '../../../src/model/time';
import { labelToInterval } from '../../../src/rules/label-interval';
import { narrow, within } from '../../../src/rules/narrow';

const DAY = 86_400_000;
const AT = Date.UTC(2026, 4, 20, 9, 30);
const between = (earliest: number, latest: number): Interval => ({ earliest, latest });

describe('narrow: table', () => {
  it('with nothing known, the observation is what we know', () => {
    expect(narrow(null, between(10, 20), AT)).toEqual({ interval: between(10, 20), conflict: null });
  });

  it('two overlapping observations keep only what both allow', () => {
    expect(narrow(between(10, 30), between(20, 40), AT)).toEqual({ interval: between(20, 30), conflict: null });
  });

  it('an observation inside what is known replaces it', () => {
    expect(narrow(between(10, 40), between(20, 30), AT).interval).toEqual(between(20, 30));
  });

  it('intervals that touch at one moment narrow to that moment', () => {
    expect(narrow(between(10, 20), between(20, 30), AT)).toEqual({ interval: between(20, 20), conflict: null });
  });

  it('"3 weeks ago" seen ten days after "2 weeks ago" narrows the send date to 10.5–18 days before the first look', () => {
    const first = labelToInterval({ kind: 'ago', count: 2, unit: 'week' }, AT);
    const second = labelToInterval({ kind: 'ago', count: 3, unit: 'week' }, AT + 10 * DAY);
    const { interval, conflict } = narrow(first, second, AT + 10 * DAY);
    expect(conflict).toBeNull();
    expect((AT - interval.latest) / DAY).toBeCloseTo(10.5, 6);
    expect((AT - interval.earliest) / DAY).toBeCloseTo(18, 6);
  });

  it('contradicting observations keep the newer and report the older as rejected', () => {
    const known = between(10, 20);
    const observed = between(30, 40);
    expect(narrow(known, observed, AT)).toEqual({
      interval: observed,
      conflict: { at: AT, kept: observed, rejected: known },
    });
  });

  it('never shares objects with its inputs (the store may mutate what it keeps)', () => {
    const observed = between(10, 20);
    const result = narrow(null, observed, AT);
    expect(result.interval).not.toBe(observed);
  });

  it('an inverted observation (corrupt data) is read with its ends in order, never returned inverted', () => {
    expect(narrow(null, between(30, 10), AT).interval).toEqual(between(10, 30));
    expect(narrow(between(0, 100), between(30, 10), AT).interval).toEqual(between(10, 30));
  });

  it('an inverted known interval (corrupt record) is read with its ends in order', () => {
    expect(narrow(between(40, 20), between(10, 30), AT)).toEqual({ interval: between(20, 30), conflict: null });
  });
});

const instant = fc.integer({ min: 0, max: Date.UTC(2040, 0, 1) });
const interval = fc.tuple(instant, instant).map(([a, b]) => between(Math.min(a, b), Math.max(a, b)));
/** Intervals close together, so that overlaps and conflicts both come up often. */
const nearby = fc
  .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }))
  .map(([a, b]) => between(Math.min(a, b), Math.max(a, b)));
const anyInterval = fc.oneof(interval, nearby);
/** Any pair of numbers, in any order: what a corrupt record could hold. */
const rawInterval = fc.tuple(instant, instant).map(([a, b]) => between(a, b));

describe('narrow: properties', () => {
  it('never widens: the result lies within the observation, and within what was known unless they conflict', () => {
    fc.assert(
      fc.property(nearby, nearby, (known, observed) => {
        const { interval: result, conflict } = narrow(known, observed, AT);
        expect(within(result, observed)).toBe(true);
        if (conflict === null) expect(within(result, known)).toBe(true);
      }),
    );
  });

  it('reports a conflict exactly when the two cannot both hold', () => {
    fc.assert(
      fc.property(anyInterval, anyInterval, (known, observed) => {
        const disjoint = known.latest < observed.earliest || observed.latest < known.earliest;
        const { conflict } = narrow(known, observed, AT);
        expect(conflict !== null).toBe(disjoint);
        if (conflict) expect(conflict).toEqual({ at: AT, kept: observed, rejected: known });
      }),
    );
  });

  it('without a conflict, order does not matter', () => {
    fc.assert(
      fc.property(anyInterval, anyInterval, (a, b) => {
        const ab = narrow(a, b, AT);
        fc.pre(ab.conflict === null);
        expect(narrow(b, a, AT).interval).toEqual(ab.interval);
      }),
    );
  });

  it('seeing the same observation again changes nothing', () => {
    fc.assert(
      fc.property(fc.option(anyInterval, { nil: null }), anyInterval, (known, observed) => {
        const once = narrow(known, observed, AT).interval;
        expect(narrow(once, observed, AT)).toEqual({ interval: once, conflict: null });
      }),
    );
  });

  it('a series of observations that all contain the true send time never conflicts and keeps containing it', () => {
    fc.assert(
      fc.property(
        instant,
        fc.array(fc.tuple(fc.nat(30 * DAY), fc.nat(30 * DAY)), { minLength: 1, maxLength: 10 }),
        (sent, widths) => {
          let known: Interval | null = null;
          for (const [before, after] of widths) {
            const { interval: next, conflict } = narrow(known, between(Math.max(0, sent - before), sent + after), AT);
            expect(conflict).toBeNull();
            expect(next.earliest <= sent && sent <= next.latest).toBe(true);
            known = next;
          }
        },
      ),
    );
  });

  it('never throws and never returns an inverted interval, even from corrupt inputs', () => {
    fc.assert(
      fc.property(fc.option(rawInterval, { nil: null }), rawInterval, instant, (known, observed, at) => {
        const { interval: result, conflict } = narrow(known, observed, at);
        expect(result.earliest).toBeLessThanOrEqual(result.latest);
        if (conflict) {
          expect(conflict.kept.earliest).toBeLessThanOrEqual(conflict.kept.latest);
          expect(conflict.rejected.earliest).toBeLessThanOrEqual(conflict.rejected.latest);
        }
      }),
    );
  });
});
