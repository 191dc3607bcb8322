import * as z from 'zod/mini';
import { AccountKey } from '../model/account';
import { InvitationRecord } from '../model/invitation';
import { invitationId } from '../model/profile';
import { ReadingLogEntry } from '../model/reading';
import { Instant } from '../model/time';
import { describeIssues } from '../model/validate';
import { mergeFact } from './merge-core';

export const BACKUP_FORMAT = 'lapse-backup';
/** Version 2: the backup names its account (or ALL_ACCOUNTS), and each row its own. */
export const BACKUP_VERSION = 2;
/** "Every account", as a backup names it and as the pages ask for it (never an account key). */
export const ALL_ACCOUNTS = '*';

/** The file `exportBackup` writes. Rows are checked one by one on import, so one bad row rejects only itself. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: number;
  /** Whose ledger it holds: an account key, or ALL_ACCOUNTS. */
  account: string;
  settings: unknown;
  invitations: (InvitationRecord & { account?: AccountKey })[];
  readings: ReadingLogEntry[];
}

const Envelope = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number(),
  exportedAt: Instant,
  /** Absent in version 1 backups, which name no account. */
  account: z.optional(z.union([AccountKey, z.literal(ALL_ACCOUNTS)])),
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

const RowAccount = z.object({ account: z.optional(AccountKey) });

/**
 * One backup row as an invitation and the account it names (undefined in version 1 rows), or
 * why not. The key must be the one its profile link gives.
 */
export function parseInvitationRow(row: unknown): RowResult<InvitationRecord & { account?: AccountKey }> {
  const result = z.safeParse(InvitationRecord, row);
  if (!result.success) return { ok: false, reason: reasonOf(result.error) };
  const account = z.safeParse(RowAccount, row);
  if (!account.success) return { ok: false, reason: reasonOf(account.error) };
  const expected = invitationId(result.data.profileUrl);
  if (expected !== result.data.id) return { ok: false, reason: `id: must be "${expected}", the profile link's slug` };
  return { ok: true, value: account.data.account === undefined ? result.data : { ...result.data, ...account.data } };
}

export function parseReadingRow(row: unknown): RowResult<ReadingLogEntry> {
  const result = z.safeParse(ReadingLogEntry, row);
  return result.success ? { ok: true, value: result.data } : { ok: false, reason: reasonOf(result.error) };
}

/**
 * Identity of a log entry apart from its number, so importing the same backup twice logs nothing
 * new. Every field but the number counts, in a fixed order (absent fields as null).
 */
export function readingKey(entry: ReadingLogEntry): string {
  const fields = Object.keys(ReadingLogEntry.shape).filter((key) => key !== 'id') as (keyof ReadingLogEntry)[];
  // The unnamed ledger's entries carry no account: absent and '' are the same ledger.
  return JSON.stringify(fields.map((key) => (key === 'account' ? entry[key] || null : (entry[key] ?? null))));
}

/**
 * Merges a backed-up record into the local one by the merge core's policies (merge-core.ts):
 * nothing known is dropped, and a user's edit newer than the backup's survives it.
 */
export function mergeImportedRecord(local: InvitationRecord | undefined, incoming: InvitationRecord): InvitationRecord {
  if (!local) return incoming;
  const at = Math.max(local.lastSeenAt, incoming.lastSeenAt);
  return mergeFact(local, incoming, { at, exact: false, trustUntil: Number.POSITIVE_INFINITY });
}
