import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import * as z from 'zod/mini';
import { type AccountKey, nextPlaceholder, UNNAMED_ACCOUNT } from '../model/account';
import { type FollowUp, InvitationRecord } from '../model/invitation';
import type { ImportReport } from '../model/messages';
import { invitationId } from '../model/profile';
import {
  type ConnectionsReading,
  ReadingLogEntry,
  type SentPageReading,
  type WithdrawObserved,
} from '../model/reading';
import { describeIssues, ValidationError } from '../model/validate';
import { attribute, readingIds, tooManyGone } from './accounts';
import {
  ALL_ACCOUNTS,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  type Envelope,
  mergeImportedRecord,
  parseEnvelope,
  parseInvitationRow,
  parseReadingRow,
  readingKey,
} from './backup';
import { type ConnectionsMergeResult, mergeConnections } from './connections-merge';
import type { LapseDb } from './db';
import { EditRefused } from './edit-refused';
import { putRecords } from './facts';
import { withFollowUp, withoutFollowUp, withSnooze } from './follow-up-edits';
import {
  accountReadings,
  accountRecords,
  currentAccount,
  entryAccount,
  entryFor,
  ledgersFor,
  metaKey,
  moveLedger,
  readAccountsState,
  recordsForReading,
  stamp,
  strip,
  withKnown,
} from './ledgers';
import { applyWithdraw, entryLoadedAt, findWithdrawn, type MergeResult, mergeReading } from './merge';
import { FUTURE_TOLERANCE_MS, sameRecord, trusted } from './merge-core';
import { accountRange } from './paging';
import { readAccountsForPages } from './read';
import type { LapseSchema, StoredRecord } from './schema';

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

export type ReadingOutcome = Omit<MergeResult, 'upserts'> & {
  /** The ledger it went to; null when it was held for the user's answer (nothing applied). */
  account: AccountKey | null;
};

type WriteTx = IDBPTransaction<LapseSchema, StoreNames<LapseSchema>[], 'readwrite'>;

/**
 * Merges `reading` into one account's ledger (its stored records in `stored`) and logs it there.
 * With `guarded`, returns null instead of writing when it would mark most of the ledger gone.
 */
async function mergeInto(
  tx: WriteTx,
  reading: SentPageReading,
  account: AccountKey,
  stored: readonly StoredRecord[],
  now: number,
  guarded: boolean,
): Promise<ReadingOutcome | null> {
  const meta = tx.objectStore('meta');
  const { lastReading, lastComplete } = await accountReadings(tx, account);
  // Read as they are stored: the merge builds every record it returns afresh (merge-core.ts), and
  // they are stamped with this account again, so copies without their account would only cost.
  const storedById = new Map(stored.map((r) => [r.id, r]));
  const result = mergeReading(storedById, reading, lastComplete ?? null, now);
  const pendingBefore = stored.filter((r) => r.status === 'pending').length;
  if (guarded && tooManyGone(result.markedGone, pendingBefore)) return null;
  assertValid(ReadingLogEntry, result.logEntry, 'reading log entry');
  const entry = entryFor(result.logEntry, account);
  const [logId] = await Promise.all([
    tx.objectStore('readings').add(entry),
    putRecords(
      tx,
      result.upserts.map((record) => ({ before: storedById.get(record.id), after: stamp(record, account) })),
      (record) => assertValid(InvitationRecord, record, `invitation ${record.id}`),
    ),
  ]);
  const logged = { ...entry, id: logId };
  const trustUntil = now + FUTURE_TOLERANCE_MS;
  const writes = [meta.put(later(lastReading, logged, trustUntil), metaKey('lastReading', account))];
  if (isCompleteReading(logged)) {
    writes.push(meta.put(later(lastComplete, logged, trustUntil), metaKey('lastCompleteReading', account)));
  }
  await Promise.all(writes);
  const { upserts: _written, ...outcome } = result;
  return { ...outcome, logEntry: logged, account };
}

/** A reading kept unapplied until the user says whose it is (model/account.ts, HeldReading). */
function heldOutcome(reading: SentPageReading): ReadingOutcome {
  const logEntry: ReadingLogEntry = {
    at: reading.observedAt,
    url: reading.url,
    read: reading.invitations.length,
    total: reading.total,
    complete: reading.complete,
    failed: false,
    failureReason: null,
    added: 0,
    markedGone: 0,
  };
  return { added: 0, updated: 0, markedGone: 0, logEntry, account: null };
}

/**
 * Merges one reading (already validated by the caller) into the ledger of its account
 * (accounts.ts decides which) and logs it, in one transaction. `now` is the worker's clock: a
 * reading stamped ahead of it is logged as refused and changes nothing. A reading that may be
 * another account's page is held, and the user asked (answerAccountQuestion).
 */
export async function applyReading(db: LapseDb, reading: SentPageReading, now: number): Promise<ReadingOutcome> {
  const tx = db.transaction(['invitations', 'readings', 'meta', 'facts'], 'readwrite');
  try {
    // Only what the reading touches is read, once: each ledger's pending records and the people
    // it names (a reading costs the same in a ledger of 50,000).
    const ids = readingIds(reading);
    const [state, ledgers] = await Promise.all([readAccountsState(tx), ledgersFor(tx, ids)]);
    const attribution = attribute(reading, ledgers, state.lastSeen, ids);
    let outcome: ReadingOutcome | null = null;
    let next = state;
    if (attribution.kind === 'apply') {
      const { account, adoptFrom } = attribution;
      if (adoptFrom !== null) await moveLedger(tx, adoptFrom, account);
      // Adopted records are the account's once moved: as such they are merged and replaced.
      const read = ledgers.get(adoptFrom ?? account)?.records ?? [];
      const mine = adoptFrom === null ? read : read.map((record) => stamp(strip(record), account));
      outcome = await mergeInto(tx, reading, account, mine, now, attribution.guarded);
      const known = adoptFrom === null ? state.known : state.known.filter((k) => k !== adoptFrom);
      if (outcome) next = withKnown({ ...state, known, lastSeen: account }, account);
    }
    if (!outcome) {
      const candidate = attribution.kind === 'hold' ? attribution.candidate : attribution.account;
      const reason = attribution.kind === 'hold' ? attribution.reason : 'most-would-go';
      next = { ...state, question: { reading, candidate, reason, heldAt: now } };
    }
    await Promise.all([tx.objectStore('meta').put(next, 'accounts'), tx.done]);
    return outcome ?? heldOutcome(reading);
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/**
 * The user's answer to "Is this a different LinkedIn account?": the held reading goes to a new
 * ledger of its own (`different`), or to the account it seemed to belong to, now without the
 * guard (the user has said it is that account's page). Nothing happens when nothing is held.
 */
export async function answerAccountQuestion(
  db: LapseDb,
  different: boolean,
  now: number,
): Promise<ReadingOutcome | null> {
  const tx = db.transaction(['invitations', 'readings', 'meta', 'facts'], 'readwrite');
  try {
    const state = await readAccountsState(tx);
    if (!state.question) {
      await tx.done;
      return null;
    }
    const { reading, candidate } = state.question;
    const account = different ? nextPlaceholder([...state.known, candidate]) : candidate;
    const stored = await recordsForReading(tx, account, readingIds(reading));
    const outcome = await mergeInto(tx, reading, account, stored, now, false);
    const next = withKnown({ ...state, question: null, lastSeen: account }, account);
    await Promise.all([tx.objectStore('meta').put(next, 'accounts'), tx.done]);
    return outcome;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/** The accounts' state (for pages: which accounts there are, the last seen, the open question). */
export const readAccounts = readAccountsForPages;

/** The account pages act on when they name none, read in its own short transaction. */
async function resolveAccount(db: LapseDb, account: AccountKey | undefined): Promise<AccountKey> {
  if (account !== undefined) return account;
  const tx = db.transaction('meta');
  const [state] = await Promise.all([readAccountsState(tx), tx.done]);
  return currentAccount(state);
}

/**
 * Records a withdrawal seen on LinkedIn, in the ledger of the account last read (the withdrawal
 * dialog does not say whose page it is). `matched` is false when no single invitation fits.
 */
export async function applyWithdrawObserved(
  db: LapseDb,
  withdraw: WithdrawObserved,
  now: number,
): Promise<{ matched: boolean }> {
  const account = await resolveAccount(db, undefined);
  const tx = db.transaction(['invitations', 'facts'], 'readwrite');
  try {
    const stored = await accountRecords(tx, account);
    const record = findWithdrawn(stored.map(strip), withdraw);
    const next = record ? applyWithdraw(record, withdraw, now) : null;
    if (next) assertValid(InvitationRecord, next, `invitation ${next.id}`);
    const before = stored.find((r) => r.id === next?.id);
    await Promise.all([...(next ? [putRecords(tx, [{ before, after: stamp(next, account) }])] : []), tx.done]);
    return { matched: record !== null };
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/**
 * The ledger a Connections page belongs to: the account it names, else the only ledger there is.
 * With several ledgers and no name, none: someone else's connections must not mark this
 * account's invitations accepted.
 */
function connectionsAccount(reading: ConnectionsReading, known: readonly AccountKey[]): AccountKey | null {
  if (reading.account) return reading.account;
  if (known.length <= 1) return known[0] ?? UNNAMED_ACCOUNT;
  return null;
}

/**
 * Marks the invitations of people on the Connections page accepted (see connections-merge.ts), in
 * one transaction. A failed reading opens none.
 */
export async function applyConnectionsReading(
  db: LapseDb,
  reading: ConnectionsReading,
): Promise<Omit<ConnectionsMergeResult, 'upserts'> & { changed: number }> {
  const nothing = { matched: 0, accepted: 0, ignored: 0, changed: 0 };
  if (reading.failed) return nothing;
  const account = connectionsAccount(reading, (await readAccounts(db)).known);
  if (account === null) return nothing;
  const ids = new Set(reading.people.flatMap((person) => invitationId(person.profileUrl) ?? []));
  const tx = db.transaction(['invitations', 'facts'], 'readwrite');
  try {
    const invitations = tx.objectStore('invitations');
    const found = await Promise.all([...ids].map((id) => invitations.get([account, id])));
    const storedById = new Map(found.flatMap((stored) => (stored ? [[stored.id, stored] as const] : [])));
    const existing = new Map([...storedById].map(([id, stored]) => [id, strip(stored)]));
    const { upserts, ...outcome } = mergeConnections(existing, reading);
    for (const record of upserts) assertValid(InvitationRecord, record, `invitation ${record.id}`);
    const writes = upserts.map((record) => ({ before: storedById.get(record.id), after: stamp(record, account) }));
    await Promise.all([putRecords(tx, writes), tx.done]);
    return { ...outcome, changed: upserts.length };
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/** One account's records (the account last read when none is named). */
export async function getAllRecords(db: LapseDb, account?: AccountKey): Promise<InvitationRecord[]> {
  const chosen = await resolveAccount(db, account);
  return (await db.getAll('invitations', accountRange(chosen))).map(strip);
}

export async function lastReadings(
  db: LapseDb,
  account?: AccountKey,
): Promise<{ lastReading: ReadingLogEntry | null; lastCompleteReading: ReadingLogEntry | null }> {
  const chosen = await resolveAccount(db, account);
  const tx = db.transaction('meta');
  const [{ lastReading, lastComplete }] = await Promise.all([accountReadings(tx, chosen), tx.done]);
  return { lastReading: lastReading ?? null, lastCompleteReading: lastComplete ?? null };
}

/** Applies a user's edit to one record in one transaction; refused (EditRefused) if there is no such record. */
async function editRecord(
  db: LapseDb,
  id: string,
  account: AccountKey | undefined,
  edit: (record: InvitationRecord) => InvitationRecord,
): Promise<InvitationRecord> {
  // One transaction from the account's choice to the write: an edit costs one round trip.
  const tx = db.transaction(['invitations', 'facts', 'meta'], 'readwrite');
  try {
    const chosen = account ?? currentAccount(await readAccountsState(tx));
    const stored = await tx.objectStore('invitations').get([chosen, id]);
    if (!stored) throw new EditRefused('record-gone', `No invitation with id "${id}" in the ledger`);
    const next = edit(strip(stored));
    assertValid(InvitationRecord, next, `invitation ${id}`);
    await Promise.all([putRecords(tx, [{ before: stored, after: stamp(next, chosen) }]), tx.done]);
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
  account?: AccountKey,
): Promise<InvitationRecord> {
  return editRecord(db, id, account, (record) =>
    record.status === status && record.statusSetBy === 'user'
      ? record
      : { ...record, status, statusChangedAt: now, statusSetBy: 'user' },
  );
}

/** Hides or shows one invitation; the time of the choice lets it outlast an older backup. */
export function setHidden(
  db: LapseDb,
  id: string,
  hidden: boolean,
  now: number,
  account?: AccountKey,
): Promise<InvitationRecord> {
  return editRecord(db, id, account, (record) =>
    record.hidden === hidden ? record : { ...record, hidden, hiddenChangedAt: now },
  );
}

/** An empty note is no note. The time of the edit lets it outlast an older backup. */
export function setNote(
  db: LapseDb,
  id: string,
  note: string | null,
  now: number,
  account?: AccountKey,
): Promise<InvitationRecord> {
  const text = note?.trim() ? note : null;
  return editRecord(db, id, account, (record) =>
    record.note === text ? record : { ...record, note: text, noteChangedAt: now },
  );
}

/** Logs a follow-up the user sent (follow-up-edits.ts says what is refused). */
export function logFollowUp(
  db: LapseDb,
  id: string,
  followUp: FollowUp,
  now: number,
  account?: AccountKey,
): Promise<InvitationRecord> {
  return editRecord(db, id, account, (record) => withFollowUp(record, followUp, now));
}

/** Takes back the follow-up logged at `at` ("Undo"). */
export function undoFollowUp(
  db: LapseDb,
  id: string,
  at: number,
  now: number,
  account?: AccountKey,
): Promise<InvitationRecord> {
  return editRecord(db, id, account, (record) => withoutFollowUp(record, at, now));
}

/** Snoozes one invitation until `until`, or wakes it (null). */
export function setSnooze(
  db: LapseDb,
  id: string,
  until: number | null,
  now: number,
  account?: AccountKey,
): Promise<InvitationRecord> {
  return editRecord(db, id, account, (record) => withSnooze(record, until, now));
}

/**
 * One account's ledger (or every account's, with ALL_ACCOUNTS) as one versioned object; the
 * caller adds settings and writes the JSON. The backup names its account, and so does each row.
 */
export async function exportBackup(
  db: LapseDb,
  settings: unknown,
  now: number,
  which?: AccountKey | typeof ALL_ACCOUNTS,
): Promise<Backup> {
  const account = which === ALL_ACCOUNTS ? null : await resolveAccount(db, which);
  const tx = db.transaction(['invitations', 'readings']);
  const [invitations, readings] = await Promise.all([
    account === null ? tx.objectStore('invitations').getAll() : accountRecords(tx, account),
    tx.objectStore('readings').getAll(),
    tx.done,
  ]);
  const mine = account === null ? readings : readings.filter((entry) => entryAccount(entry) === account);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    account: account ?? ALL_ACCOUNTS,
    settings,
    invitations,
    readings: mine,
  };
}

export interface ImportResult extends ImportReport {
  /** The backup's settings as stored in it (unvalidated); the caller decides whether to apply them. */
  settings: unknown;
}

interface ParsedBackup {
  /** Keyed by account and id (recordKey): one row per person and account. */
  invitations: Map<string, StoredRecord>;
  readings: ReadingLogEntry[];
  rejected: ImportReport['rejected'];
}

/**
 * A backup's rows, all of them or one batch of a file read in parts: `firstInvitation` and
 * `firstReading` number the batch's first row of each list in the whole file (for the report).
 */
export interface BackupRows {
  invitations: readonly unknown[];
  readings: readonly unknown[];
  firstInvitation?: number;
  firstReading?: number;
}

const recordKey = (account: AccountKey, id: string) => `${account}\u0000${id}`;

/**
 * Every row of a backup checked on its own: valid rows kept, invalid ones reported with why. A row
 * goes to the account it names; a row naming none (version 1) to the account the backup names,
 * else to `fallback`.
 */
function parseBackup(envelope: Envelope, rows: BackupRows, fallback: AccountKey): ParsedBackup {
  const into = envelope.account === undefined || envelope.account === ALL_ACCOUNTS ? fallback : envelope.account;
  const parsed: ParsedBackup = { invitations: new Map(), readings: [], rejected: [] };
  const { firstInvitation = 0, firstReading = 0 } = rows;
  rows.invitations.forEach((row, i) => {
    const result = parseInvitationRow(row);
    if (!result.ok) {
      parsed.rejected.push({ index: firstInvitation + i, reason: `invitation: ${result.reason}` });
      return;
    }
    const { account = into, ...record } = result.value;
    const key = recordKey(account, record.id);
    const known = parsed.invitations.get(key);
    parsed.invitations.set(key, stamp(mergeImportedRecord(known && strip(known), record), account));
  });
  rows.readings.forEach((row, i) => {
    const result = parseReadingRow(row);
    if (!result.ok) parsed.rejected.push({ index: firstReading + i, reason: `reading log entry: ${result.reason}` });
    else parsed.readings.push(envelope.version < 2 ? entryFor(result.value, into) : result.value);
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
  local: ReadonlyMap<string, StoredRecord>,
  incoming: ReadonlyMap<string, StoredRecord>,
): { writes: StoredRecord[]; unchanged: number } {
  const writes: StoredRecord[] = [];
  let unchanged = 0;
  for (const [key, stored] of incoming) {
    const current = local.get(key);
    const record = strip(stored);
    const merged = mergeImportedRecord(current && strip(current), record);
    if (current && sameRecord(merged, strip(current))) unchanged++;
    else writes.push(stamp(merged, stored.account));
  }
  for (const record of writes) assertValid(InvitationRecord, record, `invitation ${record.id}`);
  return { writes, unchanged };
}

/** The latest entry and the latest complete one of each account's log. */
function latestOf(entries: readonly ReadingLogEntry[], trustUntil: number) {
  const latest = new Map<AccountKey, { lastReading?: ReadingLogEntry; lastComplete?: ReadingLogEntry }>();
  for (const entry of entries) {
    const account = entryAccount(entry);
    const known = latest.get(account) ?? {};
    known.lastReading = later(known.lastReading, entry, trustUntil);
    if (isCompleteReading(entry)) known.lastComplete = later(known.lastComplete, entry, trustUntil);
    latest.set(account, known);
  }
  return latest;
}

type InvitationStore = IDBPObjectStore<LapseSchema, StoreNames<LapseSchema>[], 'invitations', 'readwrite'>;

/**
 * The ledger's own versions of a batch's records: only the records it names, so a batch costs the
 * same however large the ledger. A file Lapse wrote lists them in key order: one read of the keys
 * from the batch's first to its last says which exist (none, restoring into an empty ledger), and
 * only those are read. A range holding more than twice the batch (a sparse or reordered file) is
 * not listed: every record is asked for instead.
 */
async function localVersions(store: InvitationStore, batch: readonly StoredRecord[]): Promise<StoredRecord[]> {
  if (batch.length === 0) return [];
  const keys = batch.map((r): [AccountKey, string] => [r.account, r.id]);
  const first = keys.reduce((a, b) => (indexedDB.cmp(a, b) <= 0 ? a : b));
  const last = keys.reduce((a, b) => (indexedDB.cmp(a, b) >= 0 ? a : b));
  const limit = 2 * keys.length;
  const held = await store.getAllKeys(IDBKeyRange.bound(first, last), limit);
  const wanted = new Set(keys.map(([account, id]) => recordKey(account, id)));
  const existing = held.length < limit ? held.filter(([account, id]) => wanted.has(recordKey(account, id))) : keys;
  const found = await Promise.all(existing.map((key) => store.get(key)));
  return found.filter((r) => r !== undefined);
}

/**
 * Merges a backup into the ledger; never replaces it. Every row is validated on its own: valid
 * rows are merged, invalid ones reported with their index and why. Each row restores into the
 * account it (or the backup) names; a backup naming none into `into`, else the current account.
 * Restoring a backup of the ledger onto itself, or the same backup twice, changes nothing and
 * reports every row unchanged.
 */
export async function importBackup(db: LapseDb, data: unknown, now: number, into?: AccountKey): Promise<ImportResult> {
  const envelope = parseEnvelope(data);
  const rows = { invitations: envelope.invitations, readings: envelope.readings ?? [] };
  return { ...(await importBackupRows(db, envelope, rows, now, into)), settings: envelope.settings };
}

/**
 * Merges some rows of a backup (all, or one batch of a file read in parts) in one transaction.
 * The merge core only ever adds what the ledger did not know, and merging a row twice changes
 * nothing the second time: a file merged batch by batch loses no fact if it stops half way, and
 * merging it again finishes the work.
 */
export async function importBackupRows(
  db: LapseDb,
  envelope: Envelope,
  rows: BackupRows,
  now: number,
  into?: AccountKey,
): Promise<ImportReport> {
  const backup = parseBackup(envelope, rows, await resolveAccount(db, into));
  const tx = db.transaction(['invitations', 'readings', 'meta', 'facts'], 'readwrite');
  try {
    const invitations = tx.objectStore('invitations');
    const readings = tx.objectStore('readings');
    const [localRecords, localReadings, state] = await Promise.all([
      localVersions(invitations, [...backup.invitations.values()]),
      backup.readings.length > 0 ? readings.getAll() : ([] as ReadingLogEntry[]),
      readAccountsState(tx),
    ]);
    const local = new Map(localRecords.map((r) => [recordKey(r.account, r.id), r] as const));
    const { writes, unchanged } = backupWrites(local, backup.invitations);
    const newReadings = newLogEntries(localReadings, backup.readings);
    const [, ids] = await Promise.all([
      putRecords(
        tx,
        writes.map((record) => ({ before: local.get(recordKey(record.account, record.id)), after: record })),
      ),
      Promise.all(newReadings.map((entry) => readings.put(entry))),
    ]);
    const meta = tx.objectStore('meta');
    const metaWrites: Promise<unknown>[] = [];
    if (newReadings.length > 0) {
      const all = localReadings.concat(newReadings.map((entry, i) => ({ ...entry, id: ids[i] })));
      for (const [account, { lastReading, lastComplete }] of latestOf(all, now + FUTURE_TOLERANCE_MS)) {
        if (lastReading) metaWrites.push(meta.put(lastReading, metaKey('lastReading', account)));
        if (lastComplete) metaWrites.push(meta.put(lastComplete, metaKey('lastCompleteReading', account)));
      }
    }
    let nextState = state;
    for (const record of writes) nextState = withKnown(nextState, record.account);
    await Promise.all([...metaWrites, meta.put(nextState, 'accounts'), tx.done]);
    return { imported: writes.length, unchanged, rejected: backup.rejected };
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/** Empties every store; returns how many invitations there were. */
export async function clearLedger(db: LapseDb): Promise<number> {
  const tx = db.transaction(['invitations', 'readings', 'meta', 'facts'], 'readwrite');
  const [count] = await Promise.all([
    tx.objectStore('invitations').count(),
    tx.objectStore('invitations').clear(),
    tx.objectStore('facts').clear(),
    tx.objectStore('readings').clear(),
    tx.objectStore('meta').clear(),
    tx.done,
  ]);
  return count;
}
