import browser from 'webextension-polyfill';
import { LEDGER_VERSION_KEY } from '../shared/well-known';
import { refreshBadge } from './badge';

/**
 * After every write to the ledger: tell open extension pages (a storage change reaches every
 * extension context at once, with no message to a page that may be closed) and recount the badge.
 */
export async function ledgerChanged(now: number = Date.now()): Promise<void> {
  await Promise.all([browser.storage.local.set({ [LEDGER_VERSION_KEY]: now }), refreshBadge()]);
}
