import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { lapseForThisFile, networkViolations } from './harness';

/**
 * Issue 20: no ledger data through extension messaging, so a backup's size is bounded by the disk,
 * not by the 64 MiB message limit (the old download sent the whole file as one message and failed
 * with "Message exceeded maximum allowed size of 64MiB"). A ledger over 64 MiB takes minutes here
 * on two busy cores, so this test proves the property that makes it work instead: the worker is
 * listened to while a 9 MB ledger is backed up and restored through the options page; the
 * download sends it no ledger at all, and the restore sends it batches no larger than
 * BATCH_CHARS, as many as the file needs. Message size no longer grows with the ledger.
 */
declare const chrome: { runtime: { onMessage: { addListener(listener: (message: { type?: string }) => void): void } } };

const lapse = lapseForThisFile();
const RECORDS = 1_700;
const BATCH_CHARS = 4 * 1024 * 1024;

/** Records, in the worker, the size of every message it receives from now on. */
async function listenToWorker(): Promise<() => Promise<{ type: string; size: number }[]>> {
  await lapse.worker.evaluate(() => {
    const heard: { type: string; size: number }[] = [];
    (globalThis as unknown as { heard: typeof heard }).heard = heard;
    chrome.runtime.onMessage.addListener((message) => {
      heard.push({ type: String(message?.type), size: JSON.stringify(message).length });
    });
  });
  return () =>
    lapse.worker.evaluate(() => {
      const heard = (globalThis as unknown as { heard: { type: string; size: number }[] }).heard;
      return heard.splice(0, heard.length);
    });
}

/** Writes `n` records with 5,000-character notes straight into the extension's database. */
async function fillLedger(page: Page, n: number): Promise<void> {
  await page.evaluate(async (count) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('lapse');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const line = 'Long call notes: the role, the team, the budget, a follow-up in spring — Zoë, ação. ';
    for (let from = 0; from < count; from += 1500) {
      const tx = db.transaction('invitations', 'readwrite');
      for (let i = from; i < Math.min(count, from + 1500); i++) {
        const at = Date.UTC(2026, 0, 1) + i * 60_000;
        tx.objectStore('invitations').put({
          id: `person-${i}`,
          profileUrl: `https://www.linkedin.com/in/person-${i}/`,
          name: `Person ${i}`,
          headline: `Engineer at Company ${i % 50}`,
          sentLabel: 'Sent 3 weeks ago',
          sent: { earliest: at - 7 * 86_400_000, latest: at },
          conflicts: [],
          firstSeenAt: at,
          lastSeenAt: at,
          status: 'pending',
          statusChangedAt: at,
          statusSetBy: 'scan',
          hidden: false,
          note: `${i} ${line.repeat(60)}`.slice(0, 5000),
          noteChangedAt: at,
          inviteMessage: null,
          account: '',
        });
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
    }
    db.close();
  }, n);
}

/** The ledger's records, as a digest (the page hashes them: 70 MB need not cross to the test). */
function ledgerDigest(page: Page): Promise<{ count: number; sha256: string }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('lapse');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction('invitations').objectStore('invitations').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    // Fields in a fixed order: a restored record is the same record whatever order its keys came in.
    const canonical = all.map((r) => Object.fromEntries(Object.entries(r as object).sort()));
    const bytes = new TextEncoder().encode(JSON.stringify(canonical));
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    return { count: all.length, sha256: Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('') };
  });
}

describe('a large backup, downloaded and restored through the options page', () => {
  it('never crosses extension messaging whole: no ledger in any message, restore in bounded batches', async () => {
    const options = await lapse.openOptions();
    await fillLedger(options, RECORDS);
    const before = await ledgerDigest(options);
    expect(before.count).toBe(RECORDS);
    const heard = await listenToWorker();

    const [download] = await Promise.all([
      options.waitForEvent('download', { timeout: 60_000 }),
      options.getByRole('button', { name: 'Download backup' }).click(),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'lapse-large-')), download.suggestedFilename());
    await download.saveAs(file);
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(2 * BATCH_CHARS);
    // The page wrote the file from the database: the worker heard nothing the size of a ledger.
    expect((await heard()).reduce((sum, m) => sum + m.size, 0)).toBeLessThan(10_000);

    await lapse.send({ type: 'delete-all' });
    expect((await ledgerDigest(options)).count).toBe(0);
    await heard();

    await options.getByRole('button', { name: 'Restore from a backup file' }).setInputFiles(file);
    await expect
      .poll(() => options.locator('.report[role="status"]').textContent(), { timeout: 120_000, interval: 500 })
      .toContain(`${RECORDS.toLocaleString('en')} imported · 0 unchanged · 0 rejected`);
    expect(await ledgerDigest(options)).toEqual(before);

    const batches = (await heard()).filter((m) => m.type === 'restore-batch');
    // More than twice a batch's worth of text: it took three batches at least.
    expect(batches.length).toBeGreaterThanOrEqual(3);
    // A batch's text is escaped once more inside the message: a little over BATCH_CHARS at most.
    expect(Math.max(...batches.map((m) => m.size))).toBeLessThan(1.25 * BATCH_CHARS);
  }, 180_000);

  it('made no network request', () => {
    expect(networkViolations(lapse)).toEqual([]);
  });
});
