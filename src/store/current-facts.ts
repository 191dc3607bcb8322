import type { FactGroup } from '../model/count-facts';
import type { LapseDb } from './db';
import { accountFacts } from './facts';
import { currentAccount, readAccountsState } from './ledgers';

/**
 * The count facts (store/facts.ts) of the account last read, which the badge shows: a few groups,
 * whatever the ledger's size, and no record read.
 */
export async function readCurrentFacts(db: LapseDb): Promise<FactGroup[]> {
  const tx = db.transaction(['meta', 'facts']);
  tx.done.catch(() => {});
  return accountFacts(tx, currentAccount(await readAccountsState(tx)));
}
