import * as z from 'zod/mini';
import { FIELD_LIMITS } from './field-limits';
import { CANONICAL_PROFILE_URL } from './profile';
import { SuggestionKind } from './settings';
import { Instant, Interval } from './time';

/** Where an invitation stands in the ledger (not its expiry, which the rules compute). */
export const LedgerStatus = z.enum(['pending', 'gone', 'accepted', 'withdrawn']);
export type LedgerStatus = z.infer<typeof LedgerStatus>;

/** Who last set the status. Scans never overwrite what a user (or an exact import) set. */
export const StatusSource = z.enum(['scan', 'user', 'import']);
export type StatusSource = z.infer<typeof StatusSource>;

/** Two observations of the send time that could not both be true; kept for the audit trail. */
export const IntervalConflict = z.object({
  at: Instant,
  kept: Interval,
  rejected: Interval,
});
export type IntervalConflict = z.infer<typeof IntervalConflict>;

/** How the user followed up outside the invitation itself (optional when logging one). */
export const FollowUpChannel = z.enum(['email', 'inmail', 'comment', 'in-person', 'other']);
export type FollowUpChannel = z.infer<typeof FollowUpChannel>;

/** Good etiquette, like LinkedIn's own reminders, stops at two nudges; the log keeps a few more. */
export const MAX_FOLLOW_UPS = 20;

/** One follow-up the user says they sent: when, how, and which Lapse template they copied. */
export const FollowUp = z.object({
  at: Instant,
  channel: z.optional(FollowUpChannel),
  template: z.optional(SuggestionKind),
});
export type FollowUp = z.infer<typeof FollowUp>;

/** One invitation the user sent, as the ledger keeps it. */
export const InvitationRecord = z.object({
  /** Stable key: the profile slug, case-folded (see profile.ts). */
  id: z.string().check(z.minLength(1)),
  profileUrl: z.string().check(z.regex(CANONICAL_PROFILE_URL, 'must be https://www.linkedin.com/in/<slug>/')),
  name: z.string().check(z.minLength(1), z.maxLength(FIELD_LIMITS.name)),
  headline: z.nullable(z.string().check(z.maxLength(FIELD_LIMITS.headline))),
  /** The raw label last read on the page, e.g. "Sent 3 weeks ago". */
  sentLabel: z.nullable(z.string().check(z.maxLength(FIELD_LIMITS.label))),
  /** When it was sent, as narrowed so far; null when no label could be read yet. */
  sent: z.nullable(Interval),
  /**
   * The send time came from an exact source (LinkedIn's data export, to the minute): a page's
   * coarse label never overrides it. Absent in records written before it existed.
   */
  sentExact: z.optional(z.boolean()),
  /** Contradicting observations, most recent last (bounded by the store). */
  conflicts: z.array(IntervalConflict),
  firstSeenAt: Instant,
  lastSeenAt: Instant,
  status: LedgerStatus,
  statusChangedAt: Instant,
  statusSetBy: StatusSource,
  /** The user chose "stop tracking": kept, hidden from lists and the badge. */
  hidden: z.boolean(),
  /**
   * When the user last chose `hidden`, so an older backup restored later cannot undo the choice.
   * Absent when it was never changed, or changed before edit times were kept.
   */
  hiddenChangedAt: z.optional(Instant),
  /** The user's own private note, written in Lapse. */
  note: z.nullable(z.string().check(z.maxLength(FIELD_LIMITS.note))),
  /** When the user last wrote or cleared `note` (absent as for `hiddenChangedAt`). */
  noteChangedAt: z.optional(Instant),
  /**
   * When it was accepted, as an interval ("Connected 2 weeks ago" on the Connections page, or
   * the exact day from LinkedIn's data export). Absent in records written before it existed.
   */
  acceptedAt: z.optional(z.nullable(Interval)),
  /** The note sent with the invitation, when the page or an export shows it. */
  inviteMessage: z.nullable(z.string().check(z.maxLength(FIELD_LIMITS.note))),
  /** The user's follow-ups, oldest first. Absent in records written before they were logged. */
  followUps: z.optional(z.array(FollowUp).check(z.maxLength(MAX_FOLLOW_UPS))),
  /** When the user last logged or undid a follow-up (absent as for `hiddenChangedAt`). */
  followUpsChangedAt: z.optional(Instant),
  /** "Remind me on…": the row stays out of the act-on lists until this moment; null or absent: not snoozed. */
  snoozedUntil: z.optional(z.nullable(Instant)),
  /** When the user last snoozed or woke the row (absent as for `hiddenChangedAt`). */
  snoozeChangedAt: z.optional(Instant),
});
export type InvitationRecord = z.infer<typeof InvitationRecord>;
