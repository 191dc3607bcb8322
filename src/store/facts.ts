import type { IDBPTransaction, StoreNames } from 'idb';
import type { AccountKey } from '../model/account';
import type { FactGroup } from '../model/count-facts';
import { countFactsOf, factsKey } from '../rules/counts';
import { accountRange } from './paging';
import type { LapseSchema, StoredFactGroup, StoredRecord } from './schema';

/**
 * The `facts` store (schema version 3): for each account, how many of its records hold each set
 * of the facts counts depend on (rules/counts.ts CountFacts). Every write of a record changes it
 * in the same transaction, so the worker's badge and counts come from a few groups instead of
 * every record, and can never disagree with the records (a failed write rolls both back).
 */

type Tx<Mode extends IDBTransactionMode> = IDBPTransaction<LapseSchema, StoreNames<LapseSchema>[], Mode>;
type WriteTx = Tx<'readwrite'>;

/** How the groups change with the writes of one transaction (counts are differences). */
export type FactChanges = Map<string, StoredFactGroup>;

function count(changes: FactChanges, record: StoredRecord, by: number): void {
  const facts = countFactsOf(record);
  const key = factsKey(facts);
  const id = `${record.account}\u0000${key}`;
  const change = changes.get(id) ?? { account: record.account, key, facts, count: 0 };
  change.count += by;
  changes.set(id, change);
}

/** One record replaced (`before` → `after`), added (no `before`) or deleted (no `after`). */
export function noteRecordChange(
  changes: FactChanges,
  before: StoredRecord | undefined,
  after: StoredRecord | undefined,
): void {
  if (before) count(changes, before, -1);
  if (after) count(changes, after, 1);
}

/** Writes the changed groups: one read and one write per group that changed, whatever the ledger's size. */
export async function saveFactChanges(tx: WriteTx, changes: FactChanges): Promise<void> {
  const store = tx.objectStore('facts');
  await Promise.all(
    [...changes.values()]
      .filter((change) => change.count !== 0)
      .map(async (change) => {
        const stored = await store.get([change.account, change.key]);
        const total = (stored?.count ?? 0) + change.count;
        await (total > 0 ? store.put({ ...change, count: total }) : store.delete([change.account, change.key]));
      }),
  );
}

/**
 * Puts records, each with the version it replaces (undefined for a new one), and changes the
 * facts with them: the one way records are written once the facts exist. `check` (which throws)
 * sees each record just before its put, so the database is writing while the rest are checked
 * rather than waiting for all of them; on a throw, the caller aborts the transaction, and with it
 * the puts issued so far.
 */
export async function putRecords(
  tx: WriteTx,
  writes: readonly { before: StoredRecord | undefined; after: StoredRecord }[],
  check: (record: StoredRecord) => void = () => {},
): Promise<void> {
  const changes: FactChanges = new Map();
  for (const { before, after } of writes) noteRecordChange(changes, before, after);
  // Asked first, the groups are read while the records are written, and their writes queue
  // behind the records' rather than wait for all of them to be written before being asked.
  const facts = saveFactChanges(tx, changes);
  const invitations = tx.objectStore('invitations');
  const puts: Promise<unknown>[] = [];
  try {
    for (const { after } of writes) {
      check(after);
      puts.push(invitations.put(after));
    }
  } catch (error) {
    // These requests fail with the abort: the error to report is this one.
    for (const request of [facts, ...puts]) request.catch(() => {});
    throw error;
  }
  await Promise.all([facts, ...puts]);
}

/** One account's fact groups. */
export async function accountFacts(tx: Tx<'readonly'> | WriteTx, account: AccountKey): Promise<FactGroup[]> {
  const groups = await tx.objectStore('facts').getAll(accountRange(account));
  return groups.map(({ facts, count }) => ({ facts, count }));
}

/** The groups of records as the facts store files them: for the upgrade, and for tests to compare against. */
export function groupFacts(records: Iterable<StoredRecord>): StoredFactGroup[] {
  const changes: FactChanges = new Map();
  for (const record of records) count(changes, record, 1);
  return [...changes.values()];
}
