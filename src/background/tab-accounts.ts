import browser from 'webextension-polyfill';
import { TAB_ACCOUNTS_KEY } from '../shared/well-known';

/** Tabs remembered at most: a long session must not grow the map without bound. */
const MAX_TABS = 50;

/** Notes whose page a LinkedIn tab showed last (the popup opens on that account). */
export async function rememberTabAccount(tabId: number, account: string): Promise<void> {
  const stored = (await browser.storage.session.get(TAB_ACCOUNTS_KEY))[TAB_ACCOUNTS_KEY];
  const map: Record<string, string> =
    stored && typeof stored === 'object' ? { ...(stored as Record<string, string>) } : {};
  delete map[String(tabId)];
  map[String(tabId)] = account;
  const kept = Object.entries(map).slice(-MAX_TABS);
  await browser.storage.session.set({ [TAB_ACCOUNTS_KEY]: Object.fromEntries(kept) });
}

export async function forgetTabAccounts(): Promise<void> {
  await browser.storage.session.remove(TAB_ACCOUNTS_KEY);
}
