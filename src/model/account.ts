import * as z from 'zod/mini';
import { SentPageReading } from './reading';

/**
 * Whose ledger a record, a reading or a log entry belongs to. Several LinkedIn accounts are often
 * used in one browser profile, and one account's Sent page says nothing about another's.
 *
 * - a member's canonical slug (`invitationId` of their `/in/<slug>/` link): an account the page
 *   named;
 * - UNNAMED_ACCOUNT: the ledger kept before Lapse knew whose it was (every ledger before accounts
 *   existed, and readings of pages that do not say who is signed in), until a reading names it;
 * - `?2`, `?3`, …: an account the user told apart ("a different LinkedIn account") whose name no
 *   page has shown yet. A slug never starts with "?" (it would be a query), so they cannot clash.
 */
export const UNNAMED_ACCOUNT = '';
const PLACEHOLDER_PREFIX = '?';

/** Any account key the store uses (see above). */
export const AccountKey = z.string().check(z.maxLength(200), z.regex(/^(?:|\?\d{1,6}|[^/?#%\\\s]+)$/));
export type AccountKey = z.infer<typeof AccountKey>;

/** Unnamed ledgers: the one from before accounts, and those the user told apart. */
export function isUnnamed(account: AccountKey): boolean {
  return account === UNNAMED_ACCOUNT || account.startsWith(PLACEHOLDER_PREFIX);
}

/** The next free placeholder key among `known`. */
export function nextPlaceholder(known: Iterable<AccountKey>): AccountKey {
  let highest = 1;
  for (const key of known) {
    if (key.startsWith(PLACEHOLDER_PREFIX)) highest = Math.max(highest, Number(key.slice(1)) || 0);
  }
  return `${PLACEHOLDER_PREFIX}${highest + 1}`;
}

/**
 * A reading Lapse would not attribute on its own: it may be another account's page. It is kept
 * here, unapplied, until the user answers "Is this a different LinkedIn account?".
 */
export const HeldReading = z.object({
  reading: SentPageReading,
  /** The account it would belong to if it is not a different one. */
  candidate: AccountKey,
  /** Why it was held: it shares no one with the candidate, or would mark most of it gone. */
  reason: z.enum(['no-one-in-common', 'most-would-go']),
  heldAt: z.number(),
});
export type HeldReading = z.infer<typeof HeldReading>;

/** What the store keeps about accounts (meta key `accounts`). */
export const AccountsState = z.object({
  /** The account of the latest reading from a LinkedIn tab: the badge counts it. */
  lastSeen: z.nullable(AccountKey),
  /** Every account with a ledger, in the order Lapse learned them. */
  known: z.array(AccountKey).check(z.maxLength(1000)),
  question: z.nullable(HeldReading),
});
export type AccountsState = z.infer<typeof AccountsState>;

export const EMPTY_ACCOUNTS: AccountsState = { lastSeen: null, known: [], question: null };
