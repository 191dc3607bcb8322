import browser from 'webextension-polyfill';
import { refreshBadge } from './badge';

/** Open popups and options pages watch this key in storage.local and re-read the ledger. */
export const LEDGER_VERSION_KEY = 'ledgerVersion';

/**
 * After every write to the ledger: tell open extension pages (a storage change reaches every
 * extension context at once, with no message to a page that may be closed) and recount the badge.
 */
export async function ledgerChanged(now: number = Date.now()): Promise<void> {
  await Promise.all([browser.storage.local.set({ [LEDGER_VERSION_KEY]: now }), refreshBadge()]);
}
