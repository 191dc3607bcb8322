import type { InvitationRecord } from '../model/invitation';
import { invitationId } from '../model/profile';
import type { ConnectionsReading } from '../model/reading';
import type { Interval } from '../model/time';
import { type Fact, type MergeContext, mergeFact, sameRecord } from './merge-core';

/**
 * Merges a look at the user's Connections page into the ledger, purely. A person listed there
 * with an invitation in the ledger accepted it: LinkedIn's own list is a fact, not a guess, so the
 * status is set as by an exact import ('import': Sent-page scans never overwrite it).
 *
 * - `acceptedAt` becomes the connected interval, narrowed by what was known and never before the
 *   earliest possible send. When it contradicts what was known (the data export's day, an earlier
 *   look), what was known stays: Lapse would rather keep a date than swap it for a wrong one.
 * - A status the user set is never changed (a user-set `accepted` still gains the date).
 * - A connection that ended before the earliest possible send predates the invitation: ignored.
 * - A person with no date understood, or not in the ledger (they may have invited the user), is
 *   ignored. A failed reading changes nothing.
 * Merging the same reading twice changes nothing the second time.
 */
export interface ConnectionsMergeResult {
  upserts: InvitationRecord[];
  /** People on the page with an invitation in the ledger and a date understood. */
  matched: number;
  /** Invitations that became accepted with this reading. */
  accepted: number;
  /** Matched people left as they were: connected before the invitation, or the user's own status. */
  ignored: number;
}

type Records = ReadonlyMap<string, InvitationRecord>;

/** Accepted no earlier than the invitation could have been sent. */
function notBeforeSent(record: InvitationRecord, connected: Interval): Interval {
  const sentEarliest = record.sent?.earliest;
  if (sentEarliest === undefined || sentEarliest <= connected.earliest || sentEarliest > connected.latest)
    return connected;
  return { earliest: sentEarliest, latest: connected.latest };
}

/**
 * What the page says about one person in the ledger: accepted, in the connected interval. A
 * scan's 'accepted' (old backups) is confirmed as a fact; whose status wins is the merge core's.
 */
function acceptanceFact(record: InvitationRecord, connected: Interval, at: number): Fact {
  const fact: Fact = { acceptedAt: notBeforeSent(record, connected) };
  if (record.status !== 'accepted')
    Object.assign(fact, { status: 'accepted', statusChangedAt: at, statusSetBy: 'import' });
  else if (record.statusSetBy === 'scan')
    Object.assign(fact, { statusSetBy: 'import', statusChangedAt: record.statusChangedAt, status: 'accepted' });
  return fact;
}

export function mergeConnections(existing: Records, reading: ConnectionsReading): ConnectionsMergeResult {
  const result: ConnectionsMergeResult = { upserts: [], matched: 0, accepted: 0, ignored: 0 };
  if (reading.failed) return result;
  const ctx: MergeContext = { at: reading.observedAt, exact: false, trustUntil: Number.POSITIVE_INFINITY };
  const changed = new Map<string, InvitationRecord>();

  for (const person of reading.people) {
    const id = invitationId(person.profileUrl);
    const record = id === null ? undefined : (changed.get(id) ?? existing.get(id));
    if (!record || person.connected === null) continue;
    result.matched++;
    const next = mergeFact(record, acceptanceFact(record, person.connected, ctx.at), ctx);
    // Connected before this invitation could have been sent, or the user's own status: left be.
    if ((record.sent && person.connected.latest < record.sent.earliest) || next.status !== 'accepted') {
      result.ignored++;
      continue;
    }
    if (sameRecord(next, record)) continue;
    if (record.status !== 'accepted') result.accepted++;
    changed.set(next.id, next);
  }
  result.upserts = [...changed.values()];
  return result;
}
