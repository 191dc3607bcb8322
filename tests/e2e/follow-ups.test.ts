import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSentPage } from '../fixtures/sent-page';
import { lapseForThisFile } from './harness';
import { person } from './pages';

/** Follow-ups in the real browser: copy a message, say it was sent, see the advice move, undo it. */
const lapse = lapseForThisFile();
let downloads: string;
beforeAll(() => {
  downloads = mkdtempSync(join(tmpdir(), 'lapse-follow-ups-'));
});

// Two months old: past the 21-day follow-up age, far from expiry: the row offers "Copy message".
const GUS = person('gus-2months', 'Gus Two', { kind: 'ago', count: 2, unit: 'month' });
const OTHERS = [
  person('ana-fresh', 'Ana Fresh', { kind: 'today' }),
  person('hana-5months', 'Hana Five', { kind: 'ago', count: 5, unit: 'month' }),
];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical findings on an extension page (evaluated past its CSP, as in accessibility.test.ts). */
async function seriousViolations(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Runtime.evaluate', { expression: AXE_SOURCE });
  await cdp.detach();
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: object): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run({ resultTypes: ['violations'] })).violations;
  })) as { id: string; impact: string | null; nodes: { target: string[] }[] }[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function inBothSchemes(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    found.push(...(await seriousViolations(page)).map((v) => `${colorScheme}: ${v}`));
  }
  return found;
}

async function exportCsv(popup: Page): Promise<Record<string, string>[]> {
  await popup.getByRole('button', { name: 'Export CSV' }).click();
  const [file] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByRole('button', { name: /^Everything/ }).click(),
  ]);
  const path = join(downloads, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('"Sent it?" after copying a message', () => {
  it('logs a follow-up: the suggestion changes, the CSV carries the date, and Undo restores it', async () => {
    const page = await lapse.openLinkedIn(renderSentPage({ people: [GUS, ...OTHERS] }));
    await expect.poll(async () => (await lapse.ledger()).records.length, { timeout: 20_000 }).toBe(3);
    await page.close();

    const popup = await lapse.openPopup();
    const row = popup.locator('li.row', { hasText: 'Gus Two' });
    await expect.poll(() => row.locator('.row-suggestion p').textContent()).toMatch(/^A few weeks have passed/);
    await row.getByRole('button', { name: 'Copy message for Gus Two' }).click();
    await expect.poll(() => row.getByRole('button', { name: 'Copy message for Gus Two' }).textContent()).toBe('Copied');
    await row.getByRole('button', { name: 'Yes, log a follow-up to Gus Two sent today' }).click();

    await expect
      .poll(() => row.locator('.row-suggestion p').textContent())
      .toMatch(/^You followed up: give them until/);
    await expect.poll(() => row.locator('.row-followed-up').textContent()).toMatch(/^Followed up once, on /);
    await expect.poll(() => popup.locator('.undo-text').textContent()).toBe('Follow-up to Gus Two logged.');
    // Focus stays with the row the change was made on, for keyboard users.
    expect(await popup.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-id'))).toBe(
      'gus-2months',
    );

    const [stored] = (await lapse.ledger()).records.filter((r) => r.id === 'gus-2months');
    expect(stored!.followUps).toEqual([{ at: expect.any(Number), template: 'follow-up' }]);
    const loggedAt = stored!.followUps![0]!.at;
    expect(Math.abs(loggedAt - Date.now())).toBeLessThan(60_000);
    const rows = await exportCsv(popup);
    const gus = rows.find((r) => r.profile_url === 'https://www.linkedin.com/in/gus-2months/')!;
    expect(gus).toMatchObject({
      follow_up_count: '1',
      follow_up_times: new Date(loggedAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      follow_up_templates: 'follow-up',
      suggestion: 'awaiting-reply',
    });
    expect(gus.follow_up_last).toBe(gus.follow_up_times);
    expect(rows.filter((r) => r.follow_up_count !== '0')).toHaveLength(1);

    await popup.getByRole('button', { name: 'Undo: Follow-up to Gus Two logged.' }).click();
    await expect.poll(() => row.locator('.row-suggestion p').textContent()).toMatch(/^A few weeks have passed/);
    expect(await row.locator('.row-followed-up').count()).toBe(0);
    await expect.poll(() => popup.locator('.undo-text').textContent()).toBe('Follow-up to Gus Two removed.');
    expect((await lapse.ledger()).records.find((r) => r.id === 'gus-2months')!.followUps).toEqual([]);
    const after = (await exportCsv(popup)).find((r) => r.profile_url === 'https://www.linkedin.com/in/gus-2months/')!;
    expect(after).toMatchObject({ follow_up_count: '0', follow_up_times: '', suggestion: 'follow-up' });
  });
});

describe('"Snooze…" by keyboard', () => {
  it('snoozes a row about to lapse out of "act this week", with no axe finding in light or dark, and undoes it', async () => {
    const nell = person('nell-nearly', 'Nell Nearly', { kind: 'ago', count: 25, unit: 'week' });
    const page = await lapse.openLinkedIn(renderSentPage({ people: [nell, GUS] }));
    await expect.poll(async () => (await lapse.ledger()).records.length, { timeout: 20_000 }).toBe(2);
    await page.close();
    const popup = await lapse.openPopup();
    const header = popup.locator('.counts');
    await expect.poll(() => header.textContent()).toMatch(/^1 to act on this week/);

    await popup.getByRole('button', { name: 'Actions for Nell Nearly' }).focus();
    const focused = () => popup.evaluate(() => document.activeElement?.textContent);
    // The menu opens on the first ArrowDown; wait for it before moving, as a person would see it.
    await popup.keyboard.press('ArrowDown');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('Snooze…');
    await popup.keyboard.press('Enter');
    const form = popup.getByRole('form', { name: 'Remind me about Nell Nearly on…' });
    await form.waitFor();
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('In 3 days');
    expect(await inBothSchemes(popup)).toEqual([]);
    await popup.keyboard.press('Enter');

    await expect.poll(() => header.textContent()).not.toMatch(/to act on this week/);
    const row = popup.locator('li.row', { hasText: 'Nell Nearly' });
    await expect.poll(() => row.locator('.row-snoozed').textContent()).toMatch(/^Snoozed: remind me on /);
    expect(await row.evaluate((li) => li.closest('section')?.querySelector('h2')?.textContent)).toMatch(/^Snoozed/);
    await expect.poll(() => popup.locator('.undo-text').textContent()).toMatch(/^Nell Nearly snoozed until /);
    expect(await inBothSchemes(popup)).toEqual([]);
    const stored = (await lapse.ledger()).records.find((r) => r.id === 'nell-nearly')!;
    expect(stored.snoozedUntil).toBeGreaterThan(Date.now() + 2 * 86_400_000);

    await popup.getByRole('button', { name: /^Undo: Nell Nearly snoozed until/ }).focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => header.textContent()).toMatch(/^1 to act on this week/);
    expect(await row.locator('.row-snoozed').count()).toBe(0);
    expect((await lapse.ledger()).records.find((r) => r.id === 'nell-nearly')!.snoozedUntil).toBeNull();
  });
});
