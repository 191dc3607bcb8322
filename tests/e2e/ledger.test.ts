import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InvitationRecord } from '../../src/model/invitation';
import type { ResolvedSettings as Settings } from '../../src/rules';
import { expiryStatus, reinviteFrom } from '../../src/rules';
import { renderSentPage, samplePeople } from '../fixtures/sent-page';
import { fixedSettings } from '../support/settings';
import { lapseForThisFile, networkViolations, POPUP_FILTERS, popupList } from './harness';
import { AGED_PEOPLE, expectedSent, person } from './pages';

/** What the user does with the ledger: settings, CSV, LinkedIn's withdraw dialog, backups. */
const lapse = lapseForThisFile();
let downloads: string;
beforeAll(() => {
  downloads = mkdtempSync(join(tmpdir(), 'lapse-downloads-'));
});

async function recordFrom(html: string, count: number): Promise<InvitationRecord[]> {
  const page = await lapse.openLinkedIn(html);
  await expect.poll(async () => (await lapse.ledger()).records.length, { timeout: 20_000 }).toBe(count);
  await page.close();
  return (await lapse.ledger()).records;
}

/** Every list of an open popup, as names per list. */
async function listsOf(popup: Page): Promise<Record<string, string[]>> {
  const lists: Record<string, string[]> = {};
  for (const filter of POPUP_FILTERS) lists[filter] = (await popupList(popup, filter)).map((r) => r.name).sort();
  return lists;
}

function expectedLists(settings: Settings, observedAt: number, now: number, people = AGED_PEOPLE.map((a) => a.person)) {
  const lists: Record<string, string[]> = { nearing: [], pending: [], expired: [], resolved: [] };
  for (const p of people) {
    const status = expiryStatus(expectedSent(p.age, observedAt), settings, now, observedAt);
    if (status === 'expired' || status === 'maybe-expired') lists.expired!.push(p.name);
    else {
      lists.pending!.push(p.name);
      if (status === 'nearing') lists.nearing!.push(p.name);
    }
  }
  for (const key of Object.keys(lists)) lists[key]!.sort();
  return lists;
}

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(downloads, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

describe('settings', () => {
  it('moving the window from six months to 90 days flips the right rows and the badge, with nothing reloaded', async () => {
    const people = [
      ...AGED_PEOPLE.map((a) => a.person),
      person('kim-10weeks', 'Kim Ten', { kind: 'ago', count: 10, unit: 'week' }),
    ];
    await recordFrom(renderSentPage({ people }), people.length);
    const observedAt = (await lapse.ledger()).lastReading!.at;
    const popup = await lapse.openPopup();
    await popup.waitForSelector('[role="tablist"]');
    const sixMonths = expectedLists(fixedSettings(), observedAt, Date.now(), people);
    expect(await listsOf(popup)).toEqual(sixMonths);
    const badgeBefore = await lapse.badge();

    const options = await lapse.openOptions();
    await options.getByRole('radio', { name: /90 days/i }).check();

    const ninetyDays = expectedLists({ ...fixedSettings(), expiryWindow: '90-days' }, observedAt, Date.now(), people);
    // The change is one a user would notice: someone becomes nearing. Nobody expires: the page
    // has just listed them all, and what LinkedIn lists is pending whatever the window says.
    expect(ninetyDays.nearing!.filter((n) => !sixMonths.nearing!.includes(n))).not.toEqual([]);
    expect(ninetyDays.expired).toEqual([]);
    // The popup that was already open redraws itself.
    await expect.poll(() => listsOf(popup), { timeout: 10_000 }).toEqual(ninetyDays);
    // The badge's tooltip counts what to act on this week under the new window.
    await expect
      .poll(async () => (await lapse.badge()).title)
      .toContain(`${ninetyDays.nearing!.length} to act on this week`);
    // The count of invitations over three weeks does not depend on the window.
    expect((await lapse.badge()).text).toBe(badgeBefore.text);
  });
});

describe('CSV export and hostile text', () => {
  it('downloads a CSV that parses back to the ledger, shows HTML-looking names as text and neutralises formulas', async () => {
    const people = [
      {
        ...person('xss-person', '<img src=x onerror=alert(1)>', { kind: 'ago', count: 2, unit: 'week' }),
        headline: '=HYPERLINK("http://evil.example","click")',
      },
      ...samplePeople(9, 71),
    ];
    const records = await recordFrom(renderSentPage({ people }), people.length);
    const popup = await lapse.openPopup();
    const dialogs: string[] = [];
    popup.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await popup.waitForSelector('[role="tablist"]');
    const rows = await popupList(popup, 'pending');
    expect(rows.map((r) => r.name)).toContain('<img src=x onerror=alert(1)>');
    expect(await popup.locator('li.row img, li.row [onerror]').count()).toBe(0);

    await popup.getByRole('button', { name: 'Export CSV' }).click();
    const path = await download(popup, () => popup.getByRole('button', { name: /^Everything/ }).click());
    expect(path).toMatch(/\.csv$/);
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(records.length);
    for (const record of records) {
      const row = parsed.data.find((r) => r.profile_url === record.profileUrl);
      expect(row, record.profileUrl).toBeDefined();
      expect(row?.name).toBe(record.name);
      expect(row?.status).toBe(record.status);
    }
    const xss = parsed.data.find((r) => r.profile_url === 'https://www.linkedin.com/in/xss-person/')!;
    expect(xss.name).toBe('<img src=x onerror=alert(1)>');
    // A spreadsheet must not run the headline as a formula.
    expect(xss.headline).not.toMatch(/^[=+\-@]/);
    expect(xss.headline).toContain('HYPERLINK');
    expect(dialogs).toEqual([]);
  });
});

describe('LinkedIn’s withdraw dialog', () => {
  it.each(['document', 'shadow'] as const)(
    'withdrawing through the dialog (%s) marks that invitation withdrawn, with the re-invite date',
    async (where) => {
      const people = samplePeople(6, where === 'document' ? 81 : 82);
      const target = people[3]!;
      const page = await lapse.openLinkedIn(renderSentPage({ people, withdrawDialog: where }));
      await expect.poll(async () => (await lapse.ledger()).records.length, { timeout: 20_000 }).toBe(6);

      await page.click(`[role="listitem"] a[aria-label="Withdraw invitation sent to ${target.name}"]`);
      const confirm = page.locator(`dialog[open] button[aria-label="Withdraw invitation sent to ${target.name}"]`);
      await confirm.click();
      await expect(page.locator(`text=${target.name}`).count()).resolves.toBe(0);

      const id = target.slug.normalize('NFC').toLowerCase();
      await expect
        .poll(async () => (await lapse.ledger()).records.find((r) => r.id === id)?.status, { timeout: 15_000 })
        .toBe('withdrawn');
      const records = (await lapse.ledger()).records;
      expect(records.filter((r) => r.status === 'withdrawn').map((r) => r.id)).toEqual([id]);
      const withdrawn = records.find((r) => r.id === id)!;

      const popup = await lapse.openPopup();
      await popup.waitForSelector('[role="tablist"]');
      await popupList(popup, 'resolved');
      const row = popup.locator(`li.row[data-id="${id}"]`);
      await expect(row.locator('.chip').textContent()).resolves.toBe('Withdrawn');
      const date = await popup.evaluate(
        (ms) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(ms),
        reinviteFrom(withdrawn.statusChangedAt),
      );
      expect(await row.textContent()).toContain(date);
    },
  );
});

describe('backup', () => {
  it('backup → delete all → restore gives back the same popup and badge', async () => {
    const people = AGED_PEOPLE.map((a) => a.person);
    await recordFrom(renderSentPage({ people }), people.length);
    await lapse.send({ type: 'set-note', id: 'finn-month', note: 'Met at the Lisbon meetup' });
    await lapse.send({ type: 'set-status', id: 'ben-days', status: 'accepted' });
    const popup = await lapse.openPopup();
    await popup.waitForSelector('[role="tablist"]');
    const listsBefore = await listsOf(popup);
    const textBefore = await popup.locator('li.row').allTextContents();
    const badgeBefore = await lapse.badge();
    const recordsBefore = (await lapse.ledger()).records;
    expect(badgeBefore.text).not.toBe('');
    await popup.close();

    const options = await lapse.openOptions();
    const backup = await download(options, () => options.getByRole('button', { name: 'Download backup' }).click());
    expect(JSON.parse(readFileSync(backup, 'utf8'))).toBeTruthy();

    await options.getByRole('button', { name: /Delete all data/ }).click();
    await options.getByRole('button', { name: `Delete ${people.length} records` }).click();
    await expect.poll(async () => (await lapse.ledger()).records.length).toBe(0);
    await expect.poll(async () => (await lapse.badge()).text).toBe('');

    await options.getByRole('button', { name: 'Restore from a backup file' }).setInputFiles(backup);
    await expect
      .poll(() => options.locator('.report[role="status"]').textContent())
      .toContain(`${people.length} imported`);
    expect((await lapse.ledger()).records).toEqual(recordsBefore);
    await expect.poll(() => lapse.badge()).toEqual(badgeBefore);

    const again = await lapse.openPopup();
    await again.waitForSelector('[role="tablist"]');
    expect(await listsOf(again)).toEqual(listsBefore);
    expect(await again.locator('li.row').allTextContents()).toEqual(textBefore);
  });
});

describe('privacy', () => {
  it('made no network request: only the served LinkedIn pages and the extension’s own files', () => {
    expect(lapse.requests.length).toBeGreaterThan(0);
    expect(networkViolations(lapse)).toEqual([]);
  });
});
