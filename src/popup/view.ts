import type { InvitationRecord } from '../model/invitation';
import {
  type Assessment,
  activeSnooze,
  assess,
  type Counted,
  countedOf,
  expiryFigures,
  type LedgerCounts,
  lastListedAt,
  type ResolvedSettings,
  tally,
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

export interface LedgerView {
  lists: Record<ListFilter, Row[]>;
  /** The figures every surface shows (the header's among them), from the one function. */
  counts: LedgerCounts;
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
    text = foldForSearch(`${row.record.name}\n${row.record.headline ?? ''}`);
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

function recentlyChangedFirst(a: Row, b: Row): number {
  return b.record.statusChangedAt - a.record.statusChangedAt || byNameThenId(a.record, b.record);
}

const LIST_OF_STANDING = { pending: 'pending', lapsed: 'expired', resolved: 'resolved' } as const;

export function buildView(
  records: readonly InvitationRecord[],
  settings: ResolvedSettings,
  now: number,
  showHidden = false,
): LedgerView {
  const lists: Record<ListFilter, Row[]> = { nearing: [], pending: [], expired: [], resolved: [] };
  // Each record is judged once: the rows' assessments are what the counts tally.
  const counted: Counted[] = [];
  for (const record of records) {
    if (record.hidden && !showHidden) {
      counted.push(countedOf(record, settings, now));
      continue;
    }
    const row: Row = { record, assessment: assess(record, settings, now) };
    const { expiry, standing, olderThanBadge, snoozedUntil } = row.assessment;
    const snoozed = snoozedUntil !== null;
    counted.push({ hidden: record.hidden, expiry, standing, olderThanBadge, snoozed });
    lists[LIST_OF_STANDING[standing]].push(row);
    if (expiry === 'nearing' && !snoozed) lists.nearing.push(row);
  }
  lists.nearing.sort(byDaysLeft);
  lists.pending.sort(nearingFirst);
  lists.expired.sort(recentlyExpiredFirst);
  lists.resolved.sort(recentlyChangedFirst);
  return { lists, counts: tally(counted) };
}

/** Rows whose name or headline contains every word of the query (accents and case ignored). */
export function searchRows(rows: readonly Row[], query: string): readonly Row[] {
  const words = foldForSearch(query).split(/\s+/u).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((row) => {
    const text = searchText(row);
    return words.every((word) => text.includes(word));
  });
}

/**
 * The first rows of "All pending" from just the records that open it (the worker's opening page): the
 * same assessment and order as buildView gives the whole list. Only the rows returned are
 * assessed in full; the others are only placed, by what nearingFirst compares.
 */
export function firstPendingRows(
  records: readonly InvitationRecord[],
  settings: ResolvedSettings,
  now: number,
  size: number,
): Row[] {
  // The two fields of assess that nearingFirst compares, the window added once.
  const placed: Ranked[] = records.map((record) => {
    const snoozedUntil = activeSnooze(record, now);
    if (record.status !== 'pending') return { record, assessment: { expiry: null, daysLeft: null, snoozedUntil } };
    if (record.sent === null) return { record, assessment: { expiry: 'unknown', daysLeft: null, snoozedUntil } };
    const { status, daysLeft } = expiryFigures(record.sent, settings, now, lastListedAt(record));
    return { record, assessment: { expiry: status, daysLeft, snoozedUntil } };
  });
  placed.sort(nearingFirst);
  return placed.slice(0, size).map(({ record }) => ({ record, assessment: assess(record, settings, now) }));
}
