import { type AccountKey, type HeldReading, isUnnamed, UNNAMED_ACCOUNT } from '../model/account';
import type { InvitationRecord } from '../model/invitation';
import { invitationId } from '../model/profile';
import type { SentPageReading } from '../model/reading';

/**
 * Whose ledger a Sent-page reading belongs to, purely. One account's page says nothing about
 * another's: applied to the wrong ledger, a complete reading would mark every invitation there
 * gone. A reading that names its account goes to that account. One that does not is attributed
 * only where it is consistent; otherwise it is held and the user asked.
 */

/**
 * "A non-trivial set of pending invitations": a complete reading sharing no one with at least this
 * many is taken for another account's page rather than for all of them having gone at once.
 */
export const STRANGER_MIN_PENDING = 5;

/**
 * What attribution needs to know about one ledger: which of the reading's people it holds (it may
 * hold more: only these are ever asked about), and how many of its invitations are pending.
 */
export interface LedgerView {
  ids: ReadonlySet<string>;
  pendingCount: number;
}

export type Attribution =
  /** `guarded`: the account is a guess, so the reading may not mark most of it gone (tooManyGone). */
  | { kind: 'apply'; account: AccountKey; guarded: boolean; adoptFrom: AccountKey | null }
  | { kind: 'hold'; candidate: AccountKey; reason: HeldReading['reason'] };

export function ledgerViews(
  records: Iterable<InvitationRecord & { account: AccountKey }>,
): Map<AccountKey, LedgerView> {
  const views = new Map<AccountKey, { ids: Set<string>; pendingCount: number }>();
  for (const record of records) {
    const view = views.get(record.account) ?? { ids: new Set<string>(), pendingCount: 0 };
    views.set(record.account, view);
    view.ids.add(record.id);
    if (record.status === 'pending') view.pendingCount++;
  }
  return views;
}

export function readingIds(reading: SentPageReading): Set<string> {
  return new Set(reading.invitations.flatMap((item) => invitationId(item.profileUrl) ?? []));
}

function overlap(ids: ReadonlySet<string>, view: LedgerView): number {
  let shared = 0;
  for (const id of ids) if (view.ids.has(id)) shared++;
  return shared;
}

/**
 * The unnamed ledger a newly named account takes over: one the reading shares someone with (the
 * most), else the pre-accounts ledger when nothing in it is pending (nothing it could wrongly
 * mark gone). Null when none fits: the account then starts a ledger of its own.
 */
function adoptable(ids: ReadonlySet<string>, ledgers: ReadonlyMap<AccountKey, LedgerView>): AccountKey | null {
  let best: AccountKey | null = null;
  let bestShared = 0;
  for (const [account, view] of ledgers) {
    if (!isUnnamed(account)) continue;
    const shared = overlap(ids, view);
    if (shared > bestShared) [best, bestShared] = [account, shared];
  }
  if (best !== null) return best;
  const first = ledgers.get(UNNAMED_ACCOUNT);
  return first && first.pendingCount === 0 ? UNNAMED_ACCOUNT : null;
}

/** The ledger an anonymous reading most plausibly belongs to, or null when it cannot be told. */
function likeliest(
  ids: ReadonlySet<string>,
  ledgers: ReadonlyMap<AccountKey, LedgerView>,
  lastSeen: AccountKey | null,
): AccountKey | null {
  const shared = [...ledgers].map(([account, view]) => [account, overlap(ids, view)] as const);
  const most = Math.max(0, ...shared.map(([, n]) => n));
  if (most > 0) {
    const tied = shared.filter(([, n]) => n === most).map(([account]) => account);
    if (tied.length === 1) return tied[0] ?? null;
    return lastSeen !== null && tied.includes(lastSeen) ? lastSeen : null;
  }
  if (lastSeen !== null && ledgers.has(lastSeen)) return lastSeen;
  return ledgers.size === 1 ? ([...ledgers.keys()][0] ?? null) : null;
}

/**
 * Which ledger `reading` goes to (see the module comment). `ledgers` holds every non-empty ledger;
 * `ids` are the reading's (readingIds), when the caller has them already.
 */
export function attribute(
  reading: SentPageReading,
  ledgers: ReadonlyMap<AccountKey, LedgerView>,
  lastSeen: AccountKey | null,
  ids: ReadonlySet<string> = readingIds(reading),
): Attribution {
  const named = reading.account ?? null;
  if (named !== null) {
    const adoptFrom = ledgers.has(named) || reading.failed ? null : adoptable(ids, ledgers);
    return { kind: 'apply', account: named, guarded: false, adoptFrom };
  }
  if (ledgers.size === 0 || reading.failed) {
    return { kind: 'apply', account: lastSeen ?? UNNAMED_ACCOUNT, guarded: false, adoptFrom: null };
  }
  const target = likeliest(ids, ledgers, lastSeen);
  if (target === null) return { kind: 'hold', candidate: lastSeen ?? UNNAMED_ACCOUNT, reason: 'no-one-in-common' };
  const view = ledgers.get(target);
  if (view && ids.size > 0 && overlap(ids, view) === 0 && view.pendingCount >= STRANGER_MIN_PENDING) {
    return { kind: 'hold', candidate: target, reason: 'no-one-in-common' };
  }
  return { kind: 'apply', account: target, guarded: true, adoptFrom: null };
}

/** More than half of the ledger's pending invitations gone at once: not without asking. */
export function tooManyGone(markedGone: number, pendingBefore: number): boolean {
  return markedGone > 0 && markedGone * 2 > pendingBefore;
}
