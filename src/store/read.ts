import type { AccountsState } from '../model/account';
import { getDb, type LapseDb } from './db';

/** What the options page needs to write a backup file and to check one before restoring it. */
export { ALL_ACCOUNTS, BACKUP_FORMAT, BACKUP_VERSION, type Envelope, parseEnvelope } from './backup';
export { backupBlob } from './backup-stream';
export type { LapseDb } from './db';
export { accountRange, forEachPage, type ReadTx } from './paging';

import { metaKey, readAccountsState, withRecordAccounts } from './ledgers';
import { accountRange, type ReadTx } from './paging';

/**
 * Read-only access for extension pages (popup, options), which share the worker's origin and
 * so its database. Writes still go through the worker. Values come back as `unknown`: the
 * caller validates every record with zod before anything reaches the screen.
 */

/** The extension's database as a page opens it: once per page, shared by every read below. */
export function openForReading(): Promise<LapseDb> {
  return getDb();
}

export interface RawLedger {
  records: unknown[];
  lastReading: unknown;
  lastCompleteReading: unknown;
}

/**
 * A read-only transaction's results are final once its requests succeed: waiting for its
 * `complete` event as well costs the first rows another round trip to the browser process.
 */
function settled(done: Promise<void>): void {
  done.catch(() => {});
}

/**
 * One account's records and its two meta readings, in one transaction (a consistent picture).
 * Without an account: the one the worker last read (meta `accounts`), else the unnamed ledger.
 */
export async function readRawLedger(db: LapseDb, account?: string): Promise<RawLedger> {
  const tx = db.transaction(['invitations', 'meta']);
  settled(tx.done);
  const chosen = await shownAccount(tx, account);
  const [records, readings] = await Promise.all([
    tx.objectStore('invitations').getAll(accountRange(chosen)),
    readingsOf(tx, chosen),
  ]);
  return { records, ...readings };
}

/** An account's last reading and last complete reading, raw (null when there is none). */
async function readingsOf(
  tx: ReadTx,
  account: string,
): Promise<Pick<RawLedger, 'lastReading' | 'lastCompleteReading'>> {
  const meta = tx.objectStore('meta');
  const [lastReading, lastCompleteReading] = await Promise.all([
    meta.get(metaKey('lastReading', account)),
    meta.get(metaKey('lastCompleteReading', account)),
  ]);
  return { lastReading: lastReading ?? null, lastCompleteReading: lastCompleteReading ?? null };
}

/** What the popup opens on, raw: the shown account, its count facts and readings, its first pending records. */
export interface RawLedgerHead {
  account: string;
  facts: unknown[];
  lastReading: unknown;
  lastCompleteReading: unknown;
}

/** What the popup's first read takes: the records sent at `sendTimes`, or every pending one, and a taker. */
export interface HeadWalk {
  sendTimes: readonly number[];
  everyPending: boolean;
  take(value: unknown): void;
}

/**
 * The popup's first read, in one transaction and two round trips to the browser process: the
 * account shown (as readRawLedger chooses it) with every account's count facts (a few groups
 * each: cheaper than waiting for the account to ask for its own); then its two readings, and the
 * pending records sent at the send times (`sent.earliest`) the walk asks for — a request per send
 * time, not per record: one reading puts hundreds under one label — or, when it asks for every
 * pending record, all of them. `startWalk` sees the account's facts first: what it wants is
 * worked out from them.
 */
export async function readLedgerHead(
  db: LapseDb,
  account: string | undefined,
  startWalk: (facts: unknown[]) => HeadWalk,
): Promise<RawLedgerHead> {
  const tx = db.transaction(['invitations', 'meta', 'facts']);
  settled(tx.done);
  const [chosen, everyAccountsFacts] = await Promise.all([shownAccount(tx, account), tx.objectStore('facts').getAll()]);
  const facts = everyAccountsFacts.filter((group) => group.account === chosen);
  const walk = startWalk(facts);
  const invitations = tx.objectStore('invitations');
  const batches = walk.everyPending
    ? [invitations.index('byAccountStatus').getAll([chosen, 'pending'])]
    : walk.sendTimes.map((earliest) => invitations.index('byStatusSent').getAll([chosen, 'pending', earliest]));
  const [records, readings] = await Promise.all([Promise.all(batches), readingsOf(tx, chosen)]);
  for (const batch of records) for (const value of batch) walk.take(value);
  return { account: chosen, facts, ...readings };
}

/**
 * Every record of `account` still pending in the ledger: the working set LinkedIn caps (a few
 * thousand at most), which the popup's pending and expired lists are made of. What has resolved,
 * however many years of it, is read a page at a time by walkResolved.
 */
export function readPendingRaw(db: LapseDb, account: string): Promise<unknown[]> {
  return db.getAllFromIndex('invitations', 'byAccountStatus', [account, 'pending']);
}

/**
 * The account's records that are no longer pending, most recent status change first, handed to
 * `visit` one by one until it returns false (a page is full) or none is left. Pending records
 * share the order and are stepped over: there are only as many of those as LinkedIn lets be.
 */
export async function walkResolved(db: LapseDb, account: string, visit: (value: unknown) => boolean): Promise<void> {
  const tx = db.transaction('invitations');
  settled(tx.done);
  const range = IDBKeyRange.bound([account, -Infinity], [account, Infinity]);
  let cursor = await tx.store.index('byAccountChanged').openCursor(range, 'prev');
  while (cursor) {
    if (cursor.value.status !== 'pending' && !visit(cursor.value)) return;
    cursor = await cursor.continue();
  }
}

/** The accounts' state, validated, with every account that holds records (for the switcher). */
export async function readAccountsForPages(db: LapseDb): Promise<AccountsState> {
  const tx = db.transaction(['invitations', 'meta']);
  settled(tx.done);
  return withRecordAccounts(tx, await readAccountsState(tx));
}

/** The account extension pages show when they name none: the one the worker last read, else the unnamed ledger. */
export async function shownAccount(tx: ReadTx, account?: string): Promise<string> {
  return account ?? lastSeenOf(await tx.objectStore('meta').get('accounts'));
}

function lastSeenOf(state: unknown): string {
  const lastSeen = state && typeof state === 'object' ? (state as { lastSeen?: unknown }).lastSeen : undefined;
  return typeof lastSeen === 'string' ? lastSeen : '';
}
