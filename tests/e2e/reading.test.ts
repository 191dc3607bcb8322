import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { InvitationRecord } from '../../src/model/invitation';
import type { Interval } from '../../src/model/time';
import { expiryStatus } from '../../src/rules';
import { type FixturePerson, renderSentPage, type SentPageOptions, samplePeople } from '../fixtures/sent-page';
import { fixedSettings } from '../support/settings';
import {
  closeTabs,
  idOf,
  lapseForThisFile,
  networkViolations,
  POPUP_FILTERS,
  type PopupRow,
  popupList,
} from './harness';
import {
  AGED_PEOPLE,
  expectedSent,
  person,
  receivedThenSentApp,
  surelyOlderThan3Weeks,
  unrecognisedSentPage,
} from './pages';

/**
 * Reading the Sent page as a user meets it: current and classic layouts, French and Portuguese,
 * in-page navigation, invitations that leave the list, and a page Lapse cannot read.
 */
const lapse = lapseForThisFile();

const SECOND = 1_000;

async function waitForRecords(count: number): Promise<InvitationRecord[]> {
  await expect.poll(async () => (await lapse.ledger()).records.length, { timeout: 20_000 }).toBe(count);
  return (await lapse.ledger()).records;
}

/** Every row of every list of a freshly opened popup, with the list it is in. */
async function popupRows(): Promise<(PopupRow & { list: string })[]> {
  const popup = await lapse.openPopup();
  await popup.waitForSelector('[role="tablist"]');
  const rows: (PopupRow & { list: string })[] = [];
  for (const filter of POPUP_FILTERS) {
    if (filter === 'nearing') continue; // a subset of 'pending'
    rows.push(...(await popupList(popup, filter)).map((row) => ({ ...row, list: filter })));
  }
  await popup.close();
  return rows;
}

/** The list the popup should show a pending invitation in, by the rules, for this label. */
function expectedList(person: FixturePerson, observedAt: number, now: number): 'pending' | 'expired' {
  const status = expiryStatus(expectedSent(person.age, observedAt), fixedSettings(), now, observedAt);
  return status === 'expired' || status === 'maybe-expired' ? 'expired' : 'pending';
}

/** A date the popup wrote ("Nov 28", or "Nov 28, 2025" outside this year) as its local calendar day. */
function dayOf(text: string, now: number): string {
  return new Date(text.includes(',') ? text : `${text}, ${new Date(now).getFullYear()}`).toDateString();
}

/**
 * The row says when it was sent as plainly as the ledger knows it: LinkedIn's own label and the
 * first and last days it can mean, or the one day itself.
 */
function expectSentDates(meta: string, record: InvitationRecord, sent: Interval, now: number): void {
  const day = (ms: number) => new Date(ms).toDateString();
  if (day(sent.earliest) === day(sent.latest)) {
    expect(dayOf(meta.replace(/^Sent on /, ''), now), `${record.name} date`).toBe(day(sent.latest));
    return;
  }
  expect(meta.startsWith(`${record.sentLabel} · between `), `${record.name} label: ${meta}`).toBe(true);
  const [, from = '', to = ''] = meta.match(/ · between (.+) and (.+)$/) ?? [];
  expect([dayOf(from, now), dayOf(to, now)], `${record.name} dates`).toEqual([day(sent.earliest), day(sent.latest)]);
}

/** Records, popup and badge all agree with what the page showed. */
async function expectRecorded(people: FixturePerson[]): Promise<void> {
  const records = await waitForRecords(people.length);
  const snapshot = await lapse.ledger();
  const observedAt = snapshot.lastReading?.at ?? Date.now();
  for (const person of people) {
    const record = records.find((r) => r.id === idOf(person));
    expect(record, person.slug).toBeDefined();
    expect(record?.name).toBe(person.name);
    expect(record?.status).toBe('pending');
    const sent = expectedSent(person.age, observedAt);
    // The reading's own clock may differ from the log's by the time the merge took.
    expect(Math.abs((record?.sent?.earliest ?? 0) - sent.earliest), `${person.slug} earliest`).toBeLessThan(5 * SECOND);
    expect(Math.abs((record?.sent?.latest ?? 0) - sent.latest), `${person.slug} latest`).toBeLessThan(5 * SECOND);
  }

  const now = Date.now();
  const rows = await popupRows();
  expect(rows.map((r) => r.name).sort()).toEqual(people.map((p) => p.name).sort());
  for (const person of people) {
    const row = rows.find((r) => r.id === idOf(person))!;
    expect(row.list, `${person.name} list`).toBe(expectedList(person, observedAt, now));
    expectSentDates(row.meta, records.find((r) => r.id === idOf(person))!, expectedSent(person.age, observedAt), now);
  }

  const older = people.filter((p) => surelyOlderThan3Weeks(p.age, observedAt, now)).length;
  await expect.poll(async () => (await lapse.badge()).text).toBe(older > 0 ? String(older) : '');
}

describe('opening the Sent page', () => {
  it('records every person on the current layout; the popup lists them with ages and statuses; the badge counts those over 3 weeks', async () => {
    const people = AGED_PEOPLE.map((a) => a.person);
    // The hand-picked table and the rules agree on who is surely over three weeks old.
    const now = Date.now();
    expect(people.filter((p) => surelyOlderThan3Weeks(p.age, now, now)).map((p) => p.slug)).toEqual(
      AGED_PEOPLE.filter((a) => a.olderThan3Weeks).map((a) => a.person.slug),
    );
    await lapse.openLinkedIn(renderSentPage({ people }));
    await expectRecorded(people);
    expect((await lapse.badge()).text).toBe('5');
  });

  it('an invitation LinkedIn still lists a year on is pending, past the window, and every surface says so', async () => {
    const people = [
      person('yana-year', 'Yana Year', { kind: 'ago', count: 1, unit: 'year' }),
      person('nina-nine', 'Nina Nine', { kind: 'ago', count: 9, unit: 'month' }),
      person('tom-two', 'Tom Two', { kind: 'ago', count: 2, unit: 'week' }),
    ];
    await lapse.openLinkedIn(renderSentPage({ people }));
    await waitForRecords(3);
    const popup = await lapse.openPopup();
    await popup.waitForSelector('[role="tablist"]');
    expect(await popupList(popup, 'expired')).toEqual([]);
    const pending = await popupList(popup, 'pending');
    expect(pending.map((row) => row.name)).toEqual(['Tom Two', 'Nina Nine', 'Yana Year']);
    for (const name of ['Nina Nine', 'Yana Year']) {
      expect(pending.find((row) => row.name === name)?.chip).toMatch(/^Past your window by .+ · still listed$/);
    }
    expect(await popup.locator('.counts').textContent()).toMatch(/^3 pending · 2 over 3 weeks old$/);
    expect(await popup.locator('.past-window-notice').textContent()).toMatch(
      /^LinkedIn still lists 2 invitations older than your expiry window \(six months\): they have not lapsed\./,
    );
    await popup.close();
    await expect.poll(async () => (await lapse.badge()).text).toBe('2');
  });

  const layouts: [string, Omit<SentPageOptions, 'people'>, number][] = [
    ['the classic layout', { layout: 'classic' }, 11],
    ['the current layout in French', { layout: 'current', lang: 'fr' }, 12],
    ['the current layout in Portuguese', { layout: 'current', lang: 'pt' }, 13],
  ];
  it.each(layouts)('records every person on %s just the same', async (_name, options, seed) => {
    const people = samplePeople(14, seed);
    await lapse.openLinkedIn(renderSentPage({ ...options, people }));
    await expectRecorded(people);
  });

  it('catches arriving at the Sent page by in-page navigation, without a reload', async () => {
    const people = samplePeople(6, 21);
    const page: Page = await lapse.openLinkedIn(
      receivedThenSentApp({ people }),
      'https://www.linkedin.com/mynetwork/invitation-manager/received/',
    );
    await page.waitForLoadState('load');
    // A mark in the page's own world: a reload would wipe it.
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
    await page.click('#to-sent');
    await expectRecorded(people);
    expect(page.url()).toBe('https://www.linkedin.com/mynetwork/invitation-manager/sent/');
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });
});

describe('later readings', () => {
  it('marks exactly the invitations missing from a complete reading as gone', async () => {
    const people = samplePeople(8, 31);
    await lapse.openLinkedIn(renderSentPage({ people }));
    await waitForRecords(8);
    const leaving = [people[2]!, people[5]!];
    const staying = people.filter((p) => !leaving.includes(p));
    await closeTabs(lapse);
    await lapse.openLinkedIn(renderSentPage({ people: staying }));
    await expect
      .poll(
        async () =>
          (await lapse.ledger()).records
            .filter((r) => r.status === 'gone')
            .map((r) => r.id)
            .sort(),
        {
          timeout: 20_000,
        },
      )
      .toEqual(leaving.map(idOf).sort());
    const records = (await lapse.ledger()).records;
    for (const p of staying) expect(records.find((r) => r.id === idOf(p))?.status).toBe('pending');
    const rows = await popupRows();
    expect(
      rows
        .filter((r) => r.list === 'resolved')
        .map((r) => r.name)
        .sort(),
    ).toEqual(leaving.map((p) => p.name).sort());
  });

  it('changes nothing when a later page cannot be read, and the popup says so', async () => {
    const people = samplePeople(8, 41);
    await lapse.openLinkedIn(renderSentPage({ people }));
    await waitForRecords(8);
    const before = await lapse.ledger();
    const badgeBefore = await lapse.badge();
    await closeTabs(lapse);

    await lapse.openLinkedIn(unrecognisedSentPage(8, ['Someone New', 'Another One']));
    await expect
      .poll(async () => (await lapse.ledger()).lastReading?.at ?? 0, { timeout: 20_000 })
      .toBeGreaterThan(before.lastReading?.at ?? 0);
    const after = await lapse.ledger();
    expect(after.lastReading?.failed).toBe(true);
    expect(after.records).toEqual(before.records);
    expect(await lapse.badge()).toEqual(badgeBefore);

    const popup = await lapse.openPopup();
    const alert = popup.locator('[role="alert"]');
    await expect.poll(() => alert.count()).toBeGreaterThan(0);
    expect((await alert.first().textContent())?.trim()).not.toBe('');
    // The rows are still there, as they were.
    const rows = await popupRows();
    expect(rows).toHaveLength(8);
  });
});

describe('privacy', () => {
  it('made no network request: only the served LinkedIn pages and the extension’s own files', () => {
    expect(lapse.requests.length).toBeGreaterThan(0);
    expect(networkViolations(lapse)).toEqual([]);
  });
});
