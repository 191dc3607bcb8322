import { InvitationRecord } from '../model/invitation';
import type { LinkedInExport, LinkedInImportReport } from '../model/linkedin-export';
import { parseOrThrow } from '../model/validate';
import type { LapseDb } from './db';
import { mergeExport } from './export-merge';

/**
 * Applies LinkedIn's data export (already validated at the message boundary) in ONE transaction:
 * every record is computed and checked first, then all are written, or none (a failure aborts).
 */
export async function applyLinkedInExport(
  db: LapseDb,
  data: LinkedInExport,
  now: number,
): Promise<LinkedInImportReport> {
  const tx = db.transaction('invitations', 'readwrite');
  try {
    const records = await tx.store.getAll();
    const { upserts, report } = mergeExport(new Map(records.map((r) => [r.id, r])), data, now);
    for (const record of upserts) parseOrThrow(InvitationRecord, record, `invitation ${record.id}`);
    await Promise.all([...upserts.map((record) => tx.store.put(record)), tx.done]);
    return report;
  } catch (error) {
    tx.done.catch(() => {});
    try {
      tx.abort();
    } catch {
      // Already finished or aborting.
    }
    throw error;
  }
}
