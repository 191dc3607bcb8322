import { describe, expect, it } from 'vitest';
import { renderSentPage } from '../fixtures/sent-page';
import { lapseForThisFile } from './harness';
import { archive, exportFile } from './outreach-pages';
import { person } from './pages';

/**
 * Insights' "What works" from a data export with notes (tests/fixtures/export/*-notes.csv): 14
 * invitations with a note, 10 of them accepted (one template sent twelve times with names, case,
 * punctuation and line breaks that differ, and a French one twice); 12 without a note, 3 accepted.
 * LinkedIn's Sent page no longer lists any of them, so every one is resolved; it lists one recent
 * invitation, pending, which the figures leave out.
 */
const lapse = lapseForThisFile();

describe('Insights: what works', () => {
  it('shows acceptance with and without a note, with counts and 95% intervals, for an imported export', async () => {
    // The member whose export it is reads their Sent page first: one ledger, theirs.
    const sentPage = await lapse.openLinkedIn(
      renderSentPage({
        people: [person('cara-recent', 'Cara Recent', { kind: 'ago', count: 2, unit: 'week' })],
        signedIn: { slug: 'grace-hopper' },
      }),
    );
    await expect.poll(async () => (await lapse.ledger()).records.length, { timeout: 20_000 }).toBe(1);
    await sentPage.close();
    const options = await lapse.openOptions();
    await options.getByRole('button', { name: /Choose export files/ }).setInputFiles(
      archive({
        'Invitations.csv': exportFile('Invitations-notes.csv'),
        'Connections.csv': exportFile('Connections-notes.csv'),
        'Profile.csv': 'First Name,Last Name\nGrace,Hopper\n',
      }),
    );
    await expect
      .poll(() => options.locator('.report[role="status"]').textContent(), { timeout: 15_000 })
      .toContain('26 invitations added');

    const insights = await lapse.context.newPage();
    await insights.goto(`chrome-extension://${lapse.extensionId}/src/insights/index.html`);
    const section = insights.locator('section', { has: insights.getByRole('heading', { name: 'What works' }) });
    const rows = (table: string) =>
      section
        .getByRole('table', { name: table })
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent)));

    await expect
      .poll(() => rows('With or without a note'), { timeout: 10_000 })
      .toEqual([
        ['With a note', '10 of 14', '71%', '45% to 88%'],
        ['Without a note', '3 of 12', '25%', '9% to 53%'],
      ]);
    expect(await section.getByText(/1 pending invitation is not counted/).count()).toBe(1);
    // Nobody logged a follow-up: nothing to compare, and the section says so rather than "0 of 0".
    expect(await section.getByText(/No follow-up recorded yet/).count()).toBe(1);
    // The twelve notes are one template; the French note, sent twice, is too few to tell.
    expect(await rows('By note template')).toEqual([
      [
        'Hi {firstName}, I enjoyed your talk at the Lisbon meetup. Would be glad to connect!',
        '9 of 12',
        '75%',
        '47% to 91%',
      ],
      ['Bonjour {firstName}, ravie d’échanger avec vous après le salon.', '1 of 2', 'Too few to tell'],
    ]);
  });
});
