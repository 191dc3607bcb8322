import * as z from 'zod/mini';
import { type IntervalConflict, InvitationRecord } from '../model/invitation';
import { invitationId } from '../model/profile';
import { ReadingLogEntry } from '../model/reading';
import { Instant } from '../model/time';
import { describeIssues } from '../model/validate';
import { narrow } from '../rules/narrow';
import { isProtected, MAX_CONFLICTS } from './merge';

export const BACKUP_FORMAT = 'lapse-backup';
export const BACKUP_VERSION = 1;

/** The file `exportBackup` writes. Rows are checked one by one on import, so one bad row rejects only itself. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: number;
  settings: unknown;
  invitations: InvitationRecord[];
  readings: ReadingLogEntry[];
}

const Envelope = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number(),
  exportedAt: Instant,
  settings: z.optional(z.unknown()),
  invitations: z.array(z.unknown()),
  readings: z.optional(z.array(z.unknown())),
});
export type Envelope = z.infer<typeof Envelope>;

/** The outer shape, or an error a person can act on ("not a Lapse backup", "made by a newer Lapse"). */
export function parseEnvelope(data: unknown): Envelope {
  const result = z.safeParse(Envelope, data);
  if (!result.success) {
    const fields = describeIssues(result.error).map((i) => `${i.path || '(root)'}: ${i.message}`);
    throw new Error(`Not a Lapse backup (${fields.join('; ')})`);
  }
  if (result.data.version > BACKUP_VERSION) {
    throw new Error(
      `This backup was made by a newer version of Lapse (format ${result.data.version}); update Lapse first`,
    );
  }
  return result.data;
}

export type RowResult<T> = { ok: true; value: T } | { ok: false; reason: string };

function reasonOf(error: z.core.$ZodError): string {
  return describeIssues(error)
    .map((i) => `${i.path || '(root)'}: ${i.message}`)
    .join('; ');
}

/** One backup row as an invitation, or why not. The key must be the one its profile link gives. */
export function parseInvitationRow(row: unknown): RowResult<InvitationRecord> {
  const result = z.safeParse(InvitationRecord, row);
  if (!result.success) return { ok: false, reason: reasonOf(result.error) };
  const expected = invitationId(result.data.profileUrl);
  if (expected !== result.data.id) return { ok: false, reason: `id: must be "${expected}", the profile link's slug` };
  return { ok: true, value: result.data };
}

export function parseReadingRow(row: unknown): RowResult<ReadingLogEntry> {
  const result = z.safeParse(ReadingLogEntry, row);
  return result.success ? { ok: true, value: result.data } : { ok: false, reason: reasonOf(result.error) };
}

/** Identity of a log entry apart from its number, so importing the same backup twice logs nothing new. */
export function readingKey(entry: ReadingLogEntry): string {
  const { id: _id, ...rest } = entry;
  return JSON.stringify([
    rest.at,
    rest.url,
    rest.read,
    rest.total,
    rest.complete,
    rest.failed,
    rest.failureReason,
    rest.added,
    rest.markedGone,
  ]);
}

function conflictKey(c: IntervalConflict): string {
  return `${c.at}:${c.kept.earliest}-${c.kept.latest}:${c.rejected.earliest}-${c.rejected.latest}`;
}

function unionConflicts(a: readonly IntervalConflict[], b: readonly IntervalConflict[]): IntervalConflict[] {
  const byKey = new Map<string, IntervalConflict>();
  for (const c of [...a, ...b]) byKey.set(conflictKey(c), c);
  return [...byKey.values()].sort((x, y) => x.at - y.at).slice(-MAX_CONFLICTS);
}

type StatusPart = Pick<InvitationRecord, 'status' | 'statusChangedAt' | 'statusSetBy'>;

/** A user's (or exact import's) decision beats any scan; between equals, the newer one wins. */
function winningStatus(local: InvitationRecord, incoming: InvitationRecord): StatusPart {
  const pick = ({ status, statusChangedAt, statusSetBy }: InvitationRecord): StatusPart => ({
    status,
    statusChangedAt,
    statusSetBy,
  });
  const localProtected = isProtected(local);
  const incomingProtected = isProtected(incoming);
  if (localProtected !== incomingProtected) return pick(incomingProtected ? incoming : local);
  return pick(incoming.statusChangedAt > local.statusChangedAt ? incoming : local);
}

/**
 * Merges a backed-up record into the local one; nothing known is dropped. The send interval is
 * the intersection (the local one kept on a contradiction, which is recorded); the newest sighting
 * gives name and headline; notes and "hidden" the user set here are kept, otherwise the backup's.
 */
export function mergeImportedRecord(local: InvitationRecord | undefined, incoming: InvitationRecord): InvitationRecord {
  if (!local) return incoming;
  const newer = incoming.lastSeenAt > local.lastSeenAt ? incoming : local;
  let sent = local.sent ?? incoming.sent;
  let conflicts = unionConflicts(local.conflicts, incoming.conflicts);
  if (local.sent && incoming.sent) {
    const narrowed = narrow(incoming.sent, local.sent, Math.max(local.lastSeenAt, incoming.lastSeenAt));
    sent = narrowed.interval;
    if (narrowed.conflict) conflicts = unionConflicts(conflicts, [narrowed.conflict]);
  }
  return {
    id: local.id,
    profileUrl: newer.profileUrl,
    name: newer.name,
    headline: newer.headline,
    sentLabel: newer.sentLabel ?? local.sentLabel ?? incoming.sentLabel,
    sent,
    conflicts,
    firstSeenAt: Math.min(local.firstSeenAt, incoming.firstSeenAt),
    lastSeenAt: Math.max(local.lastSeenAt, incoming.lastSeenAt),
    ...winningStatus(local, incoming),
    hidden: local.hidden || incoming.hidden,
    note: local.note ?? incoming.note,
    inviteMessage: newer.inviteMessage ?? local.inviteMessage ?? incoming.inviteMessage,
  };
}
