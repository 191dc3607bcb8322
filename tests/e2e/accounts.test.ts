import { describe, expect, it } from 'vitest';
import { type FixturePerson, renderSentPage, samplePeople } from '../fixtures/sent-page';
import { closeTabs, idOf, lapseForThisFile } from './harness';

/**
 * Two LinkedIn accounts in one browser (issue 14): account A's Sent page, then B's, then A's
 * again. Each account keeps its own ledger: nobody becomes "gone" for being on the other's page,
 * the popup and the badge follow the account last read. Without identity on the pages, the
 * safety rule holds B's reading back and asks.
 */
const lapse = lapseForThisFile();

// Everyone sent over a month ago: the badge (older than 3 weeks) counts exactly the pending ones.
const old = (people: FixturePerson[]) =>
  people.map((p) => ({ ...p, age: { kind: 'ago' as const, count: 5, unit: 'week' as const } }));
const A = old(samplePeople(10, 141));
const B = old(samplePeople(3, 142));
const pageOf = (people: FixturePerson[], slug: string | null) =>
  renderSentPage({ people, signedIn: slug === null ? null : { slug } });

async function visit(people: FixturePerson[], slug: string | null): Promise<void> {
  await closeTabs(lapse);
  await lapse.openLinkedIn(pageOf(people, slug));
}

async function pendingOf(account: string | undefined): Promise<string[]> {
  const { records } = await lapse.send({ type: 'get-ledger', account });
  expect(records.filter((r) => r.status !== 'pending').map((r) => r.id)).toEqual([]);
  return records.map((r) => r.id).sort();
}

async function popupShows(people: FixturePerson[]): Promise<void> {
  const popup = await lapse.openPopup();
  // The popup opens on "Pending": its rows are the account's own invitations, and only those.
  await expect
    .poll(
      () => popup.locator('li[data-id]').evaluateAll((rows) => rows.map((li) => li.getAttribute('data-id')).sort()),
      {
        timeout: 15_000,
      },
    )
    .toEqual(people.map(idOf).sort());
  await popup.close();
}

const ids = (people: FixturePerson[]) => people.map(idOf).sort();

describe('several LinkedIn accounts in one browser', () => {
  it('A, then B, then A: nobody gone, each account its own list, the badge follows', { timeout: 180_000 }, async () => {
    for (const [people, slug] of [
      [A, 'account-a'],
      [B, 'account-b'],
      [A, 'account-a'],
    ] as const) {
      await visit(people, slug);
      await expect
        .poll(async () => (await lapse.send({ type: 'get-accounts' })).lastSeen, { timeout: 30_000 })
        .toBe(slug);
      await expect.poll(() => pendingOf(undefined), { timeout: 30_000 }).toEqual(ids(people));
      await popupShows(people);
      await expect.poll(async () => (await lapse.badge()).text, { timeout: 10_000 }).toBe(String(people.length));
    }
    expect(await pendingOf('account-a')).toEqual(ids(A));
    expect(await pendingOf('account-b')).toEqual(ids(B));
  });

  it('the same without identity on the pages: B is held, nothing gone, the popup asks', async () => {
    await visit(A, null);
    await expect.poll(() => pendingOf(undefined), { timeout: 30_000 }).toEqual(ids(A));
    await visit(B, null);
    await expect
      .poll(async () => (await lapse.send({ type: 'get-accounts' })).question?.reason, { timeout: 30_000 })
      .toBe('no-one-in-common');
    expect(await pendingOf(undefined)).toEqual(ids(A));
    const popup = await lapse.openPopup();
    await popup.getByText('Is this a different LinkedIn account?').waitFor({ timeout: 15_000 });
    await popup.close();
    await visit(A, null);
    // A's page again: still A's ten, all pending (the held reading stays until answered).
    await expect
      .poll(async () => (await lapse.send({ type: 'get-ledger' })).lastReading?.at ?? 0, { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await pendingOf(undefined)).toEqual(ids(A));
    expect((await lapse.send({ type: 'get-accounts' })).question).not.toBeNull();
  });
});
