import * as z from 'zod/mini';

/**
 * The moments a ledger can hold: LinkedIn opened in 2003, and from year 10000 on a date has no
 * four-digit ISO form (the CSV's dates, Insights' axes). Anything outside is corrupt or hostile
 * and is refused at the boundary, before it can break a page that draws it.
 */
export const EARLIEST_INSTANT = Date.UTC(2003, 0, 1);
export const LATEST_INSTANT = Date.UTC(10000, 0, 1) - 1;

/** A moment as epoch milliseconds. Numbers, not Dates: Chrome's runtime messaging JSON-encodes. */
export const Instant = z
  .number()
  .check(
    z.int(),
    z.gte(EARLIEST_INSTANT, { message: 'must be a moment in the years 2003 to 9999' }),
    z.lte(LATEST_INSTANT, { message: 'must be a moment in the years 2003 to 9999' }),
  );
export type Instant = z.infer<typeof Instant>;

/**
 * When something happened, as honestly as we know it: some moment in [earliest, latest].
 * LinkedIn only shows coarse relative labels, so a send date is always an interval.
 */
export const Interval = z.object({ earliest: Instant, latest: Instant }).check(
  z.refine((i) => i.earliest <= i.latest, {
    message: 'earliest must not be after latest',
    path: ['earliest'],
  }),
);
export type Interval = z.infer<typeof Interval>;
