import * as z from 'zod/mini';
import { AccountSlug } from './account-slug';
import { FIELD_LIMITS } from './field-limits';
import { CANONICAL_PROFILE_URL } from './profile';
import { MAX_READ_INVITATIONS } from './reading-limits';
import { Instant, Interval } from './time';

/** One person read off the Sent page. */
export const ReadInvitation = z.object({
  profileUrl: z.string().check(z.regex(CANONICAL_PROFILE_URL)),
  name: z.string().check(z.minLength(1), z.maxLength(FIELD_LIMITS.name)),
  headline: z.nullable(z.string().check(z.maxLength(FIELD_LIMITS.headline))),
  sentLabel: z.string().check(z.maxLength(FIELD_LIMITS.label)),
  /** The interval the label means at `observedAt`; null when the label was not understood. */
  sent: z.nullable(Interval),
  inviteMessage: z.optional(z.nullable(z.string().check(z.maxLength(FIELD_LIMITS.note)))),
});
export type ReadInvitation = z.infer<typeof ReadInvitation>;

const Count = z.number().check(z.int(), z.gte(0));

/**
 * Why a reading of the Sent page was not believed, as a code and the figures that say it: the
 * popup puts it in the user's language (popup/failure-text.ts). Never text: the content script
 * and the worker write no sentences for people.
 */
// A plain union, not z.discriminatedUnion: that would bring 1 KB of zod into the popup for eight cases.
export const ReadingFailure = z.union([
  /** More invitations than one reading may carry. */
  z.object({ code: z.literal('too-many'), read: Count, max: Count }),
  /** A card nests deeper than the walk follows. */
  z.object({ code: z.literal('too-deep'), depth: Count }),
  /** No known list layout, though the page counts `total` invitations. */
  z.object({ code: z.literal('list-not-recognised'), total: Count }),
  /** A list, and a count of `total`, but not one invitation read. */
  z.object({ code: z.literal('none-read'), total: Count }),
  /** Too large a share of the cards looked at could not be read. */
  z.object({ code: z.literal('unreadable'), unreadable: Count, looked: Count, languageKnown: z.boolean() }),
  /** Cards were read, but in no language Lapse knows: their labels say nothing. */
  z.object({ code: z.literal('language-not-recognised'), read: Count }),
  /** The parser threw; `detail` is the error's own message, technical, for a bug report. */
  z.object({ code: z.literal('parser-error'), detail: z.string().check(z.maxLength(FIELD_LIMITS.reason)) }),
  /** Refused by the worker: the reading is stamped `minutes` ahead of its clock. */
  z.object({ code: z.literal('clock-ahead'), minutes: Count }),
]);
export type ReadingFailure = z.infer<typeof ReadingFailure>;

/**
 * One look at the Sent page, as the content script reports it. The store decides what it may
 * change: only a `complete` reading that did not `fail` may mark missing invitations as gone.
 */
export const SentPageReading = z
  .object({
    url: z.string().check(z.maxLength(FIELD_LIMITS.url)),
    observedAt: Instant,
    /**
     * When the listed content was last loaded from LinkedIn — page load, in-page navigation into
     * Sent, or a Load more / list growth — never later than observedAt. A re-read after a small DOM
     * change that loaded nothing new keeps the earlier loadedAt: the list is as old as its loading.
     */
    loadedAt: Instant,
    language: z.nullable(z.string().check(z.maxLength(20))),
    invitations: z.array(ReadInvitation).check(z.maxLength(MAX_READ_INVITATIONS)),
    /** The page's own count ("People (1,234)") when shown. */
    total: z.nullable(z.number().check(z.int(), z.gte(0))),
    /** Items that are not connection requests (Pages, Events, e-mail invitations). */
    skipped: z.number().check(z.int(), z.gte(0)),
    /** Items that looked like invitations but could not be read. */
    unreadable: z.number().check(z.int(), z.gte(0)),
    /** The whole list was read: count equals the total, or the list visibly ended. */
    complete: z.boolean(),
    /** The page could not be read (layout not recognised, zero items against a total, …). */
    failed: z.boolean(),
    /** Why, when it failed. */
    failure: z.nullable(ReadingFailure),
    /** Who is signed in, when the page shows it (page-knowledge.ts); null or absent when it does not. */
    account: z.optional(z.nullable(AccountSlug)),
  })
  .check(
    z.refine((r) => r.loadedAt <= r.observedAt, {
      message: 'loadedAt must not be after observedAt',
      path: ['loadedAt'],
    }),
  );
export type SentPageReading = z.infer<typeof SentPageReading>;

/** The user withdrew an invitation through LinkedIn's own dialog, seen by the content script. */
export const WithdrawObserved = z.object({
  profileUrl: z.nullable(z.string()),
  name: z.string().check(z.minLength(1), z.maxLength(FIELD_LIMITS.name)),
  at: Instant,
});
export type WithdrawObserved = z.infer<typeof WithdrawObserved>;

/** The audit trail: one entry per reading merged (or refused). */
export const ReadingLogEntry = z.object({
  id: z.optional(z.number()),
  at: Instant,
  /** When the reading's list was loaded; absent in entries logged before it existed (then `at`). */
  loadedAt: z.optional(Instant),
  url: z.string(),
  read: z.number(),
  total: z.nullable(z.number()),
  complete: z.boolean(),
  failed: z.boolean(),
  /** Why it failed, in English: only in entries logged before `failure` existed (December 2026). */
  failureReason: z.nullable(z.string()),
  /** Why it failed; absent in entries logged before it existed, null when it did not fail. */
  failure: z.optional(z.nullable(ReadingFailure)),
  added: z.number(),
  markedGone: z.number(),
  /** The ledger it was applied to (account.ts); absent in entries of the first, unnamed ledger. */
  account: z.optional(z.string().check(z.maxLength(200))),
});
export type ReadingLogEntry = z.infer<typeof ReadingLogEntry>;

/** One person read off the user's Connections page. */
export const ReadConnection = z.object({
  profileUrl: z.string().check(z.regex(CANONICAL_PROFILE_URL)),
  name: z.string().check(z.minLength(1), z.maxLength(FIELD_LIMITS.name)),
  /** The raw label, e.g. "Connected 2 weeks ago"; '' when none was recognised. */
  connectedLabel: z.string().check(z.maxLength(FIELD_LIMITS.label)),
  /** When they connected, as the label means it at `observedAt`; null when it was not understood. */
  connected: z.nullable(Interval),
});
export type ReadConnection = z.infer<typeof ReadConnection>;

/**
 * One look at the Connections page (`/mynetwork/invite-connect/connections/`). A person there who
 * is in the ledger accepted the invitation; a `failed` reading changes nothing.
 */
export const ConnectionsReading = z.object({
  url: z.string().check(z.maxLength(FIELD_LIMITS.url)),
  observedAt: Instant,
  language: z.nullable(z.string().check(z.maxLength(20))),
  people: z.array(ReadConnection).check(z.maxLength(50000)),
  /** Cards with a profile link whose name or date could not be read. */
  unreadable: z.number().check(z.int(), z.gte(0)),
  /** Not one card's date was understood: the store changes nothing for this reading. */
  failed: z.boolean(),
  /** Who is signed in, when the page shows it; null or absent when it does not. */
  account: z.optional(z.nullable(AccountSlug)),
});
export type ConnectionsReading = z.infer<typeof ConnectionsReading>;
