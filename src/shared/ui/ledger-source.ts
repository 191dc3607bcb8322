import * as z from 'zod/mini';
import { InvitationRecord } from '../../model/invitation';
import type { LedgerSnapshot } from '../../model/messages';
import { ReadingLogEntry } from '../../model/reading';
import { openForReading, readRawLedger } from '../../store/read';
import { readScan } from '../scan-state';

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

export function readingOrNull(value: unknown): ReadingLogEntry | null {
  const parsed = z.safeParse(MaybeReading, value);
  return parsed.success ? parsed.data : null;
}

export function validRecord(value: unknown): InvitationRecord | null {
  const parsed = z.safeParse(InvitationRecord, value);
  return parsed.success ? parsed.data : null;
}

/** Everything the popup and options show, read in one transaction and validated record by record. */
export async function loadLedger(now: number): Promise<LoadedLedger> {
  const [raw, scan] = await Promise.all([openForReading().then((db) => readRawLedger(db)), readScan(now)]);
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
