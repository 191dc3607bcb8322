import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSentPage } from '../fixtures/sent-page';
import { lapseForThisFile, networkViolations } from './harness';
import { AGED_PEOPLE } from './pages';

/** Issue 15: a backup restored on top of the very ledger it was made from changes nothing. */
const lapse = lapseForThisFile();
let downloads: string;
beforeAll(() => {
  downloads = mkdtempSync(join(tmpdir(), 'lapse-restore-'));
});

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(downloads, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return path;
}

async function exportCsv(): Promise<Buffer> {
  const popup = await lapse.openPopup();
  await popup.waitForSelector('[role="tablist"]');
  await popup.getByRole('button', { name: 'Export CSV' }).click();
  const path = await download(popup, () => popup.getByRole('button', { name: /^Everything/ }).click());
  await popup.close();
  return readFileSync(path);
}

describe('backup restored on top of the same ledger', () => {
  it('reports every record unchanged, keeps every fact, and the CSV is byte for byte the same', async () => {
    const people = AGED_PEOPLE.map((a) => a.person);
    const page = await lapse.openLinkedIn(renderSentPage({ people }));
    await expect.poll(async () => (await lapse.ledger()).records.length, { timeout: 20_000 }).toBe(people.length);
    await page.close();
    const [first, second] = (await lapse.ledger()).records;
    // The facts a restore used to drop: an exact send minute and an acceptance day from the export.
    const minute = Math.ceil(first!.sent!.earliest / 60_000) * 60_000;
    const day = Math.floor(first!.lastSeenAt / 86_400_000) * 86_400_000;
    await lapse.send({
      type: 'import-linkedin-export',
      export: {
        invitations: [
          {
            row: 2,
            profileUrl: first!.profileUrl,
            name: first!.name,
            sent: { earliest: minute, latest: minute + 59_999 },
            message: 'Hello there',
          },
        ],
        connections: [
          {
            row: 2,
            profileUrl: first!.profileUrl,
            name: first!.name,
            connected: { earliest: day, latest: day + 86_399_999 },
          },
        ],
        skipped: [],
      },
    });
    await lapse.send({ type: 'set-note', id: second!.id, note: 'Met at the Lisbon meetup' });
    await lapse.send({ type: 'set-hidden', id: second!.id, hidden: true });
    const before = (await lapse.ledger()).records;
    expect(before.find((r) => r.id === first!.id)).toMatchObject({ sentExact: true, acceptedAt: { earliest: day } });
    const csvBefore = await exportCsv();

    const options = await lapse.openOptions();
    const backup = await download(options, () => options.getByRole('button', { name: 'Download backup' }).click());
    await options.getByRole('button', { name: 'Restore from a backup file' }).setInputFiles(backup);
    await expect
      .poll(() => options.locator('.report[role="status"]').textContent())
      .toContain(`0 imported · ${people.length} unchanged · 0 rejected`);

    expect((await lapse.ledger()).records).toEqual(before);
    const csvAfter = await exportCsv();
    expect(csvAfter.equals(csvBefore)).toBe(true);
    expect(csvBefore.toString('utf8')).toContain('exact');
  });

  it('made no network request', () => {
    expect(networkViolations(lapse)).toEqual([]);
  });
});
