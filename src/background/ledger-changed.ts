import { refreshLedgerViews } from './ledger-views';

/**
 * After every write to the ledger: a new ledger version tells open extension pages to re-read (a
 * storage change reaches every extension context at once, with no message to a page that may be
 * closed); the badge and the popup's opening page are recomputed with it.
 */
export function ledgerChanged(now: number = Date.now()): Promise<void> {
  return refreshLedgerViews(now);
}
