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
  const meta = tx.objectStore('meta');
  const chosen = await shownAccount(tx, account);
  const [records, lastReading, lastCompleteReading] = await Promise.all([
    tx.objectStore('invitations').index('byAccount').getAll(chosen),
    meta.get(metaKey('lastReading', chosen)),
    meta.get(metaKey('lastCompleteReading', chosen)),
  ]);
  return { records, lastReading: lastReading ?? null, lastCompleteReading: lastCompleteReading ?? null };
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
