import type { AccountsState } from '../model/account';
import { getDb, type LapseDb } from './db';

/** What the options page needs to write a backup file and to check one before restoring it. */
export { ALL_ACCOUNTS, BACKUP_FORMAT, BACKUP_VERSION, type Envelope, parseEnvelope } from './backup';
export { backupBlob } from './backup-stream';
export type { LapseDb } from './db';
export { accountRange, forEachPage, type ReadTx } from './paging';

import { metaKey, readAccountsState, withRecordAccounts } from './ledgers';
import type { ReadTx } from './paging';

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
    tx.objectStore('invitations').index('byAccount').getAll(chosen),
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

/** Takes pending records a send time at a time, for as long as it wants them. */
export interface SendOrderWalk {
  /** Whether the records sent at `earliest` (the index's send time) are still wanted; no stops the walk. */
  wants(earliest: number): boolean;
  take(value: unknown): void;
}

/**
 * The popup's first read, in one transaction: the account shown (as readRawLedger chooses it),
 * its count facts and two readings, and then its pending records in send order (earliest
 * possible send first), a send time at a time while the walk wants them — and, should it want
 * them all, the records without a send time (not in that order) last. `startWalk` sees the facts
 * first: what it wants depends on the window they teach. A request per send time, not per
 * record: one reading puts hundreds under one label.
 */
export async function readLedgerHead(
  db: LapseDb,
  account: string | undefined,
  startWalk: (facts: unknown[]) => SendOrderWalk,
): Promise<RawLedgerHead> {
  const tx = db.transaction(['invitations', 'meta', 'facts']);
  settled(tx.done);
  const chosen = await shownAccount(tx, account);
  const [facts, readings] = await Promise.all([
    tx.objectStore('facts').index('byAccount').getAll(chosen),
    readingsOf(tx, chosen),
  ]);
  const head = { account: chosen, facts, ...readings };
  const walk = startWalk(facts);
  const sendOrder = tx.objectStore('invitations').index('byStatusSent');
  let after = IDBKeyRange.bound([chosen, 'pending', -Infinity], [chosen, 'pending', Infinity]);
  for (;;) {
    // The next send time: one seek past the last one's records (see withRecordAccounts).
    const next = await sendOrder.openKeyCursor(after);
    if (next === null) break;
    if (!walk.wants(next.key[2])) return head;
    for (const value of await sendOrder.getAll(next.key)) walk.take(value);
    after = IDBKeyRange.bound(next.key, [chosen, 'pending', Infinity], true);
  }
  // Every record with a send time was wanted: those without one (listed last) are wanted too.
  const pending = await tx.objectStore('invitations').index('byAccountStatus').getAll([chosen, 'pending']);
  for (const stored of pending) if (stored.sent === null) walk.take(stored);
  return head;
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
