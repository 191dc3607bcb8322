import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { InvitationRecord } from '../../src/model/invitation';
import { ageHistogram, wholeDaysBetween } from '../../src/rules';
import { type FixturePerson, renderSentPage } from '../fixtures/sent-page';
import { fixedSettings } from '../support/settings';
import { idOf, lapseForThisFile, networkViolations, POPUP_FILTERS, type PopupRow, popupList } from './harness';
import {
  archive,
  CONNECTIONS_URL,
  connectionsPage,
  EXPORTED_SENT,
  exactMinute,
  exportFile,
  sentPagePeople,
} from './outreach-pages';
import { person } from './pages';

/**
 * Beyond the Sent page, as a user meets it: importing LinkedIn's data export in Options, the
 * Connections page confirming an acceptance, and the Insights page drawing the picture.
 */
const lapse = lapseForThisFile();

/** Newest first, as the Sent page lists them. */
function sentPage(now: number) {
  const { exported, recent } = sentPagePeople(now);
  return { exported, recent, all: [...recent, ...exported] };
}

/** The member who sent the invitations of the export fixtures (its inviterProfileUrl). */
const EXPORT_OWNER = { slug: 'grace-hopper' };

async function recordFrom(people: FixturePerson[]): Promise<InvitationRecord[]> {
  // Signed in as the member whose data export is imported below: one account, one ledger.
  const page = await lapse.openLinkedIn(renderSentPage({ people, signedIn: EXPORT_OWNER }));
  await expect.poll(async () => (await lapse.ledger()).records.length, { timeout: 20_000 }).toBe(people.length);
  await page.close();
  return (await lapse.ledger()).records;
}

/** Every row of every list (but 'nearing', a subset of 'pending') of an open popup, with its list. */
async function popupRows(popup: Page): Promise<(PopupRow & { list: string })[]> {
  await popup.waitForSelector('[role="tablist"]');
  const rows: (PopupRow & { list: string })[] = [];
  for (const filter of POPUP_FILTERS) {
    if (filter === 'nearing') continue;
    rows.push(...(await popupList(popup, filter)).map((row) => ({ ...row, list: filter })));
  }
  return rows;
}

/** The import's file input, found as a user finds it: by its label (Options has a backup one too). */
const importInput = (options: Page) => options.getByRole('button', { name: /Choose export files/ });

describe('importing LinkedIn’s data export', () => {
  it('pins recorded invitations to their exact minute, marks the connected one accepted, and the Insights page shows the picture', async () => {
    const now = Date.now();
    const { exported, recent, all } = sentPage(now);
    await recordFrom(all);
    const [ada, bob, zoe] = exported as [FixturePerson, FixturePerson, FixturePerson];

    // Before the import, the Sent page's "8 months ago" is only a range of ages.
    const before = await lapse.openPopup();
    const rowsBefore = await popupRows(before);
    for (const p of exported) expect(rowsBefore.find((r) => r.id === idOf(p))?.meta, p.name).toMatch(/ · between /);
    await before.close();

    const options = await lapse.openOptions();
    await importInput(options).setInputFiles(
      archive({
        'Invitations.csv': exportFile('Invitations.csv'),
        'Connections.csv': exportFile('Connections.csv'),
        'Profile.csv': 'First Name,Last Name\nGrace,Hopper\n',
      }),
    );
    const report = options.locator('.report[role="status"]');
    await expect.poll(() => report.textContent(), { timeout: 15_000 }).toContain('Imported from');
    const reportText = (await report.textContent()) ?? '';
    // Ada, Bob and Zoë's invitations, and Ada's connection; nobody new; three records changed.
    expect(reportText).toContain('4 rows matched invitations in the ledger');
    expect(reportText).toContain('0 invitations added');
    expect(reportText).toContain('3 ledger records changed');
    expect(reportText).toContain('1 × invitations you received');
    expect(reportText).toContain('2 × no LinkedIn profile link');
    expect(reportText).toContain('1 × connections with no invitation in the ledger');
    expect(await options.locator('[role="alert"]').count()).toBe(0);

    const records = (await lapse.ledger()).records;
    const recordOf = (p: FixturePerson) => records.find((r) => r.id === idOf(p));
    expect(recordOf(ada)?.sent).toEqual(exactMinute(EXPORTED_SENT.ada));
    expect(recordOf(bob)?.sent).toEqual(exactMinute(EXPORTED_SENT.bob));
    expect(recordOf(zoe)?.sent).toEqual(exactMinute(EXPORTED_SENT.zoe));
    expect(recordOf(zoe)?.inviteMessage).toBe('Bonjour Zoë — ça va ?');
    expect(recordOf(ada)?.acceptedAt?.earliest).toBe(Date.UTC(2026, 2, 7));
    expect(records.map((r) => [r.id, r.status]).sort()).toEqual(
      [
        ...recent.map((p) => [idOf(p), 'pending']),
        [idOf(ada), 'accepted'],
        [idOf(bob), 'pending'],
        [idOf(zoe), 'pending'],
      ].sort(),
    );

    // The popup: exact dates now, Ada under Closed; Bob and Zoë are past the six-month window, but
    // the Sent page lists them, so they are pending, past the window — not expired.
    const popup = await lapse.openPopup();
    const rows = await popupRows(popup);
    const rowOf = (p: FixturePerson) => rows.find((r) => r.id === idOf(p));
    for (const [p, at] of [
      [ada, EXPORTED_SENT.ada],
      [bob, EXPORTED_SENT.bob],
      [zoe, EXPORTED_SENT.zoe],
    ] as const) {
      const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(exactMinute(at).latest);
      expect(rowOf(p)?.meta, p.name).toBe(`Sent on ${day}`);
    }
    expect(rows.filter((r) => r.list === 'resolved').map((r) => [r.name, r.chip])).toEqual([
      ['Ada Lovelace', 'Accepted'],
    ]);
    for (const p of [bob, zoe]) {
      expect(rowOf(p)?.list, p.name).toBe('pending');
      expect(rowOf(p)?.chip, p.name).toMatch(/^Past your window by .+ · still listed$/);
    }
    for (const p of recent) expect(rowOf(p)?.list, p.name).toBe('pending');

    // Insights, from the popup's header link.
    const [insights] = await Promise.all([
      lapse.context.waitForEvent('page'),
      popup.getByRole('link', { name: 'Insights' }).click(),
    ]);
    await insights.waitForLoadState();
    expect(insights.url()).toBe(`chrome-extension://${lapse.extensionId}/src/insights/index.html`);
    const acceptance = insights.locator('section[aria-labelledby="acceptance-title"]');
    await expect.poll(() => acceptance.textContent(), { timeout: 10_000 }).toContain('Accepted:');
    const acceptanceText = (await acceptance.textContent()) ?? '';
    // 1 accepted of 6 tracked (3 recent + Ada, Bob, Zoë); too few accepted for a median.
    expect(acceptanceText).toContain('Accepted: 17% — 1 of 6 invitations.');
    expect(acceptanceText).toMatch(
      /Median time to accept: not enough data — 1 accepted invitations? with known send and acceptance dates, at least 5 needed\./,
    );

    const histogram = insights.getByRole('img', { name: /pending invitations? by age in weeks/ });
    await expect.poll(() => histogram.count()).toBe(1);
    const { windowDays, warningFromDays } = ageHistogram(records, fixedSettings(), Date.now());
    const summary = (await histogram.getAttribute('aria-label')) ?? '';
    expect(summary).toContain('5 pending invitations by age in weeks.');
    expect(summary).toContain(
      `The expiry window closes at ${windowDays} days of age; nearing expiry from ${warningFromDays} days.`,
    );
    expect(await histogram.locator('rect.chart-bar, rect.chart-bar-light').count()).toBeGreaterThan(0);
    // The same numbers as a table: five pending invitations, in the weeks of their ages.
    const ageSection = insights.locator('section[aria-labelledby="age-title"]');
    await ageSection.locator('details > summary').click();
    const counts = await ageSection.locator('tbody tr td:nth-of-type(1)').allTextContents();
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(5);
    // Bob's exact age puts him in one week (the chart stops at 52 weeks, in an open last bucket).
    const bobWeek = Math.min(52, Math.floor(wholeDaysBetween(EXPORTED_SENT.bob, Date.now()) / 7));
    expect(await ageSection.locator('tbody th').allTextContents()).toContain(
      bobWeek === 52 ? '52 weeks or more' : `${bobWeek * 7}–${bobWeek * 7 + 6} days`,
    );

    // LinkedIn still lists Bob and Zoë past six months: the window check says so.
    const windowCheck = insights.locator('.window-check');
    await expect.poll(() => windowCheck.count()).toBe(1);
    const windowText = (await windowCheck.textContent()) ?? '';
    expect(windowText).toContain('Bob Smith');
    expect(windowText).toContain('Zoë Ærø 🌟');
    expect(windowText).not.toContain('Ada Lovelace');

    expect(networkViolations(lapse)).toEqual([]);
  });

  it('refuses a malformed file, naming its row, and imports nothing', async () => {
    const { all, exported } = sentPage(Date.now());
    const before = await recordFrom(all);
    const options = await lapse.openOptions();
    const alert = options.locator('p[role="alert"]');

    // A sound Connections.csv next to an Invitations.csv whose third row has a French date.
    const invitations = exportFile('Invitations.csv').replace('"2/28/26, 11:02 PM"', '28 février 2026 23:02');
    expect(invitations).toContain('28 février');
    await importInput(options).setInputFiles(
      archive({ 'Invitations.csv': invitations, 'Connections.csv': exportFile('Connections.csv') }, 'export.zip'),
    );
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain('Nothing was imported.');
    const message = (await alert.textContent()) ?? '';
    expect(message).toContain('Invitations.csv, row 3');
    expect(message).toContain('28 février 2026 23:02');
    expect(await options.locator('.report').count()).toBe(0);
    expect((await lapse.ledger()).records).toEqual(before);

    // Another CSV chosen along with a sound one: the same, and the sound one is not half-imported.
    await importInput(options).setInputFiles([
      { name: 'Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(exportFile('Connections.csv')) },
      { name: 'bank-statement.csv', mimeType: 'text/csv', buffer: Buffer.from(exportFile('bank-statement.csv')) },
    ]);
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain('bank-statement.csv');
    expect(await alert.textContent()).toContain('Nothing was imported.');
    expect((await lapse.ledger()).records).toEqual(before);

    const popup = await lapse.openPopup();
    const rows = await popupRows(popup);
    expect(rows.filter((r) => r.list === 'resolved')).toEqual([]);
    expect(rows.find((r) => r.id === idOf(exported[0]!))?.meta).toMatch(/ · between /);
  });
});

describe('the Connections page', () => {
  it('marks a recorded invitation accepted when its person is listed there; the others stay pending', async () => {
    const people = [
      // Only in the page's "People you may know" rail, never a connection.
      person('suggested-sam', 'Sam Suggested', { kind: 'ago', count: 3, unit: 'day' }),
      person('grace-hopper', 'Grace Hopper', { kind: 'ago', count: 1, unit: 'week' }),
      person('cara-recent', 'Cara Recent', { kind: 'ago', count: 2, unit: 'week' }),
      person('ada-lovelace-0815', 'Ada Lovelace', { kind: 'ago', count: 1, unit: 'month' }),
    ];
    await recordFrom(people);
    const sentAda = (await lapse.ledger()).records.find((r) => r.id === 'ada-lovelace-0815')!.sent!;

    // Ada "Connected 2 weeks ago"; Grace connected on March 5, 2026, before this invitation was sent.
    const page = await lapse.openLinkedIn(connectionsPage('current-en'), CONNECTIONS_URL);
    await expect
      .poll(async () => (await lapse.ledger()).records.find((r) => r.id === 'ada-lovelace-0815')?.status, {
        timeout: 20_000,
      })
      .toBe('accepted');
    expect(page.url()).toBe(CONNECTIONS_URL);
    const records = (await lapse.ledger()).records;
    expect(records.filter((r) => r.status !== 'pending').map((r) => r.id)).toEqual(['ada-lovelace-0815']);
    const ada = records.find((r) => r.id === 'ada-lovelace-0815')!;
    // "2 weeks ago" is an interval, and no earlier than the invitation.
    expect(ada.acceptedAt).not.toBeNull();
    expect(ada.acceptedAt!.earliest).toBeGreaterThanOrEqual(sentAda.earliest);
    expect(ada.acceptedAt!.latest).toBeLessThanOrEqual(Date.now());
    expect(ada.acceptedAt!.latest).toBeLessThan(Date.now() - 3 * 86_400_000);

    const popup = await lapse.openPopup();
    const rows = await popupRows(popup);
    expect(rows.filter((r) => r.list === 'resolved').map((r) => [r.name, r.chip])).toEqual([
      ['Ada Lovelace', 'Accepted'],
    ]);
    expect(
      rows
        .filter((r) => r.list === 'pending')
        .map((r) => r.name)
        .sort(),
    ).toEqual(['Cara Recent', 'Grace Hopper', 'Sam Suggested']);
  });
});

describe('privacy', () => {
  it('made no network request: only the served LinkedIn pages and the extension’s own files', () => {
    expect(lapse.requests.length).toBeGreaterThan(0);
    expect(networkViolations(lapse)).toEqual([]);
  });
});
