import type { AccountKey } from '../model/account';
import type { InvitationRecord } from '../model/invitation';
import type { ReadingLogEntry } from '../model/reading';
import type { FactGroup } from '../rules/counts';
import type { LapseDb } from './db';
import { accountFacts } from './facts';
import { accountReadings, currentAccount, readAccountsState, strip } from './ledgers';

/**
 * What the worker derives the badge and the popup's opening page from, read without touching
 * every record: the current account's count facts (store/facts.ts), its last reading, and its
 * pending records in send order, only as far as `take` wants them. One read-only transaction, so
 * the three agree.
 */
export interface ViewsSource {
  account: AccountKey;
  facts: FactGroup[];
  lastReading: ReadingLogEntry | null;
  /** Every pending record of the account, when `take` read to the end of the send order; else null. */
  allPending: InvitationRecord[] | null;
}

/** Hands pending records over one by one, and says (false) when it has what it needs. */
export type Take = (record: InvitationRecord) => boolean;

/**
 * `startWalk` gets the facts (the walk depends on them: a learned window) and returns what takes
 * the pending records, by `sent.earliest`, earliest first (records with no send time are not in
 * that order).
 */
export async function readViewsSource(db: LapseDb, startWalk: (facts: FactGroup[]) => Take): Promise<ViewsSource> {
  const tx = db.transaction(['invitations', 'meta', 'facts']);
  tx.done.catch(() => {});
  const account = currentAccount(await readAccountsState(tx));
  const [facts, { lastReading }] = await Promise.all([accountFacts(tx, account), accountReadings(tx, account)]);
  const invitations = tx.objectStore('invitations');
  const inSendOrder = IDBKeyRange.bound([account, 'pending', -Infinity], [account, 'pending', Infinity]);
  const take = startWalk(facts);
  // One send time at a time (one scan puts hundreds under one label): a request per send time,
  // not per record.
  const sendOrder = invitations.index('byStatusSent');
  let sendTime = await sendOrder.openKeyCursor(inSendOrder, 'nextunique');
  while (sendTime) {
    const tied = await sendOrder.getAll(sendTime.key);
    if (!tied.every((stored) => take(strip(stored)))) break;
    sendTime = await sendTime.continue();
  }
  const allPending =
    sendTime === null ? (await invitations.index('byAccountStatus').getAll([account, 'pending'])).map(strip) : null;
  return { account, facts, lastReading: lastReading ?? null, allPending };
}
