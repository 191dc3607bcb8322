import type { DBSchema } from 'idb';
import type { AccountKey, AccountsState } from '../model/account';
import type { FactGroup } from '../model/count-facts';
import type { InvitationRecord, LedgerStatus } from '../model/invitation';
import type { ReadingLogEntry } from '../model/reading';

/** The IndexedDB database of the extension origin. One name, one schema, versioned by the ladder in db.ts. */
export const DB_NAME = 'lapse';

/**
 * The schema version the current code writes. Every bump needs a new `if (oldVersion < N)` step in
 * db.ts, a named type for the shape it leaves behind below, and a fixture in
 * tests/unit/store/migrations.test.ts that creates the previous version with data.
 */
export const DB_VERSION = 5;

/**
 * Keys of the `meta` store: the readings the merge and the popup need without scanning the log,
 * per account (`lastReading` alone is the unnamed ledger's, as in version 1: see metaKey in
 * ledger.ts), and the accounts' state.
 */
export type ReadingMetaKey =
  | 'lastReading'
  | 'lastCompleteReading'
  | `${'lastReading' | 'lastCompleteReading'}/${string}`;
export type MetaKey = ReadingMetaKey | 'accounts';

/** A record as stored from version 2 on: the invitation and the account whose ledger holds it. */
export type StoredRecord = InvitationRecord & { account: AccountKey };

/**
 * Version 2: one ledger per LinkedIn account. Invitations are keyed by [account, id] (two
 * accounts may invite the same person), with `byAccount` to read one ledger. Log entries carry
 * `account` (absent: the unnamed ledger); meta holds per-account readings and `accounts`.
 * The upgrade moved every version-1 record into the unnamed ledger ('').
 */
export interface LapseSchemaV2 extends DBSchema {
  invitations: {
    key: [AccountKey, string];
    value: StoredRecord;
    indexes: { byStatus: LedgerStatus; bySentEarliest: number; byAccount: AccountKey };
  };
  readings: {
    key: number;
    value: ReadingLogEntry;
  };
  meta: {
    key: MetaKey;
    value: ReadingLogEntry | AccountsState;
  };
}

/** One group of the `facts` store: how many of `account`'s records hold `facts` (store/facts.ts). */
export type StoredFactGroup = FactGroup & { account: AccountKey; key: string };

/**
 * Version 3: fast at 50,000 records. `facts` keeps, per account, how many records hold each set
 * of the facts counts depend on, changed in the same transaction as every record write; the
 * upgrade fills it from the records. Two indexes read one account's records by status
 * (`byAccountStatus`), and its records of one status in send order (`byStatusSent`; records
 * without a send time are absent from it, as from `bySentEarliest`).
 */
export interface LapseSchemaV3 extends DBSchema {
  invitations: {
    key: [AccountKey, string];
    value: StoredRecord;
    indexes: {
      byStatus: LedgerStatus;
      bySentEarliest: number;
      byAccount: AccountKey;
      byAccountStatus: [AccountKey, LedgerStatus];
      byStatusSent: [AccountKey, LedgerStatus, number];
    };
  };
  readings: LapseSchemaV2['readings'];
  meta: LapseSchemaV2['meta'];
  facts: {
    key: [AccountKey, string];
    value: StoredFactGroup;
    indexes: { byAccount: AccountKey };
  };
}

/**
 * Version 4: the popup reads only what it shows. `byAccountChanged` hands one account's records
 * by when their status last changed, so "Resolved" (most recently changed first) is read a page
 * at a time, however long the ledger's history. The facts gain `listedDays`, and a resolved
 * record's facts keep only that (model/count-facts.ts): the upgrade files them anew. The
 * account-blind `byStatus` and `bySentEarliest` of version 1 are gone.
 */
export interface LapseSchemaV4 extends DBSchema {
  invitations: {
    key: [AccountKey, string];
    value: StoredRecord;
    indexes: {
      byAccount: AccountKey;
      byAccountStatus: [AccountKey, LedgerStatus];
      byStatusSent: [AccountKey, LedgerStatus, number];
      byAccountChanged: [AccountKey, number];
    };
  };
  readings: LapseSchemaV3['readings'];
  meta: LapseSchemaV3['meta'];
  facts: LapseSchemaV3['facts'];
}

/**
 * Version 5: no `byAccount` index, on invitations or facts. Both stores are keyed by
 * [account, …], so their keys already hold one account's entries together (paging.ts
 * accountRange); the index repeated that order, and every write paid for it.
 */
export interface LapseSchemaV5 extends DBSchema {
  invitations: {
    key: [AccountKey, string];
    value: StoredRecord;
    indexes: {
      byAccountStatus: [AccountKey, LedgerStatus];
      byStatusSent: [AccountKey, LedgerStatus, number];
      byAccountChanged: [AccountKey, number];
    };
  };
  readings: LapseSchemaV4['readings'];
  meta: LapseSchemaV4['meta'];
  facts: {
    key: [AccountKey, string];
    value: StoredFactGroup;
  };
}

/** The current schema. */
export type LapseSchema = LapseSchemaV5;
