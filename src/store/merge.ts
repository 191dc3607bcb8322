import type { IntervalConflict, InvitationRecord } from '../model/invitation';
import { canonicalProfileUrl, invitationId } from '../model/profile';
import type {
  ReadInvitation,
  ReadingFailure,
  ReadingLogEntry,
  SentPageReading,
  WithdrawObserved,
} from '../model/reading';
import { narrow } from '../rules/narrow';
import {
  type Fact,
  FUTURE_TOLERANCE_MS,
  type MergeContext,
  mergeFact,
  sameRecord,
  trusted,
  withConflicts,
} from './merge-core';

export { MAX_CONFLICTS } from './merge-core';

export interface MergeResult {
  /** New records and records that changed; nothing else needs writing. */
  upserts: InvitationRecord[];
  added: number;
  /** Existing records whose content changed (including those marked gone). */
  updated: number;
  markedGone: number;
  logEntry: ReadingLogEntry;
}

type Records = ReadonlyMap<string, InvitationRecord>;

/** The latest complete reading, as far as the merge needs it. */
export type LastComplete = Pick<ReadingLogEntry, 'at' | 'loadedAt'>;

/** When a reading's list was loaded: never after the look itself. */
export function loadedAtOf(reading: Pick<SentPageReading, 'observedAt' | 'loadedAt'>): number {
  return Math.min(reading.loadedAt, reading.observedAt);
}

/** When a logged reading's list was loaded (entries logged before loadedAt existed: their time). */
export function entryLoadedAt(entry: LastComplete): number {
  return entry.loadedAt ?? entry.at;
}

/**
 * An invitation new to the ledger. If a complete reading loaded before this one did not contain
 * it, it was sent after that reading: its interval shrinks to [that reading, this one] where
 * tighter. A label that says otherwise is kept (it is the direct observation) and the
 * contradiction recorded.
 */
function firstSighting(id: string, item: ReadInvitation, at: number, sinceComplete: number | null): InvitationRecord {
  let sent = item.sent ? { ...item.sent } : null;
  let conflicts: IntervalConflict[] = [];
  if (sinceComplete !== null && sinceComplete < at) {
    const span = { earliest: sinceComplete, latest: at };
    if (sent === null) sent = span;
    else {
      const narrowed = narrow(span, sent, at);
      sent = narrowed.interval;
      conflicts = withConflicts(conflicts, narrowed.conflict ? [narrowed.conflict] : []);
    }
  }
  return {
    id,
    profileUrl: canonicalProfileUrl(item.profileUrl) ?? item.profileUrl,
    name: item.name,
    headline: item.headline,
    sentLabel: item.sentLabel,
    sent,
    conflicts,
    firstSeenAt: at,
    lastSeenAt: at,
    status: 'pending',
    statusChangedAt: at,
    statusSetBy: 'scan',
    hidden: false,
    note: null,
    inviteMessage: item.inviteMessage ?? null,
  };
}

/** Statuses a complete reading that lists the person takes back: it is on the Sent page again. */
const UNDONE_BY_SIGHTING: ReadonlySet<InvitationRecord['status']> = new Set(['gone', 'withdrawn']);

/**
 * What one card of the Sent page says about a known invitation. A complete reading also says it
 * is pending: that undoes a scan's "gone" or "withdrawn" older than the list (a re-invitation),
 * never a status the user set (the merge core decides).
 */
function sightingFact(record: InvitationRecord, item: ReadInvitation, at: number, settles: boolean): Fact {
  const fact: Fact = {
    profileUrl: canonicalProfileUrl(item.profileUrl) ?? item.profileUrl,
    name: item.name,
    headline: item.headline,
    sentLabel: item.sentLabel,
    lastSeenAt: at,
  };
  if (item.inviteMessage != null) fact.inviteMessage = item.inviteMessage;
  if (item.sent) fact.sent = item.sent;
  if (settles && UNDONE_BY_SIGHTING.has(record.status)) {
    Object.assign(fact, { status: 'pending', statusChangedAt: at, statusSetBy: 'scan' } satisfies Fact);
  }
  return fact;
}

function logEntryFor(
  reading: SentPageReading,
  added: number,
  markedGone: number,
  refusal: ReadingFailure | null,
): ReadingLogEntry {
  return {
    at: reading.observedAt,
    loadedAt: loadedAtOf(reading),
    url: reading.url,
    read: reading.invitations.length,
    total: reading.total,
    complete: reading.complete,
    failed: reading.failed || refusal !== null,
    failureReason: null,
    failure: refusal ?? reading.failure,
    added,
    markedGone,
  };
}

/**
 * Why a reading is refused whole, or null. A reading stamped ahead of the worker's clock comes
 * from a clock that was wrong: applied, it would make every later reading look stale.
 */
export function refusalOf(reading: SentPageReading, now: number): ReadingFailure | null {
  const ahead = Math.max(reading.observedAt, reading.loadedAt) - now;
  if (ahead <= FUTURE_TOLERANCE_MS) return null;
  return { code: 'clock-ahead', minutes: Math.round(ahead / 60_000) };
}

/**
 * Marks pending invitations a complete reading did not list as gone, unless a reading loaded
 * after this one saw them or they were set pending after it (this reading is stale for them).
 */
function markMissingGone(
  existing: Records,
  seen: ReadonlySet<string>,
  at: number,
  ctx: MergeContext,
  changed: Map<string, InvitationRecord>,
): number {
  let markedGone = 0;
  const gone: Fact = { status: 'gone', statusChangedAt: at, statusSetBy: 'scan' };
  for (const record of existing.values()) {
    if (seen.has(record.id) || record.status !== 'pending') continue;
    if (trusted(record.lastSeenAt, ctx.trustUntil) >= at || trusted(record.statusChangedAt, ctx.trustUntil) >= at) {
      continue;
    }
    const next = mergeFact(record, gone, ctx);
    if (next.status !== 'gone') continue;
    changed.set(record.id, next);
    markedGone++;
  }
  return markedGone;
}

/**
 * Merges one reading into the ledger, purely. `existing` must hold every record the reading names
 * and, for a complete reading, every record (the missing ones may become gone). `now` is the
 * worker's clock.
 *
 * - A failed reading changes nothing; it is only logged. So is one stamped in the future.
 * - A partial reading adds and updates, but changes no status.
 * - A complete reading also marks pending invitations missing from it as gone, and brings gone
 *   and withdrawn ones that reappear back to pending — unless its list was loaded before that of
 *   the latest complete reading applied: a stale tab cannot undo a newer reading.
 */
export function mergeReading(
  existing: Records,
  reading: SentPageReading,
  lastComplete: LastComplete | null,
  now: number,
): MergeResult {
  const refusal = refusalOf(reading, now);
  if (reading.failed || refusal !== null) {
    return { upserts: [], added: 0, updated: 0, markedGone: 0, logEntry: logEntryFor(reading, 0, 0, refusal) };
  }
  const at = loadedAtOf(reading);
  const ctx: MergeContext = { at, exact: false, trustUntil: now + FUTURE_TOLERANCE_MS };
  const sinceComplete = lastComplete ? trusted(entryLoadedAt(lastComplete), ctx.trustUntil) : null;
  const settles = reading.complete && (sinceComplete === null || sinceComplete <= at);
  const changed = new Map<string, InvitationRecord>();
  const seen = new Set<string>();
  let added = 0;
  for (const item of reading.invitations) {
    const id = invitationId(item.profileUrl);
    if (id === null) continue;
    seen.add(id);
    const current = changed.get(id) ?? existing.get(id);
    if (!current) {
      changed.set(id, firstSighting(id, item, at, sinceComplete === Number.NEGATIVE_INFINITY ? null : sinceComplete));
      added++;
      continue;
    }
    const next = mergeFact(current, sightingFact(current, item, at, settles), ctx);
    if (!sameRecord(next, current)) changed.set(id, next);
  }
  const markedGone = settles ? markMissingGone(existing, seen, at, ctx, changed) : 0;
  const upserts = [...changed.values()];
  return {
    upserts,
    added,
    updated: upserts.length - added,
    markedGone,
    logEntry: logEntryFor(reading, added, markedGone, null),
  };
}

/** NFC and outer whitespace only: "exact" names, as LinkedIn's dialog and list print them. */
function exactName(name: string): string {
  return name.normalize('NFC').trim();
}

/**
 * Finds the invitation the user just withdrew on LinkedIn: by profile link, else by a name that
 * exactly one pending invitation has. Null when nothing (or more than one) matches.
 */
export function findWithdrawn(
  records: Iterable<InvitationRecord>,
  withdraw: WithdrawObserved,
): InvitationRecord | null {
  const id = withdraw.profileUrl ? invitationId(withdraw.profileUrl) : null;
  const byName: InvitationRecord[] = [];
  const name = exactName(withdraw.name);
  for (const record of records) {
    if (id !== null && record.id === id) return record;
    if (record.status === 'pending' && exactName(record.name) === name) byName.push(record);
  }
  return byName.length === 1 ? (byName[0] ?? null) : null;
}

/** The record after a withdrawal was observed, or null when nothing changes (a user-set status stays). */
export function applyWithdraw(
  record: InvitationRecord,
  withdraw: WithdrawObserved,
  now: number,
): InvitationRecord | null {
  if (record.status === 'withdrawn') return null;
  const fact: Fact = { status: 'withdrawn', statusChangedAt: withdraw.at, statusSetBy: 'scan' };
  const next = mergeFact(record, fact, { at: withdraw.at, exact: false, trustUntil: now + FUTURE_TOLERANCE_MS });
  return sameRecord(next, record) ? null : next;
}
