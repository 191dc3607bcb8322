import browser from 'webextension-polyfill';
import * as z from 'zod/mini';
import { ScanProgress } from '../model/messages';
import type { ScanRefusal } from '../model/tab-command';
import { t } from '../shared/i18n';
import { sendToTab } from '../shared/messaging';
import { readScan, STALL_AFTER_MS } from '../shared/scan-state';
import { SCAN_KEY, SENT_PAGE_URL } from '../shared/well-known';

/**
 * "Scan all" coordination. The worker may stop between any two events, so everything lives in
 * storage.session (cleared when the browser closes; readable by the popup, not by content scripts).
 * A scan ends itself when its tab is closed, reloads (its new content script says so), or stops
 * reporting for longer than its own pace explains, so neither the popup nor the badge can be
 * left saying "Scanning" after it. (tabs.onUpdated would also see a tab navigate, but would wake
 * the worker for every page load in every tab.)
 */
export const SESSION_KEYS = {
  /** The latest ScanProgress, for the popup and the badge. */
  scan: SCAN_KEY,
  /** Every tab scanning (asked to, or reporting that it runs), for cancelling and noticing them go. */
  scanTabs: 'scanTabs',
  /** A tab opened by "Scan all" whose content script has not picked up the request yet. */
  scanRequest: 'scanRequest',
  /** The longest pause between two progress reports of the running scan: its pace. */
  scanPace: 'scanPace',
} as const;

/** Silence ends a scan after this many of its longest pauses so far… */
export const SILENCE_PAUSES = 3;
/** …and never sooner than this (nor later than STALL_AFTER_MS). Chrome's alarms fire no sooner either. */
export const MIN_SILENCE_MS = 30_000;
/** The alarm that looks for a scan that went silent. */
export const SCAN_WATCHDOG = 'lapse-scan-watchdog';

const TabId = z.number().check(z.int());
const TabIds = z.array(TabId);
const Pace = z.number().check(z.gte(0));

/**
 * Runs scan-state changes one at a time. Each reads storage.session, then writes it: a tab closing
 * while another reports would otherwise write back a list of tabs the first had just changed.
 */
let queue: Promise<unknown> = Promise.resolve();
function serially<A extends unknown[], T>(task: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  return (...args) => {
    const run = queue.then(() => task(...args));
    queue = run.catch(() => undefined);
    return run;
  };
}

async function session(): Promise<Record<string, unknown>> {
  return browser.storage.session.get(Object.values(SESSION_KEYS));
}

function tabsIn(stored: Record<string, unknown>): number[] {
  const parsed = z.safeParse(TabIds, stored[SESSION_KEYS.scanTabs]);
  return parsed.success ? parsed.data : [];
}

/** How long the scan may stay silent, from its own pace: slow pages get longer. */
export function silenceLimit(longestPauseMs: number): number {
  return Math.min(STALL_AFTER_MS, Math.max(MIN_SILENCE_MS, SILENCE_PAUSES * longestPauseMs));
}

/** Wakes the worker when the scan has been silent too long (alarms survive the worker stopping). */
async function watchSilence(now: number, longestPauseMs: number): Promise<void> {
  await browser.alarms.create(SCAN_WATCHDOG, { when: now + silenceLimit(longestPauseMs) });
}

function started(now: number): ScanProgress {
  return { state: 'running', read: 0, total: null, startedAt: now, updatedAt: now, message: null };
}

/** Adds `tabId` to the scanning tabs and marks a scan running from `now`. */
async function begin(tabId: number, now: number, extra: Record<string, unknown> = {}): Promise<void> {
  const tabs = tabsIn(await session()).filter((other) => other !== tabId);
  await browser.storage.session.set({
    [SESSION_KEYS.scan]: started(now),
    [SESSION_KEYS.scanTabs]: [...tabs, tabId],
    [SESSION_KEYS.scanPace]: 0,
    ...extra,
  });
  await watchSilence(now, 0);
}

/** Why the Sent page would not start a scan, in the user's words (the popup shows it after "That did not work:"). */
const refusalText = (reason: ScanRefusal | null) =>
  t(reason === 'already-running' ? 'scan_already_running' : 'scan_not_sent_page');

/**
 * Starts "Scan all" in the Sent page open in `tabId`, or opens the Sent page and leaves a request
 * its content script picks up when it loads (`scan-requested`).
 */
export const startScan = serially(async (tabId: number | null, now: number): Promise<{ tabId: number }> => {
  if (tabId !== null) {
    const reply = await sendToTab(tabId, { type: 'scan-start' });
    if (!reply.started) throw new Error(refusalText(reply.reason));
    await begin(tabId, now);
    return { tabId };
  }
  const tab = await browser.tabs.create({ url: SENT_PAGE_URL, active: true });
  if (tab.id === undefined) throw new Error(t('scan_could_not_open'));
  await begin(tab.id, now, { [SESSION_KEYS.scanRequest]: tab.id });
  return { tabId: tab.id };
});

/**
 * Answers a content script that just started on the Sent page: should it scan? Yes once, if this
 * tab was opened for it. Otherwise a scan this tab was running is over: its page was replaced.
 * `ended` is true when that made the last scan stop.
 */
export const takeScanRequest = serially(
  async (tabId: number, now: number): Promise<{ scan: boolean; ended: boolean }> => {
    const requested = z.safeParse(TabId, (await session())[SESSION_KEYS.scanRequest]);
    if (requested.success && requested.data === tabId) {
      await browser.storage.session.remove(SESSION_KEYS.scanRequest);
      return { scan: true, ended: false };
    }
    return { scan: false, ended: await endTab(tabId, now) };
  },
);

/** Stores a report from a scanning tab, and how long it came after the previous one. */
export const recordProgress = serially(async (progress: ScanProgress, tabId: number, now: number): Promise<void> => {
  const stored = await session();
  const previous = z.safeParse(ScanProgress, stored[SESSION_KEYS.scan]);
  const pace = z.safeParse(Pace, stored[SESSION_KEYS.scanPace]);
  const pause = previous.success && previous.data.state === 'running' ? now - previous.data.updatedAt : 0;
  const longest = Math.max(pace.success ? pace.data : 0, pause);
  const others = tabsIn(stored).filter((other) => other !== tabId);
  const running = progress.state === 'running';
  await browser.storage.session.set({
    // Stamped with the worker's clock: the silence is measured on it.
    [SESSION_KEYS.scan]: { ...progress, updatedAt: Math.max(progress.updatedAt, now) },
    [SESSION_KEYS.scanTabs]: running ? [...others, tabId] : others,
    [SESSION_KEYS.scanPace]: longest,
  });
  if (running) await watchSilence(now, longest);
});

/** Asks every scanning tab to stop (a tab that is gone has nothing left to stop); marks the scan cancelled. */
export const cancelScan = serially(async (now: number): Promise<void> => {
  const tabs = tabsIn(await session());
  await Promise.all(tabs.map((tabId) => sendToTab(tabId, { type: 'scan-cancel' }).catch(() => null)));
  await stopScan(now, 'cancelled');
});

/** Marks a running scan as stopped (the content script may already have said so); forgets its tabs and request. */
async function stopScan(now: number, state: 'cancelled' | 'stalled'): Promise<void> {
  const scan = await readScan(now);
  await browser.storage.session.remove([SESSION_KEYS.scanRequest, SESSION_KEYS.scanTabs]);
  if (scan?.state === 'running' || scan?.state === 'stalled') {
    const stalledBy = state === 'stalled' ? (scan.stalledBy ?? 'page-silent') : null;
    const stopped: ScanProgress = { ...scan, state, updatedAt: now, stalledBy, message: null };
    await browser.storage.session.set({ [SESSION_KEYS.scan]: stopped });
  }
}

/**
 * The scanning tab `tabId` was closed or reloaded: its scan is over. Returns
 * true when that was the last scanning tab, and the scan was marked stopped.
 */
export const scanTabEnded = serially(endTab);
async function endTab(tabId: number, now: number): Promise<boolean> {
  const tabs = tabsIn(await session());
  if (!tabs.includes(tabId)) return false;
  const others = tabs.filter((other) => other !== tabId);
  if (others.length > 0) {
    await browser.storage.session.set({ [SESSION_KEYS.scanTabs]: others });
    return false;
  }
  await stopScan(now, 'cancelled');
  return true;
}

/** The watchdog fired: a running scan silent for longer than its pace allows is stopped. */
export const checkScanSilence = serially(async (now: number): Promise<boolean> => {
  const stored = await session();
  const scan = z.safeParse(ScanProgress, stored[SESSION_KEYS.scan]);
  if (!scan.success || scan.data.state !== 'running') return false;
  const pace = z.safeParse(Pace, stored[SESSION_KEYS.scanPace]);
  const longest = pace.success ? pace.data : 0;
  if (now - scan.data.updatedAt < silenceLimit(longest)) {
    await watchSilence(scan.data.updatedAt, longest);
    return false;
  }
  await stopScan(now, 'stalled');
  return true;
});

export const clearScanState = serially(async (): Promise<void> => {
  await browser.storage.session.remove(Object.values(SESSION_KEYS));
  await browser.alarms.clear(SCAN_WATCHDOG);
});
