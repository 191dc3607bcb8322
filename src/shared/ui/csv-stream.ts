import * as z from 'zod/mini';
import { InvitationRecord } from '../../model/invitation';
import type { ResolvedSettings } from '../../rules';
import { accountRange, forEachPage, type LapseDb, openForReading, shownAccount } from '../../store/read';
import { csvFileName, csvHeader, csvLines, csvRows } from '../csv';
import { downloadBlob } from './download';

export { downloadCsv } from './download-csv';

/** Most records per page read and written (pages are sized by their text: store/paging.ts). */
export const CSV_PAGE_SIZE = 2000;

/**
 * A whole ledger's CSV, read from IndexedDB a page at a time inside one read-only transaction and
 * written into Blob parts: the same bytes as `toCsv` of its records, without holding them all. A
 * record that fails validation is left out, as the pages leave it out of every list.
 */
export async function csvBlob(
  db: LapseDb,
  settings: ResolvedSettings,
  now: number,
  account?: string,
  pageSize = CSV_PAGE_SIZE,
): Promise<Blob> {
  const tx = db.transaction(['invitations', 'meta']);
  tx.done.catch(() => {});
  const chosen = await shownAccount(tx, account);
  const rowOf = csvRows(settings, now, chosen);
  const parts: BlobPart[] = [csvHeader()];
  await forEachPage(tx, 'invitations', accountRange(chosen), pageSize, (values) => {
    const records = values.flatMap((value) => {
      const parsed = z.safeParse(InvitationRecord, value);
      return parsed.success ? [parsed.data] : [];
    });
    const lines = csvLines(records, rowOf);
    parts.push(lines);
    return lines.length;
  });
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}

/** Every record of the ledger shown (or `account`'s) as a CSV download. */
export async function downloadLedgerCsv(settings: ResolvedSettings, now: number, account?: string): Promise<void> {
  downloadBlob(csvFileName(now), await csvBlob(await openForReading(), settings, now, account));
}
