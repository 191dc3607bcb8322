import type { CountFacts, FactGroup } from '../model/count-facts';
import type { InvitationRecord } from '../model/invitation';
import {
  type Assessment,
  activeSnooze,
  assess,
  countFactsOf,
  expiryFigures,
  type LedgerCounts,
  mayHaveLapsed,
  type ResolvedSettings,
} from '../rules';
import { byNameThenId } from '../shared/name-order';

/**
 * The popup's lists, computed once per snapshot/settings/now (the component memoises it), one
 * per standing (rules/counts.ts), so each list holds exactly what ledgerCounts counts:
 * - nearing: pending and could expire within the warning window, and not snoozed;
 * - pending: pending as far as the evidence goes (LinkedIn's page listed it since its window
 *   may have passed, or the window has not passed);
 * - expired: the window may have passed, or surely has, and the page has not listed it since;
 * - resolved: gone from the Sent page, accepted or withdrawn.
 * Hidden ("stop tracking") records are left out unless asked for.
 */
export const LIST_FILTERS = ['nearing', 'pending', 'expired', 'resolved'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

export interface Row {
  record: InvitationRecord;
  assessment: Assessment;
}

/** What a pending row asks of the user, for the list's headings; null for rows not pending. */
export type RowGroup = 'act' | 'waiting' | 'past-window' | 'snoozed';

export function rowGroup(assessment: Pick<Assessment, 'standing' | 'expiry' | 'snoozedUntil'>): RowGroup | null {
  if (assessment.standing !== 'pending') return null;
  // Snoozed ("remind me on…"): out of the act-on group until that date.
  if (assessment.snoozedUntil !== null) return 'snoozed';
  if (assessment.expiry === 'nearing') return 'act';
  return assessment.expiry === 'past-window' ? 'past-window' : 'waiting';
}

export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Name and headline, lower-cased and without accents: folded on the first search, then kept. */
const searchTexts = new WeakMap<Row, string>();
function searchText(row: Row): string {
  let text = searchTexts.get(row);
  if (text === undefined) {
    text = foldedRecordText(row.record);
    searchTexts.set(row, text);
  }
  return text;
}

/** What the lists' orders compare: a Row, or a record placed before it is assessed in full. */
type Ranked = Pick<Row, 'record'> & { assessment: Pick<Assessment, 'expiry' | 'daysLeft' | 'snoozedUntil'> };

/** Rows with days left come first; then those without a send time; then those past the window. */
function tailRank(ranked: Ranked): number {
  if (ranked.assessment.daysLeft !== null) return 0;
  return ranked.assessment.expiry === 'past-window' ? 2 : 1;
}

/** Pessimistic days left, ascending; unknown send times, then past-window rows, last; then by name. */
function byDaysLeft(a: Ranked, b: Ranked): number {
  const rank = tailRank(a) - tailRank(b);
  if (rank !== 0) return rank;
  const da = a.assessment.daysLeft ?? 0;
  const db = b.assessment.daysLeft ?? 0;
  if (da !== db) return da < db ? -1 : 1;
  return byNameThenId(a.record, b.record);
}

/** Nearing first, then the rest of the live ones, then the snoozed ones, each by days left. */
export function nearingFirst(a: Ranked, b: Ranked): number {
  return pendingRank(a) - pendingRank(b) || byDaysLeft(a, b);
}

function pendingRank({ assessment }: Ranked): number {
  if (assessment.snoozedUntil !== null) return 2;
  return assessment.expiry === 'nearing' ? 0 : 1;
}

/** Most recently lapsed first: those are the ones still worth a personal re-send. */
function recentlyExpiredFirst(a: Row, b: Row): number {
  return -byDaysLeft(a, b);
}

const LIST_OF_STANDING = { pending: 'pending', lapsed: 'expired' } as const;

/** The lists made of records still pending in the ledger: "Act this week", "All pending", "Expired". */
export type PendingLists = Record<Exclude<ListFilter, 'resolved'>, Row[]>;

/**
 * The three lists of the ledger's pending records (store/read.ts readPendingRaw), each in its
 * order. "Resolved" is read a page at a time in its own order (ledger-reads.ts), never whole.
 */
export function buildPendingLists(
  records: readonly InvitationRecord[],
  settings: ResolvedSettings,
  now: number,
  showHidden = false,
): PendingLists {
  const lists: PendingLists = { nearing: [], pending: [], expired: [] };
  for (const record of records) {
    if (record.status !== 'pending' || (record.hidden && !showHidden)) continue;
    const row: Row = { record, assessment: assess(record, settings, now) };
    const { expiry, standing, snoozedUntil } = row.assessment;
    if (standing === 'resolved') continue;
    lists[LIST_OF_STANDING[standing]].push(row);
    if (expiry === 'nearing' && snoozedUntil === null) lists.nearing.push(row);
  }
  lists.nearing.sort(byDaysLeft);
  lists.pending.sort(nearingFirst);
  lists.expired.sort(recentlyExpiredFirst);
  return lists;
}

/** Rows whose name or headline contains every word of the query (accents and case ignored). */
export function searchRows(rows: readonly Row[], query: string): readonly Row[] {
  const match = searchMatcher(query);
  return match ? rows.filter((row) => match(searchText(row))) : rows;
}

/** Tests folded text against every word of `query`; null when the query has no words. */
export function searchMatcher(query: string): ((folded: string) => boolean) | null {
  const words = foldForSearch(query).split(/\s+/u).filter(Boolean);
  if (words.length === 0) return null;
  return (text) => words.every((word) => text.includes(word));
}

/** The text a search looks in: name and headline, folded. */
export function foldedRecordText(record: InvitationRecord): string {
  return foldForSearch(`${record.name}\n${record.headline ?? ''}`);
}

/**
 * Where records with these count facts go in "All pending", as the list's order compares them
 * (the two figures of assess it needs, the window added once); null when they are not in it.
 */
function pendingPlace(facts: CountFacts, settings: ResolvedSettings, now: number): Ranked['assessment'] | null {
  if (!facts.pending || facts.hidden) return null;
  const snoozedUntil = activeSnooze(facts, now);
  if (facts.sent === null) return { expiry: 'unknown', daysLeft: null, snoozedUntil };
  const { status, daysLeft } = expiryFigures(facts.sent, settings, now, facts.listedAt);
  return mayHaveLapsed(status) ? null : { expiry: status, daysLeft, snoozedUntil };
}

/** Which pending records the popup's first rows are among: those sent at `times`, or (`undated`) all of them. */
export interface HeadRecords {
  times: number[];
  /** Records without a send time may be among the rows: they are in no send order, so every pending record is read. */
  undated: boolean;
}

/**
 * Where the first `size` rows of "All pending" are, worked out from the ledger's count facts
 * alone: rows with days left, not snoozed, go by days left — which only grow with the send time
 * — so the send times (`sent.earliest`) of the first `size` of them, and of every group tied with
 * the last on days left (a tie goes by name), hold the page. When the list has fewer such rows
 * than the page, the page is the whole list: every send time with a row in it, and the records
 * without a send time too.
 */
export function headRecords(
  groups: readonly FactGroup[],
  settings: ResolvedSettings,
  now: number,
  size: number,
): HeadRecords {
  const dated: { earliest: number; days: number; count: number }[] = [];
  const listed = new Set<number>();
  let undated = false;
  for (const { facts, count } of groups) {
    const place = pendingPlace(facts, settings, now);
    if (!place) continue;
    if (facts.sent === null) {
      undated = true;
      continue;
    }
    listed.add(facts.sent.earliest);
    if (place.daysLeft !== null && place.snoozedUntil === null) {
      dated.push({ earliest: facts.sent.earliest, days: place.daysLeft, count });
    }
  }
  dated.sort((a, b) => a.days - b.days);
  const times = new Set<number>();
  let rows = 0;
  let lastDays = Number.NEGATIVE_INFINITY;
  for (const group of dated) {
    if (rows >= size && group.days > lastDays) break;
    times.add(group.earliest);
    rows += group.count;
    lastDays = group.days;
  }
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
  return rows >= size ? { times: sorted(times), undated: false } : { times: sorted(listed), undated };
}

/**
 * The first `size` rows of "All pending" (tracked records), from the records of the send times
 * headRecords names (or every pending record): the popup's first rows, read without reading
 * the rest. They are put in the list's own order (nearingFirst), the one every path uses.
 */
export function pendingHead(settings: ResolvedSettings, now: number, size: number) {
  const taken: Ranked[] = [];
  return {
    take(record: InvitationRecord): void {
      const assessment = pendingPlace(countFactsOf(record), settings, now);
      if (assessment) taken.push({ record, assessment });
    },
    /** The first `size` rows of the list among those taken, assessed in full. */
    rows(): Row[] {
      return [...taken]
        .sort(nearingFirst)
        .slice(0, size)
        .map(({ record }) => ({ record, assessment: assess(record, settings, now) }));
    },
  };
}

/**
 * How many rows "Resolved" holds: the ledger's count, and with hidden records shown, every hidden
 * record not pending in the ledger (known once the pending records are read; null before).
 */
export function resolvedCount(
  counts: LedgerCounts,
  pending: readonly InvitationRecord[] | null,
  showHidden: boolean,
): number | null {
  if (!showHidden) return counts.resolved;
  return pending && counts.resolved + counts.hidden - pending.filter((record) => record.hidden).length;
}

/**
 * The tabs' counts. Without hidden records they are the ledger's counts (the lists hold exactly
 * those); with them shown, the lists as built and resolvedCount, once the pending records are read.
 */
export function tabCounts(
  counts: LedgerCounts,
  pending: { records: readonly InvitationRecord[]; lists: PendingLists } | null,
  showHidden: boolean,
): Record<ListFilter, number> | null {
  if (!showHidden) {
    return { nearing: counts.nearing, pending: counts.pending, expired: counts.lapsed, resolved: counts.resolved };
  }
  if (!pending) return null;
  return {
    nearing: pending.lists.nearing.length,
    pending: pending.lists.pending.length,
    expired: pending.lists.expired.length,
    resolved: resolvedCount(counts, pending.records, true) ?? 0,
  };
}
