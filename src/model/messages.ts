import * as z from 'zod/mini';
import { AccountKey, AccountsState } from './account';
import type { ContentReplies } from './content-replies';
import { FIELD_LIMITS } from './field-limits';
import { FollowUp, InvitationRecord } from './invitation';
import { ImportNeedsAccount, LinkedInExport, LinkedInImportReport } from './linkedin-export';
import type { RepliesOf } from './protocol';
import { ConnectionsReading, ReadingLogEntry, SentPageReading, WithdrawObserved } from './reading';
import type { TabCommandReplies } from './tab-command';
import { Instant } from './time';

/**
 * The one message protocol between content script, background worker and extension pages.
 * Every message is validated with these schemas on receipt; replies are `Reply<T>` and errors
 * are re-thrown on the caller's side (see src/shared/messaging.ts).
 */

/** "Scan all" state, kept by the background so the popup shows it whenever it opens. */
export const ScanState = z.enum(['running', 'done', 'cancelled', 'stalled', 'error']);
export type ScanState = z.infer<typeof ScanState>;
export const StalledBy = z.enum(['load-more-ignored', 'page-silent']);
export type StalledBy = z.infer<typeof StalledBy>;
export const ScanProgress = z.object({
  state: ScanState,
  read: z.number().check(z.int(), z.gte(0)),
  total: z.nullable(z.number().check(z.int(), z.gte(0))),
  startedAt: Instant,
  updatedAt: Instant,
  /** Why it stalled: LinkedIn ignored a "Load more" click, or the Sent page stopped reporting. */
  stalledBy: z.optional(z.nullable(StalledBy)),
  /** Why it failed (state error): the error's own message, technical, for a bug report. */
  message: z.nullable(z.string().check(z.maxLength(FIELD_LIMITS.reason))),
});
export type ScanProgress = z.infer<typeof ScanProgress>;

// ── content script → background (accepted only from https://www.linkedin.com/ tabs) ──
export const ContentMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reading'), reading: SentPageReading }),
  z.object({ type: z.literal('withdraw-observed'), withdraw: WithdrawObserved }),
  z.object({ type: z.literal('scan-progress'), progress: ScanProgress }),
  /** Asked on load: did the popup ask for "Scan all" on this tab before it was ready? */
  z.object({ type: z.literal('scan-requested') }),
  /** The user's Connections page: people there who are in the ledger accepted (src/store/connections-merge.ts). */
  z.object({ type: z.literal('connections-reading'), reading: ConnectionsReading }),
]);
export type ContentMessage = z.infer<typeof ContentMessage>;

// ── extension pages (popup, options) → background ──
/** The most JSON text of backup rows one message carries: far below the browser's 64 MiB limit. */
export const RESTORE_BATCH_MAX_CHARS = 8 * 1024 * 1024;
export const UserStatus = z.enum(['pending', 'accepted', 'withdrawn']);
/** The ledger a page acts on; absent: the account last read (model/account.ts). */
const Account = z.optional(AccountKey);
export const PageMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('get-ledger'), account: Account }),
  z.object({
    type: z.literal('set-status'),
    id: z.string().check(z.minLength(1)),
    status: UserStatus,
    account: Account,
  }),
  z.object({
    type: z.literal('set-hidden'),
    id: z.string().check(z.minLength(1)),
    hidden: z.boolean(),
    account: Account,
  }),
  z.object({
    type: z.literal('set-note'),
    id: z.string().check(z.minLength(1)),
    note: z.nullable(z.string().check(z.maxLength(FIELD_LIMITS.note))),
    account: Account,
  }),
  /** A follow-up the user sent ("Sent it?", "Log a follow-up…"); undone by its moment. */
  z.object({
    type: z.literal('log-follow-up'),
    id: z.string().check(z.minLength(1)),
    followUp: FollowUp,
    account: Account,
  }),
  z.object({ type: z.literal('undo-follow-up'), id: z.string().check(z.minLength(1)), at: Instant, account: Account }),
  /** "Remind me on…" until a moment; `wake` ends it (and undoes a snooze that had none before). */
  z.object({ type: z.literal('snooze'), id: z.string().check(z.minLength(1)), until: Instant, account: Account }),
  z.object({ type: z.literal('wake'), id: z.string().check(z.minLength(1)), account: Account }),
  /** Start "Scan all" in the given tab (the Sent page), or open the Sent page and start there. */
  z.object({ type: z.literal('start-scan'), tabId: z.nullable(z.number().check(z.int())) }),
  z.object({ type: z.literal('cancel-scan') }),
  /** One account's backup, or every account's with "*". */
  z.object({ type: z.literal('import-backup'), backup: z.unknown(), into: Account }),
  /**
   * One batch of a backup file read in parts (src/options/restore-file.ts): the backup's header
   * (its fields but the two lists), and rows of one list as the file's JSON text, `first` being
   * the number of the batch's first row in that list.
   */
  z.object({
    type: z.literal('restore-batch'),
    header: z.record(z.string(), z.unknown()),
    into: Account,
    list: z.enum(['invitations', 'readings']),
    first: z.number().check(z.int(), z.gte(0)),
    rows: z.string().check(z.maxLength(RESTORE_BATCH_MAX_CHARS)),
  }),
  /** A backup file read in parts has been merged: its settings, and the pages are told. */
  z.object({ type: z.literal('restore-finish'), settings: z.unknown() }),
  z.object({ type: z.literal('delete-all') }),
  /** Rows of LinkedIn's data export, parsed and checked whole by the options page (src/import/). */
  z.object({ type: z.literal('import-linkedin-export'), export: LinkedInExport, into: Account }),
  /** Which accounts there are, which was read last, and the open question. */
  z.object({ type: z.literal('get-accounts') }),
  /** The user's answer to "Is this a different LinkedIn account?". */
  z.object({ type: z.literal('answer-account-question'), different: z.boolean() }),
]);
export type PageMessage = z.infer<typeof PageMessage>;

// ── background → content script: TabCommand, in ./tab-command so that the content script can import it alone ──

/** What the popup needs to draw itself in one round trip. */
export const LedgerSnapshot = z.object({
  records: z.array(InvitationRecord),
  lastReading: z.nullable(ReadingLogEntry),
  /** The most recent reading that was complete and not failed. */
  lastCompleteReading: z.nullable(ReadingLogEntry),
  scan: z.nullable(ScanProgress),
});
export type LedgerSnapshot = z.infer<typeof LedgerSnapshot>;

/** Result of merging a backup: how many rows came in, and why the others did not. */
export const ImportReport = z.object({
  imported: z.number(),
  unchanged: z.number(),
  rejected: z.array(z.object({ index: z.number(), reason: z.string() })),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** What the worker answers each extension-page message. */
export const PageReplies = {
  'get-ledger': LedgerSnapshot,
  'set-status': z.null(),
  'set-hidden': z.null(),
  'set-note': z.null(),
  'log-follow-up': z.null(),
  'undo-follow-up': z.null(),
  snooze: z.null(),
  wake: z.null(),
  'start-scan': z.object({ tabId: z.number() }),
  'cancel-scan': z.null(),
  'import-backup': ImportReport,
  'restore-batch': ImportReport,
  'restore-finish': z.null(),
  'delete-all': z.object({ deleted: z.number() }),
  'import-linkedin-export': z.union([LinkedInImportReport, ImportNeedsAccount]),
  'get-accounts': AccountsState,
  'answer-account-question': z.null(),
};
export type PageReplies = RepliesOf<typeof PageReplies>;

/** Reply types, message by message, for every vocabulary. */
export type Replies = ContentReplies & PageReplies & TabCommandReplies;
export type { Reply } from './protocol';
