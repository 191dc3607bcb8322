import { type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames, unwrap } from 'idb';
import { UNNAMED_ACCOUNT } from '../model/account';
import { groupFacts } from './facts';
import { DB_NAME, DB_VERSION, type LapseSchema, type StoredRecord } from './schema';

export type LapseDb = IDBPDatabase<LapseSchema>;
type UpgradeTransaction = IDBPTransaction<LapseSchema, StoreNames<LapseSchema>[], 'versionchange'>;

/**
 * The upgrade ladder: each step takes a database at version N−1 to N, so a user who skipped
 * versions climbs every step in order. Never edit a released step; add the next one.
 */
export function upgrade(db: LapseDb, oldVersion: number, tx: UpgradeTransaction): void {
  if (oldVersion < 1) {
    // Version 1: invitations stored exactly as InvitationRecord, keyed by id. IndexedDB cannot
    // index a missing value, so records with `sent: null` are absent from bySentEarliest. (Raw
    // API: the current schema no longer has version 1's indexes.)
    const raw = unwrap(db);
    const invitations = raw.createObjectStore('invitations', { keyPath: 'id' });
    invitations.createIndex('byStatus', 'status');
    invitations.createIndex('bySentEarliest', 'sent.earliest');
    raw.createObjectStore('readings', { keyPath: 'id', autoIncrement: true });
    raw.createObjectStore('meta');
  }
  // Later steps read what the one before wrote, when its requests have succeeded: each step says
  // when it is done, and the next starts then.
  const steps = LATER_STEPS.filter(([version]) => oldVersion < version);
  const climb = (i: number): void => steps[i]?.[1](unwrap(db), unwrap(tx), () => climb(i + 1));
  climb(0);
}

type Step = (db: IDBDatabase, tx: IDBTransaction, done: () => void) => void;

function createInvitationsV2(db: IDBDatabase): IDBObjectStore {
  const invitations = db.createObjectStore('invitations', { keyPath: ['account', 'id'] });
  invitations.createIndex('byStatus', 'status');
  invitations.createIndex('bySentEarliest', 'sent.earliest');
  invitations.createIndex('byAccount', 'account');
  return invitations;
}

/**
 * Version 2: a key path cannot change in place, so every record is read, the store made again
 * keyed by [account, id], and each record written back into the unnamed ledger (the first
 * account's, named at the next reading that says whose it is). Raw requests, not promises: the
 * upgrade transaction must stay active between the read and the writes.
 */
function keyInvitationsByAccount(db: IDBDatabase, tx: IDBTransaction, done: () => void): void {
  const request = tx.objectStore('invitations').getAll();
  request.onsuccess = () => {
    const records = request.result as Record<string, unknown>[];
    db.deleteObjectStore('invitations');
    const invitations = createInvitationsV2(db);
    for (const record of records) invitations.put({ ...record, account: UNNAMED_ACCOUNT });
    done();
  };
}

/**
 * Version 3: the indexes that read one account's records by status and in send order, and the
 * `facts` store filled from every record there is. Raw requests, for the same reason as above.
 */
function keepCountFacts(db: IDBDatabase, tx: IDBTransaction, done: () => void): void {
  const invitations = tx.objectStore('invitations');
  invitations.createIndex('byAccountStatus', ['account', 'status']);
  invitations.createIndex('byStatusSent', ['account', 'status', 'sent.earliest']);
  const facts = db.createObjectStore('facts', { keyPath: ['account', 'key'] });
  facts.createIndex('byAccount', 'account');
  const request = invitations.getAll();
  request.onsuccess = () => {
    for (const group of groupFacts(request.result as StoredRecord[])) facts.put(group);
    done();
  };
}

/**
 * Version 4: one account's records by when their status last changed ("Resolved", paged), and
 * the facts filed anew: a resolved record now keeps only what it teaches the learned window, so
 * years of history fall into a few groups. The two indexes of version 1, blind to accounts and
 * read by nothing since version 3, go: every write paid for them. Raw requests, as above.
 */
function orderByStatusChange(_db: IDBDatabase, tx: IDBTransaction, done: () => void): void {
  const invitations = tx.objectStore('invitations');
  invitations.createIndex('byAccountChanged', ['account', 'statusChangedAt']);
  invitations.deleteIndex('byStatus');
  invitations.deleteIndex('bySentEarliest');
  const facts = tx.objectStore('facts');
  facts.clear();
  const request = invitations.getAll();
  request.onsuccess = () => {
    for (const group of groupFacts(request.result as StoredRecord[])) facts.put(group);
    done();
  };
}

/**
 * Version 5: the `byAccount` indexes go. Invitations and facts are keyed by [account, …]: their
 * keys hold each account's entries together already, and a write no longer updates a copy of that.
 */
function readAccountsByKey(_db: IDBDatabase, tx: IDBTransaction, done: () => void): void {
  tx.objectStore('invitations').deleteIndex('byAccount');
  tx.objectStore('facts').deleteIndex('byAccount');
  done();
}

const LATER_STEPS: [number, Step][] = [
  [2, keyInvitationsByAccount],
  [3, keepCountFacts],
  [4, orderByStatusChange],
  [5, readAccountsByKey],
];

/**
 * Opens (and upgrades) the database in this context's IndexedDB (tests install fake-indexeddb's).
 * Most callers want `getDb()`, which opens it once.
 */
export async function openLapseDb(name = DB_NAME): Promise<LapseDb> {
  const db = await openDB<LapseSchema>(name, DB_VERSION, {
    upgrade: (database, oldVersion, _newVersion, tx) => upgrade(database, oldVersion, tx),
  });
  // A newer version opening in another context (an updated worker) must not stay blocked by us.
  db.addEventListener('versionchange', () => {
    db.close();
    if (shared && sharedDb === db) shared = null;
  });
  return db;
}

let shared: Promise<LapseDb> | null = null;
let sharedDb: LapseDb | null = null;

/** The database of this context, opened once (a module-level promise; MV3 workers re-open on wake). */
export function getDb(): Promise<LapseDb> {
  if (!shared) {
    const opening = openLapseDb().then((db) => {
      sharedDb = db;
      return db;
    });
    // A failed open must not be cached forever: the next event tries again.
    opening.catch(() => {
      if (shared === opening) shared = null;
    });
    shared = opening;
  }
  return shared;
}

/** Closes and forgets the shared connection (tests, and before deleting the database). */
export function closeSharedDb(): void {
  sharedDb?.close();
  shared = null;
  sharedDb = null;
}
