import type { InvitationRecord } from '../model/invitation';
import { invitationId } from '../model/profile';
import type { ConnectionsReading } from '../model/reading';
import type { Interval } from '../model/time';
import { narrow } from '../rules/narrow';

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

/** The acceptance interval from what was known and what was seen; what was known wins a contradiction. */
function acceptedInterval(record: InvitationRecord, connected: Interval, at: number): Interval {
  // A known acceptance wholly before the send belongs to an earlier connection, not to this invitation.
  const stale = record.sent && record.acceptedAt && record.acceptedAt.latest < record.sent.earliest;
  const known = stale ? null : (record.acceptedAt ?? null);
  const seen = narrow(known, connected, at);
  let interval = seen.conflict ? (known as Interval) : seen.interval;
  // Accepted no earlier than sent.
  if (record.sent && record.sent.earliest > interval.earliest && record.sent.earliest <= interval.latest) {
    interval = { earliest: record.sent.earliest, latest: interval.latest };
  }
  return interval;
}

function sameInterval(a: Interval | null | undefined, b: Interval): boolean {
  return a != null && a.earliest === b.earliest && a.latest === b.latest;
}

export function mergeConnections(existing: Records, reading: ConnectionsReading): ConnectionsMergeResult {
  const result: ConnectionsMergeResult = { upserts: [], matched: 0, accepted: 0, ignored: 0 };
  if (reading.failed) return result;
  const at = reading.observedAt;
  const changed = new Map<string, InvitationRecord>();

  for (const person of reading.people) {
    const id = invitationId(person.profileUrl);
    const record = id === null ? undefined : (changed.get(id) ?? existing.get(id));
    if (!record || person.connected === null) continue;
    result.matched++;
    if (record.sent && person.connected.latest < record.sent.earliest) {
      result.ignored++; // connected before this invitation could have been sent
      continue;
    }
    const userStatus = record.statusSetBy === 'user';
    if (userStatus && record.status !== 'accepted') {
      result.ignored++;
      continue;
    }
    const acceptedAt = acceptedInterval(record, person.connected, at);
    const becomesAccepted = record.status !== 'accepted';
    // A scan's 'accepted' (old backups) is confirmed as a fact; the user's and an import's stay theirs.
    const statusSetBy = userStatus ? 'user' : 'import';
    if (!becomesAccepted && record.statusSetBy === statusSetBy && sameInterval(record.acceptedAt, acceptedAt)) continue;
    const next: InvitationRecord = { ...record, acceptedAt, status: 'accepted', statusSetBy };
    if (becomesAccepted) {
      next.statusChangedAt = at;
      result.accepted++;
    }
    changed.set(next.id, next);
  }
  result.upserts = [...changed.values()];
  return result;
}
