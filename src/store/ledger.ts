import * as z from 'zod/mini';
import { InvitationRecord } from '../model/invitation';
import type { ImportReport } from '../model/messages';
import { invitationId } from '../model/profile';
import {
  type ConnectionsReading,
  ReadingLogEntry,
  type SentPageReading,
  type WithdrawObserved,
} from '../model/reading';
import { describeIssues, ValidationError } from '../model/validate';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  mergeImportedRecord,
  parseEnvelope,
  parseInvitationRow,
  parseReadingRow,
  readingKey,
} from './backup';
import { type ConnectionsMergeResult, mergeConnections } from './connections-merge';
import type { LapseDb } from './db';
import { applyWithdraw, findWithdrawn, type MergeResult, mergeReading } from './merge';

/**
 * The ledger's IndexedDB operations. Each one is one transaction: if the worker is killed half
 * way, IndexedDB rolls it back and the previous state stays. Inside a transaction nothing but its
 * own requests is awaited (anything else lets it auto-commit early); computing happens
 * synchronously between requests.
 */

function assertValid<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): void {
  const result = z.safeParse(schema, value);
  if (!result.success) throw new ValidationError(what, describeIssues(result.error));
}

/** Keeps a failed transaction's rejection from surfacing twice (we rethrow the first error). */
function abortQuietly(tx: { abort(): void; done: Promise<void> }): void {
  tx.done.catch(() => {});
  try {
    tx.abort();
  } catch {
    // Already finished or aborting.
  }
}

/** The later of two log entries: by time, then by arrival order. */
function later(a: ReadingLogEntry | undefined, b: ReadingLogEntry): ReadingLogEntry {
  if (!a) return b;
  if (b.at !== a.at) return b.at > a.at ? b : a;
  return (b.id ?? 0) >= (a.id ?? 0) ? b : a;
}

const isCompleteReading = (entry: ReadingLogEntry) => entry.complete && !entry.failed;

export type ReadingOutcome = Omit<MergeResult, 'upserts'>;

/** Merges one reading (already validated by the caller) and logs it, in one transaction. */
export async function applyReading(db: LapseDb, reading: SentPageReading): Promise<ReadingOutcome> {
  const tx = db.transaction(['invitations', 'readings', 'meta'], 'readwrite');
  const invitations = tx.objectStore('invitations');
  const meta = tx.objectStore('meta');
  try {
    // Only a complete reading needs every record (to find the missing ones); others need theirs.
    const loadRecords = async (): Promise<InvitationRecord[]> => {
      if (reading.failed) return [];
      if (reading.complete) return invitations.getAll();
      const ids = new Set(reading.invitations.map((item) => invitationId(item.profileUrl) ?? item.profileUrl));
      const found = await Promise.all([...ids].map((id) => invitations.get(id)));
      return found.filter((r): r is InvitationRecord => r !== undefined);
    };
    const [records, lastReading, lastComplete] = await Promise.all([
      loadRecords(),
      meta.get('lastReading'),
      meta.get('lastCompleteReading'),
    ]);

    const existing = new Map(records.map((r) => [r.id, r]));
    const result = mergeReading(existing, reading, lastComplete ?? null);
    for (const record of result.upserts) assertValid(InvitationRecord, record, `invitation ${record.id}`);
    assertValid(ReadingLogEntry, result.logEntry, 'reading log entry');

    const [logId] = await Promise.all([
      tx.objectStore('readings').add(result.logEntry),
      ...result.upserts.map((record) => invitations.put(record)),
    ]);
    const logged = { ...result.logEntry, id: logId };
    const metaWrites = [meta.put(later(lastReading, logged), 'lastReading')];
    if (isCompleteReading(logged)) metaWrites.push(meta.put(later(lastComplete, logged), 'lastCompleteReading'));
    await Promise.all([...metaWrites, tx.done]);
    const { upserts: _written, ...outcome } = result;
    return { ...outcome, logEntry: logged };
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/** Records a withdrawal seen on LinkedIn. `matched` is false when no single invitation fits. */
export async function applyWithdrawObserved(db: LapseDb, withdraw: WithdrawObserved): Promise<{ matched: boolean }> {
  const tx = db.transaction('invitations', 'readwrite');
  try {
    const records = await tx.store.getAll();
    const record = findWithdrawn(records, withdraw);
    const next = record ? applyWithdraw(record, withdraw) : null;
    if (next) assertValid(InvitationRecord, next, `invitation ${next.id}`);
    await Promise.all([...(next ? [tx.store.put(next)] : []), tx.done]);
    return { matched: record !== null };
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/**
 * Marks the invitations of people on the Connections page accepted (see connections-merge.ts), in
 * one transaction. A failed reading opens none.
 */
export async function applyConnectionsReading(
  db: LapseDb,
  reading: ConnectionsReading,
): Promise<Omit<ConnectionsMergeResult, 'upserts'> & { changed: number }> {
  if (reading.failed) return { matched: 0, accepted: 0, ignored: 0, changed: 0 };
  const ids = new Set(reading.people.flatMap((person) => invitationId(person.profileUrl) ?? []));
  const tx = db.transaction('invitations', 'readwrite');
  try {
    const found = await Promise.all([...ids].map((id) => tx.store.get(id)));
    const existing = new Map(found.flatMap((record) => (record ? [[record.id, record] as const] : [])));
    const { upserts, ...outcome } = mergeConnections(existing, reading);
    for (const record of upserts) assertValid(InvitationRecord, record, `invitation ${record.id}`);
    await Promise.all([...upserts.map((record) => tx.store.put(record)), tx.done]);
    return { ...outcome, changed: upserts.length };
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

export function getAllRecords(db: LapseDb): Promise<InvitationRecord[]> {
  return db.getAll('invitations');
}

export async function lastReadings(
  db: LapseDb,
): Promise<{ lastReading: ReadingLogEntry | null; lastCompleteReading: ReadingLogEntry | null }> {
  const tx = db.transaction('meta');
  const [lastReading, lastCompleteReading] = await Promise.all([
    tx.store.get('lastReading'),
    tx.store.get('lastCompleteReading'),
    tx.done,
  ]);
  return { lastReading: lastReading ?? null, lastCompleteReading: lastCompleteReading ?? null };
}

/** Applies a user's edit to one record in one transaction; throws if there is no such record. */
async function editRecord(
  db: LapseDb,
  id: string,
  edit: (record: InvitationRecord) => InvitationRecord,
): Promise<InvitationRecord> {
  const tx = db.transaction('invitations', 'readwrite');
  try {
    const record = await tx.store.get(id);
    if (!record) throw new Error(`No invitation with id "${id}" in the ledger`);
    const next = edit(record);
    assertValid(InvitationRecord, next, `invitation ${id}`);
    await Promise.all([tx.store.put(next), tx.done]);
    return next;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/** The user's own status; scans never overwrite it (except `pending`, which hands it back to them). */
export function setStatus(
  db: LapseDb,
  id: string,
  status: 'pending' | 'accepted' | 'withdrawn',
  now: number,
): Promise<InvitationRecord> {
  return editRecord(db, id, (record) =>
    record.status === status && record.statusSetBy === 'user'
      ? record
      : { ...record, status, statusChangedAt: now, statusSetBy: 'user' },
  );
}

export function setHidden(db: LapseDb, id: string, hidden: boolean): Promise<InvitationRecord> {
  return editRecord(db, id, (record) => ({ ...record, hidden }));
}

/** An empty note is no note. */
export function setNote(db: LapseDb, id: string, note: string | null): Promise<InvitationRecord> {
  const text = note?.trim() ? note : null;
  return editRecord(db, id, (record) => ({ ...record, note: text }));
}

/** The whole ledger as one versioned object (the caller adds settings and writes the JSON). */
export async function exportBackup(db: LapseDb, settings: unknown, now: number): Promise<Backup> {
  const tx = db.transaction(['invitations', 'readings']);
  const [invitations, readings] = await Promise.all([
    tx.objectStore('invitations').getAll(),
    tx.objectStore('readings').getAll(),
    tx.done,
  ]);
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, settings, invitations, readings };
}

export interface ImportResult extends ImportReport {
  /** The backup's settings as stored in it (unvalidated); the caller decides whether to apply them. */
  settings: unknown;
}

/**
 * Merges a backup into the ledger; never replaces it. Every row is validated on its own: valid
 * rows are merged, invalid ones reported with their index and why. Importing the same backup
 * twice changes nothing the second time.
 */
export async function importBackup(db: LapseDb, data: unknown): Promise<ImportResult> {
  const envelope = parseEnvelope(data);
  const rejected: ImportReport['rejected'] = [];
  const incoming = new Map<string, InvitationRecord>();
  envelope.invitations.forEach((row, index) => {
    const parsed = parseInvitationRow(row);
    if (!parsed.ok) rejected.push({ index, reason: `invitation: ${parsed.reason}` });
    else incoming.set(parsed.value.id, mergeImportedRecord(incoming.get(parsed.value.id), parsed.value));
  });
  const incomingReadings: ReadingLogEntry[] = [];
  (envelope.readings ?? []).forEach((row, index) => {
    const parsed = parseReadingRow(row);
    if (!parsed.ok) rejected.push({ index, reason: `reading log entry: ${parsed.reason}` });
    else incomingReadings.push(parsed.value);
  });

  const tx = db.transaction(['invitations', 'readings', 'meta'], 'readwrite');
  try {
    const invitations = tx.objectStore('invitations');
    const readings = tx.objectStore('readings');
    const [localRecords, localReadings] = await Promise.all([invitations.getAll(), readings.getAll()]);

    const local = new Map(localRecords.map((r) => [r.id, r]));
    const writes: InvitationRecord[] = [];
    let unchanged = 0;
    for (const record of incoming.values()) {
      const current = local.get(record.id);
      const merged = mergeImportedRecord(current, record);
      if (current && JSON.stringify(merged) === JSON.stringify(current)) unchanged++;
      else writes.push(merged);
    }
    for (const record of writes) assertValid(InvitationRecord, record, `invitation ${record.id}`);

    // Counted, not a set: two identical entries (two failed looks in the same millisecond) are two
    // entries, and a restore must bring both back; re-importing matches each against one already here.
    const knownKeys = new Map<string, number>();
    for (const entry of localReadings) knownKeys.set(readingKey(entry), (knownKeys.get(readingKey(entry)) ?? 0) + 1);
    const usedIds = new Set(localReadings.map((r) => r.id));
    const newReadings: ReadingLogEntry[] = [];
    for (const entry of incomingReadings) {
      const key = readingKey(entry);
      const known = knownKeys.get(key) ?? 0;
      if (known > 0) {
        knownKeys.set(key, known - 1);
        continue;
      }
      // Keep the backup's number when it is free (a restore then matches exactly); else a new one.
      if (entry.id !== undefined && !usedIds.has(entry.id)) {
        usedIds.add(entry.id);
        newReadings.push(entry);
      } else {
        const { id: _taken, ...rest } = entry;
        newReadings.push(rest);
      }
    }

    const [, ids] = await Promise.all([
      Promise.all(writes.map((record) => invitations.put(record))),
      Promise.all(newReadings.map((entry) => readings.put(entry))),
    ]);
    let lastReading: ReadingLogEntry | undefined;
    let lastComplete: ReadingLogEntry | undefined;
    const all = [...localReadings, ...newReadings.map((entry, i) => ({ ...entry, id: ids[i] }))];
    for (const entry of all) {
      lastReading = later(lastReading, entry);
      if (isCompleteReading(entry)) lastComplete = later(lastComplete, entry);
    }
    const meta = tx.objectStore('meta');
    await Promise.all([
      ...(lastReading ? [meta.put(lastReading, 'lastReading')] : []),
      ...(lastComplete ? [meta.put(lastComplete, 'lastCompleteReading')] : []),
      tx.done,
    ]);
    return { imported: writes.length, unchanged, rejected, settings: envelope.settings };
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/** Empties every store; returns how many invitations there were. */
export async function clearLedger(db: LapseDb): Promise<number> {
  const tx = db.transaction(['invitations', 'readings', 'meta'], 'readwrite');
  const [count] = await Promise.all([
    tx.objectStore('invitations').count(),
    tx.objectStore('invitations').clear(),
    tx.objectStore('readings').clear(),
    tx.objectStore('meta').clear(),
    tx.done,
  ]);
  return count;
}
