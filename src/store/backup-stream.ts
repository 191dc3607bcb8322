import type { AccountKey } from '../model/account';
import type { ReadingLogEntry } from '../model/reading';
import { ALL_ACCOUNTS, BACKUP_FORMAT, BACKUP_VERSION } from './backup';
import type { LapseDb } from './db';
import { currentAccount, entryAccount, readAccountsState } from './ledgers';
import { accountRange, forEachPage } from './paging';

/**
 * The backup file written by the page that downloads it, straight from IndexedDB into a Blob: the
 * records read a page at a time, each page written as JSON text and handed to a Blob part, so
 * neither the whole ledger nor the whole file is ever one JavaScript value, and nothing goes
 * through extension messaging. The text is exactly `JSON.stringify` of what `exportBackup`
 * returns (tests/unit/store/backup-stream.test.ts), so the format is unchanged.
 */

/** Records per page: a few MB of text even with long notes. */
export const BACKUP_PAGE_SIZE = 1000;

export interface BackupProgress {
  records: number;
  total: number;
}

export interface BackupOptions {
  settings: unknown;
  now: number;
  /** An account, every account (ALL_ACCOUNTS), or by default the current one. */
  which?: AccountKey | typeof ALL_ACCOUNTS;
  onProgress?: (progress: BackupProgress) => void;
  pageSize?: number;
}

/** The rows of one page as the inside of a JSON array ("a,b,c"). */
const rowsText = (values: readonly unknown[]) => JSON.stringify(values).slice(1, -1);

/**
 * One account's ledger (the current one when none is named) or every account's, in one read-only
 * transaction: a consistent picture even while the worker writes.
 */
export async function backupBlob(
  db: LapseDb,
  { settings, now, which, onProgress, pageSize = BACKUP_PAGE_SIZE }: BackupOptions,
): Promise<Blob> {
  const tx = db.transaction(['invitations', 'readings', 'meta']);
  tx.done.catch(() => {});
  const account = which === ALL_ACCOUNTS ? null : (which ?? currentAccount(await readAccountsState(tx)));
  const range = account === null ? null : accountRange(account);
  const total = await tx.objectStore('invitations').count(range ?? undefined);
  const head = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    account: account ?? ALL_ACCOUNTS,
    settings,
  };
  const parts: BlobPart[] = [`${JSON.stringify(head).slice(0, -1)},"invitations":[`];
  let records = 0;
  await forEachPage(tx, 'invitations', range, pageSize, (values) => {
    parts.push(new Blob([records > 0 ? ',' : '', rowsText(values)]));
    records += values.length;
    onProgress?.({ records, total });
  });
  parts.push('],"readings":[');
  let readings = 0;
  await forEachPage(tx, 'readings', null, pageSize, (values) => {
    const mine = account === null ? values : values.filter((e) => entryAccount(e as ReadingLogEntry) === account);
    if (mine.length === 0) return;
    parts.push(readings > 0 ? ',' : '', rowsText(mine));
    readings += mine.length;
  });
  parts.push(']}');
  return new Blob(parts, { type: 'application/json' });
}
