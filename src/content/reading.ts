import type { ReadingFailure, SentPageReading } from '../model/reading';
import { MAX_READ_INVITATIONS } from '../model/reading-limits';
import { MAX_DEPTH } from './dom-read';
import type { ParsedSentPage } from './parse';
import { carriesSentWord } from './words';

/** More unreadable items than this share of what was looked at means the page was not understood. */
const UNREADABLE_SHARE = 0.2;
const UNREADABLE_MIN = 3;

/** Why the parsed page cannot be believed, or null when it can. */
function failureOf(parsed: ParsedSentPage): ReadingFailure | null {
  const read = parsed.invitations.length;
  const looked = read + parsed.unreadable;
  const total = parsed.total ?? 0;
  if (read > MAX_READ_INVITATIONS) return { code: 'too-many', read, max: MAX_READ_INVITATIONS };
  if (parsed.tooDeep) return { code: 'too-deep', depth: MAX_DEPTH };
  if (parsed.layout === null && total > 0) return { code: 'list-not-recognised', total };
  if (read === 0 && total > 0) return { code: 'none-read', total };
  if (parsed.unreadable >= Math.max(UNREADABLE_MIN, Math.ceil(looked * UNREADABLE_SHARE))) {
    return { code: 'unreadable', unreadable: parsed.unreadable, looked, languageKnown: parsed.language !== null };
  }
  return null;
}

/**
 * Cards are Sent cards when one of them carries a Sent label ("Sent 3 weeks ago") in the page's
 * language. The Received list, still on screen while LinkedIn moves between tabs, has names and
 * a "People (N)" count but no such label: read as Sent, it would mark everyone else gone.
 */
function showsSentLabels(parsed: ParsedSentPage): boolean {
  const language = parsed.language;
  return language !== null && parsed.invitations.some((i) => i.sent && carriesSentWord(i.sentLabel, language));
}

/**
 * The parsed page as the message the background receives, with the two verdicts the
 * store relies on: `complete` (only then may missing invitations be marked gone) and `failed`.
 * `loadedAt` is when the list was last loaded from LinkedIn (see SentPageReading).
 * Returns null when there is nothing to say: no items, no total, no words saying the list is empty
 * (the page is still rendering, and an empty reading would look like "everyone is gone"), or
 * cards in a known language none of which carries a Sent label (not the Sent list).
 */
export function toReading(
  parsed: ParsedSentPage,
  url: string,
  observedAt: number,
  loadedAt: number,
): SentPageReading | null {
  const read = parsed.invitations.length;
  let failure = failureOf(parsed);
  if (read > 0 && !showsSentLabels(parsed)) {
    if (parsed.language !== null) return null;
    failure ??= { code: 'language-not-recognised', read };
  }
  const failed = failure !== null;
  if (
    !failed &&
    read + parsed.unreadable === 0 &&
    parsed.skipped === 0 &&
    parsed.total === null &&
    !parsed.emptyState
  ) {
    return null;
  }
  const reading = failure
    ? failedReading(url, observedAt, loadedAt, failure)
    : { ...failedReading(url, observedAt, loadedAt, null), complete: isComplete(parsed), failed: false };
  return {
    ...reading,
    language: parsed.language,
    // Too many to send would say nothing at all: the failure is sent without them.
    invitations: read > MAX_READ_INVITATIONS ? [] : parsed.invitations,
    total: parsed.total,
    skipped: parsed.skipped,
    unreadable: parsed.unreadable,
  };
}

/**
 * When the page shows a total, believe it: a list that looks ended but holds fewer people may be
 * virtualised or half-rendered, and calling it complete would mark the rest gone.
 * An empty list is complete only when LinkedIn says so with a count of 0: words like "No pending
 * invitations" may belong to the page the user is leaving (the Received tab, mid-navigation),
 * and a complete empty reading would mark everyone gone.
 * Without a total, the list must visibly have ended: nothing more to load, not a later page of a
 * paged list, not loading (asked last: each of these looks over the whole page).
 */
function isComplete(parsed: ParsedSentPage): boolean {
  const read = parsed.invitations.length;
  return parsed.total !== null
    ? read >= parsed.total
    : read > 0 && parsed.unreadable === 0 && !parsed.hasMore && !parsed.laterPage && !parsed.loading;
}

/** A reading that changes nothing and tells the popup why (failure null: a blank to fill in). */
export function failedReading(
  url: string,
  observedAt: number,
  loadedAt: number,
  failure: ReadingFailure | null,
): SentPageReading {
  return {
    url: url.slice(0, 2000),
    observedAt,
    loadedAt: Math.min(loadedAt, observedAt),
    language: null,
    invitations: [],
    total: null,
    skipped: 0,
    unreadable: 0,
    complete: false,
    failed: failure !== null,
    failure,
  };
}

/** What makes two readings the same for the background (the time of the look does not). */
export function readingKey(reading: SentPageReading): string {
  return JSON.stringify([
    reading.url,
    reading.loadedAt,
    reading.total,
    reading.skipped,
    reading.unreadable,
    reading.complete,
    reading.failed,
    reading.language,
    reading.account ?? null,
    reading.invitations.map((i) => [i.profileUrl, i.name, i.headline, i.sentLabel, i.inviteMessage]),
  ]);
}
