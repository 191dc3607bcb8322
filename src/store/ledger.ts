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
import { applyWithdraw, entryLoadedAt, findWithdrawn, type MergeResult, mergeReading } from './merge';
import { FUTURE_TOLERANCE_MS, sameRecord, trusted } from './merge-core';

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

/**
 * The later of two log entries: by when their lists were loaded (so a stale tab's reading never
 * passes for the latest), then by arrival order. An entry stamped after `trustUntil` came from a
 * clock that was ahead and gives way to any other.
 */
function later(a: ReadingLogEntry | undefined, b: ReadingLogEntry, trustUntil: number): ReadingLogEntry {
  if (!a) return b;
  const aAt = trusted(entryLoadedAt(a), trustUntil);
  const bAt = trusted(entryLoadedAt(b), trustUntil);
  if (aAt !== bAt) return bAt > aAt ? b : a;
  return (b.id ?? 0) >= (a.id ?? 0) ? b : a;
}

const isCompleteReading = (entry: ReadingLogEntry) => entry.complete && !entry.failed;

export type ReadingOutcome = Omit<MergeResult, 'upserts'>;

/**
 * Merges one reading (already validated by the caller) and logs it, in one transaction. `now` is
 * the worker's clock: a reading stamped ahead of it is logged as refused and changes nothing.
 */
export async function applyReading(db: LapseDb, reading: SentPageReading, now: number): Promise<ReadingOutcome> {
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
    const result = mergeReading(existing, reading, lastComplete ?? null, now);
    for (const record of result.upserts) assertValid(InvitationRecord, record, `invitation ${record.id}`);
    assertValid(ReadingLogEntry, result.logEntry, 'reading log entry');

    const [logId] = await Promise.all([
      tx.objectStore('readings').add(result.logEntry),
      ...result.upserts.map((record) => invitations.put(record)),
    ]);
    const logged = { ...result.logEntry, id: logId };
    const trustUntil = now + FUTURE_TOLERANCE_MS;
    const metaWrites = [meta.put(later(lastReading, logged, trustUntil), 'lastReading')];
    if (isCompleteReading(logged)) {
      metaWrites.push(meta.put(later(lastComplete, logged, trustUntil), 'lastCompleteReading'));
    }
    await Promise.all([...metaWrites, tx.done]);
    const { upserts: _written, ...outcome } = result;
    return { ...outcome, logEntry: logged };
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/** Records a withdrawal seen on LinkedIn. `matched` is false when no single invitation fits. */
export async function applyWithdrawObserved(
  db: LapseDb,
  withdraw: WithdrawObserved,
  now: number,
): Promise<{ matched: boolean }> {
  const tx = db.transaction('invitations', 'readwrite');
  try {
    const records = await tx.store.getAll();
    const record = findWithdrawn(records, withdraw);
    const next = record ? applyWithdraw(record, withdraw, now) : null;
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

/** Hides or shows one invitation; the time of the choice lets it outlast an older backup. */
export function setHidden(db: LapseDb, id: string, hidden: boolean, now: number): Promise<InvitationRecord> {
  return editRecord(db, id, (record) =>
    record.hidden === hidden ? record : { ...record, hidden, hiddenChangedAt: now },
  );
}

/** An empty note is no note. The time of the edit lets it outlast an older backup. */
export function setNote(db: LapseDb, id: string, note: string | null, now: number): Promise<InvitationRecord> {
  const text = note?.trim() ? note : null;
  return editRecord(db, id, (record) =>
    record.note === text ? record : { ...record, note: text, noteChangedAt: now },
  );
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

interface ParsedBackup {
  invitations: Map<string, InvitationRecord>;
  readings: ReadingLogEntry[];
  rejected: ImportReport['rejected'];
  settings: unknown;
}

/** Every row of a backup checked on its own: valid rows kept, invalid ones reported with why. */
function parseBackup(data: unknown): ParsedBackup {
  const envelope = parseEnvelope(data);
  const parsed: ParsedBackup = { invitations: new Map(), readings: [], rejected: [], settings: envelope.settings };
  envelope.invitations.forEach((row, index) => {
    const result = parseInvitationRow(row);
    if (!result.ok) parsed.rejected.push({ index, reason: `invitation: ${result.reason}` });
    else
      parsed.invitations.set(
        result.value.id,
        mergeImportedRecord(parsed.invitations.get(result.value.id), result.value),
      );
  });
  (envelope.readings ?? []).forEach((row, index) => {
    const result = parseReadingRow(row);
    if (!result.ok) parsed.rejected.push({ index, reason: `reading log entry: ${result.reason}` });
    else parsed.readings.push(result.value);
  });
  return parsed;
}

/** The backup's log entries the ledger does not hold yet, numbered as in the backup where free. */
function newLogEntries(local: readonly ReadingLogEntry[], incoming: readonly ReadingLogEntry[]): ReadingLogEntry[] {
  // Counted, not a set: two identical entries (two failed looks in the same millisecond) are two
  // entries, and a restore must bring both back; re-importing matches each against one already here.
  const knownKeys = new Map<string, number>();
  for (const entry of local) knownKeys.set(readingKey(entry), (knownKeys.get(readingKey(entry)) ?? 0) + 1);
  const usedIds = new Set(local.map((r) => r.id));
  const fresh: ReadingLogEntry[] = [];
  for (const entry of incoming) {
    const key = readingKey(entry);
    const known = knownKeys.get(key) ?? 0;
    if (known > 0) {
      knownKeys.set(key, known - 1);
      continue;
    }
    // Keep the backup's number when it is free (a restore then matches exactly); else a new one.
    if (entry.id !== undefined && !usedIds.has(entry.id)) {
      usedIds.add(entry.id);
      fresh.push(entry);
    } else {
      const { id: _taken, ...rest } = entry;
      fresh.push(rest);
    }
  }
  return fresh;
}

/** The records a backup changes, merged by the merge core, and how many it leaves as they are. */
function backupWrites(
  local: ReadonlyMap<string, InvitationRecord>,
  incoming: ReadonlyMap<string, InvitationRecord>,
): { writes: InvitationRecord[]; unchanged: number } {
  const writes: InvitationRecord[] = [];
  let unchanged = 0;
  for (const record of incoming.values()) {
    const current = local.get(record.id);
    const merged = mergeImportedRecord(current, record);
    if (current && sameRecord(merged, current)) unchanged++;
    else writes.push(merged);
  }
  for (const record of writes) assertValid(InvitationRecord, record, `invitation ${record.id}`);
  return { writes, unchanged };
}

/** The latest entry and the latest complete one of a whole log. */
function latestOf(entries: readonly ReadingLogEntry[], trustUntil: number) {
  let lastReading: ReadingLogEntry | undefined;
  let lastComplete: ReadingLogEntry | undefined;
  for (const entry of entries) {
    lastReading = later(lastReading, entry, trustUntil);
    if (isCompleteReading(entry)) lastComplete = later(lastComplete, entry, trustUntil);
  }
  return { lastReading, lastComplete };
}

/**
 * Merges a backup into the ledger; never replaces it. Every row is validated on its own: valid
 * rows are merged, invalid ones reported with their index and why. Restoring a backup of the
 * ledger onto itself, or the same backup twice, changes nothing and reports every row unchanged.
 */
export async function importBackup(db: LapseDb, data: unknown, now: number): Promise<ImportResult> {
  const backup = parseBackup(data);
  const tx = db.transaction(['invitations', 'readings', 'meta'], 'readwrite');
  try {
    const invitations = tx.objectStore('invitations');
    const readings = tx.objectStore('readings');
    const [localRecords, localReadings] = await Promise.all([invitations.getAll(), readings.getAll()]);
    const local = new Map(localRecords.map((r) => [r.id, r]));
    const { writes, unchanged } = backupWrites(local, backup.invitations);
    const newReadings = newLogEntries(localReadings, backup.readings);
    const [, ids] = await Promise.all([
      Promise.all(writes.map((record) => invitations.put(record))),
      Promise.all(newReadings.map((entry) => readings.put(entry))),
    ]);
    const all = localReadings.concat(newReadings.map((entry, i) => ({ ...entry, id: ids[i] })));
    const { lastReading, lastComplete } = latestOf(all, now + FUTURE_TOLERANCE_MS);
    const meta = tx.objectStore('meta');
    await Promise.all([
      ...(lastReading ? [meta.put(lastReading, 'lastReading')] : []),
      ...(lastComplete ? [meta.put(lastComplete, 'lastCompleteReading')] : []),
      tx.done,
    ]);
    return { imported: writes.length, unchanged, rejected: backup.rejected, settings: backup.settings };
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
