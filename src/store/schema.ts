import type { DBSchema } from 'idb';
import type { InvitationRecord, LedgerStatus } from '../model/invitation';
import type { ReadingLogEntry } from '../model/reading';

/** The IndexedDB database of the extension origin. One name, one schema, versioned by the ladder in db.ts. */
export const DB_NAME = 'lapse';

/**
 * The schema version the current code writes. Every bump needs a new `if (oldVersion < N)` step in
 * db.ts, a named type for the shape it leaves behind below, and a fixture in
 * tests/unit/store/migrations.test.ts that creates the previous version with data.
 */
export const DB_VERSION = 1;

/** Keys of the `meta` store: the readings the merge and the popup need without scanning the log. */
export type MetaKey = 'lastReading' | 'lastCompleteReading';

/**
 * Version 1. Invitations are stored exactly as `InvitationRecord` (validated before every write).
 * The `bySentEarliest` index reads `sent.earliest`; IndexedDB cannot index a missing value, so
 * records with `sent: null` are simply absent from that index (they are still in the store).
 */
export interface LapseSchemaV1 extends DBSchema {
  invitations: {
    key: string;
    value: InvitationRecord;
    indexes: { byStatus: LedgerStatus; bySentEarliest: number };
  };
  /** The audit trail: one entry per reading, auto-numbered in arrival order. */
  readings: {
    key: number;
    value: ReadingLogEntry;
  };
  meta: {
    key: MetaKey;
    value: ReadingLogEntry;
  };
}

/** The current schema. */
export type LapseSchema = LapseSchemaV1;
