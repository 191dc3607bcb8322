/** Names the worker and the extension pages must agree on, written once. */

/** LinkedIn's Sent invitations page, which "Open Sent page" and "Scan all" open. */
export const SENT_PAGE_URL = 'https://www.linkedin.com/mynetwork/invitation-manager/sent/';

/** storage.local: the worker bumps it after every ledger write; open pages re-read on change. */
export const LEDGER_VERSION_KEY = 'ledgerVersion';

/** The user's settings, one object, in settingsArea. */
export const SETTINGS_KEY = 'settings';

/** Where the settings live: storage.sync (they follow the user), local where there is no sync. */
export function settingsArea<Area>(storage: { sync?: Area; local: Area }): Area {
  return storage.sync ?? storage.local;
}

/** storage.session: the latest "Scan all" progress, for the popup and the badge. */
export const SCAN_KEY = 'scan';

/**
 * storage.session: the account each LinkedIn tab last showed (tab id → account key), so the popup
 * opens on the account of the tab the user is looking at. Written by the worker only.
 */
export const TAB_ACCOUNTS_KEY = 'tabAccounts';

/**
 * storage.local: what the reminder rule remembers (rules/reminders.ts): the last notification and
 * the invitations already announced. Per browser, like the notifications permission it goes with.
 */
export const REMINDER_STATE_KEY = 'reminderState';
