import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScanProgress } from '../../../src/model/messages';
import { closeSharedDb } from '../../../src/store/db';
import { T0 } from '../store/builders';
import { createFakeBrowser, type FakeBrowser, LINKEDIN_SENDER, POPUP_SENDER } from './fake-browser';

/** "Scan all" state that clears itself: tab closed or reloaded, silence, Cancel with two scans. */
const fake = vi.hoisted(() => ({ browser: null as unknown as FakeBrowser }));
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_, key) => (fake.browser as unknown as Record<string | symbol, unknown>)[key] }),
}));

const SECOND = 1000;
let handleMessage: typeof import('../../../src/background/handlers')['handleMessage'];
let WATCHDOG: string;

const send = (message: unknown, sender: object = POPUP_SENDER) => handleMessage(message, sender as never);
const fromTab = (tabId: number) => ({ ...LINKEDIN_SENDER, tab: { id: tabId } });
const scan = async () => {
  const reply = await send({ type: 'get-ledger' });
  if (!reply.ok) throw new Error(reply.error);
  return (reply.value as { scan: ScanProgress | null }).scan;
};
/** A progress report from the content script in `tabId`, at the current (fake) time. */
const report = (tabId: number, read: number, state: ScanProgress['state'] = 'running') =>
  send(
    {
      type: 'scan-progress',
      progress: { state, read, total: 60, startedAt: T0, updatedAt: Date.now(), message: null },
    },
    fromTab(tabId),
  );
const fireWatchdog = async () => {
  fake.browser.alarms.onAlarm.fire({ name: WATCHDOG });
  // The listener works in the background: wait for what it writes.
  await vi.waitFor(async () => expect(fake.browser.action.setBadgeText).toHaveBeenCalled());
};

beforeEach(async () => {
  fake.browser = createFakeBrowser();
  globalThis.indexedDB = new IDBFactory();
  closeSharedDb();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  vi.resetModules(); // the worker's listeners, registered on this test's browser
  await import('../../../src/background/index');
  ({ handleMessage } = await import('../../../src/background/handlers'));
  ({ SCAN_WATCHDOG: WATCHDOG } = await import('../../../src/background/scan'));
});
afterEach(() => {
  closeSharedDb();
  vi.useRealTimers();
});

describe('a scan interrupted by a reload', () => {
  it('ends when the scanning tab’s new page starts, and the badge stops saying "Scanning"', async () => {
    await send({ type: 'start-scan', tabId: 12 });
    await report(12, 20);
    expect(fake.browser.badge).toMatchObject({ text: '…', title: 'Scanning 20 of 60' });
    vi.setSystemTime(T0 + 3 * SECOND);
    // The reloaded Sent page's content script asks, as it always does, whether to scan.
    expect(await send({ type: 'scan-requested' }, fromTab(12))).toEqual({ ok: true, value: { scan: false } });
    expect(await scan()).toMatchObject({ state: 'cancelled', read: 20 });
    expect(fake.browser.badge.text).not.toBe('…');
    expect(fake.browser.badge.title).not.toMatch(/Scanning/);
  });

  it('a page load in another tab changes nothing', async () => {
    await send({ type: 'start-scan', tabId: 12 });
    await report(12, 20);
    await send({ type: 'scan-requested' }, fromTab(40));
    expect(await scan()).toMatchObject({ state: 'running' });
    expect(fake.browser.badge.text).toBe('…');
  });
});

describe('a scan that stops reporting', () => {
  it('is ended after a silence several times its own longest pause', async () => {
    await send({ type: 'start-scan', tabId: 12 });
    // A slow page: 20 s between loads. Silence is measured on that pace (3 × 20 s).
    for (const [i, at] of [0, 20, 40].entries()) {
      vi.setSystemTime(T0 + at * SECOND);
      await report(12, 10 * (i + 1));
    }
    const alarm = fake.browser.alarmsSet.get(WATCHDOG) as { when: number };
    expect(alarm.when).toBe(T0 + 100 * SECOND);

    // 50 s of silence is less than three of its pauses: still running.
    vi.setSystemTime(T0 + 90 * SECOND);
    await fireWatchdog();
    expect(await scan()).toMatchObject({ state: 'running' });
    expect(fake.browser.badge.text).toBe('…');

    vi.setSystemTime(T0 + 101 * SECOND);
    fake.browser.action.setBadgeText.mockClear();
    await fireWatchdog();
    expect(await scan()).toMatchObject({ state: 'stalled', read: 30, stalledBy: 'page-silent' });
    expect(fake.browser.badge.text).not.toBe('…');
  });

  it('a brisk scan is given at least 30 s', async () => {
    await send({ type: 'start-scan', tabId: 12 });
    for (const at of [0, 2, 4]) {
      vi.setSystemTime(T0 + at * SECOND);
      await report(12, at);
    }
    expect((fake.browser.alarmsSet.get(WATCHDOG) as { when: number }).when).toBe(T0 + 34 * SECOND);
  });
});

describe('two scans in two tabs', () => {
  it('Cancel reaches both, and neither flips the state back', async () => {
    await send({ type: 'start-scan', tabId: 12 });
    await send({ type: 'start-scan', tabId: 13 });
    await report(12, 20);
    await report(13, 30);
    fake.browser.tabs.sendMessage.mockResolvedValue({ ok: true, value: null });
    await send({ type: 'cancel-scan' });
    expect(fake.browser.tabs.sendMessage).toHaveBeenCalledWith(12, { type: 'scan-cancel' });
    expect(fake.browser.tabs.sendMessage).toHaveBeenCalledWith(13, { type: 'scan-cancel' });
    // Each tab, told to stop, says so.
    await report(12, 20, 'cancelled');
    await report(13, 30, 'cancelled');
    expect(await scan()).toMatchObject({ state: 'cancelled' });
    expect(fake.browser.badge.text).not.toBe('…');
  });

  it('closing one scanning tab leaves the other running; closing both ends the scan', async () => {
    await send({ type: 'start-scan', tabId: 12 });
    await send({ type: 'start-scan', tabId: 13 });
    await report(13, 30);
    fake.browser.tabs.onRemoved.fire(12);
    await report(13, 40);
    expect(await scan()).toMatchObject({ state: 'running', read: 40 });
    fake.browser.action.setBadgeText.mockClear();
    fake.browser.tabs.onRemoved.fire(13);
    await vi.waitFor(async () => expect(await scan()).toMatchObject({ state: 'cancelled' }));
    await vi.waitFor(() => expect(fake.browser.badge.text).not.toBe('…'));
  });
});
