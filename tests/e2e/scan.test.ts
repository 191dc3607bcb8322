import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ScanProgress } from '../../src/model/messages';
import { renderSentPage, samplePeople } from '../fixtures/sent-page';
import { builtFiles, closeTabs, lapseForThisFile, networkViolations, SENT_URL } from './harness';
import { withMutationRecorder } from './pages';

/** "Scan all" from the popup, and that LinkedIn's page can see none of it. */
const lapse = lapseForThisFile();

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const scan = async (): Promise<ScanProgress | null> => (await lapse.ledger()).scan;

/** Records, inside the popup, every progress text and value it shows while a scan runs. */
async function watchProgress(popup: Page): Promise<void> {
  await popup.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progress: string[] }).__progress = seen;
    const record = () => {
      const status = document.querySelector('.scan');
      const bar = document.querySelector('progress');
      const line = `${status?.textContent ?? ''}|${bar ? `${bar.value}/${bar.max}` : ''}`;
      if (seen[seen.length - 1] !== line) seen.push(line);
    };
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    record();
  });
}

/** "Scan all" on the Sent page in `page`, asked from the popup as if the user were on that tab. */
async function startScanFromPopup(popup: Page, page: Page): Promise<void> {
  const tabId = await lapse.tabIdOf(page);
  const reply = (await popup.evaluate(
    (id) => chrome.runtime.sendMessage({ type: 'start-scan', tabId: id }),
    tabId,
  )) as {
    ok: boolean;
    error?: string;
  };
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
}

describe('Scan all', () => {
  it('clicks Load more until the total is reached, showing progress in the popup', async () => {
    const people = samplePeople(35, 51);
    // A ledger with someone in it already, so the popup shows its header and "Scan all".
    await lapse.openLinkedIn(renderSentPage({ people: people.slice(0, 10) }));
    await expect.poll(async () => (await lapse.ledger()).records.length, { timeout: 20_000 }).toBe(10);
    await closeTabs(lapse);
    await lapse.serveLinkedIn(renderSentPage({ people, loadMore: { pageSize: 10, script: true, delayMs: 250 } }));
    const popup = await lapse.openPopup();
    await popup.waitForSelector('.header');
    await watchProgress(popup);
    // The popup is not on a LinkedIn tab, so "Scan all" opens the Sent page and scans it there.
    await popup.getByRole('button', { name: 'Scan all' }).click();
    await expect.poll(async () => (await scan())?.state, { timeout: 40_000 }).toBe('done');
    expect((await lapse.ledger()).records).toHaveLength(35);
    expect((await scan())?.read).toBe(35);
    await expect.poll(() => popup.locator('.scan').textContent()).toContain('35');

    const seen = await popup.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
    // Progress moved through intermediate counts (the bar's value below the total of 35).
    const partial = seen.filter((line) => /\|([1-9]\d*)\/35$/.test(line) && !line.endsWith('|35/35'));
    expect(partial.length, seen.join('\n')).toBeGreaterThan(0);
  });

  it('can be cancelled midway, and what was read stays recorded', async () => {
    const people = samplePeople(80, 52);
    const page = await lapse.openLinkedIn(
      renderSentPage({ people, loadMore: { pageSize: 10, script: true, delayMs: 700 } }),
    );
    await expect.poll(async () => (await lapse.ledger()).records.length, { timeout: 20_000 }).toBe(10);
    const popup = await lapse.openPopup();
    await popup.waitForSelector('.header');
    await startScanFromPopup(popup, page);
    await expect.poll(async () => (await scan())?.read ?? 0, { timeout: 30_000 }).toBeGreaterThanOrEqual(20);
    await popup.locator('.scan button').click();
    await expect.poll(async () => (await scan())?.state, { timeout: 10_000 }).toBe('cancelled');

    const { records } = await lapse.ledger();
    const read = (await scan())?.read ?? 0;
    expect(read).toBeGreaterThanOrEqual(20);
    expect(read).toBeLessThan(80);
    expect(records.length).toBeGreaterThanOrEqual(read);
    expect(records.every((r) => r.status === 'pending')).toBe(true);
    // The page was left with invitations still to load: the scan stopped clicking.
    expect(await page.locator('[data-fixture="load-more"]').count()).toBe(1);
    await expect.poll(() => popup.locator('.scan').textContent()).toMatch(/\d/);
  });
});

describe('LinkedIn’s page cannot see Lapse', () => {
  it('cannot fetch any file of the extension', async () => {
    const page = await lapse.openLinkedIn(renderSentPage({ people: samplePeople(3, 61) }));
    const urls = builtFiles().map((f) => `chrome-extension://${lapse.extensionId}/${f}`);
    expect(urls.length).toBeGreaterThan(5);
    const outcomes = await page.evaluate(
      (list) =>
        Promise.all(
          list.map((url) =>
            fetch(url).then(
              (r) => `${url} answered ${r.status}`,
              () => null,
            ),
          ),
        ),
      urls,
    );
    expect(outcomes.filter(Boolean)).toEqual([]);
  });

  it('sees no change to its DOM from Lapse, through a reading and a Scan all', async () => {
    const html = withMutationRecorder(
      renderSentPage({ people: samplePeople(35, 62), loadMore: { pageSize: 10, script: true, delayMs: 100 } }),
    );
    const mutations = (p: Page) => p.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations);

    // With Lapse: a reading, then Scan all to the end.
    const page = await lapse.openLinkedIn(html);
    await expect.poll(async () => (await lapse.ledger()).records.length, { timeout: 20_000 }).toBe(10);
    expect(await mutations(page), 'the reading changed the page').toEqual([]);
    const popup = await lapse.openPopup();
    await startScanFromPopup(popup, page);
    await expect.poll(async () => (await scan())?.state, { timeout: 40_000 }).toBe('done');
    expect((await lapse.ledger()).records).toHaveLength(35);
    const withLapse = await mutations(page);

    // The same page where the content script does not run, its Load more clicked by hand.
    const reference = await lapse.openLinkedIn(html, 'https://www.linkedin.com/feed/');
    await reference.waitForLoadState('load');
    const templatesLeft = () => reference.locator('template[data-fixture="more"]').count();
    for (let left = await templatesLeft(); left > 0; left--) {
      await reference.click('[data-fixture="load-more"]');
      await expect.poll(templatesLeft).toBe(left - 1);
    }
    expect(await reference.locator('[data-fixture="load-more"]').count()).toBe(0);
    const byThePage = await mutations(reference);
    expect(byThePage.length).toBeGreaterThan(0);
    expect(withLapse).toEqual(byThePage);
    expect(page.url()).toBe(SENT_URL);
  });
});

describe('privacy', () => {
  it('made no network request: only the served LinkedIn pages and the extension’s own files', () => {
    expect(lapse.requests.length).toBeGreaterThan(0);
    expect(networkViolations(lapse)).toEqual([]);
  });
});
