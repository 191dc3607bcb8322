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

/** Most records per page (pages are sized by their text: paging.ts). */
export const BACKUP_PAGE_SIZE = 1000;
/**
 * Text handed to the browser as one Blob part: pages are small (paging.ts), and a Blob per page
 * would cost a round trip to the browser's blob store each; the strings are let go once written.
 */
const PART_CHARS = 4 * 1024 * 1024;

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

/** Collects text and hands it to a Blob part whenever PART_CHARS of it are waiting. */
class BlobParts {
  readonly parts: BlobPart[] = [];
  private waiting: string[] = [];
  private chars = 0;

  add(text: string): void {
    this.waiting.push(text);
    this.chars += text.length;
    if (this.chars >= PART_CHARS) this.flush();
  }

  flush(): void {
    if (this.waiting.length > 0) this.parts.push(new Blob(this.waiting));
    this.waiting = [];
    this.chars = 0;
  }
}

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
  const file = new BlobParts();
  file.add(`${JSON.stringify(head).slice(0, -1)},"invitations":[`);
  let records = 0;
  await forEachPage(tx, 'invitations', range, pageSize, (values) => {
    const text = rowsText(values);
    file.add(records > 0 ? `,${text}` : text);
    records += values.length;
    onProgress?.({ records, total });
    return text.length;
  });
  file.add('],"readings":[');
  let readings = 0;
  await forEachPage(tx, 'readings', null, pageSize, (values) => {
    const mine = account === null ? values : values.filter((e) => entryAccount(e as ReadingLogEntry) === account);
    const text = rowsText(mine);
    if (mine.length > 0) file.add(readings > 0 ? `,${text}` : text);
    readings += mine.length;
    return text.length;
  });
  file.add(']}');
  file.flush();
  return new Blob(file.parts, { type: 'application/json' });
}
