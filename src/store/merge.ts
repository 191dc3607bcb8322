import type { IntervalConflict, InvitationRecord } from '../model/invitation';
import { canonicalProfileUrl, invitationId } from '../model/profile';
import type { ReadInvitation, ReadingLogEntry, SentPageReading, WithdrawObserved } from '../model/reading';
import type { Interval } from '../model/time';
import { narrow } from '../rules/narrow';

/** Contradictions kept per record: enough for the audit trail, bounded so a flapping label cannot grow it. */
export const MAX_CONFLICTS = 10;

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

/**
 * A status a scan may not change: what the user (or an exact import) decided. A user who sets an
 * invitation back to `pending` hands it back to the scans, so pending is never protected.
 */
export function isProtected(record: InvitationRecord): boolean {
  return record.statusSetBy !== 'scan' && record.status !== 'pending';
}

function withConflict(conflicts: readonly IntervalConflict[], conflict: IntervalConflict | null): IntervalConflict[] {
  if (!conflict) return conflicts as IntervalConflict[];
  return [...conflicts, conflict].slice(-MAX_CONFLICTS);
}

function sameInterval(a: Interval | null, b: Interval | null): boolean {
  return a === b || (a !== null && b !== null && a.earliest === b.earliest && a.latest === b.latest);
}

/** Field-by-field equality of the parts a merge can change (conflicts only grow, so length suffices). */
function unchanged(a: InvitationRecord, b: InvitationRecord): boolean {
  return (
    a.profileUrl === b.profileUrl &&
    a.name === b.name &&
    a.headline === b.headline &&
    a.sentLabel === b.sentLabel &&
    a.inviteMessage === b.inviteMessage &&
    sameInterval(a.sent, b.sent) &&
    a.conflicts.length === b.conflicts.length &&
    a.conflicts.at(-1) === b.conflicts.at(-1) &&
    a.firstSeenAt === b.firstSeenAt &&
    a.lastSeenAt === b.lastSeenAt &&
    a.status === b.status &&
    a.statusChangedAt === b.statusChangedAt &&
    a.statusSetBy === b.statusSetBy
  );
}

/**
 * An invitation new to the ledger. If a complete reading before this one did not contain it, it
 * was sent after that reading: its interval shrinks to [that reading, this one] where tighter. A
 * label that says otherwise is kept (it is the direct observation) and the contradiction recorded.
 */
function firstSighting(
  id: string,
  item: ReadInvitation,
  at: number,
  lastComplete: Pick<ReadingLogEntry, 'at'> | null,
): InvitationRecord {
  let sent = item.sent ? { ...item.sent } : null;
  let conflicts: IntervalConflict[] = [];
  if (lastComplete && lastComplete.at < at) {
    const span = { earliest: lastComplete.at, latest: at };
    if (sent === null) sent = span;
    else {
      const narrowed = narrow(span, sent, at);
      sent = narrowed.interval;
      conflicts = withConflict(conflicts, narrowed.conflict);
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

/** A known invitation seen again. Notes, hidden and protected statuses are never touched. */
function seenAgain(record: InvitationRecord, item: ReadInvitation, reading: SentPageReading): InvitationRecord {
  const at = reading.observedAt;
  const next: InvitationRecord = { ...record };
  // A reading that arrives late (older than what we have) still narrows, but does not rename.
  if (at >= record.lastSeenAt) {
    next.profileUrl = canonicalProfileUrl(item.profileUrl) ?? item.profileUrl;
    next.name = item.name;
    next.headline = item.headline;
    next.sentLabel = item.sentLabel;
    next.inviteMessage = item.inviteMessage ?? record.inviteMessage;
    next.lastSeenAt = at;
  }
  if (item.sent) {
    const narrowed = narrow(record.sent, item.sent, at);
    if (narrowed.conflict && record.sentExact && record.sent) {
      // The export's exact minute outranks a coarse label that disagrees with it; the
      // disagreement is still recorded.
      next.conflicts = withConflict(record.conflicts, { at, kept: record.sent, rejected: item.sent });
    } else {
      next.sent = narrowed.interval;
      next.conflicts = withConflict(record.conflicts, narrowed.conflict);
    }
  }
  // Back on the page after a complete reading missed it: pending again. Only a complete reading
  // may change a status, and only one newer than the change it undoes.
  if (reading.complete && record.status === 'gone' && !isProtected(record) && at > record.statusChangedAt) {
    next.status = 'pending';
    next.statusChangedAt = at;
    next.statusSetBy = 'scan';
  }
  return next;
}

function logEntryFor(reading: SentPageReading, added: number, markedGone: number): ReadingLogEntry {
  return {
    at: reading.observedAt,
    url: reading.url,
    read: reading.invitations.length,
    total: reading.total,
    complete: reading.complete,
    failed: reading.failed,
    failureReason: reading.failureReason,
    added,
    markedGone,
  };
}

/**
 * Merges one reading into the ledger, purely. `existing` must hold every record the reading names
 * and, for a complete reading, every record (the missing ones may become gone).
 *
 * - A failed reading changes nothing; it is only logged.
 * - A partial reading adds and updates, but changes no status.
 * - A complete reading also marks pending invitations missing from it as gone (unless a later
 *   reading saw them), and brings gone ones that reappear back to pending.
 */
export function mergeReading(
  existing: Records,
  reading: SentPageReading,
  lastCompleteReading: Pick<ReadingLogEntry, 'at'> | null,
): MergeResult {
  if (reading.failed) return { upserts: [], added: 0, updated: 0, markedGone: 0, logEntry: logEntryFor(reading, 0, 0) };

  const at = reading.observedAt;
  const changed = new Map<string, InvitationRecord>();
  const seen = new Set<string>();
  let added = 0;
  for (const item of reading.invitations) {
    const id = invitationId(item.profileUrl);
    if (id === null) continue;
    seen.add(id);
    const current = changed.get(id) ?? existing.get(id);
    if (!current) {
      changed.set(id, firstSighting(id, item, at, lastCompleteReading));
      added++;
      continue;
    }
    const next = seenAgain(current, item, reading);
    if (!unchanged(next, current)) changed.set(id, next);
  }

  let markedGone = 0;
  if (reading.complete) {
    for (const record of existing.values()) {
      if (seen.has(record.id) || record.status !== 'pending') continue;
      // Seen by a reading newer than this one, or set pending after it: this reading is stale for it.
      if (record.lastSeenAt >= at || record.statusChangedAt >= at) continue;
      changed.set(record.id, { ...record, status: 'gone', statusChangedAt: at, statusSetBy: 'scan' });
      markedGone++;
    }
  }

  const upserts = [...changed.values()];
  return {
    upserts,
    added,
    updated: upserts.length - added,
    markedGone,
    logEntry: logEntryFor(reading, added, markedGone),
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
export function applyWithdraw(record: InvitationRecord, withdraw: WithdrawObserved): InvitationRecord | null {
  if (isProtected(record) || record.status === 'withdrawn') return null;
  return { ...record, status: 'withdrawn', statusChangedAt: withdraw.at, statusSetBy: 'scan' };
}
