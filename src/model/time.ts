import * as z from 'zod/mini';

/** A moment as epoch milliseconds. Numbers, not Dates: Chrome's runtime messaging JSON-encodes. */
export const Instant = z.number().check(z.int(), z.gte(0));
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
