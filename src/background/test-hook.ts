import browser, { type Runtime } from 'webextension-polyfill';
import type { LedgerStatus } from '../model/invitation';
import type { Reply } from '../model/messages';
import { toReply } from '../shared/messaging';
import { getDb } from '../store/db';
import { getAllRecords } from '../store/ledger';
import { classifySender } from './senders';

/**
 * TEST BUILDS ONLY (LAPSE_TEST_HOOKS=1, see vite.config.ts): answers the content script's
 * test hook (src/content/test-hook.ts) with a summary of the ledger, so a browser test can tell
 * whether a page changed it, and lists the notifications the worker showed. Not part of the
 * message protocol; shipped builds drop this module.
 */

const TEST_LEDGER_SUMMARY = 'lapse-test-ledger-summary';
/** The notifications the worker showed, for a browser test (the browser gives no way to read them). */
const TEST_NOTIFICATIONS = 'lapse-test-notifications';
const TEST_NOTIFICATIONS_KEY = 'lapseTestNotifications';

export interface ShownNotification {
  title: string;
  message: string;
  at: number;
}

/** Called by the worker each time it shows a notification (src/background/reminders.ts). */
export async function recordNotificationForTest(shown: ShownNotification): Promise<void> {
  await browser.storage.session.set({ [TEST_NOTIFICATIONS_KEY]: [...(await shownNotifications()), shown] });
}

async function shownNotifications(): Promise<ShownNotification[]> {
  const stored = (await browser.storage.session.get(TEST_NOTIFICATIONS_KEY))[TEST_NOTIFICATIONS_KEY];
  return Array.isArray(stored) ? (stored as ShownNotification[]) : [];
}

export interface LedgerSummary {
  count: number;
  byStatus: Partial<Record<LedgerStatus, number>>;
  /** SHA-256 of every record, in id order: equal fingerprints mean an unchanged ledger. */
  fingerprint: string;
}

/** The reply to a test-hook request, or null when `message` is not one (the router handles it). */
export function answerTestHook(
  message: unknown,
  sender: Runtime.MessageSender,
): Promise<Reply<LedgerSummary | ShownNotification[]>> | null {
  const type = message && typeof message === 'object' ? (message as { type?: unknown }).type : undefined;
  if (type !== TEST_LEDGER_SUMMARY && type !== TEST_NOTIFICATIONS) return null;
  return toReply(async () => {
    if (classifySender(sender, { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') }) === null) {
      throw new Error('Rejected: unexpected sender');
    }
    return type === TEST_NOTIFICATIONS ? shownNotifications() : summarise();
  });
}

async function summarise(): Promise<LedgerSummary> {
  const records = (await getAllRecords(await getDb())).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byStatus: Partial<Record<LedgerStatus, number>> = {};
  for (const record of records) byStatus[record.status] = (byStatus[record.status] ?? 0) + 1;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(records)));
  const fingerprint = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  return { count: records.length, byStatus, fingerprint };
}
