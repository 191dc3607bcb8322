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
    const [values, keys] = await Promise.all([source.getAll(page, size), source.getAllKeys(page, size)]);
    if (values.length > 0) onPage(values);
    const last = keys.at(-1);
    if (values.length < size || last === undefined) return;
    page = range ? IDBKeyRange.bound(last, range.upper, true, range.upperOpen) : IDBKeyRange.lowerBound(last, true);
  }
}
