import type { SentPageReading } from '../model/reading';
import type { ParsedSentPage } from './parse';

/** More unreadable items than this share of what was looked at means the page was not understood. */
const UNREADABLE_SHARE = 0.2;
const UNREADABLE_MIN = 3;

/**
 * The parsed page as the message the background receives (epoch ms), with the two verdicts the
 * store relies on: `complete` (only then may missing invitations be marked gone) and `failed`.
 * Returns null when there is nothing to say yet: no items, no total, no words saying the list is empty
 * (the page is still rendering, and an empty reading would look like "everyone is gone").
 */
export function toReading(parsed: ParsedSentPage, url: string, observedAt: number): SentPageReading | null {
  const read = parsed.invitations.length;
  const looked = read + parsed.unreadable;
  const total = parsed.total;
  let failureReason: string | null = null;
  if (parsed.layout === null && total !== null && total > 0) {
    failureReason = `Lapse did not recognise the list on LinkedIn's page, which shows ${total} invitations.`;
  } else if (read === 0 && total !== null && total > 0) {
    failureReason = `No invitation could be read, although LinkedIn's page shows ${total}.`;
  } else if (parsed.unreadable >= Math.max(UNREADABLE_MIN, Math.ceil(looked * UNREADABLE_SHARE))) {
    failureReason =
      parsed.language === null
        ? `${parsed.unreadable} of ${looked} invitations could not be read: LinkedIn's page language was not recognised.`
        : `${parsed.unreadable} of ${looked} invitations could not be read.`;
  }
  const failed = failureReason !== null;
  if (!failed && looked === 0 && parsed.skipped === 0 && total === null && !parsed.emptyState) return null;

  // When the page shows a total, believe it: a list that looks ended but holds fewer people may be
  // virtualised or half-rendered, and calling it complete would mark the rest gone.
  // An empty list is complete only when LinkedIn says so with a count of 0: words like "No pending
  // invitations" may belong to the page the user is leaving (the Received tab, mid-navigation),
  // and a complete empty reading would mark everyone gone.
  // Without a total, the list must visibly have ended: nothing more to load, not a later page of a
  // paged list, not loading (asked last: each of these looks over the whole page).
  const complete =
    !failed &&
    (total !== null
      ? read >= total
      : read > 0 && parsed.unreadable === 0 && !parsed.hasMore && !parsed.laterPage && !parsed.loading);

  return {
    url: url.slice(0, 2000),
    observedAt,
    // Until the content script tracks when its list was loaded, the look itself is the best it knows.
    loadedAt: observedAt,
    language: parsed.language,
    invitations: parsed.invitations.map((i) => ({
      profileUrl: i.profileUrl,
      name: i.name,
      headline: i.headline,
      sentLabel: i.sentLabel,
      sent: i.sent ? { earliest: i.sent.earliest.getTime(), latest: i.sent.latest.getTime() } : null,
      inviteMessage: i.inviteMessage,
    })),
    total,
    skipped: parsed.skipped,
    unreadable: parsed.unreadable,
    complete,
    failed,
    failureReason,
  };
}

/** What makes two readings the same for the background (the time of the look does not). */
export function readingKey(reading: SentPageReading): string {
  return JSON.stringify([
    reading.url,
    reading.total,
    reading.skipped,
    reading.unreadable,
    reading.complete,
    reading.failed,
    reading.language,
    reading.invitations.map((i) => [i.profileUrl, i.name, i.headline, i.sentLabel, i.inviteMessage]),
  ]);
}
