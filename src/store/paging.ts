import type { IDBPTransaction, StoreNames } from 'idb';
import type { LapseSchema } from './schema';

/** Reading a store a page at a time, for the page-side writers of whole files (backup, CSV). */

export type ReadTx = IDBPTransaction<LapseSchema, StoreNames<LapseSchema>[], 'readonly'>;

/** Every key of one account's records: [account, id] sorts after [account] and before [account, []]. */
export function accountRange(account: string): IDBKeyRange {
  return IDBKeyRange.bound([account], [account, []]);
}

/**
 * Hands out the values of `store` within `range`, in key order, `size` at a time, inside the
 * caller's read-only transaction (one consistent picture however many pages). `onPage` runs
 * synchronously between requests: awaiting anything else would let the transaction close.
 */
export async function forEachPage(
  tx: ReadTx,
  store: 'invitations' | 'readings',
  range: IDBKeyRange | null,
  size: number,
  onPage: (values: unknown[]) => void,
): Promise<void> {
  const source = tx.objectStore(store);
  let page = range;
  for (;;) {
    const values = await source.getAll(page, size);
    if (values.length > 0) onPage(values);
    if (values.length < size) return;
    // The next page starts after the last value's key, read from the value by the store's key path.
    const last = keyOf(values.at(-1), source.keyPath);
    page = range ? IDBKeyRange.bound(last, range.upper, true, range.upperOpen) : IDBKeyRange.lowerBound(last, true);
  }
}

function keyOf(value: unknown, keyPath: string | string[] | null): IDBValidKey {
  if (keyPath === null) throw new Error('Paging needs a store whose keys are in its values');
  const record = value as Record<string, IDBValidKey>;
  return Array.isArray(keyPath) ? keyPath.map((path) => record[path] as IDBValidKey) : (record[keyPath] as IDBValidKey);
}
