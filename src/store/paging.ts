import type { IDBPTransaction, StoreNames } from 'idb';
import type { LapseSchema } from './schema';

/** Reading a store a page at a time, for the page-side writers of whole files (backup, CSV). */

export type ReadTx = IDBPTransaction<LapseSchema, StoreNames<LapseSchema>[], 'readonly'>;

/**
 * Characters a page aims at. Chromium answers one getAll of more than about 100 KB of values many
 * times slower than several smaller ones (bench, 50,000 records of 2.3 KB: pages of 1,000 records
 * 29–51 s, of 50 records 7–9 s), so pages are sized by what they hold, not by a fixed count.
 */
export const PAGE_CHARS = 64 * 1024;
/** Records in the first page, before the size of a record is known. */
const FIRST_PAGE = 16;

/** Every key of one account's records: [account, id] sorts after [account] and before [account, []]. */
export function accountRange(account: string): IDBKeyRange {
  return IDBKeyRange.bound([account], [account, []]);
}

/**
 * Hands out the values of `store` within `range`, in key order, at most `maxRecords` at a time,
 * inside the caller's read-only transaction (one consistent picture however many pages).
 * `onPage` returns how many characters it wrote for the page; the next page holds about
 * PAGE_CHARS of them. `onPage` runs synchronously between requests: awaiting anything else
 * would let the transaction close.
 */
export async function forEachPage(
  tx: ReadTx,
  store: 'invitations' | 'readings',
  range: IDBKeyRange | null,
  maxRecords: number,
  onPage: (values: unknown[]) => number,
): Promise<void> {
  const source = tx.objectStore(store);
  let page = range;
  let size = Math.min(FIRST_PAGE, maxRecords);
  for (;;) {
    const values = await source.getAll(page, size);
    if (values.length === 0) return;
    const chars = onPage(values);
    if (values.length < size) return;
    size = nextPageSize(values.length, chars, maxRecords);
    // The next page starts after the last value's key, read from the value by the store's key path.
    const last = keyOf(values.at(-1), source.keyPath);
    page = range ? IDBKeyRange.bound(last, range.upper, true, range.upperOpen) : IDBKeyRange.lowerBound(last, true);
  }
}

/** As many records as fit in PAGE_CHARS at the last page's characters per record (1 to `maxRecords`). */
function nextPageSize(records: number, chars: number, maxRecords: number): number {
  const perRecord = Math.max(1, chars / records);
  return Math.max(1, Math.min(maxRecords, Math.floor(PAGE_CHARS / perRecord)));
}

function keyOf(value: unknown, keyPath: string | string[] | null): IDBValidKey {
  if (keyPath === null) throw new Error('Paging needs a store whose keys are in its values');
  const record = value as Record<string, IDBValidKey>;
  return Array.isArray(keyPath) ? keyPath.map((path) => record[path] as IDBValidKey) : (record[keyPath] as IDBValidKey);
}
