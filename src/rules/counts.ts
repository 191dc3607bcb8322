import type { CountFacts, FactGroup } from '../model/count-facts';
import type { InvitationRecord } from '../model/invitation';
import type { Settings } from '../model/settings';
import { type ExpiryStatus, expiryStatus, mayHaveLapsed, type ResolvedSettings, surelyOlderThanDays } from './expiry';
import { activeSnooze } from './follow-ups';
import { lastListedAt, learnedWindowFromFacts, resolveWith, youngestDaysListed } from './window';

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

/** The facts of one record that counts depend on (model/count-facts.ts). */
export function countFactsOf(record: InvitationRecord): CountFacts {
  const listedAt = lastListedAt(record);
  const listedDays = record.sent === null || listedAt === null ? null : youngestDaysListed(record.sent, listedAt);
  // A resolved invitation counts as resolved, whatever its dates: only what it teaches the
  // learned window is kept, so years of history fall into a few groups.
  if (record.status !== 'pending') {
    return { pending: false, hidden: record.hidden, sent: null, listedAt: null, snoozedUntil: null, listedDays };
  }
  return {
    pending: true,
    hidden: record.hidden,
    sent: record.sent,
    listedAt,
    snoozedUntil: record.snoozedUntil ?? null,
    listedDays,
  };
}

/** The same string for equal facts: how the store files each group. */
export function factsKey(facts: CountFacts): string {
  return JSON.stringify([
    facts.pending,
    facts.hidden,
    facts.sent?.earliest ?? null,
    facts.sent?.latest ?? null,
    facts.listedAt,
    facts.snoozedUntil,
    facts.listedDays,
  ]);
}

function expiryOfFacts(facts: CountFacts, settings: ResolvedSettings, now: number): ExpiryStatus | null {
  return facts.pending ? expiryStatus(facts.sent, settings, now, facts.listedAt) : null;
}

/** The expiry status of a record as every surface computes it: null unless pending. */
export function recordExpiry(record: InvitationRecord, settings: ResolvedSettings, now: number): ExpiryStatus | null {
  return expiryOfFacts(countFactsOf(record), settings, now);
}

/**
 * Counted by the badge: pending as far as the evidence goes, tracked, and surely at least `weeks`
 * weeks old — never an invitation that might be younger, nor one that may have lapsed.
 */
export function olderThanBadge(
  record: Pick<CountFacts, 'hidden' | 'sent'>,
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

function countedOfFacts(facts: CountFacts, settings: ResolvedSettings, now: number): Counted {
  const expiry = expiryOfFacts(facts, settings, now);
  const standing = standingOf({ status: facts.pending ? 'pending' : 'gone' }, expiry);
  return {
    hidden: facts.hidden,
    expiry,
    standing,
    olderThanBadge: olderThanBadge(facts, standing, settings, now),
    snoozed: activeSnooze(facts, now) !== null,
  };
}

export function countedOf(record: InvitationRecord, settings: ResolvedSettings, now: number): Counted {
  return countedOfFacts(countFactsOf(record), settings, now);
}

/**
 * The figures from verdicts already reached: for callers that assessed every record anyway (the
 * popup's lists), so nothing is worked out twice. Everyone else calls ledgerCounts.
 */
export function tally(items: Iterable<Counted>): LedgerCounts {
  return weightedTally(items, () => 1);
}

function weightedTally<T extends Counted>(items: Iterable<T>, weight: (item: T) => number): LedgerCounts {
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
    const n = weight(item);
    if (item.hidden) {
      counts.hidden += n;
      if (item.standing === 'pending') counts.hiddenPending += n;
      continue;
    }
    counts[item.standing] += n;
    if (item.expiry !== null) counts.byExpiry[item.expiry] += n;
    if (item.olderThanBadge) counts.olderThanBadge += n;
    if (item.standing === 'pending' && item.snoozed) counts.snoozed += n;
    else if (item.expiry === 'nearing') counts.nearing += n;
  }
  counts.pastWindow = counts.byExpiry['past-window'];
  return counts;
}

/**
 * The one function every count a user sees comes from, over the records themselves or (the
 * worker, without reading every record) over the facts the store keeps of them: the same figures.
 */
export function ledgerCounts(
  records: readonly InvitationRecord[],
  settings: ResolvedSettings,
  now: number,
): LedgerCounts {
  // Each record is its own group of one: countedOf judges its facts as countsFromFacts does.
  return tally(records.map((record) => countedOf(record, settings, now)));
}

/** ledgerCounts from the facts of a ledger, each group judged once and counted as many times as it holds records. */
export function countsFromFacts(groups: Iterable<FactGroup>, settings: ResolvedSettings, now: number): LedgerCounts {
  const judged = [...groups].map((group) => ({ ...countedOfFacts(group.facts, settings, now), count: group.count }));
  return weightedTally(judged, (item) => item.count);
}

/**
 * The settings every figure uses (a learned window learned from the facts) and the counts, from a
 * ledger's facts alone: what the badge and the popup's header both show.
 */
export function figuresFromFacts(
  groups: readonly FactGroup[],
  chosen: Settings,
  now: number,
): { settings: ResolvedSettings; counts: LedgerCounts } {
  const settings = resolveWith(chosen, learnedWindowFromFacts(groups, chosen.learnedFloorDays));
  return { settings, counts: countsFromFacts(groups, settings, now) };
}
