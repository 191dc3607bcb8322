// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.linkedin.com/mynetwork/invitation-manager/sent/"}
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { startContentScript } from '../../../src/content/content-script';
import { MAX_DEPTH } from '../../../src/content/dom-read';
import { abortableDelay } from '../../../src/content/scan-all';
import { renderReceivedBody } from '../../fixtures/received-page';
import { renderSentBody, samplePeople } from '../../fixtures/sent-page';
import { stubExtension } from './page-stub';

/**
 * Which looks at the page are sent as Sent readings: only those taken on the Sent page, of cards
 * that carry Sent labels, stamped with when their list was loaded. Timers are fake: every wait is
 * an exact advance of the clock, so "nothing was sent" means nothing was sent in that time.
 */
const { ext, readings } = stubExtension();

const SENT_URL = 'https://www.linkedin.com/mynetwork/invitation-manager/sent/';
const RECEIVED_PATH = '/mynetwork/invitation-manager/received/';
const DEBOUNCE_MS = 400;
const T0 = Date.UTC(2026, 10, 20, 9);

let script: { stop(): void } | null = null;
function start(pollMs: number) {
  script = startContentScript({ debounceMs: DEBOUNCE_MS, pollMs, delay: abortableDelay });
}
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
  ext.sent.length = 0;
  ext.answer = () => ({ added: 0, updated: 0, markedGone: 0, ignored: false });
  history.replaceState(null, '', SENT_URL);
  document.documentElement.lang = 'en';
  document.body.innerHTML = '';
});
afterEach(() => {
  script?.stop();
  script = null;
  vi.useRealTimers();
});

describe('moving from Sent to Received inside LinkedIn', () => {
  const sentPeople = samplePeople(5, 71);
  const receivedPeople = samplePeople(2, 72);

  // The address check polls; LinkedIn may render the Received list before or after it changes the
  // address, and the list may be read before or after the poll notices.
  test.each([
    ['the Received list is drawn while the address still says Sent', 'render-first', 5000],
    ['the address changes, and the list is read before the poll notices', 'address-first', 5000],
    ['the address changes, and the poll notices before the list is read', 'address-first', 100],
  ])('%s: no reading of it is sent', async (_name, order, pollMs) => {
    document.body.innerHTML = renderSentBody({ people: sentPeople });
    start(pollMs);
    await advance(DEBOUNCE_MS);
    expect(readings()).toHaveLength(1);
    expect(readings()[0]).toMatchObject({ complete: true, total: 5 });

    if (order === 'address-first') history.pushState(null, '', RECEIVED_PATH);
    if (pollMs < DEBOUNCE_MS) await advance(pollMs * 2);
    document.body.innerHTML = renderReceivedBody(receivedPeople); // "People (2)", two cards
    await advance(DEBOUNCE_MS * 3);
    if (order === 'render-first') history.pushState(null, '', RECEIVED_PATH);
    await advance(pollMs * 2 + DEBOUNCE_MS * 3);

    expect(readings()).toHaveLength(1);
    const slugs = receivedPeople.map((p) => p.slug);
    for (const reading of readings()) {
      expect(reading.invitations.some((i) => slugs.some((s) => i.profileUrl.includes(s)))).toBe(false);
    }
  });

  test('back on Sent, the Sent list is read again', async () => {
    document.body.innerHTML = renderSentBody({ people: sentPeople });
    start(100);
    await advance(DEBOUNCE_MS);
    history.pushState(null, '', RECEIVED_PATH);
    document.body.innerHTML = renderReceivedBody(receivedPeople);
    await advance(1000);
    history.pushState(null, '', '/mynetwork/invitation-manager/sent/');
    document.body.innerHTML = renderSentBody({ people: sentPeople });
    await advance(1000);
    expect(readings()).toHaveLength(2);
    expect(readings()[1]).toMatchObject({ complete: true, total: 5 });
  });
});

describe('when a list was loaded', () => {
  test('a re-read after a change that loaded nothing keeps the load time; Load more and navigation renew it', async () => {
    document.body.innerHTML = renderSentBody({
      people: samplePeople(25, 73),
      loadMore: { pageSize: 10, script: false },
    });
    start(500);
    await advance(DEBOUNCE_MS);
    const first = readings().at(-1)!;
    expect(first.invitations).toHaveLength(10);
    expect(first.loadedAt).toBeLessThanOrEqual(first.observedAt);
    expect(first.loadedAt).toBeGreaterThanOrEqual(T0);

    // An hour later the user withdraws someone in this old tab: the list changes, nothing is loaded.
    await advance(3_600_000);
    document.querySelector('[role="listitem"]')!.remove();
    await advance(DEBOUNCE_MS);
    const reread = readings().at(-1)!;
    expect(reread.invitations).toHaveLength(9);
    expect(reread.observedAt).toBeGreaterThanOrEqual(T0 + 3_600_000);
    expect(reread.loadedAt).toBe(first.loadedAt);

    // Load more brings people this tab had not seen: the list is as new as that load.
    await advance(60_000);
    const more = document.querySelector<HTMLTemplateElement>('template[data-fixture="more"]')!;
    document.querySelector('[data-testid="lazy-column"]')!.append(more.content.cloneNode(true));
    more.remove();
    await advance(DEBOUNCE_MS);
    const grown = readings().at(-1)!;
    expect(grown.invitations).toHaveLength(19);
    expect(grown.loadedAt).toBe(grown.observedAt);
    expect(grown.loadedAt).toBeGreaterThan(reread.observedAt);

    // Moving to another view of Sent inside the app loads the list anew.
    await advance(60_000);
    const moved = Date.now();
    history.pushState(null, '', '/mynetwork/invitation-manager/sent/CONNECTION/');
    await advance(600);
    const navigated = readings().at(-1)!;
    expect(navigated.url).toMatch(/CONNECTION/);
    expect(navigated.loadedAt).toBeGreaterThanOrEqual(moved);
    expect(navigated.loadedAt).toBeLessThanOrEqual(navigated.observedAt);
  });
});

describe('a page too deep to read', () => {
  // happy-dom cannot hold the 6,000 levels of the report (its own bookkeeping recurses per level):
  // 1,500 is past the parser's limit; tests/e2e/hostile-pages.test.ts has 6,000 in Chromium.
  test('a card nested 1,500 levels deep makes a failed reading that says why', async () => {
    document.body.innerHTML = renderSentBody({ people: samplePeople(5, 74) });
    const top = document.createElement('span');
    let nest = top;
    for (let depth = 0; depth < 1500; depth++) nest = nest.appendChild(document.createElement('span'));
    nest.textContent = 'deep';
    document.querySelector('[role="listitem"] p')!.append(top);
    start(500);
    await advance(DEBOUNCE_MS);
    expect(readings()).toHaveLength(1);
    expect(readings()[0]).toMatchObject({ failed: true, complete: false });
    expect(readings()[0]?.failure).toEqual({ code: 'too-deep', depth: MAX_DEPTH });
  });
});
