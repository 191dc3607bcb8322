import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { AccountsState } from '../model/account';
import type { PageMessage } from '../model/messages';
import { LEDGER_VERSION_KEY, TAB_ACCOUNTS_KEY } from '../shared/well-known';
import { openForReading, readAccountsForPages } from '../store/read';

export interface AccountChoice {
  /** Null until read. */
  state: AccountsState | null;
  /** The account whose ledger the popup shows; undefined: the one last read (or not known yet). */
  chosen: string | undefined;
  /** Still finding out which account to show. */
  loading: boolean;
  choose: (account: string) => void;
  refresh: () => Promise<void>;
}

/** The account the active tab last showed, if it is a LinkedIn tab Lapse read (tab-accounts.ts). */
async function activeTabAccount(): Promise<string | null> {
  const [[tab], stored] = await Promise.all([
    browser.tabs.query({ active: true, currentWindow: true }),
    browser.storage.session.get(TAB_ACCOUNTS_KEY),
  ]);
  const map = stored[TAB_ACCOUNTS_KEY];
  const account =
    tab?.id !== undefined && map && typeof map === 'object' ? (map as Record<string, unknown>)[tab.id] : null;
  return typeof account === 'string' ? account : null;
}

/**
 * Which account's ledger the popup shows: the active LinkedIn tab's, else the one last read, until
 * the user picks another. Re-read whenever the worker changes the ledger (a new account, a question).
 */
export function useAccount(): AccountChoice {
  const [state, setState] = useState<AccountsState | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [fromTab, setFromTab] = useState<string | null | undefined>(undefined);
  const [failed, setFailed] = useState(false);

  const refresh = useCallback(async () => {
    const [next, tab] = await Promise.all([
      openForReading().then(readAccountsForPages),
      activeTabAccount().catch(() => null),
    ]);
    setState(next);
    setFromTab(tab);
  }, []);

  useEffect(() => {
    // Unreadable accounts: the ledger read that follows reports the database's error.
    void refresh().catch(() => setFailed(true));
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && LEDGER_VERSION_KEY in changes) void refresh().catch(() => {});
    };
    browser.storage.onChanged.addListener(onStorage);
    return () => browser.storage.onChanged.removeListener(onStorage);
  }, [refresh]);

  const fallback = state ? (state.lastSeen ?? state.known[0] ?? '') : undefined;
  const chosen = picked ?? (fromTab === undefined ? undefined : (fromTab ?? fallback));
  return { state, chosen, loading: chosen === undefined && !failed, choose: setPicked, refresh };
}

/** A row's edit, addressed to the ledger shown (the worker otherwise edits the last-read one). */
export function forAccount(message: PageMessage, account: string | undefined): PageMessage {
  if (account === undefined) return message;
  switch (message.type) {
    case 'set-status':
    case 'set-hidden':
    case 'set-note':
      return { ...message, account };
    default:
      return message;
  }
}
