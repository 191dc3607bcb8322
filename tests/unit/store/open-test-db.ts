// idb's wrapper recognises requests by the IDB* globals, which Node lacks.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { type LapseDb, openLapseDb } from '../../../src/store/db';

/** A fresh, private IndexedDB per test: no state leaks between tests. */
export function openTestDb(): Promise<LapseDb> {
  globalThis.indexedDB = new IDBFactory();
  return openLapseDb('lapse-test');
}
