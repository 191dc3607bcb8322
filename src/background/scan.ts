import browser from 'webextension-polyfill';
import * as z from 'zod/mini';
import { ScanProgress } from '../model/messages';
import { sendToTab } from '../shared/messaging';
import { SCAN_KEY, SENT_PAGE_URL } from '../shared/well-known';

/**
 * "Scan all" coordination. The worker may stop between any two events, so everything lives in
 * storage.session (cleared when the browser closes; readable by the popup, not by content scripts).
 */
export const SESSION_KEYS = {
  /** The latest ScanProgress, for the popup and the badge. */
  scan: SCAN_KEY,
  /** The tab the scan runs in, for cancelling. */
  scanTab: 'scanTab',
  /** A tab opened by "Scan all" whose content script has not picked up the request yet. */
  scanRequest: 'scanRequest',
} as const;

/** A running scan that has not reported for this long is shown as stalled (the tab may be gone). */
export const STALL_AFTER_MS = 2 * 60_000;

const TabId = z.number().check(z.int());

async function session(): Promise<Record<string, unknown>> {
  return browser.storage.session.get(Object.values(SESSION_KEYS));
}

/** The scan state as the popup should see it at `now`; null when no scan ran in this browser session. */
export async function readScan(now: number): Promise<ScanProgress | null> {
  return scanAt((await session())[SESSION_KEYS.scan], now);
}

/** The same, from a value already read from storage.session's `scan` key. */
export function scanAt(value: unknown, now: number): ScanProgress | null {
  const stored = z.safeParse(ScanProgress, value);
  if (!stored.success) return null;
  const scan = stored.data;
  if (scan.state === 'running' && now - scan.updatedAt > STALL_AFTER_MS) {
    return { ...scan, state: 'stalled', message: scan.message ?? 'The Sent page stopped reporting progress' };
  }
  return scan;
}

function started(now: number): ScanProgress {
  return { state: 'running', read: 0, total: null, startedAt: now, updatedAt: now, message: null };
}

/**
 * Starts "Scan all" in the Sent page open in `tabId`, or opens the Sent page and leaves a request
 * its content script picks up when it loads (`scan-requested`).
 */
export async function startScan(tabId: number | null, now: number): Promise<{ tabId: number }> {
  if (tabId !== null) {
    const reply = await sendToTab(tabId, { type: 'scan-start' });
    if (!reply.started) throw new Error(reply.reason ?? 'The Sent page could not start the scan');
    await browser.storage.session.set({ [SESSION_KEYS.scan]: started(now), [SESSION_KEYS.scanTab]: tabId });
    return { tabId };
  }
  const tab = await browser.tabs.create({ url: SENT_PAGE_URL, active: true });
  if (tab.id === undefined) throw new Error('Could not open the LinkedIn Sent page');
  await browser.storage.session.set({
    [SESSION_KEYS.scan]: started(now),
    [SESSION_KEYS.scanTab]: tab.id,
    [SESSION_KEYS.scanRequest]: tab.id,
  });
  return { tabId: tab.id };
}

/** Answers a content script that just loaded: should it scan? Yes once, if this tab was opened for it. */
export async function takeScanRequest(tabId: number): Promise<boolean> {
  const requested = z.safeParse(TabId, (await session())[SESSION_KEYS.scanRequest]);
  if (!requested.success || requested.data !== tabId) return false;
  await browser.storage.session.remove(SESSION_KEYS.scanRequest);
  return true;
}

export async function recordProgress(progress: ScanProgress, tabId: number): Promise<void> {
  await browser.storage.session.set({ [SESSION_KEYS.scan]: progress, [SESSION_KEYS.scanTab]: tabId });
}

/** Asks the scanning tab to stop; if it is gone, the scan is marked cancelled here. */
export async function cancelScan(now: number): Promise<void> {
  const stored = await session();
  const tabId = z.safeParse(TabId, stored[SESSION_KEYS.scanTab]);
  if (tabId.success) {
    try {
      await sendToTab(tabId.data, { type: 'scan-cancel' });
    } catch {
      // The tab was closed or navigated away: nothing left to stop.
    }
  }
  await stopScan(now, 'cancelled', null);
}

/** Marks a running scan as stopped (the content script may already have said so) and drops any request. */
export async function stopScan(now: number, state: 'cancelled' | 'stalled', message: string | null): Promise<void> {
  const scan = await readScan(now);
  await browser.storage.session.remove(SESSION_KEYS.scanRequest);
  if (scan?.state === 'running' || scan?.state === 'stalled') {
    await browser.storage.session.set({ [SESSION_KEYS.scan]: { ...scan, state, updatedAt: now, message } });
  }
}

/** The tab running the scan was closed. */
export async function scanTabClosed(tabId: number, now: number): Promise<boolean> {
  const stored = z.safeParse(TabId, (await session())[SESSION_KEYS.scanTab]);
  if (!stored.success || stored.data !== tabId) return false;
  await stopScan(now, 'cancelled', 'The Sent page was closed');
  await browser.storage.session.remove(SESSION_KEYS.scanTab);
  return true;
}

export async function clearScanState(): Promise<void> {
  await browser.storage.session.remove(Object.values(SESSION_KEYS));
}
