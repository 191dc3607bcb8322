import * as z from 'zod/mini';
import { FactGroup } from '../model/count-facts';
import type { InvitationRecord } from '../model/invitation';
import type { ReadingLogEntry } from '../model/reading';
import type { Settings } from '../model/settings';
import { assess, figuresFromFacts, type LedgerCounts, type ResolvedSettings } from '../rules';
import { readingOrNull, validRecord } from '../shared/ui/ledger-source';
import { type LapseDb, readLedgerHead, readPendingRaw, walkResolved } from '../store/read';
import { foldedRecordText, headRecords, pendingHead, type Row, searchMatcher } from './view';

/**
 * Everything the popup reads, and in what order — it reads only what it shows, whatever the
 * ledger's size:
 * 1. the head (one transaction): the account's count facts (every figure: header, tabs, badge
 *    alike), its readings, and the first rows of "All pending", from the send times the facts
 *    say hold them;
 * 2. the ledger's pending records, which LinkedIn caps at a few thousand: the three lists made
 *    of them, searchable in memory;
 * 3. "Resolved", years of history, a page at a time in its own order.
 * Every value is validated as it is read: a record that fails never reaches the screen, and
 * `rejected` says how many were left out.
 */

export interface LedgerHead {
  account: string;
  /** The settings every figure uses, the learned window learned from the whole ledger's facts. */
  settings: ResolvedSettings;
  counts: LedgerCounts;
  /** How many records the ledger holds, hidden ones included (0: the first-run screen). */
  size: number;
  lastReading: ReadingLogEntry | null;
  lastCompleteReading: ReadingLogEntry | null;
  /** The top of "All pending" (no search, hidden records left out). */
  firstRows: Row[];
  rejected: number;
}

/** Step 1: the figures and the first `size` rows of "All pending", at `now`. */
export async function readHead(
  db: LapseDb,
  account: string | undefined,
  chosen: Settings,
  now: number,
  rows: number,
): Promise<LedgerHead> {
  let figures = figuresFromFacts([], chosen, now);
  let groups: FactGroup[] = [];
  let head = pendingHead(figures.settings, now, rows);
  let rejected = 0;
  const raw = await readLedgerHead(db, account, (facts) => {
    groups = facts.flatMap((value) => {
      const parsed = z.safeParse(FactGroup, value);
      return parsed.success ? [parsed.data] : [];
    });
    figures = figuresFromFacts(groups, chosen, now);
    const { settings } = figures;
    head = pendingHead(settings, now, rows);
    const { times, undated } = headRecords(groups, settings, now, rows);
    return {
      sendTimes: times,
      everyPending: undated,
      take(value) {
        const record = validRecord(value);
        if (record) head.take(record);
        else rejected++;
      },
    };
  });
  return {
    account: raw.account,
    ...figures,
    size: groups.reduce((sum, group) => sum + group.count, 0),
    lastReading: readingOrNull(raw.lastReading),
    lastCompleteReading: readingOrNull(raw.lastCompleteReading),
    firstRows: head.rows(),
    rejected,
  };
}

/** Step 2: every record still pending in the ledger, validated one by one. */
export async function readPending(
  db: LapseDb,
  account: string,
): Promise<{ records: InvitationRecord[]; rejected: number }> {
  const raw = await readPendingRaw(db, account);
  const records = raw.flatMap((value) => {
    const record = validRecord(value);
    return record ? [record] : [];
  });
  return { records, rejected: raw.length - records.length };
}

export interface ResolvedPage {
  rows: Row[];
  /** More rows follow these (the next page has at least one). */
  more: boolean;
}

/**
 * Step 3: the first `limit` rows of "Resolved" — most recent status change first — that match
 * `query`, hidden records among them only when shown. Reads stop one row past the page.
 */
export async function readResolvedPage(
  db: LapseDb,
  account: string,
  view: { settings: ResolvedSettings; now: number; showHidden: boolean; query: string; limit: number },
): Promise<ResolvedPage> {
  const match = searchMatcher(view.query);
  const records: InvitationRecord[] = [];
  await walkResolved(db, account, (value) => {
    const record = validRecord(value);
    if (!record || (record.hidden && !view.showHidden)) return true;
    if (match && !match(foldedRecordText(record))) return true;
    records.push(record);
    return records.length <= view.limit;
  });
  return {
    rows: records
      .slice(0, view.limit)
      .map((record) => ({ record, assessment: assess(record, view.settings, view.now) })),
    more: records.length > view.limit,
  };
}
