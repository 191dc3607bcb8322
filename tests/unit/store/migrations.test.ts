import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { InvitationRecord } from '../../../src/model/invitation';
import type { ReadingLogEntry } from '../../../src/model/reading';
import { openLapseDb } from '../../../src/store/db';
import { groupFacts } from '../../../src/store/facts';
import { applyReading, getAllRecords, lastReadings } from '../../../src/store/ledger';
import { DB_VERSION, type StoredFactGroup, type StoredRecord } from '../../../src/store/schema';
import { NOW, person, reading, record, T0 } from './builders';

/**
 * Every schema version ever released, built with the raw IndexedDB API exactly as that version's
 * code left it, and filled with data. Bumping DB_VERSION without adding the previous version here
 * fails the first test: each upgrade must be proven to keep users' data.
 */
interface VersionFixture {
  version: number;
  create(db: IDBDatabase, tx: IDBTransaction): void;
  fill(tx: IDBTransaction): void;
}

/** Version 2 step as released: invitations keyed by [account, id], with a byAccount index. */
function createV2(db: IDBDatabase): void {
  db.deleteObjectStore('invitations');
  const invitations = db.createObjectStore('invitations', { keyPath: ['account', 'id'] });
  invitations.createIndex('byStatus', 'status');
  invitations.createIndex('bySentEarliest', 'sent.earliest');
  invitations.createIndex('byAccount', 'account');
}

/** Version 3 step as released: the status and send-order indexes, and the facts store. */
function createV3(db: IDBDatabase, tx: IDBTransaction): void {
  const invitations = tx.objectStore('invitations');
  invitations.createIndex('byAccountStatus', ['account', 'status']);
  invitations.createIndex('byStatusSent', ['account', 'status', 'sent.earliest']);
  db.createObjectStore('facts', { keyPath: ['account', 'key'] }).createIndex('byAccount', 'account');
}

/** Version 4 step as released: records by account and time of their last status change; version 1's indexes gone. */
function createV4(_db: IDBDatabase, tx: IDBTransaction): void {
  const invitations = tx.objectStore('invitations');
  invitations.createIndex('byAccountChanged', ['account', 'statusChangedAt']);
  invitations.deleteIndex('byStatus');
  invitations.deleteIndex('bySentEarliest');
}

/** Version 5 step as released: no byAccount index, on invitations or facts (their keys start with the account). */
function createV5(_db: IDBDatabase, tx: IDBTransaction): void {
  tx.objectStore('invitations').deleteIndex('byAccount');
  tx.objectStore('facts').deleteIndex('byAccount');
}

/** The facts as version 3 filed them: every record's dates, no `listedDays`. */
function v3Facts(stored: StoredRecord[]) {
  const groups = new Map<string, { account: string; key: string; facts: object; count: number }>();
  for (const r of stored) {
    const listedAt = r.sentLabel === null ? null : r.lastSeenAt;
    const facts = { pending: r.status === 'pending', hidden: r.hidden, sent: r.sent, listedAt, snoozedUntil: null };
    const key = JSON.stringify([
      facts.pending,
      facts.hidden,
      r.sent?.earliest ?? null,
      r.sent?.latest ?? null,
      listedAt,
      null,
    ]);
    const group = groups.get(`${r.account}/${key}`) ?? { account: r.account, key, facts, count: 0 };
    group.count++;
    groups.set(`${r.account}/${key}`, group);
  }
  return [...groups.values()];
}

/** Versions 3 and on: both ledgers, the facts as that version files them, the readings and accounts. */
function fillWithFacts(tx: IDBTransaction, factsOf: (stored: StoredRecord[]) => object[]): void {
  const stored = [...v1Records.map((r) => ({ ...r, account: '' })), { ...graceRecord, account: 'grace' }];
  for (const r of stored) tx.objectStore('invitations').put(r);
  for (const group of factsOf(stored)) tx.objectStore('facts').put(group);
  for (const r of v1Readings) tx.objectStore('readings').add(r);
  tx.objectStore('meta').put({ ...v1Readings[0], id: 1 }, 'lastReading');
  tx.objectStore('meta').put({ ...v1Readings[0], id: 1 }, 'lastCompleteReading');
  tx.objectStore('meta').put({ lastSeen: '', known: ['', 'grace'], question: null }, 'accounts');
}

/** A second account's ledger in the version 2 fixture: must stay apart from the unnamed one. */
const graceRecord = record('zed', { note: "grace's own" });

const v1Records: InvitationRecord[] = [
  record('ada', { note: 'met at PyCon', status: 'accepted', statusSetBy: 'user' }),
  record('bob', { sent: null, hidden: true }),
];
const v1Readings: ReadingLogEntry[] = [
  {
    at: T0,
    url: 'https://www.linkedin.com/mynetwork/invitation-manager/sent/',
    read: 2,
    total: 2,
    complete: true,
    failed: false,
    failureReason: null,
    added: 2,
    markedGone: 0,
  },
];

const FIXTURES: VersionFixture[] = [
  {
    version: 1,
    create(db) {
      const invitations = db.createObjectStore('invitations', { keyPath: 'id' });
      invitations.createIndex('byStatus', 'status');
      invitations.createIndex('bySentEarliest', 'sent.earliest');
      db.createObjectStore('readings', { keyPath: 'id', autoIncrement: true });
      db.createObjectStore('meta');
    },
    fill(tx) {
      for (const r of v1Records) tx.objectStore('invitations').put(r);
      for (const r of v1Readings) tx.objectStore('readings').add(r);
      tx.objectStore('meta').put({ ...v1Readings[0], id: 1 }, 'lastReading');
      tx.objectStore('meta').put({ ...v1Readings[0], id: 1 }, 'lastCompleteReading');
    },
  },
  {
    version: 2,
    create: createV2,
    fill(tx) {
      for (const r of v1Records) tx.objectStore('invitations').put({ ...r, account: '' });
      tx.objectStore('invitations').put({ ...graceRecord, account: 'grace' });
      for (const r of v1Readings) tx.objectStore('readings').add(r);
      tx.objectStore('meta').put({ ...v1Readings[0], id: 1 }, 'lastReading');
      tx.objectStore('meta').put({ ...v1Readings[0], id: 1 }, 'lastCompleteReading');
      tx.objectStore('meta').put({ lastSeen: '', known: ['', 'grace'], question: null }, 'accounts');
    },
  },
  {
    version: 3,
    create: createV3,
    fill: (tx) => fillWithFacts(tx, v3Facts),
  },
  {
    version: 4,
    create: createV4,
    fill: (tx) => fillWithFacts(tx, groupFacts),
  },
  {
    version: 5,
    create: createV5,
    fill: (tx) => fillWithFacts(tx, groupFacts),
  },
];

/** Creates the database at `upTo`, climbing the fixtures' own steps, and fills it at that version. */
function createAt(factory: IDBFactory, name: string, upTo: VersionFixture): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, upTo.version);
    request.onupgradeneeded = (event) => {
      for (const fixture of FIXTURES) {
        if (fixture.version > event.oldVersion && fixture.version <= upTo.version) {
          fixture.create(request.result, request.transaction!);
        }
      }
      // Each version's data as that version stores it (the earlier fixtures' steps only made stores).
      upTo.fill(request.transaction!);
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

const sortFacts = (groups: StoredFactGroup[]) =>
  [...groups].sort((a, b) => `${a.account}/${a.key}`.localeCompare(`${b.account}/${b.key}`));

/** A private IndexedDB for one test, installed where idb's openDB looks for it. */
function freshIndexedDb(): IDBFactory {
  globalThis.indexedDB = new IDBFactory();
  return globalThis.indexedDB;
}

describe('schema migrations', () => {
  it('has a data fixture for every released version up to the current one', () => {
    expect(FIXTURES.map((f) => f.version)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  it('creates every store and index on a fresh install', async () => {
    freshIndexedDb();
    const db = await openLapseDb('fresh');
    expect([...db.objectStoreNames].sort()).toEqual(['facts', 'invitations', 'meta', 'readings']);
    const tx = db.transaction('invitations');
    expect([...tx.store.indexNames].sort()).toEqual(['byAccountChanged', 'byAccountStatus', 'byStatusSent']);
    expect(tx.store.keyPath).toEqual(['account', 'id']);
    expect([...db.transaction('facts').store.indexNames]).toEqual([]);
    db.close();
  });

  it.each(FIXTURES)('opens a version $version database with data and loses nothing', async (fixture) => {
    const factory = freshIndexedDb();
    await createAt(factory, 'old', fixture);
    const db = await openLapseDb('old');
    expect(db.version).toBe(DB_VERSION);
    expect((await getAllRecords(db)).sort((a, b) => a.id.localeCompare(b.id))).toEqual(v1Records);
    expect(await db.getAll('readings')).toEqual([{ ...v1Readings[0], id: 1 }]);
    expect((await lastReadings(db)).lastCompleteReading).toMatchObject({ at: T0 });
    // Every record is in exactly one ledger: the unnamed one, and (version 2) grace's, kept apart.
    const all = await db.getAll('invitations');
    expect(
      all
        .filter((r) => r.account === '')
        .map((r) => r.id)
        .sort(),
    ).toEqual(['ada', 'bob']);
    expect(all.length).toBe(fixture.version === 1 ? 2 : 3);
    if (fixture.version >= 2) expect(await getAllRecords(db, 'grace')).toEqual([graceRecord]);
    // Version 3: the facts counts come from are those of every record there is, per account, and
    // the new indexes find old rows (a record without a send time is absent from the send order).
    expect(sortFacts(await db.getAll('facts'))).toEqual(sortFacts(groupFacts(all)));
    expect(await db.getAllKeysFromIndex('invitations', 'byAccountStatus', ['', 'accepted'])).toEqual([['', 'ada']]);
    const sendOrder = await db.getAllKeysFromIndex('invitations', 'byStatusSent');
    expect(sendOrder).toContainEqual(['', 'ada']);
    expect(sendOrder).not.toContainEqual(['', 'bob']);
    // Version 4: every record is in the status-change order, its own account's only.
    const changed = await db.getAllKeysFromIndex('invitations', 'byAccountChanged', IDBKeyRange.bound([''], ['', []]));
    expect([...changed].sort()).toEqual([
      ['', 'ada'],
      ['', 'bob'],
    ]);
    // Version 5: one account's records and facts are read by key, with no index left to keep.
    expect([...db.transaction('invitations').store.indexNames]).not.toContain('byAccount');
    expect([...db.transaction('facts').store.indexNames]).toEqual([]);
    // And the upgraded database takes new readings without touching the user's edits.
    await applyReading(db, reading(T0 + 1, [person('ada', T0 + 1)]), NOW);
    expect((await getAllRecords(db)).find((r) => r.id === 'ada')).toMatchObject({
      status: 'accepted',
      note: 'met at PyCon',
    });
    db.close();
  });

  it('names the upgraded ledger at the first reading that says whose it is: moved whole, not copied', async () => {
    const factory = freshIndexedDb();
    await createAt(factory, 'named', FIXTURES[0] as VersionFixture);
    const db = await openLapseDb('named');
    const outcome = await applyReading(
      db,
      { ...reading(T0 + 1, [person('bob', T0 + 1)], 'partial'), account: 'me' },
      NOW,
    );
    expect(outcome.account).toBe('me');
    const all = await db.getAll('invitations');
    expect(all.map((r) => [r.account, r.id]).sort()).toEqual([
      ['me', 'ada'],
      ['me', 'bob'],
    ]);
    expect(await getAllRecords(db, 'me')).toContainEqual(expect.objectContaining({ id: 'ada', note: 'met at PyCon' }));
    // The log moved with it: the old entry and the new one are both the account's now.
    expect((await db.getAll('readings')).map((e) => e.account)).toEqual(['me', 'me']);
    expect((await lastReadings(db, 'me')).lastCompleteReading).toMatchObject({ at: T0 });
    db.close();
  });
});
