import type { InvitationRecord } from '../model/invitation';
import { type ExpiryStatus, expiryStatus, mayHaveLapsed, type ResolvedSettings, surelyOlderThanDays } from './expiry';
import { activeSnooze } from './follow-ups';
import { lastListedAt } from './window';

/**
 * Where an invitation stands for every list and count a user sees:
 * - `pending`: LinkedIn lists it as far as the evidence goes (its window not passed, or the page
 *   listed it after the window: `past-window`);
 * - `lapsed`: pending in the ledger, but its window may have passed with no sighting since;
 * - `resolved`: gone from the Sent page, accepted or withdrawn.
 */
export type Standing = 'pending' | 'lapsed' | 'resolved';

export function standingOf(record: Pick<InvitationRecord, 'status'>, expiry: ExpiryStatus | null): Standing {
  if (record.status !== 'pending') return 'resolved';
  return mayHaveLapsed(expiry) ? 'lapsed' : 'pending';
}

/** The expiry status of a record as every surface computes it: null unless pending. */
export function recordExpiry(record: InvitationRecord, settings: ResolvedSettings, now: number): ExpiryStatus | null {
  return record.status === 'pending' ? expiryStatus(record.sent, settings, now, lastListedAt(record)) : null;
}

/**
 * Counted by the badge: pending as far as the evidence goes, tracked, and surely at least `weeks`
 * weeks old — never an invitation that might be younger, nor one that may have lapsed.
 */
export function olderThanBadge(
  record: InvitationRecord,
  standing: Standing,
  settings: Pick<ResolvedSettings, 'badgeWeeks'>,
  now: number,
): boolean {
  return (
    standing === 'pending' &&
    !record.hidden &&
    record.sent !== null &&
    surelyOlderThanDays(record.sent, settings.badgeWeeks * 7, now)
  );
}

/** Every figure the popup header, its lists, the badge, Insights and the CSV show about the ledger. */
export interface LedgerCounts {
  /** Tracked records by standing: "All pending", "Expired" and "Resolved" hold exactly these. */
  pending: number;
  lapsed: number;
  resolved: number;
  /**
   * Of the pending: could lapse within the warning window and not snoozed ("act this week"). A row
   * the user snoozed ("remind me on…") joins it again on that date; byExpiry still counts it.
   */
  nearing: number;
  /** Of the pending: snoozed until a later date (out of the act-on group until then). */
  snoozed: number;
  /** Of the pending: LinkedIn listed them after the window had surely closed. */
  pastWindow: number;
  /** The badge's number. */
  olderThanBadge: number;
  /** Records the user stopped tracking: in no list and no count above. */
  hidden: number;
  /** Of those, pending as far as the evidence goes: LinkedIn counts them against its cap. */
  hiddenPending: number;
  /** Tracked pending-in-the-ledger records by expiry status (the CSV's expiry_status column). */
  byExpiry: Record<ExpiryStatus, number>;
}

function emptyByExpiry(): Record<ExpiryStatus, number> {
  return {
    fresh: 0,
    waiting: 0,
    'follow-up': 0,
    nearing: 0,
    'past-window': 0,
    'maybe-expired': 0,
    expired: 0,
    unknown: 0,
  };
}

/** What counting needs of one record: the rules' verdicts on it, and whether it is tracked. */
export interface Counted {
  hidden: boolean;
  expiry: ExpiryStatus | null;
  standing: Standing;
  olderThanBadge: boolean;
  /** The user snoozed it until a moment still ahead. */
  snoozed: boolean;
}

export function countedOf(record: InvitationRecord, settings: ResolvedSettings, now: number): Counted {
  const expiry = recordExpiry(record, settings, now);
  const standing = standingOf(record, expiry);
  return {
    hidden: record.hidden,
    expiry,
    standing,
    olderThanBadge: olderThanBadge(record, standing, settings, now),
    snoozed: activeSnooze(record, now) !== null,
  };
}

/**
 * The figures from verdicts already reached: for callers that assessed every record anyway (the
 * popup's lists), so nothing is worked out twice. Everyone else calls ledgerCounts.
 */
export function tally(items: Iterable<Counted>): LedgerCounts {
  const counts: LedgerCounts = {
    pending: 0,
    lapsed: 0,
    resolved: 0,
    nearing: 0,
    snoozed: 0,
    pastWindow: 0,
    olderThanBadge: 0,
    hidden: 0,
    hiddenPending: 0,
    byExpiry: emptyByExpiry(),
  };
  for (const item of items) {
    if (item.hidden) {
      counts.hidden++;
      if (item.standing === 'pending') counts.hiddenPending++;
      continue;
    }
    counts[item.standing]++;
    if (item.expiry !== null) counts.byExpiry[item.expiry]++;
    if (item.olderThanBadge) counts.olderThanBadge++;
    if (item.standing === 'pending' && item.snoozed) counts.snoozed++;
    else if (item.expiry === 'nearing') counts.nearing++;
  }
  counts.pastWindow = counts.byExpiry['past-window'];
  return counts;
}

/** The one function every count a user sees comes from. */
export function ledgerCounts(
  records: readonly InvitationRecord[],
  settings: ResolvedSettings,
  now: number,
): LedgerCounts {
  return tally(records.map((record) => countedOf(record, settings, now)));
}
