import type { IDBPTransaction, StoreNames } from 'idb';
import * as z from 'zod/mini';
import { type AccountKey, AccountsState, EMPTY_ACCOUNTS, UNNAMED_ACCOUNT } from '../model/account';
import type { InvitationRecord } from '../model/invitation';
import type { ReadingLogEntry } from '../model/reading';
import type { LedgerView } from './accounts';
import { type FactChanges, noteRecordChange, saveFactChanges } from './facts';
import { accountRange } from './paging';
import type { LapseSchema, ReadingMetaKey, StoredRecord } from './schema';

/**
 * One ledger per account inside the one database (schema.ts, version 2): how records, log
 * entries and meta readings are found and written for one account. The merges stay unaware of
 * accounts: the store hands them one account's records and stamps the account on what they return.
 */

type Tx<Mode extends IDBTransactionMode> = IDBPTransaction<LapseSchema, StoreNames<LapseSchema>[], Mode>;
type AnyTx = Tx<'readonly'> | Tx<'readwrite'> | Tx<'versionchange'>;

/** The unnamed ledger keeps version 1's keys, so the upgrade had nothing to move there. */
export function metaKey(kind: 'lastReading' | 'lastCompleteReading', account: AccountKey): ReadingMetaKey {
  return account === UNNAMED_ACCOUNT ? kind : `${kind}/${account}`;
}

export function stamp(record: InvitationRecord, account: AccountKey): StoredRecord {
  return { ...record, account };
}

export function strip(stored: StoredRecord): InvitationRecord {
  const { account: _account, ...record } = stored;
  return record;
}

/** The account a log entry was applied to (entries of the unnamed ledger carry none). */
export const entryAccount = (entry: ReadingLogEntry): AccountKey => entry.account ?? UNNAMED_ACCOUNT;

/** The entry as logged for `account` (nothing added for the unnamed ledger: as in version 1). */
export function entryFor(entry: ReadingLogEntry, account: AccountKey): ReadingLogEntry {
  const { account: _was, ...rest } = entry;
  return account === UNNAMED_ACCOUNT ? rest : { ...rest, account };
}

export async function readAccountsState(tx: AnyTx): Promise<AccountsState> {
  // Validated like every stored value: a damaged state is started afresh (no record depends on it).
  const parsed = z.safeParse(AccountsState, await tx.objectStore('meta').get('accounts'));
  return parsed.success ? parsed.data : EMPTY_ACCOUNTS;
}

/** The account extension pages show and edit when they name none: the last one read, else the first. */
export function currentAccount(state: AccountsState): AccountKey {
  return state.lastSeen ?? state.known[0] ?? UNNAMED_ACCOUNT;
}

export function withKnown(state: AccountsState, account: AccountKey): AccountsState {
  return state.known.includes(account) ? state : { ...state, known: [...state.known, account] };
}

export async function accountRecords(tx: AnyTx, account: AccountKey): Promise<StoredRecord[]> {
  return tx.objectStore('invitations').getAll(accountRange(account));
}

/**
 * What a reading needs of one account's ledger, whatever its size: every pending record (a
 * complete reading may mark them gone) and the records of the people it names (`ids`). The
 * people a Sent page lists are mostly pending already: one range read answers for them, and only
 * the others are asked one by one (thousands of single requests cost more than the writes).
 */
export async function recordsForReading(
  tx: AnyTx,
  account: AccountKey,
  ids: Iterable<string>,
): Promise<StoredRecord[]> {
  const invitations = tx.objectStore('invitations');
  const pending = await invitations.index('byAccountStatus').getAll([account, 'pending']);
  const byId = new Map(pending.map((record) => [record.id, record]));
  const others = [...ids].filter((id) => !byId.has(id));
  const named = await Promise.all(others.map((id) => invitations.get([account, id])));
  for (const record of named) if (record) byId.set(record.id, record);
  return [...byId.values()];
}

/** A ledger as a reading finds it: attribution's view of it, and the records the merge needs. */
type LedgerRead = LedgerView & { records: StoredRecord[] };

/**
 * Every ledger that holds records, read for one reading of `ids` (recordsForReading): attribution
 * sees which of the reading's people each holds and how many are pending (accounts.ts), and the
 * merge takes the chosen ledger's records as read here, without a second read.
 */
export async function ledgersFor(tx: AnyTx, ids: ReadonlySet<string>): Promise<Map<AccountKey, LedgerRead>> {
  const accounts = await recordAccounts(tx);
  const reads = await Promise.all(
    accounts.map(async (account) => {
      const records = await recordsForReading(tx, account, ids);
      const pendingCount = records.filter((record) => record.status === 'pending').length;
      const read: LedgerRead = { records, ids: new Set(records.map((record) => record.id)), pendingCount };
      return [account, read] as const;
    }),
  );
  return new Map(reads);
}

/** One account's readings from meta. */
export async function accountReadings(
  tx: AnyTx,
  account: AccountKey,
): Promise<{ lastReading: ReadingLogEntry | undefined; lastComplete: ReadingLogEntry | undefined }> {
  const meta = tx.objectStore('meta');
  const [lastReading, lastComplete] = await Promise.all([
    meta.get(metaKey('lastReading', account)),
    meta.get(metaKey('lastCompleteReading', account)),
  ]);
  return {
    lastReading: lastReading as ReadingLogEntry | undefined,
    lastComplete: lastComplete as ReadingLogEntry | undefined,
  };
}

/**
 * Moves an unnamed ledger to the account a page has just named: its records, its log entries and
 * its meta readings. The target has no records yet (attribution adopts only then), so nothing
 * merges and nothing is duplicated.
 */
export async function moveLedger(tx: Tx<'readwrite'>, from: AccountKey, to: AccountKey): Promise<void> {
  const invitations = tx.objectStore('invitations');
  const meta = tx.objectStore('meta');
  const [records, entries, readings] = await Promise.all([
    accountRecords(tx, from),
    tx.objectStore('readings').getAll(),
    accountReadings(tx, from),
  ]);
  const moves: Promise<unknown>[] = [];
  const changes: FactChanges = new Map();
  for (const record of records) {
    const moved = stamp(strip(record), to);
    moves.push(invitations.delete([from, record.id]), invitations.put(moved));
    noteRecordChange(changes, record, undefined);
    noteRecordChange(changes, undefined, moved);
  }
  moves.push(saveFactChanges(tx, changes));
  for (const entry of entries) {
    if (entryAccount(entry) === from) moves.push(tx.objectStore('readings').put(entryFor(entry, to)));
  }
  for (const kind of ['lastReading', 'lastCompleteReading'] as const) {
    const entry = kind === 'lastReading' ? readings.lastReading : readings.lastComplete;
    if (!entry) continue;
    moves.push(meta.delete(metaKey(kind, from)), meta.put(entryFor(entry, to), metaKey(kind, to)));
  }
  await Promise.all(moves);
}

/** The state with every account that holds records known (even if the state was lost or predates accounts). */
export async function withRecordAccounts(tx: AnyTx, state: AccountsState): Promise<AccountsState> {
  let next = state;
  for (const account of await recordAccounts(tx)) next = withKnown(next, account);
  return next;
}

/**
 * Every account that holds records: one seek per account, past all of its records' keys
 * ([account, id] sorts before [account, []]), not a step through each of them.
 */
async function recordAccounts(tx: AnyTx): Promise<AccountKey[]> {
  const invitations = tx.objectStore('invitations');
  const accounts: AccountKey[] = [];
  for (;;) {
    const last = accounts.at(-1);
    const after = last === undefined ? null : IDBKeyRange.lowerBound([last, []], true);
    const cursor = await invitations.openKeyCursor(after);
    if (!cursor) return accounts;
    accounts.push(cursor.key[0]);
  }
}
