import * as z from 'zod/mini';
import { AccountSlug } from './account-slug';
import { FIELD_LIMITS } from './field-limits';
import { CANONICAL_PROFILE_URL } from './profile';
import { Interval } from './time';

/**
 * Rows of LinkedIn's own data export ("Get a copy of your data"), after the options page has
 * parsed and checked the CSV files (src/import/). The worker validates them again with these
 * schemas and merges them (src/store/export-merge.ts).
 */

/** Where a row came from, for reports: the file and its row number as a spreadsheet shows it. */
const Row = z.number().check(z.int(), z.gte(1));

/** One OUTGOING row of Invitations.csv. */
export const ExportedInvitation = z.object({
  row: Row,
  profileUrl: z.string().check(z.regex(CANONICAL_PROFILE_URL)),
  name: z.string().check(z.minLength(1), z.maxLength(FIELD_LIMITS.name)),
  /** The minute the export gives, as an interval [that minute, its last millisecond]. */
  sent: Interval,
  /** The note the user wrote with the invitation; null when they wrote none. */
  message: z.nullable(z.string().check(z.maxLength(FIELD_LIMITS.note))),
});
export type ExportedInvitation = z.infer<typeof ExportedInvitation>;

/** One row of Connections.csv. */
export const ExportedConnection = z.object({
  row: Row,
  profileUrl: z.string().check(z.regex(CANONICAL_PROFILE_URL)),
  name: z.string().check(z.maxLength(1000)),
  /** The day of "Connected On", as [start, end] of that day in UTC. */
  connected: Interval,
});
export type ExportedConnection = z.infer<typeof ExportedConnection>;

/** Why a row of the export changed nothing. */
export const ExportSkipReason = z.enum([
  /** An invitation someone sent to the user. */
  'incoming',
  /** No LinkedIn profile link (an invitation to an e-mail address, a connection without a URL). */
  'no-profile',
  /** The same person was invited again later; the ledger keeps the latest invitation. */
  'older-invitation',
  /** The ledger's invitation to this person was sent after the exported one (the export is older). */
  'newer-in-ledger',
  /** A connection whose invitation is not in the ledger (perhaps the user accepted theirs). */
  'not-in-ledger',
  /** The connection dates from before the invitation was sent, so it is not its acceptance. */
  'connected-before-sent',
  /** The user set this invitation's status themself; it is kept. */
  'user-status',
]);
export type ExportSkipReason = z.infer<typeof ExportSkipReason>;

export const SkipCount = z.object({ reason: ExportSkipReason, count: z.number().check(z.int(), z.gte(1)) });
export type SkipCount = z.infer<typeof SkipCount>;

/** Everything read from the chosen files, checked whole before anything is sent. */
export const LinkedInExport = z.object({
  invitations: z.array(ExportedInvitation).check(z.maxLength(200_000)),
  connections: z.array(ExportedConnection).check(z.maxLength(200_000)),
  /** Rows the parser already set aside (incoming invitations, rows without a profile link). */
  skipped: z.array(SkipCount),
  /**
   * Whose export it is: the `inviterProfileUrl` of the OUTGOING rows (the most frequent one), as
   * an account slug; null or absent when the files have none (Connections.csv alone).
   */
  account: z.optional(z.nullable(AccountSlug)),
});
export type LinkedInExport = z.infer<typeof LinkedInExport>;

/** What importing an export did. Errors are not here: a bad file is refused whole. */
export const LinkedInImportReport = z.object({
  /** Rows that found their invitation in the ledger. */
  matched: z.number(),
  /** Invitations new to the ledger. */
  added: z.number(),
  /** Ledger records that changed (new ones included); 0 when the same files are imported again. */
  changed: z.number(),
  skipped: z.array(SkipCount),
});
export type LinkedInImportReport = z.infer<typeof LinkedInImportReport>;

/**
 * Nothing imported: the export is another account's than any Lapse knows, so the user is asked
 * which ledger it belongs to (and sends it again with `into`).
 */
export const ImportNeedsAccount = z.object({
  needsAccount: z.object({ account: z.string(), known: z.array(z.string()) }),
});
export type ImportNeedsAccount = z.infer<typeof ImportNeedsAccount>;
