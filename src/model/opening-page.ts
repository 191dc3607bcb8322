import * as z from 'zod/mini';
import { InvitationRecord } from './invitation';
import { ReadingLogEntry } from './reading';
import { Instant } from './time';

/**
 * The top of the popup's default list ("All pending"), kept by the worker in storage.session after
 * every ledger change, so the popup can draw its first rows from one small read instead of
 * opening and walking IndexedDB. It is only a head start: the popup reads the whole ledger right
 * after, and uses this only while `ledgerVersion` and `orderKey` still match (see
 * src/shared/opening-page.ts for why its rows are then exactly the list's first rows).
 */
export const OpeningPage = z.object({
  /** The ledger version (storage.local `ledgerVersion`) the records were read at; 0 before any write. */
  ledgerVersion: z.number(),
  /** The learned expiry window, in days, from the whole ledger (rules/window.ts). */
  learnedWindowDays: z.number().check(z.int(), z.gte(1)),
  /** The settings that decide which records are listed and in what order (see `orderKey`). */
  orderKey: z.string(),
  computedAt: Instant,
  /**
   * Pending, tracked records with days left at `computedAt`, earliest possible send first, then
   * by name and id. Records listed last (no send time, or past the window) are here only when
   * all the others are.
   */
  records: z.array(InvitationRecord),
  /**
   * The records left out, as far as ties can matter: for each of their first few send times
   * (`sent.earliest`), the one that sorts first by name and id. Empty when none was left out.
   */
  leftOut: z.array(z.object({ earliest: Instant, name: z.string(), id: z.string() })),
  /** `sent.earliest` of the first record left out past those, or null when there is none. */
  leftOutBeyond: z.nullable(Instant),
  lastReading: z.nullable(ReadingLogEntry),
});
export type OpeningPage = z.infer<typeof OpeningPage>;
