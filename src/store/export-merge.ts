import type { InvitationRecord } from '../model/invitation';
import type {
  ExportedConnection,
  ExportedInvitation,
  ExportSkipReason,
  LinkedInExport,
  LinkedInImportReport,
} from '../model/linkedin-export';
import { invitationId } from '../model/profile';
import { type Fact, type MergeContext, mergeFact, sameRecord } from './merge-core';

/**
 * Merges LinkedIn's data export into the ledger, purely, by the store's rules: records are
 * updated field by field, never replaced; notes, "hidden" and a status the user set are kept.
 *
 * - An OUTGOING invitation pins the send interval to the exported minute. When the label-derived
 *   interval contradicts it, the export wins and the contradiction is kept in `conflicts`, unless
 *   the ledger's invitation was sent wholly after the exported one: then the export predates a
 *   re-invitation and is skipped ('newer-in-ledger'). The note the user wrote is kept as
 *   `inviteMessage`.
 * - An invitation not in the ledger is added as `gone`: it is not on the Sent page as far as
 *   Lapse knows, and the export cannot tell accepted, withdrawn and expired apart. Its status is
 *   marked as set by a scan (a guess, not a decision), so a complete scan that finds it on the
 *   Sent page brings it back to pending, and the connections below can mark it accepted.
 * - A connection marks the matching invitation `accepted` (set by 'import', which scans never
 *   overwrite) with `acceptedAt` the day connected. A status the user set is kept (an `accepted`
 *   one still gains the date). A connection with no invitation in the ledger is not added: it may
 *   be an invitation the user received.
 * Merging the same export twice changes nothing the second time.
 */
export interface ExportMergeResult {
  upserts: InvitationRecord[];
  report: LinkedInImportReport;
}

type Records = ReadonlyMap<string, InvitationRecord>;

/** One row per person: the latest invitation (the ledger keeps one per person); exact repeats dropped. */
function latestPerPerson(
  invitations: readonly ExportedInvitation[],
  skip: (reason: ExportSkipReason) => void,
): Map<string, ExportedInvitation> {
  const latest = new Map<string, ExportedInvitation>();
  const seen = new Set<string>();
  for (const invitation of invitations) {
    const id = invitationId(invitation.profileUrl);
    if (id === null) {
      skip('no-profile');
      continue;
    }
    // The same row twice (the archive and its CSV both chosen) is one invitation.
    const key = `${id} ${invitation.sent.earliest}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const other = latest.get(id);
    if (other && other.sent.earliest >= invitation.sent.earliest) skip('older-invitation');
    else {
      if (other) skip('older-invitation');
      latest.set(id, invitation);
    }
  }
  return latest;
}

/** Each person's connection days, earliest first; the same day twice (two files) counted once. */
function connectionsPerPerson(
  connections: readonly ExportedConnection[],
  skip: (reason: ExportSkipReason) => void,
): Map<string, ExportedConnection[]> {
  const byPerson = new Map<string, ExportedConnection[]>();
  for (const connection of connections) {
    const id = invitationId(connection.profileUrl);
    if (id === null) {
      skip('no-profile');
      continue;
    }
    const days = byPerson.get(id) ?? [];
    if (!days.some((day) => day.connected.earliest === connection.connected.earliest)) days.push(connection);
    byPerson.set(id, days);
  }
  for (const days of byPerson.values()) days.sort((a, b) => a.connected.earliest - b.connected.earliest);
  return byPerson;
}

/** The export is exact, and its facts carry no stamp a clock could have got wrong. */
const exportContext = (now: number): MergeContext => ({ at: now, exact: true, trustUntil: Number.POSITIVE_INFINITY });

function newRecord(id: string, invitation: ExportedInvitation, now: number): InvitationRecord {
  return {
    id,
    profileUrl: invitation.profileUrl,
    name: invitation.name,
    headline: null,
    sentLabel: null,
    sent: { ...invitation.sent },
    sentExact: true,
    conflicts: [],
    firstSeenAt: now,
    lastSeenAt: now,
    status: 'gone',
    statusChangedAt: now,
    statusSetBy: 'scan',
    hidden: false,
    note: null,
    acceptedAt: null,
    inviteMessage: invitation.message,
  };
}

/** The exported minute and note, merged by the merge core (the exact time beats a label's). */
function pinSent(record: InvitationRecord, invitation: ExportedInvitation, now: number): InvitationRecord {
  const fact: Fact = { sent: invitation.sent, sentExact: true };
  if (invitation.message !== null) fact.inviteMessage = invitation.message;
  return mergeFact(record, fact, exportContext(now));
}

/** The connection day, and `accepted` set by the import where the merge core lets it win. */
function markAccepted(record: InvitationRecord, connection: ExportedConnection, now: number): InvitationRecord {
  const fact: Fact = { acceptedAt: connection.connected };
  if (record.status !== 'accepted')
    Object.assign(fact, { status: 'accepted', statusChangedAt: now, statusSetBy: 'import' });
  return mergeFact(record, fact, exportContext(now));
}

export function mergeExport(existing: Records, data: LinkedInExport, now: number): ExportMergeResult {
  const skipped = new Map<ExportSkipReason, number>(data.skipped.map((s) => [s.reason, s.count]));
  const skip = (reason: ExportSkipReason) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  const changed = new Map<string, InvitationRecord>();
  const current = (id: string) => changed.get(id) ?? existing.get(id);
  const update = (before: InvitationRecord, after: InvitationRecord) => {
    if (!sameRecord(before, after)) changed.set(after.id, after);
  };
  let matched = 0;
  let added = 0;

  for (const [id, invitation] of latestPerPerson(data.invitations, skip)) {
    const record = current(id);
    if (!record) {
      changed.set(id, newRecord(id, invitation, now));
      added++;
    } else if (record.sent && record.sent.earliest > invitation.sent.latest) {
      skip('newer-in-ledger');
    } else {
      matched++;
      update(record, pinSent(record, invitation, now));
    }
  }

  for (const [id, days] of connectionsPerPerson(data.connections, skip)) {
    const record = current(id);
    if (!record) {
      skip('not-in-ledger');
      continue;
    }
    // The acceptance is the first connection on or after the send (a later one is a reconnection).
    const sentEarliest = record.sent?.earliest ?? Number.NEGATIVE_INFINITY;
    const acceptance = days.filter((day) => day.connected.latest >= sentEarliest)[0];
    if (!acceptance) skip('connected-before-sent');
    else {
      // Any status the user chose stands, pending included (the merge core: a user's decision
      // beats an import's): the user may have set it because LinkedIn's data was wrong.
      const next = markAccepted(record, acceptance, now);
      if (next.status !== 'accepted') skip('user-status');
      else {
        matched++;
        update(record, next);
      }
    }
  }

  const upserts = [...changed.values()];
  return {
    upserts,
    report: {
      matched,
      added,
      changed: upserts.length,
      skipped: [...skipped].map(([reason, count]) => ({ reason, count })),
    },
  };
}
