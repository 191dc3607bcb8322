import browser from 'webextension-polyfill';
import { loadSettings } from '../shared/settings-store';
import { LEDGER_VERSION_KEY, OPENING_PAGE_KEY } from '../shared/well-known';
import { getDb } from '../store/db';
import { refreshBadge } from './badge';
import { deriveViews } from './derive-views';

/**
 * What the worker derives from the ledger, from one read of it: the badge, and the popup's
 * opening page (model/opening-page.ts). Runs after every ledger write (with a new version, which
 * tells open pages to re-read), after a settings change, at startup and once a day.
 *
 * Refreshes run one at a time, in the order asked: a slow one finishing after a later one must
 * never leave an opening page from an older ledger under the newer version.
 */
let queue: Promise<unknown> = Promise.resolve();

export function refreshLedgerViews(newVersion?: number): Promise<void> {
  const run = queue.then(() => refresh(newVersion));
  queue = run.catch(() => {});
  return run;
}

async function refresh(newVersion: number | undefined): Promise<void> {
  const now = Date.now();
  const [db, settings, stored] = await Promise.all([
    getDb(),
    loadSettings(),
    browser.storage.local.get(LEDGER_VERSION_KEY),
  ]);
  const current = stored[LEDGER_VERSION_KEY];
  const ledgerVersion = newVersion ?? (typeof current === 'number' ? current : 0);
  const { openingPage, badge } = await deriveViews(db, settings, now, ledgerVersion);
  // The page carries its own version: should a popup read it together with a version from just
  // before or after, the two differ and the popup reads the database instead.
  await Promise.all([
    // Nothing to list (an empty ledger, or after "delete all"): nothing kept.
    openingPage.records.length > 0
      ? browser.storage.session.set({ [OPENING_PAGE_KEY]: openingPage })
      : browser.storage.session.remove(OPENING_PAGE_KEY),
    newVersion === undefined ? null : browser.storage.local.set({ [LEDGER_VERSION_KEY]: newVersion }),
    refreshBadge(now, badge),
  ]);
}
