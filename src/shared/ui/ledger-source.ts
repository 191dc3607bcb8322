import * as z from 'zod/mini';
import { InvitationRecord } from '../../model/invitation';
import type { LedgerSnapshot } from '../../model/messages';
import { OpeningPage } from '../../model/opening-page';
import { ReadingLogEntry } from '../../model/reading';
import type { Settings } from '../../model/settings';
import { type ResolvedSettings, resolveWith } from '../../rules';
import { openForReading, readRawLedger } from '../../store/read';
import { openingRecords } from '../opening-page';
import { readScan, scanAt } from '../scan-state';
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
export async function loadLedger(now: number, account?: string): Promise<LoadedLedger> {
  const [raw, scan] = await Promise.all([openForReading().then((db) => readRawLedger(db, account)), readScan(now)]);
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
  /** The settings the rows were chosen under, a learned window as the worker learned it. */
  settings: ResolvedSettings;
  lastReading: ReadingLogEntry | null;
  scan: LedgerSnapshot['scan'];
}

/**
 * The first page from the opening page the worker keeps in storage.session: one small read, no
 * database. Null when there is none, it does not validate, or it was made for another ledger
 * version or other settings (then the popup waits for the whole ledger).
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
  const resolved = resolveWith(loaded, page.data.learnedWindowDays);
  const records = openingRecords(page.data, resolved, now, typeof version === 'number' ? version : 0);
  return (
    records && {
      records,
      settings: resolved,
      lastReading: page.data.lastReading,
      scan: scanAt(session[SCAN_KEY], now),
    }
  );
}
