import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { lapseForThisFile, networkViolations } from './harness';

/**
 * Issue 20: a ledger whose backup is larger than extension messaging's 64 MiB limit is backed
 * up and restored through the options page. The old download sent the whole file as one
 * message and failed ("Message exceeded maximum allowed size of 64MiB").
 */
const lapse = lapseForThisFile();
const MESSAGE_LIMIT = 64 * 1024 * 1024;
const RECORDS = 13_500;

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

describe('a backup larger than the 64 MiB message limit', () => {
  it('downloads, and restores into an emptied ledger with every record as it was, showing progress', async () => {
    const options = await lapse.openOptions();
    await fillLedger(options, RECORDS);
    const before = await ledgerDigest(options);
    expect(before.count).toBe(RECORDS);

    const [download] = await Promise.all([
      options.waitForEvent('download', { timeout: 60_000 }),
      options.getByRole('button', { name: 'Download backup' }).click(),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'lapse-large-')), download.suggestedFilename());
    await download.saveAs(file);
    expect(statSync(file).size).toBeGreaterThan(MESSAGE_LIMIT);

    await lapse.send({ type: 'delete-all' });
    expect((await ledgerDigest(options)).count).toBe(0);

    await options.getByRole('button', { name: 'Restore from a backup file' }).setInputFiles(file);
    // Longer than a second: the progress bar shows, with a way to cancel.
    await options.getByRole('progressbar').waitFor({ timeout: 30_000 });
    await expect(options.getByRole('button', { name: 'Cancel' }).isVisible()).resolves.toBe(true);
    await expect
      .poll(() => options.locator('.report[role="status"]').textContent(), { timeout: 90_000, interval: 500 })
      .toContain(`${RECORDS.toLocaleString('en')} imported · 0 unchanged · 0 rejected`);
    expect(await ledgerDigest(options)).toEqual(before);
  }, 180_000);

  it('made no network request', () => {
    expect(networkViolations(lapse)).toEqual([]);
  });
});
