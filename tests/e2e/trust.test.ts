import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH } from '../../src/content/dom-read';
import type { ScanProgress } from '../../src/model/messages';
import { MAX_READ_INVITATIONS } from '../../src/model/reading-limits';
import { renderSentPage, samplePeople } from '../fixtures/sent-page';
import { idOf, lapseForThisFile, networkViolations, SENT_URL } from './harness';
import { deepSentPage, sentReceivedApp } from './spa-pages';

/**
 * Only trustworthy readings count, and Scan all never outlives its page (issue 15): LinkedIn's
 * in-app move from Sent to Received, a Scan all interrupted by a reload or by leaving, and pages
 * too large or too deep to read.
 */
const lapse = lapseForThisFile();

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const records = async () => (await lapse.ledger()).records;
async function waitForRecords(count: number) {
  await expect.poll(async () => (await records()).length, { timeout: 30_000 }).toBe(count);
  return records();
}

describe('moving from Sent to Received inside LinkedIn', () => {
  it.each([
    ['the Received list is drawn before the address changes', 'render-first'],
    ['the address changes as the Received list is drawn', 'address-first'],
  ] as const)('marks nobody gone: %s', async (_name, order) => {
    const sent = samplePeople(5, 91);
    const newcomer = samplePeople(1, 93);
    const page = await lapse.openLinkedIn(
      sentReceivedApp({ sent, received: samplePeople(2, 92), sentAgain: [...newcomer, ...sent], order }),
    );
    const before = await waitForRecords(5);

    await page.click('nav[aria-label="Invitation direction"] a[href$="/received/"]');
    await page.waitForURL('**/invitation-manager/received/', { timeout: 10_000 });
    // The Received list stays on screen long enough to be read (a read follows 400 ms of quiet);
    // what tells the test it was not taken for Sent is the ledger after the move back.
    await page.waitForTimeout(1500);
    await page.click('nav[aria-label="Invitation direction"] a[href$="/sent/"]');

    // Back on Sent, the newcomer is recorded: every reading of the visit has reached the ledger.
    const after = await waitForRecords(6);
    for (const person of sent) {
      const record = after.find((r) => r.id === idOf(person));
      const was = before.find((r) => r.id === idOf(person));
      expect(record?.status, person.slug).toBe('pending');
      // Marked gone and brought back would show here.
      expect(record?.statusChangedAt, person.slug).toBe(was?.statusChangedAt);
    }
  });
});

/** "Scan all" on the Sent page in `page`, asked as the popup asks on that tab. */
async function startScan(page: Page): Promise<void> {
  const popup = await lapse.openPopup();
  const tabId = await lapse.tabIdOf(page);
  const reply = await popup.evaluate((id) => chrome.runtime.sendMessage({ type: 'start-scan', tabId: id }), tabId);
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
  await popup.close();
}

describe('an interrupted Scan all', () => {
  it.each([
    ['reloaded', (page: Page) => page.reload()],
    ['left for another page', (page: Page) => page.goto('https://www.linkedin.com/feed/')],
  ])('leaves no "Scanning" badge when the page is %s', async (_name, interrupt) => {
    const page = await lapse.openLinkedIn(
      renderSentPage({ people: samplePeople(80, 94), loadMore: { pageSize: 10, script: true, delayMs: 700 } }),
    );
    await waitForRecords(10);
    await startScan(page);
    await expect.poll(async () => (await lapse.ledger()).scan?.read ?? 0, { timeout: 20_000 }).toBeGreaterThan(10);
    expect((await lapse.badge()).text).toBe('…');

    await interrupt(page);
    await expect.poll(async () => (await lapse.badge()).title, { timeout: 15_000 }).not.toMatch(/Scanning/);
    expect((await lapse.badge()).text).not.toBe('…');
    const scan = (await lapse.ledger()).scan as ScanProgress;
    expect(scan.state).not.toBe('running');
  });
});

describe('pages too large or too deep to read', () => {
  it('a card nested 6,000 levels deep: a failed reading the popup shows, nothing recorded', async () => {
    await lapse.openLinkedIn(deepSentPage(6000));
    await expect.poll(async () => (await lapse.ledger()).lastReading?.failed, { timeout: 20_000 }).toBe(true);
    expect((await lapse.ledger()).lastReading?.failure).toEqual({ code: 'too-deep', depth: MAX_DEPTH });
    expect(await records()).toEqual([]);
    const popup = await lapse.openPopup();
    await expect.poll(() => popup.locator('[role="alert"]').first().textContent()).toMatch(/deep/);
  });

  it('a page of 20,001 invitations: a failed reading the popup shows, nothing recorded', async () => {
    // 22 MB of markup: the test waits for the reading, not for the page's load event.
    await lapse.serveLinkedIn(renderSentPage({ people: samplePeople(20_001, 96) }));
    const page = await lapse.context.newPage();
    await page.goto(SENT_URL, { waitUntil: 'commit', timeout: 60_000 });
    await expect.poll(async () => (await lapse.ledger()).lastReading?.failed, { timeout: 100_000 }).toBe(true);
    expect((await lapse.ledger()).lastReading?.failure).toEqual({
      code: 'too-many',
      read: 20_001,
      max: MAX_READ_INVITATIONS,
    });
    expect(await records()).toEqual([]);
  }, 180_000);
});

describe('privacy', () => {
  it('made no network request: only the served LinkedIn pages and the extension’s own files', () => {
    expect(networkViolations(lapse)).toEqual([]);
  });
});
