import type { InvitationRecord } from '../model/invitation';
import type { OpeningPage } from '../model/opening-page';
import type { ReadingLogEntry } from '../model/reading';
import type { Settings } from '../model/settings';
import {
  daysLeft,
  expiryFigures,
  lastListedAt,
  learnedWindowDays,
  mayHaveLapsed,
  type ResolvedSettings,
  recordExpiry,
  resolveWith,
  standingOf,
} from '../rules';
import { byNameThenId } from './name-order';

/**
 * The popup's head start (model/opening-page.ts), pure: the worker selects it, the popup turns it
 * into first rows. Why the rows are exact, at any later `now`, while the ledger is unchanged:
 * - "All pending" holds pending, tracked records not (maybe) expired, sorted by pessimistic days
 *   left — which only grows with `sent.earliest` — then by name, then id; records without days
 *   left (no send time, or past the window while still listed) come last, by name.
 * - Time only removes records from its front (they expire, earliest send first), never adds any:
 *   `past-window` depends on the ledger and settings alone, not on the clock.
 * - The page keeps the first records by (`sent.earliest`, name, id). Every record left out has a
 *   send time no earlier than theirs, so a kept record comes first unless they tie on days left;
 *   a tie goes by name and id, and the page keeps, for the first few send times left out, the
 *   record that sorts first among each. A kept record that may lose a tie is dropped.
 * - One scan reads hundreds of people under the same coarse label ("Sent 5 months ago"): they
 *   share one send interval, so ties far larger than the page are the usual case, not the odd one.
 */

/** Records kept: the popup's first page (50 rows) and some that may expire before it opens. */
export const OPENING_PAGE_SIZE = 60;

/** The settings that decide which records "All pending" lists and in which order. */
export function orderKey(settings: ResolvedSettings): string {
  return JSON.stringify([settings.expiryWindow, settings.customWindowDays, settings.warningDays]);
}

/** Pending and tracked: listed in "All pending", or under "Expired" once its window may have passed. */
function tracked(record: InvitationRecord): boolean {
  return record.status === 'pending' && !record.hidden;
}

/** Send times of left-out records kept as tie-breaks: a handful covers the ties of a day. */
export const LEFT_OUT_SEND_TIMES = 16;

const at = (earliest: number) => ({ earliest, latest: earliest });

/**
 * Where a record goes in "All pending" (tracked, pending as every count has it): placed by days
 * left (`dated`), listed last (no send time, or past the window), or not in the list (null).
 */
function placeOf(record: InvitationRecord, settings: ResolvedSettings, now: number): 'dated' | 'last' | null {
  if (!tracked(record)) return null;
  const expiry = recordExpiry(record, settings, now);
  if (standingOf(record, expiry) !== 'pending') return null;
  return record.sent !== null && expiry !== 'past-window' ? 'dated' : 'last';
}

/** What the worker stores after a ledger change: the front of "All pending" at `now`. */
export function selectOpeningPage(
  records: readonly InvitationRecord[],
  chosen: Settings,
  now: number,
  ledgerVersion: number,
  lastReading: ReadingLogEntry | null,
  size = OPENING_PAGE_SIZE,
): OpeningPage {
  const learned = learnedWindowDays(records, chosen.learnedFloorDays);
  const stamp = { now, ledgerVersion, lastReading, learnedWindowDays: learned };
  return openingPageOf(records, resolveWith(chosen, learned), stamp, size);
}

export type OpeningStamp = Pick<OpeningPage, 'ledgerVersion' | 'learnedWindowDays' | 'lastReading'> & { now: number };

/**
 * The opening page from `candidates`: every pending record of the ledger, or (when more than the
 * page are listed) only those the walk below took. `settings` carry the whole ledger's learned window.
 */
export function openingPageOf(
  candidates: readonly InvitationRecord[],
  settings: ResolvedSettings,
  { now, ledgerVersion, lastReading, learnedWindowDays: learned }: OpeningStamp,
  size = OPENING_PAGE_SIZE,
): OpeningPage {
  const dated: InvitationRecord[] = [];
  const last: InvitationRecord[] = [];
  for (const record of candidates) {
    const place = placeOf(record, settings, now);
    if (place) (place === 'dated' ? dated : last).push(record);
  }
  dated.sort((a, b) => a.sent!.earliest - b.sent!.earliest || byNameThenId(a, b));
  // Small enough to keep whole: the records listed last come too.
  if (dated.length + last.length <= size) return page([...dated, ...last], [], null);
  const leftOut: OpeningPage['leftOut'] = [];
  let leftOutBeyond: number | null = null;
  for (let i = size; i < dated.length; i++) {
    const { name, id, sent } = dated[i]!;
    // The first of each send time is the one that sorts first among them.
    if (i > size && sent!.earliest === dated[i - 1]!.sent!.earliest) continue;
    if (leftOut.length === LEFT_OUT_SEND_TIMES) {
      leftOutBeyond = sent!.earliest;
      break;
    }
    leftOut.push({ earliest: sent!.earliest, name, id });
  }
  return page(dated.slice(0, size), leftOut, leftOutBeyond);

  function page(kept: InvitationRecord[], out: OpeningPage['leftOut'], beyond: number | null): OpeningPage {
    return {
      ledgerVersion,
      learnedWindowDays: learned,
      orderKey: orderKey(settings),
      computedAt: now,
      records: kept,
      leftOut: out,
      leftOutBeyond: beyond,
      lastReading,
    };
  }
}

/**
 * Takes pending records in send order (`sent.earliest`, earliest first, as the store's index
 * hands them) until it holds everything the opening page is made of: the first `size` dated
 * records of "All pending", and whole groups of equal send times after them up to the last one
 * the page may name (its left-out send times and the one beyond). `take` returns false then.
 */
export function openingWalk(settings: ResolvedSettings, now: number, size = OPENING_PAGE_SIZE) {
  const taken: InvitationRecord[] = [];
  let groupsAfter = 0;
  return {
    taken,
    take(record: InvitationRecord): boolean {
      if (placeOf(record, settings, now) !== 'dated') return true;
      const earliest = record.sent!.earliest;
      if (taken.length >= size && earliest !== taken[taken.length - 1]!.sent!.earliest) {
        groupsAfter++;
        if (groupsAfter > LEFT_OUT_SEND_TIMES + 1) return false;
      }
      taken.push(record);
      return true;
    },
  };
}

/**
 * The records that open "All pending" at `now` (for the popup's firstPendingRows), or null when
 * this page cannot say: made for another ledger or other settings, or nothing left of it.
 */
export function openingRecords(
  page: OpeningPage,
  settings: ResolvedSettings,
  now: number,
  ledgerVersion: number,
): InvitationRecord[] | null {
  if (page.ledgerVersion !== ledgerVersion || page.orderKey !== orderKey(settings)) return null;
  // A clock set back could make live again what had expired when the page was made.
  if (now < page.computedAt) return null;
  const leftOutDays = page.leftOut.map((first) => daysLeft(at(first.earliest), settings, now));
  const beyondDays =
    page.leftOutBeyond === null ? Number.POSITIVE_INFINITY : daysLeft(at(page.leftOutBeyond), settings, now);
  /** Sorts before every record left out: fewer days left than theirs, or wins the tie. */
  const ahead = (record: InvitationRecord, days: number): boolean => {
    for (let i = 0; i < leftOutDays.length; i++) {
      // This send time and all later ones have more days left.
      if (leftOutDays[i]! > days) return true;
      if (byNameThenId(record, page.leftOut[i]!) >= 0) return false;
    }
    return beyondDays > days;
  };
  const kept = page.records.filter((record) => {
    if (!tracked(record)) return false;
    // Records listed last are on the page only when nothing was left out.
    if (record.sent === null) return true;
    // inPendingList and the days left, the window added once.
    const { status, daysLeft: days } = expiryFigures(record.sent, settings, now, lastListedAt(record));
    if (days === null) return true;
    return !mayHaveLapsed(status) && ahead(record, days);
  });
  return kept.length > 0 ? kept : null;
}
