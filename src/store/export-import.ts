import { type AccountKey, isUnnamed } from '../model/account';
import { InvitationRecord } from '../model/invitation';
import type { ImportNeedsAccount, LinkedInExport, LinkedInImportReport } from '../model/linkedin-export';
import { invitationId } from '../model/profile';
import { parseOrThrow } from '../model/validate';
import { type LedgerView, ledgerViews } from './accounts';
import type { LapseDb } from './db';
import { mergeExport } from './export-merge';
import { putRecords } from './facts';
import { currentAccount, moveLedger, readAccountsState, stamp, strip, withKnown } from './ledgers';

/**
 * The ledger an export goes to: the account chosen (`into`), else the one that sent its
 * invitations when Lapse knows it, else the current one when the export names no one. An unnamed
 * ledger chosen for a named export becomes that account's (the import has told whose it is).
 * Null: an account Lapse has not seen, so the user is asked.
 */
function exportTarget(
  data: LinkedInExport,
  into: AccountKey | undefined,
  ledgers: ReadonlyMap<AccountKey, LedgerView>,
  current: AccountKey,
): { account: AccountKey; adoptFrom: AccountKey | null } | null {
  const named = data.account ?? null;
  if (into !== undefined) {
    const adopt = named !== null && isUnnamed(into) && !ledgers.has(named);
    return adopt ? { account: named, adoptFrom: into } : { account: into, adoptFrom: null };
  }
  if (named === null) return { account: current, adoptFrom: null };
  if (ledgers.has(named)) return { account: named, adoptFrom: null };
  // Nothing kept yet: no ledger to confuse it with.
  if (ledgers.size === 0) return { account: named, adoptFrom: null };
  // An unnamed ledger holding people of this export (invited, or connected) is this account's.
  const rows = [...data.invitations, ...data.connections];
  const invitees = new Set(rows.flatMap((row) => invitationId(row.profileUrl) ?? []));
  const adoptFrom = [...ledgers].find(([key, view]) => isUnnamed(key) && [...invitees].some((id) => view.ids.has(id)));
  return adoptFrom ? { account: named, adoptFrom: adoptFrom[0] } : null;
}

/**
 * Applies LinkedIn's data export (already validated at the message boundary) in ONE transaction:
 * every record is computed and checked first, then all are written, or none (a failure aborts).
 */
export async function applyLinkedInExport(
  db: LapseDb,
  data: LinkedInExport,
  now: number,
  into?: AccountKey,
): Promise<LinkedInImportReport | ImportNeedsAccount> {
  const tx = db.transaction(['invitations', 'readings', 'meta', 'facts'], 'readwrite');
  try {
    const [state, all] = await Promise.all([readAccountsState(tx), tx.objectStore('invitations').getAll()]);
    const ledgers = ledgerViews(all);
    const target = exportTarget(data, into, ledgers, currentAccount(state));
    if (target === null) {
      await tx.done;
      return { needsAccount: { account: data.account ?? '', known: [...ledgers.keys()] } };
    }
    const { account, adoptFrom } = target;
    const records = all.filter((r) => r.account === (adoptFrom ?? account)).map(strip);
    if (adoptFrom !== null) await moveLedger(tx, adoptFrom, account);
    const { upserts, report } = mergeExport(new Map(records.map((r) => [r.id, r])), data, now);
    for (const record of upserts) parseOrThrow(InvitationRecord, record, `invitation ${record.id}`);
    const known = state.known.filter((k) => k !== adoptFrom);
    const next = withKnown({ ...state, known }, account);
    // After a move the records are the account's: what each write replaces is as moved.
    const before = new Map(records.map((r) => [r.id, stamp(r, account)]));
    await Promise.all([
      putRecords(
        tx,
        upserts.map((record) => ({ before: before.get(record.id), after: stamp(record, account) })),
      ),
      tx.objectStore('meta').put(next, 'accounts'),
      tx.done,
    ]);
    return report;
  } catch (error) {
    tx.done.catch(() => {});
    try {
      tx.abort();
    } catch {
      // Already finished or aborting.
    }
    throw error;
  }
}
