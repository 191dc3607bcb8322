import type { InvitationRecord } from '../model/invitation';
import type { OpeningPage } from '../model/opening-page';
import type { ReadingLogEntry } from '../model/reading';
import type { Settings } from '../model/settings';
import { daysLeft, expiryStatus } from '../rules';

/**
 * The popup's head start (model/opening-page.ts), pure: the worker selects it, the popup turns it
 * into first rows. Why the rows are exact, at any later `now`, while the ledger is unchanged:
 * - "All pending" holds pending, tracked records not (maybe) expired, sorted by pessimistic days
 *   left, which only grows with `sent.earliest`; ties go by name.
 * - Time only removes records from its front (they expire, earliest send first), never adds any.
 * - So the stored records, minus those expired since, are the front of the list, except for
 *   records tied with the first one left out: those are dropped, as the tie may go either way.
 */

/** Records kept: the popup's first page (50 rows) and some that may expire before it opens. */
export const OPENING_PAGE_SIZE = 60;

/** The settings that decide which records "All pending" lists and in which order. */
export function orderKey(settings: Settings): string {
  return JSON.stringify([settings.expiryWindow, settings.customWindowDays, settings.warningDays]);
}

/** In "All pending" at `now`: pending, tracked, and its window not (maybe) passed — else "Expired". */
export function inPendingList(record: InvitationRecord, settings: Settings, now: number): boolean {
  if (record.status !== 'pending' || record.hidden) return false;
  const expiry = expiryStatus(record.sent, settings, now);
  return expiry !== 'expired' && expiry !== 'maybe-expired';
}

/** What the worker stores after a ledger change: the front of "All pending" at `now`. */
export function selectOpeningPage(
  records: readonly InvitationRecord[],
  settings: Settings,
  now: number,
  ledgerVersion: number,
  lastReading: ReadingLogEntry | null,
  size = OPENING_PAGE_SIZE,
): OpeningPage {
  const live = records.filter((record) => inPendingList(record, settings, now));
  const dated = live.filter((record) => record.sent !== null);
  // The index's order: sent.earliest, then the key.
  dated.sort((a, b) => a.sent!.earliest - b.sent!.earliest || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const whole = live.length <= size;
  return {
    ledgerVersion,
    orderKey: orderKey(settings),
    computedAt: now,
    // Small enough to keep whole: the records without a send time (listed last) come too.
    records: whole ? [...dated, ...live.filter((record) => record.sent === null)] : dated.slice(0, size),
    nextEarliest: dated.length > size ? dated[size]!.sent!.earliest : null,
    lastReading,
  };
}

/**
 * The records that open "All pending" at `now` (for the popup's firstPendingRows), or null when
 * this page cannot say: made for another ledger or other settings, or nothing left of it.
 */
export function openingRecords(
  page: OpeningPage,
  settings: Settings,
  now: number,
  ledgerVersion: number,
): InvitationRecord[] | null {
  if (page.ledgerVersion !== ledgerVersion || page.orderKey !== orderKey(settings)) return null;
  // A clock set back could make live again what had expired when the page was made.
  if (now < page.computedAt) return null;
  // Records left out sort no earlier than this: rows on or after it may tie with them.
  const bound =
    page.nextEarliest === null
      ? Number.POSITIVE_INFINITY
      : daysLeft({ earliest: page.nextEarliest, latest: page.nextEarliest }, settings, now);
  const kept = page.records.filter(
    (record) =>
      inPendingList(record, settings, now) && (record.sent === null || daysLeft(record.sent, settings, now) < bound),
  );
  return kept.length > 0 ? kept : null;
}
