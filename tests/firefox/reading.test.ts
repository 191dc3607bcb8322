import { readFileSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderSentPage, samplePeople } from '../fixtures/sent-page';
import { drawnPopup, installLapse, type LapseFirefox, SENT_URL, startFirefox, WAIT_MS } from './harness';
import { receivedThenSentApp } from './pages';

/**
 * The Firefox build in a real Firefox (Debian's firefox-esr over WebDriver BiDi): LinkedIn's Sent
 * page is served from fixtures at its real URL, the content script reads it, and the test-hook
 * build reports on the page what the background answered and what the ledger (IndexedDB) holds.
 */
describe('Lapse in Firefox', () => {
  let firefox: Browser;
  let lapse: LapseFirefox;
  beforeAll(async () => {
    firefox = await startFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
  });
  beforeEach(async () => {
    lapse = await installLapse(firefox);
  });
  afterEach(async () => {
    await lapse?.close();
  });

  it('starts each test with an empty ledger', async () => {
    await lapse.open(renderSentPage({ people: samplePeople(2, 99) }));
    expect((await lapse.nextReadingAck(0)).ledger.count).toBe(2);
    await lapse.close();
    lapse = await installLapse(firefox);
    await lapse.open(renderSentPage({ people: samplePeople(3, 98) }));
    expect((await lapse.nextReadingAck(0)).ledger.count).toBe(3);
  });

  it('records every invitation on the Sent page in the ledger', async () => {
    const people = samplePeople(12, 8);
    await lapse.open(renderSentPage({ people }));

    const ack = await lapse.nextReadingAck(0);
    expect(ack.reply).toEqual({ added: 12, updated: 0, markedGone: 0, ignored: false });
    expect(ack.ledger.count).toBe(12);
    expect(ack.ledger.byStatus).toEqual({ pending: 12 });

    // Reading the same page again (a reload) adds nobody: the ledger is keyed by profile.
    await lapse.page.reload({ waitUntil: 'load' });
    const again = await lapse.nextReadingAck(0);
    expect(again.reply.added).toBe(0);
    expect(again.ledger.count).toBe(12);
  });

  it('lists the invitations it read in its popup, with their count in the header', async () => {
    // Sent in the last two weeks: all of them belong in the popup's default list, "Pending".
    const people = samplePeople(12, 17).map((p, i) => ({
      ...p,
      age: { kind: 'ago' as const, count: i + 1, unit: 'day' as const },
    }));
    await lapse.open(renderSentPage({ people }));
    await lapse.ackWithLedgerCount(12);

    const popup = await drawnPopup(await lapse.openExtensionPage('src/popup/index.html'));

    expect(popup.names.toSorted()).toEqual(people.map((p) => p.name).toSorted());
    expect(popup.pending).toBe('12 pending');
  });

  it('shows an invitation LinkedIn still lists a year on as pending, past the window, never as expired', async () => {
    const people = [
      {
        slug: 'yana-year',
        name: 'Yana Year',
        headline: 'Engineer',
        age: { kind: 'ago' as const, count: 1, unit: 'year' as const },
      },
      {
        slug: 'tom-two',
        name: 'Tom Two',
        headline: 'Engineer',
        age: { kind: 'ago' as const, count: 2, unit: 'week' as const },
      },
    ];
    await lapse.open(renderSentPage({ people }));
    await lapse.ackWithLedgerCount(2);

    const page = await lapse.openExtensionPage('src/popup/index.html');
    const popup = await drawnPopup(page);
    expect(popup.names).toEqual(['Tom Two', 'Yana Year']);
    expect(popup.pending).toBe('2 pending');
    const shown = await page.evaluate(() => ({
      chips: [...document.querySelectorAll('li.row .chip')].map((chip) => chip.textContent ?? ''),
      expired: document.querySelector('#tab-expired .count')?.textContent,
      notice: document.querySelector('.past-window-notice')?.textContent ?? '',
    }));
    expect(shown.chips[1]).toMatch(/^Past your window by .+ · still listed$/);
    expect(shown.expired).toBe('0');
    expect(shown.notice).toMatch(/^LinkedIn still lists 1 invitation older than your expiry window/);
  });

  it('keeps two LinkedIn accounts apart: reading B marks none of A’s invitations gone, and back again', async () => {
    const a = samplePeople(10, 31);
    const b = samplePeople(3, 32).map((p) => ({ ...p, slug: `b-${p.slug}` }));
    await lapse.open(renderSentPage({ people: a, signedIn: { slug: 'ann-account' } }));
    expect((await lapse.ackWithLedgerCount(10)).ledger.byStatus).toEqual({ pending: 10 });

    // The summary is of the account the page belongs to: B's own three, nobody of A's gone.
    await lapse.open(renderSentPage({ people: b, signedIn: { slug: 'bo-account' } }));
    const afterB = await lapse.ackWithLedgerCount(3);
    expect(afterB.reply.markedGone).toBe(0);
    expect(afterB.ledger.byStatus).toEqual({ pending: 3 });

    // Back on A: all ten still pending.
    await lapse.open(renderSentPage({ people: a, signedIn: { slug: 'ann-account' } }));
    const back = await lapse.ackWithLedgerCount(10);
    expect(back.reply.markedGone).toBe(0);
    expect(back.ledger.byStatus).toEqual({ pending: 10 });
  });

  it('without any sign of whose page it is, a page sharing no one with ten pending marks nobody gone', async () => {
    const a = samplePeople(10, 33);
    const b = samplePeople(3, 34).map((p) => ({ ...p, slug: `b-${p.slug}` }));
    await lapse.open(renderSentPage({ people: a, signedIn: null }));
    await lapse.ackWithLedgerCount(10);
    await lapse.open(renderSentPage({ people: b, signedIn: null }));
    const held = await lapse.nextReadingAck(0);
    expect(held.reply.markedGone).toBe(0);
    expect(held.ledger.byStatus).toEqual({ pending: 10 });
  });

  /** Loads the Received page (an SPA shell), waits for the content script, clicks "Sent". */
  async function arriveBySpaNavigation(html: string): Promise<string> {
    await lapse.open(html, 'https://www.linkedin.com/mynetwork/invitation-manager/');
    // The content script must be running on the Received page before the user moves on, or the
    // test would only show that it reads a page it was injected into.
    await lapse.page.waitForFunction(
      () => (window.__lapseReports ?? []).some((r) => r.kind === 'content-script-started'),
      { timeout: WAIT_MS, polling: 100 },
    );
    expect(await lapse.readingAcks()).toEqual([]);
    const documentId = await documentIdOf();
    await lapse.page.click('#to-sent');
    return documentId;
  }
  const documentIdOf = () => lapse.page.evaluate(() => (window as unknown as { __documentId: string }).__documentId);

  it('reads the Sent page reached by in-page navigation (pushState, no reload)', async () => {
    const documentId = await arriveBySpaNavigation(receivedThenSentApp({ people: samplePeople(5, 21) }));

    const ack = await lapse.ackWithLedgerCount(5);

    expect(lapse.page.url()).toBe(SENT_URL);
    expect(await documentIdOf()).toBe(documentId);
    expect(ack.reply.ignored).toBe(false);
    expect(ack.ledger.byStatus).toEqual({ pending: 5 });
  });

  // Regression (shared content code, Chrome too): right after pushState the Received page is still
  // on screen; its "No pending invitations received." once read as an empty, complete Sent list
  // and marked everyone gone until the real list rendered.
  it('does not mark anyone gone while LinkedIn is still rendering the Sent page after pushState', async () => {
    const people = samplePeople(5, 21);
    await lapse.open(renderSentPage({ people }));
    await lapse.ackWithLedgerCount(5);

    // LinkedIn's router fetches the Sent list before drawing it: 1.5 s here.
    await arriveBySpaNavigation(receivedThenSentApp({ people }, 1500));
    // Done when a reading finds all five pending (fixed: the only one; today: the second).
    await lapse.page.waitForFunction(
      () => (window.__lapseReports ?? []).some((r) => r.kind === 'reading-ack' && r.ledger?.byStatus.pending === 5),
      { timeout: WAIT_MS, polling: 100 },
    );
    const acks = await lapse.readingAcks();

    expect(acks.map((a) => a.reply.markedGone)).toEqual(acks.map(() => 0));
    expect(acks.at(-1)?.ledger.byStatus).toEqual({ pending: 5 });
  });

  it('changes nothing in the ledger when it cannot read a page', async () => {
    const people = samplePeople(4, 3);
    // A complete list, so a later reading *could* mark people gone if it were trusted.
    await lapse.open(renderSentPage({ people, total: 4 }));
    const before = await lapse.nextReadingAck(0);
    expect(before.ledger.byStatus).toEqual({ pending: 4 });

    // LinkedIn redesigned the list: the total shows, the items are unrecognisable.
    await lapse.open(readFileSync('tests/fixtures/sent-broken.html', 'utf8'));
    const after = await lapse.nextReadingAck(0);

    expect(after.reply).toEqual({ added: 0, updated: 0, markedGone: 0, ignored: true });
    expect(after.ledger).toEqual(before.ledger);
  });
});
