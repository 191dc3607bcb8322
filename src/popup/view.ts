import type { InvitationRecord } from '../model/invitation';
import type { Settings } from '../model/settings';
import { type Assessment, assess, expiryFigures, mayHaveLapsed } from '../rules';
import { byNameThenId } from '../shared/name-order';

/**
 * The popup's lists, computed once per snapshot/settings/now (the component memoises it):
 * - nearing: pending and could expire within the warning window;
 * - pending: pending and still live (everything pending except the two below);
 * - expired: pending but the window may have passed, or surely has;
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
  /** Pending invitations shown (live or expired). */
  pendingCount: number;
  /** Pending invitations surely older than the badge threshold — the badge's own number. */
  olderCount: number;
  hiddenCount: number;
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
type Ranked = Pick<Row, 'record'> & { assessment: Pick<Assessment, 'expiry' | 'daysLeft'> };

/** Pessimistic days left, ascending; unknown send times last; then by name. */
function byDaysLeft(a: Ranked, b: Ranked): number {
  const da = a.assessment.daysLeft ?? Number.POSITIVE_INFINITY;
  const db = b.assessment.daysLeft ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  return byNameThenId(a.record, b.record);
}

/** Nearing first, then the rest of the live ones, each by days left. */
export function nearingFirst(a: Ranked, b: Ranked): number {
  const na = a.assessment.expiry === 'nearing' ? 0 : 1;
  const nb = b.assessment.expiry === 'nearing' ? 0 : 1;
  return na - nb || byDaysLeft(a, b);
}

/** Most recently lapsed first: those are the ones still worth a personal re-send. */
function recentlyExpiredFirst(a: Row, b: Row): number {
  return -byDaysLeft(a, b);
}

function recentlyChangedFirst(a: Row, b: Row): number {
  return b.record.statusChangedAt - a.record.statusChangedAt || byNameThenId(a.record, b.record);
}

export function buildView(
  records: readonly InvitationRecord[],
  settings: Settings,
  now: number,
  showHidden = false,
): LedgerView {
  const lists: Record<ListFilter, Row[]> = { nearing: [], pending: [], expired: [], resolved: [] };
  let hiddenCount = 0;
  let olderCount = 0;
  for (const record of records) {
    if (record.hidden) hiddenCount++;
    if (record.hidden && !showHidden) continue;
    const assessment = assess(record, settings, now);
    // The badge's own rule (pending, tracked, surely older than its weeks): the same number.
    if (assessment.olderThanBadge) olderCount++;
    const row: Row = { record, assessment };
    if (record.status !== 'pending') lists.resolved.push(row);
    else if (mayHaveLapsed(assessment.expiry)) lists.expired.push(row);
    else {
      lists.pending.push(row);
      if (assessment.expiry === 'nearing') lists.nearing.push(row);
    }
  }
  lists.nearing.sort(byDaysLeft);
  lists.pending.sort(nearingFirst);
  lists.expired.sort(recentlyExpiredFirst);
  lists.resolved.sort(recentlyChangedFirst);
  return {
    lists,
    pendingCount: lists.pending.length + lists.expired.length,
    olderCount,
    hiddenCount,
  };
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
 * The first rows of "All pending" from just the records that open it (see loadFirstPage): the
 * same assessment and order as buildView gives the whole list. Only the rows returned are
 * assessed in full; the others are only placed, by what nearingFirst compares.
 */
export function firstPendingRows(
  records: readonly InvitationRecord[],
  settings: Settings,
  now: number,
  size: number,
): Row[] {
  // The two fields of assess that nearingFirst compares, the window added once.
  const placed: Ranked[] = records.map((record) => {
    if (record.status !== 'pending') return { record, assessment: { expiry: null, daysLeft: null } };
    if (record.sent === null) return { record, assessment: { expiry: 'unknown', daysLeft: null } };
    const { status, daysLeft } = expiryFigures(record.sent, settings, now);
    return { record, assessment: { expiry: status, daysLeft } };
  });
  placed.sort(nearingFirst);
  return placed.slice(0, size).map(({ record }) => ({ record, assessment: assess(record, settings, now) }));
}
