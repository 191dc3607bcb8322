import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { approximateAgeMinutes, renderSentPage, samplePeople } from '../fixtures/sent-page';
import { lapseForThisFile } from './harness';
import { person, unrecognisedSentPage } from './pages';

/**
 * The popup, options and Insights as a person meets them: axe-core finds no serious or critical
 * violation in either colour scheme, whatever state the ledger is in; type is legible; what to act
 * on is first and visible at the popup's real size; the keyboard gets everywhere quickly and focus
 * never falls to the page after something closes.
 */
const lapse = lapseForThisFile();

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** The popup's real size in Chrome (it is at most 800×600; Lapse sets 400 wide). */
const POPUP = { width: 400, height: 600 };

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/**
 * axe-core run inside an extension page. The page's CSP forbids inline scripts, so the library is
 * evaluated through the DevTools protocol, which the CSP does not govern.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Runtime.evaluate', { expression: AXE_SOURCE });
  await cdp.detach();
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: object): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run({ resultTypes: ['violations'] })).violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function openPage(path: 'popup' | 'options' | 'insights', scheme: 'light' | 'dark'): Promise<Page> {
  const page = path === 'popup' ? await lapse.openPopup() : path === 'options' ? await lapse.openOptions() : null;
  const opened = page ?? (await lapse.context.newPage());
  if (!page) await opened.goto(`chrome-extension://${lapse.extensionId}/src/insights/index.html`);
  await opened.emulateMedia({ colorScheme: scheme });
  if (path === 'popup') await opened.setViewportSize(POPUP);
  await opened.waitForSelector('main h1, main .first-run, main [role="alert"]');
  // Let the ledger arrive and the page settle before it is judged.
  await opened.waitForTimeout(300);
  return opened;
}

/** Someone a few days from the end of a six-month window ("Sent 6 months ago" is at most a few days from it). */
const NEARLY_LAPSED = person('nell-nearly', 'Nell Nearly', { kind: 'ago', count: 25, unit: 'week' });

/** 59 invitations well inside the window, and Nell. */
async function populated(): Promise<void> {
  const young = samplePeople(200, 404).filter((p) => approximateAgeMinutes(p.age) < 100 * 24 * 60);
  const people = [...young.slice(0, 59), NEARLY_LAPSED];
  await lapse.openLinkedIn(renderSentPage({ people }));
  await expect.poll(async () => (await lapse.ledger()).records.length, { timeout: 20_000 }).toBe(60);
}

async function failedReading(): Promise<void> {
  await populated();
  await lapse.openLinkedIn(unrecognisedSentPage(60, ['Somebody']));
  await expect.poll(async () => (await lapse.ledger()).lastReading?.failed, { timeout: 20_000 }).toBe(true);
}

const STATES = [
  ['a populated ledger', populated],
  ['a first run', async () => {}],
  ['a failed reading', failedReading],
] as const;

describe('no serious or critical axe-core violation', () => {
  it.each(STATES)('on popup, options and Insights, light and dark, with %s', async (_, arrange) => {
    await arrange();
    const found: string[] = [];
    for (const path of ['popup', 'options', 'insights'] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await openPage(path, scheme);
        found.push(...(await seriousViolations(page)).map((v) => `${path}/${scheme}: ${v}`));
        await page.close();
      }
    }
    expect(found).toEqual([]);
  });
});

describe('the popup at its real size', () => {
  it('names are legible: at least 13 px, and nothing to read under 11 px', async () => {
    await populated();
    const popup = await openPage('popup', 'light');
    await popup.waitForSelector('li.row');
    const sizes = await popup.evaluate(() => {
      const px = (el: Element) => Number.parseFloat(getComputedStyle(el).fontSize);
      const texts = [...document.querySelectorAll('main *')].filter((el) =>
        [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()),
      );
      return {
        name: px(document.querySelector('li.row .row-name')!),
        smallest: Math.min(...texts.map(px)),
      };
    });
    expect(sizes.name).toBeGreaterThanOrEqual(13);
    expect(sizes.smallest).toBeGreaterThanOrEqual(11);
  });

  it('an invitation a few days from lapsing, among 60, is the first row and fully visible', async () => {
    await populated();
    const popup = await openPage('popup', 'light');
    const first = popup.locator('li.row').first();
    expect(await first.locator('.row-name').textContent()).toBe('Nell Nearly');
    const box = (await first.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(POPUP.height);
  });

  it('reaches "Export CSV" from the top in at most 20 Tab presses with 60 rows', async () => {
    await populated();
    const popup = await openPage('popup', 'light');
    await popup.waitForSelector('.footer');
    let presses = 0;
    while (presses < 60) {
      await popup.keyboard.press('Tab');
      presses++;
      if ((await popup.evaluate(() => document.activeElement?.textContent)) === 'Export CSV') break;
    }
    expect(presses).toBeLessThanOrEqual(20);
  });

  it('returns focus after each closing action: the export choice, a row menu, the note editor', async () => {
    await populated();
    const popup = await openPage('popup', 'light');
    const focused = () => popup.evaluate(() => document.activeElement?.textContent ?? document.activeElement?.tagName);
    const focusedLabel = () => popup.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    await popup.getByRole('button', { name: 'Export CSV' }).click();
    // Focus moves into the choice first.
    await expect.poll(focused).toMatch(/^This list/);
    await popup.keyboard.press('Escape');
    await expect.poll(focused).toBe('Export CSV');

    const menu = popup
      .locator('li.row')
      .first()
      .getByRole('button', { name: /^Actions for / });
    const focusedRole = () => popup.evaluate(() => document.activeElement?.getAttribute('role'));
    await menu.click();
    // Escape once the menu has taken focus, as a person would press it after seeing the menu.
    await expect.poll(focusedRole).toBe('menuitem');
    await popup.keyboard.press('Escape');
    await expect.poll(focusedLabel).toMatch(/^Actions for /);

    await menu.click();
    await popup.getByRole('menuitem', { name: 'Add note' }).click();
    await expect.poll(() => popup.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await popup.keyboard.press('Escape');
    await expect.poll(focusedLabel).toMatch(/^Actions for /);
  });
});
