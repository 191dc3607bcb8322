import browser from 'webextension-polyfill';
import { LEDGER_VERSION_KEY } from '../shared/well-known';
import { refreshBadge } from './badge';

/**
 * What follows every write to the ledger: a new ledger version tells open extension pages to
 * read again (a storage change reaches every extension context at once, with no message to a
 * page that may be closed), and the badge is redrawn from the store's count facts.
 *
 * Refreshes run one at a time, in the order asked: a slow one finishing after a later one must
 * never leave the badge of an older ledger.
 */
let queue: Promise<unknown> = Promise.resolve();

export function refreshLedgerViews(newVersion?: number): Promise<void> {
  const run = queue.then(() => refresh(newVersion));
  queue = run.catch(() => {});
  return run;
}

/** After a write: the new version is the time of the change. */
export function ledgerChanged(now: number = Date.now()): Promise<void> {
  return refreshLedgerViews(now);
}

async function refresh(newVersion: number | undefined): Promise<void> {
  await Promise.all([
    newVersion === undefined ? null : browser.storage.local.set({ [LEDGER_VERSION_KEY]: newVersion }),
    refreshBadge(),
  ]);
}
