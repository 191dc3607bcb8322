import type { IntervalConflict, InvitationRecord } from '../model/invitation';
import type { Interval } from '../model/time';
import { narrow } from '../rules/narrow';

/**
 * The one place that decides how an incoming fact about a person combines with the record the
 * ledger holds, field by field. Every merge path (Sent-page readings, LinkedIn's data export, the
 * Connections page, backups) states what its source knows as a `Fact` and calls `mergeFact`.
 */

/** Contradictions kept per record: enough for the audit trail, bounded so a flapping label cannot grow it. */
export const MAX_CONFLICTS = 10;

/**
 * How long ahead of the worker's clock a stamp may be before it is taken for a clock that was
 * ahead: messages take a moment, and the content script's clock is the same machine's.
 */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** What a source asserts about one person: the fields it does not know are absent. */
export type Fact = Partial<InvitationRecord>;

export interface MergeContext {
  /** When the fact was observed: the time stamped on a contradiction it causes. */
  at: number;
  /** The source is exact (LinkedIn's export): its acceptance day beats what was known. */
  exact: boolean;
  /** Stamps after this moment come from a clock that was ahead: they never outrank a later fact. */
  trustUntil: number;
}

/** How a field combines; see `decide` for each. */
export type Policy =
  | 'key'
  | 'newest-sighting'
  | 'newest-known'
  | 'earliest'
  | 'latest'
  | 'exact-if-either'
  | 'send-interval'
  | 'conflict-log'
  | 'status'
  | 'user-edit'
  | 'accepted-interval';

/**
 * The policy of every field of the record. `satisfies Record<keyof InvitationRecord, …>` makes a
 * field added to the schema without a policy a compile error; tests/unit/store/merge-core.test.ts
 * checks the same against the zod schema at run time.
 */
export const FIELD_POLICY = {
  id: 'key',
  profileUrl: 'newest-sighting',
  name: 'newest-sighting',
  headline: 'newest-sighting',
  sentLabel: 'newest-known',
  sent: 'send-interval',
  sentExact: 'exact-if-either',
  conflicts: 'conflict-log',
  firstSeenAt: 'earliest',
  lastSeenAt: 'latest',
  status: 'status',
  statusChangedAt: 'status',
  statusSetBy: 'status',
  hidden: 'user-edit',
  hiddenChangedAt: 'user-edit',
  note: 'user-edit',
  noteChangedAt: 'user-edit',
  acceptedAt: 'accepted-interval',
  inviteMessage: 'newest-known',
  followUps: 'user-edit',
  followUpsChangedAt: 'user-edit',
  snoozedUntil: 'user-edit',
  snoozeChangedAt: 'user-edit',
} as const satisfies Record<keyof InvitationRecord, Policy>;

type Field = keyof typeof FIELD_POLICY;
export const RECORD_FIELDS = Object.keys(FIELD_POLICY) as Field[];

/** Each user-edited field and the field holding when it was edited. */
const EDITS = [
  ['hidden', 'hiddenChangedAt'],
  ['note', 'noteChangedAt'],
  ['followUps', 'followUpsChangedAt'],
  ['snoozedUntil', 'snoozeChangedAt'],
] as const;

/** The empty form of an edited field's value (an empty log, or null), or absent if it is absent. */
const emptyLike = (value: unknown) => (value === undefined ? undefined : Array.isArray(value) ? [] : null);

/** An edit that holds something: a note with text, a non-empty log, a snooze date, `hidden`. */
const holdsValue = (value: unknown) => (Array.isArray(value) ? value.length > 0 : Boolean(value));

export function sameInterval(a: Interval | null | undefined, b: Interval | null | undefined): boolean {
  // null and absent both mean "not known".
  if (a == null || b == null) return (a ?? null) === (b ?? null);
  return a.earliest === b.earliest && a.latest === b.latest;
}

/** Deep equality of JSON-like values; an absent field equals one set to undefined. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (!sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** The one equality of records: every field of the policy table, so none can be forgotten. */
export function sameRecord(a: InvitationRecord, b: InvitationRecord): boolean {
  return RECORD_FIELDS.every((field) => sameValue(a[field], b[field]));
}

const conflictKey = (c: IntervalConflict) =>
  `${c.at}:${c.kept.earliest}-${c.kept.latest}/${c.rejected.earliest}-${c.rejected.latest}`;

/**
 * The conflict log with more entries: a contradiction already logged (the same moment, the same
 * interval kept over the same one rejected) is not logged again, so applying the same reading or
 * backup twice adds nothing. Oldest first, bounded by MAX_CONFLICTS.
 */
export function withConflicts(
  known: readonly IntervalConflict[],
  more: readonly IntervalConflict[],
): IntervalConflict[] {
  const keys = new Set(known.map(conflictKey));
  const fresh = more.filter((conflict) => {
    const key = conflictKey(conflict);
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  });
  if (fresh.length === 0) return known as IntervalConflict[];
  return known
    .concat(fresh)
    .sort((x, y) => x.at - y.at)
    .slice(-MAX_CONFLICTS);
}

/** A stamp from a clock that was ahead counts for nothing against trustworthy ones. */
export function trusted(stamp: number, trustUntil: number): number {
  return stamp > trustUntil ? Number.NEGATIVE_INFINITY : stamp;
}

/** A decision a scan may not change: what the user (or an exact import) set, `pending` aside. */
export function isProtected(record: Pick<InvitationRecord, 'status' | 'statusSetBy'>): boolean {
  return record.statusSetBy !== 'scan' && record.status !== 'pending';
}

export type StatusPart = Pick<InvitationRecord, 'status' | 'statusChangedAt' | 'statusSetBy'>;

/**
 * Whose status wins: the user's over an import's over a scan's; between two of the same kind, the
 * newer (so a newer user edit beats an older backup's). A user's `pending` hands the invitation
 * back to the scans: a newer scan decides again.
 */
export function statusWins(incoming: StatusPart, stored: StatusPart, trustUntil = Number.POSITIVE_INFINITY): boolean {
  const newer = trusted(incoming.statusChangedAt, trustUntil) > trusted(stored.statusChangedAt, trustUntil);
  if (incoming.statusSetBy === stored.statusSetBy) return newer;
  if (stored.statusSetBy === 'user') return stored.status === 'pending' && incoming.statusSetBy === 'scan' && newer;
  if (incoming.statusSetBy === 'user') return incoming.status !== 'pending' || stored.statusSetBy !== 'scan' || newer;
  return isProtected(incoming) || (!isProtected(stored) && newer);
}

function hasStatus(fact: Fact): fact is Fact & StatusPart {
  return fact.status !== undefined && fact.statusChangedAt !== undefined && fact.statusSetBy !== undefined;
}

interface SendDecision {
  sent: Interval | null;
  conflict: IntervalConflict | null;
}

/**
 * The send interval: the intersection of what was known and what is seen. When they contradict,
 * an exact time beats a label's interval, and between equals the newer sighting wins; the
 * contradiction is recorded either way.
 */
function decideSent(stored: InvitationRecord, fact: Fact, newer: boolean, at: number): SendDecision {
  const seen = fact.sent;
  if (seen == null) return { sent: stored.sent, conflict: null };
  if (stored.sent === null) return { sent: seen, conflict: null };
  const narrowed = narrow(stored.sent, seen, at);
  if (!narrowed.conflict)
    return { sent: sameInterval(narrowed.interval, stored.sent) ? stored.sent : narrowed.interval, conflict: null };
  const factExact = fact.sentExact === true;
  const factWins = factExact !== (stored.sentExact === true) ? factExact : newer;
  const [kept, rejected] = factWins ? [seen, stored.sent] : [stored.sent, seen];
  return { sent: kept, conflict: { at, kept, rejected } };
}

/**
 * The acceptance interval: the intersection of what was known and what is seen. On a
 * contradiction what was known stays, unless the source is exact. An acceptance wholly before
 * the send belongs to an earlier connection, not to this invitation: a known one gives way, a
 * seen one is taken only when nothing else is known (kept, not lost).
 */
function decideAccepted(
  stored: InvitationRecord,
  fact: Fact,
  sent: Interval | null,
  ctx: MergeContext,
): Interval | null | undefined {
  const seen = fact.acceptedAt;
  if (seen === undefined) return stored.acceptedAt;
  if (seen === null) return stored.acceptedAt ?? null;
  // Judged against the send interval this merge decides, so merging again decides the same.
  const beforeSent = (interval: Interval) => sent !== null && interval.latest < sent.earliest;
  if (beforeSent(seen)) return stored.acceptedAt ?? seen;
  const known = stored.acceptedAt && !beforeSent(stored.acceptedAt) ? stored.acceptedAt : null;
  if (known === null) return seen;
  const narrowed = narrow(known, seen, ctx.at);
  if (!narrowed.conflict) return sameInterval(narrowed.interval, known) ? known : narrowed.interval;
  return ctx.exact ? seen : known;
}

/**
 * A user's edit (hidden, note, follow-ups, snooze) and its time: the later edit wins. When neither is later (the same
 * time, or neither known: records from before edit times were kept), a value beats an empty one,
 * and an empty one beats an absent one.
 */
function decideEdits(stored: InvitationRecord, fact: Fact): Partial<InvitationRecord> {
  const out: Record<string, unknown> = {};
  for (const [field, timeField] of EDITS) {
    const storedTime = stored[timeField];
    const factTime = fact[timeField];
    let factWins: boolean;
    if (fact[field] === undefined && factTime === undefined) factWins = false;
    else if (storedTime === factTime)
      factWins = !holdsValue(stored[field]) && (holdsValue(fact[field]) || stored[field] === undefined);
    else factWins = factTime !== undefined && (storedTime === undefined || factTime > storedTime);
    const [from, other] = factWins ? [fact, stored] : [stored, fact];
    // An absent edit means "empty": keep it as the other side's kind of empty, so no field vanishes.
    out[field] = from[field] !== undefined ? from[field] : emptyLike(other[field]);
    out[timeField] = from[timeField];
  }
  return out as Partial<InvitationRecord>;
}

/** What the groups of related fields decided, worked out once per merge. */
interface Decisions {
  newer: boolean;
  sent: SendDecision;
  status: StatusPart;
  edits: Partial<InvitationRecord>;
}

function decide(policy: Policy, field: Field, stored: InvitationRecord, fact: Fact, d: Decisions, ctx: MergeContext) {
  const mine = stored[field];
  const theirs = fact[field];
  switch (policy) {
    case 'key':
      return mine;
    case 'newest-sighting':
      return theirs !== undefined && d.newer ? theirs : mine;
    case 'newest-known':
      if (theirs === undefined) return mine;
      return d.newer ? (theirs ?? mine) : (mine ?? theirs);
    case 'earliest':
      return theirs === undefined ? mine : Math.min(mine as number, theirs as number);
    case 'latest':
      return theirs === undefined ? mine : Math.max(mine as number, theirs as number);
    case 'exact-if-either':
      return mine === true || theirs === true ? true : (mine ?? theirs);
    case 'send-interval':
      return d.sent.sent;
    case 'conflict-log':
      return withConflicts(
        withConflicts(stored.conflicts, fact.conflicts ?? []),
        d.sent.conflict ? [d.sent.conflict] : [],
      );
    case 'status':
      return d.status[field as keyof StatusPart];
    case 'user-edit':
      return d.edits[field];
    case 'accepted-interval':
      return decideAccepted(stored, fact, d.sent.sent, ctx);
  }
}

/**
 * The stored record with the fact merged in, by the policy of each field. Nothing known is
 * dropped; merging the same fact twice changes nothing the second time. Fields whose value is
 * undefined are left out, as the schema's optional fields are.
 */
export function mergeFact(stored: InvitationRecord, fact: Fact, ctx: MergeContext): InvitationRecord {
  const newer =
    fact.lastSeenAt === undefined ||
    trusted(fact.lastSeenAt, ctx.trustUntil) >= trusted(stored.lastSeenAt, ctx.trustUntil);
  const decisions: Decisions = {
    newer,
    sent: decideSent(stored, fact, newer, ctx.at),
    status: hasStatus(fact) && statusWins(fact, stored, ctx.trustUntil) ? fact : stored,
    edits: decideEdits(stored, fact),
  };
  const next: Record<string, unknown> = {};
  for (const field of RECORD_FIELDS) {
    const value = decide(FIELD_POLICY[field], field, stored, fact, decisions, ctx);
    if (value !== undefined) next[field] = value;
  }
  return next as InvitationRecord;
}
