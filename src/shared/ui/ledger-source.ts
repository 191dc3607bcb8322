import * as z from 'zod/mini';
import { readScan, scanAt } from '../../background/scan';
import { InvitationRecord } from '../../model/invitation';
import type { LedgerSnapshot } from '../../model/messages';
import { OpeningPage } from '../../model/opening-page';
import { ReadingLogEntry } from '../../model/reading';
import type { Settings } from '../../model/settings';
import { DAY, daysLeft, windowDays } from '../../rules';
import { getDb } from '../../store/db';
import { readRawLedger, readRawMeta, walkBySentEarliest } from '../../store/read';
import { inPendingList, openingRecords } from '../opening-page';
import { LEDGER_VERSION_KEY, OPENING_PAGE_KEY, SCAN_KEY } from '../well-known';

/**
 * The ledger as extension pages read it: straight from the extension's own IndexedDB (no worker
 * round trip, no JSON), every record validated on its own. A record that fails validation never
 * reaches the screen; the others still do, and `rejected` says how many were left out.
 */

export interface LoadedLedger {
  snapshot: LedgerSnapshot;
  rejected: number;
}

const MaybeReading = z.nullable(ReadingLogEntry);

function readingOrNull(value: unknown): ReadingLogEntry | null {
  const parsed = z.safeParse(MaybeReading, value);
  return parsed.success ? parsed.data : null;
}

export function validRecord(value: unknown): InvitationRecord | null {
  const parsed = z.safeParse(InvitationRecord, value);
  return parsed.success ? parsed.data : null;
}

/** Everything the popup and options show, read in one transaction and validated record by record. */
export async function loadLedger(now: number): Promise<LoadedLedger> {
  const [raw, scan] = await Promise.all([getDb().then(readRawLedger), readScan(now)]);
  const records: InvitationRecord[] = [];
  for (const value of raw.records) {
    const record = validRecord(value);
    if (record) records.push(record);
  }
  return {
    snapshot: {
      records,
      lastReading: readingOrNull(raw.lastReading),
      lastCompleteReading: readingOrNull(raw.lastCompleteReading),
      scan,
    },
    rejected: raw.records.length - records.length,
  };
}

/** What the popup draws before the whole ledger is read: the top of the default list. */
export interface FirstPage {
  /** Pending, tracked, still-live records that sort first in "All pending", at least `size` of them. */
  records: InvitationRecord[];
  lastReading: ReadingLogEntry | null;
  scan: LedgerSnapshot['scan'];
}

/** Longest expiry window in days (six calendar months are at most 184 days), plus a day for DST. */
function windowBoundDays(settings: Settings): number {
  return (windowDays(settings) ?? 184) + 1;
}

/**
 * The records that open "All pending" (sorted there by pessimistic days left, which grows with
 * `sent.earliest`), read from the `bySentEarliest` index in that order, starting a window ago:
 * after `size` of them, reading goes on only through the ties of the last day-count, so sorting
 * these alone gives the same first rows as sorting the whole list. Null when the index runs out
 * first (records without a send time come next, and they are not in the index): then only the
 * whole ledger can say what comes first (unless the page was already full).
 */
export async function loadFirstPage(settings: Settings, now: number, size: number): Promise<FirstPage | null> {
  const db = await getDb();
  const records: InvitationRecord[] = [];
  let cutoff = Number.POSITIVE_INFINITY;
  let filled = false;
  const visit = (value: unknown): boolean => {
    const record = validRecord(value);
    if (!record?.sent) return true;
    const left = daysLeft(record.sent, settings, now);
    if (left > cutoff) {
      filled = true;
      return false;
    }
    if (!inPendingList(record, settings, now)) return true;
    records.push(record);
    if (records.length === size) cutoff = left;
    return true;
  };
  const [, meta, scan] = await Promise.all([
    walkBySentEarliest(db, now - windowBoundDays(settings) * DAY, visit),
    readRawMeta(db),
    readScan(now),
  ]);
  // The index ran out: every dated record was read, and those without a send time sort after
  // them, so a full page is still the top of the list; a short one may need them.
  if (!filled && records.length < size) return null;
  return { records, lastReading: readingOrNull(meta.lastReading), scan };
}

/**
 * The first page from the opening page the worker keeps in storage.session: one small read, no
 * database. Null when there is none, it does not validate, or it was made for another ledger
 * version or other settings (then loadFirstPage reads the database instead).
 */
export async function loadOpeningFirstPage(
  settings: Promise<Settings>,
  now: number,
  /** storage.local's ledger version and storage.session's opening page and scan state, as read. */
  reads: { version: Promise<Record<string, unknown>>; session: Promise<Record<string, unknown>> },
): Promise<FirstPage | null> {
  // All were sent for at once (the popup's early-reads.ts).
  const [loaded, stored, session] = await Promise.all([settings, reads.version, reads.session]);
  const page = z.safeParse(OpeningPage, session[OPENING_PAGE_KEY]);
  if (!page.success) return null;
  const version = stored[LEDGER_VERSION_KEY];
  const records = openingRecords(page.data, loaded, now, typeof version === 'number' ? version : 0);
  return records && { records, lastReading: page.data.lastReading, scan: scanAt(session[SCAN_KEY], now) };
}
