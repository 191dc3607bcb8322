// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.linkedin.com/mynetwork/invitation-manager/sent/"}
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { startContentScript } from '../../../src/content/content-script';
import { abortableDelay } from '../../../src/content/scan-all';
import type { ContentMessage, ScanProgress } from '../../../src/model/messages';
import type { SentPageReading } from '../../../src/model/reading';
import { renderSentBody, samplePeople } from '../../fixtures/sent-page';
import { quietAck } from './worker-acks';

/** An onMessage listener as the browser calls it (src/content/runtime.ts adapts the script's to this form). */
type PortableListener = (message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => boolean;

const ext = vi.hoisted(() => ({
  sent: [] as unknown[],
  listener: null as PortableListener | null,
  id: 'lapse-test' as string | undefined,
  scanRequested: false,
}));

// Chrome's runtime as a content script sees it: sendMessage returns a promise, and a listener
// answers through sendResponse after returning true.
vi.stubGlobal('chrome', {
  runtime: {
    get id() {
      return ext.id;
    },
    sendMessage: (message: ContentMessage) => {
      // A dead context throws at once, as Chrome does, rather than rejecting.
      if (ext.id === undefined) throw new Error('Extension context invalidated.');
      ext.sent.push(message);
      const value = message.type === 'scan-requested' ? { scan: ext.scanRequested } : quietAck(message);
      return Promise.resolve({ ok: true, value });
    },
    onMessage: {
      addListener: (l: PortableListener) => {
        ext.listener = l;
      },
      removeListener: (l: PortableListener) => {
        if (ext.listener === l) ext.listener = null;
      },
    },
  },
});

const SENT_URL = 'https://www.linkedin.com/mynetwork/invitation-manager/sent/';
const readings = () =>
  (ext.sent as ContentMessage[]).flatMap((m) => (m.type === 'reading' ? [m.reading] : [])) as SentPageReading[];
const progress = () =>
  (ext.sent as ContentMessage[]).flatMap((m) => (m.type === 'scan-progress' ? [m.progress] : [])) as ScanProgress[];
const lastReading = () => readings().at(-1);

/**
 * The clock is fake: "nothing was sent" means nothing was sent in exactly that much time, not
 * that a real sleep happened to end before the script got round to it.
 */
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

let script: { stop(): void } | null = null;
const requestedPauses: number[] = [];
function start(scan: { minPauseMs?: number } = {}) {
  script = startContentScript({
    debounceMs: 30,
    pollMs: 20,
    // Real pauses are ≥ 1.5 s; tests record what was asked and wait a few ms instead.
    delay: (ms, signal) => {
      requestedPauses.push(ms);
      return abortableDelay(Math.min(ms, 5), signal);
    },
    scan: { stallMs: 300, pollMs: 20, ...scan },
  });
}

/** Imitates the page's own Load more: each click appends the next hidden chunk after `lagMs`. */
function fakeLoadMore(lagMs = 10) {
  const button = document.querySelector<HTMLButtonElement>('[data-fixture="load-more"]')!;
  button.addEventListener('click', () => {
    setTimeout(() => {
      const next = document.querySelector<HTMLTemplateElement>('template[data-fixture="more"]');
      if (next) {
        document.querySelector('[data-testid="lazy-column"]')!.append(next.content.cloneNode(true));
        next.remove();
      }
      if (!document.querySelector('template[data-fixture="more"]')) button.remove();
    }, lagMs);
  });
  return button;
}

beforeEach(() => {
  vi.useFakeTimers();
  ext.sent.length = 0;
  ext.id = 'lapse-test';
  ext.scanRequested = false;
  requestedPauses.length = 0;
  history.replaceState(null, '', SENT_URL);
  document.documentElement.lang = 'en';
  document.body.innerHTML = '';
});
afterEach(() => {
  script?.stop();
  script = null;
  vi.useRealTimers();
});

describe('reading the Sent page', () => {
  test('reads as soon as it loads, and says the whole list was read', async () => {
    document.body.innerHTML = renderSentBody({ people: samplePeople(5, 2) });
    start();
    await vi.waitFor(() => expect(lastReading()?.invitations).toHaveLength(5));
    expect(lastReading()).toMatchObject({ total: 5, complete: true, failed: false, url: SENT_URL });
    expect(ext.sent).toContainEqual({ type: 'scan-requested' });
  });

  test('waits for invitations to render, reads them once after a burst of changes, and never resends the same', async () => {
    start();
    await advance(60);
    expect(readings()).toHaveLength(0); // nothing rendered: an empty reading would look like "all gone"
    document.body.innerHTML = renderSentBody({ people: samplePeople(3, 4) });
    const list = document.querySelector('[data-testid="lazy-column"]')!;
    const items = [...list.children];
    list.replaceChildren();
    for (const item of items) list.append(item); // three mutations within a few ms
    await vi.waitFor(() => expect(readings()).toHaveLength(1));
    expect(lastReading()?.invitations).toHaveLength(3);
    list.append(document.createElement('div')); // a change that says nothing new
    await advance(100);
    expect(readings()).toHaveLength(1);
  });

  test('lazy items: each batch the user loads is read; partial until the list ends', async () => {
    document.body.innerHTML = renderSentBody({
      people: samplePeople(25, 5),
      loadMore: { pageSize: 10, script: false },
    });
    const button = fakeLoadMore();
    start();
    await vi.waitFor(() => expect(lastReading()?.invitations).toHaveLength(10));
    expect(lastReading()).toMatchObject({ total: 25, complete: false, failed: false });
    button.click(); // the user's own click
    await vi.waitFor(() => expect(lastReading()?.invitations).toHaveLength(20));
    expect(lastReading()?.complete).toBe(false);
    button.click();
    await vi.waitFor(() => expect(lastReading()?.invitations).toHaveLength(25));
    expect(lastReading()?.complete).toBe(true);
  });

  test('a page it cannot read while a total shows is a failed reading, not an empty list', async () => {
    document.documentElement.innerHTML = readFileSync(resolve('tests/fixtures/sent-broken.html'), 'utf8')
      .replace(/^[\s\S]*?<html[^>]*>/, '')
      .replace('</html>', '');
    start();
    await vi.waitFor(() => expect(lastReading()).toBeDefined());
    expect(lastReading()).toMatchObject({ failed: true, complete: false, total: 42, invitations: [] });
    expect(lastReading()?.failure).toEqual({ code: 'list-not-recognised', total: 42 });
  });
});

describe('following in-page navigation', () => {
  test('starts when the user arrives on Sent and stops when they leave', async () => {
    history.replaceState(null, '', 'https://www.linkedin.com/mynetwork/invitation-manager/received/');
    document.body.innerHTML = renderSentBody({ people: samplePeople(4, 6) });
    start();
    await advance(80);
    expect(readings()).toHaveLength(0);
    history.pushState(null, '', '/mynetwork/invitation-manager/sent/?invitationType=CONNECTION');
    await vi.waitFor(() => expect(readings()).toHaveLength(1));
    history.pushState(null, '', '/mynetwork/invitation-manager/received/');
    await advance(60);
    document.querySelector('[role="listitem"]')?.remove();
    await advance(100);
    expect(readings()).toHaveLength(1);
  });
});

describe('Scan all', () => {
  /** Sends a command as the worker does: what the script answers through sendResponse. */
  const command = (type: 'scan-start' | 'scan-cancel') =>
    new Promise<unknown>((resolve, reject) => {
      if (ext.listener?.({ type }, {}, resolve) !== true) reject(new Error(`${type} was not taken`));
    });

  test('clicks Load more at a human pace until the list ends, reporting progress', async () => {
    document.body.innerHTML = renderSentBody({
      people: samplePeople(25, 8),
      loadMore: { pageSize: 10, script: false },
    });
    fakeLoadMore();
    start();
    await vi.waitFor(() => expect(readings()).toHaveLength(1));
    await expect(command('scan-start')).resolves.toEqual({ ok: true, value: { started: true, reason: null } });
    await vi.waitFor(() => expect(progress().at(-1)?.state).toBe('done'), { timeout: 3000 });
    expect(progress().map((p) => [p.state, p.read])).toEqual([
      ['running', 10],
      ['running', 20],
      ['running', 25],
      ['done', 25],
    ]);
    expect(progress().at(-1)?.total).toBe(25);
    expect(lastReading()).toMatchObject({ complete: true });
    const pauses = requestedPauses.filter((ms) => ms > 100);
    expect(pauses).toHaveLength(2);
    // 1.5 to 3 s, never the same twice: a person's pace, not a metronome's.
    for (const ms of pauses) expect(ms).toBeGreaterThanOrEqual(1500);
    for (const ms of pauses) expect(ms).toBeLessThanOrEqual(3000);
    expect(new Set(pauses).size).toBe(2);
  });

  test('never pages faster than a person, whatever pause it is asked for', async () => {
    document.body.innerHTML = renderSentBody({
      people: samplePeople(15, 8),
      loadMore: { pageSize: 10, script: false },
    });
    fakeLoadMore();
    start({ minPauseMs: 10 });
    await vi.waitFor(() => expect(readings()).toHaveLength(1));
    await command('scan-start');
    await vi.waitFor(() => expect(progress().at(-1)?.state).toBe('done'), { timeout: 3000 });
    const pauses = requestedPauses.filter((ms) => ms > 100);
    expect(pauses).toHaveLength(1);
    expect(pauses[0]).toBeGreaterThanOrEqual(1500);
  });

  test('refuses a second start while it runs, and stops on Cancel', async () => {
    document.body.innerHTML = renderSentBody({
      people: samplePeople(40, 9),
      loadMore: { pageSize: 10, script: false },
    });
    fakeLoadMore(150);
    start();
    await vi.waitFor(() => expect(readings()).toHaveLength(1));
    await command('scan-start');
    // One scan at a time: a second start while it runs is refused, and says why.
    await expect(command('scan-start')).resolves.toEqual({
      ok: true,
      value: { started: false, reason: 'already-running' },
    });
    await expect(command('scan-cancel')).resolves.toEqual({ ok: true, value: null });
    await vi.waitFor(() => expect(progress().at(-1)?.state).toBe('cancelled'));
    const clicksBefore = document.querySelectorAll('[role="listitem"]').length;
    await advance(300);
    expect(document.querySelectorAll('[role="listitem"]').length).toBeLessThanOrEqual(clicksBefore + 10);
    expect(progress().at(-1)?.state).toBe('cancelled');
  });

  test('says it stopped when the page is reloaded or left mid-scan', async () => {
    document.body.innerHTML = renderSentBody({
      people: samplePeople(40, 15),
      loadMore: { pageSize: 10, script: false },
    });
    fakeLoadMore(150);
    start();
    await vi.waitFor(() => expect(readings()).toHaveLength(1));
    await command('scan-start');
    await vi.waitFor(() => expect(progress().at(-1)?.state).toBe('running'));
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    await vi.waitFor(() => expect(progress().at(-1)?.state).toBe('cancelled'));
  });

  test('says LinkedIn ignored the click when nothing loads', async () => {
    document.body.innerHTML = renderSentBody({
      people: samplePeople(25, 10),
      loadMore: { pageSize: 10, script: false },
    });
    start(); // no fake Load more: the click does nothing
    await vi.waitFor(() => expect(readings()).toHaveLength(1));
    await command('scan-start');
    await advance(300); // the stall time: nothing loaded after the click
    await vi.waitFor(() => expect(progress().at(-1)?.state).toBe('stalled'), { timeout: 5000 });
    expect(progress().at(-1)).toMatchObject({ stalledBy: 'load-more-ignored', message: null });
  });

  test('starts by itself when the popup asked before the page was ready', async () => {
    ext.scanRequested = true;
    document.body.innerHTML = renderSentBody({ people: samplePeople(5, 11) });
    start();
    await vi.waitFor(() => expect(progress().at(-1)?.state).toBe('done'));
  });

  test('refuses politely off the Sent page, and ignores messages that are not commands', async () => {
    history.replaceState(null, '', 'https://www.linkedin.com/mynetwork/invitation-manager/received/');
    start();
    await expect(command('scan-start')).resolves.toEqual({
      ok: true,
      value: { started: false, reason: 'not-sent-page' },
    });
    const respond = vi.fn();
    expect(ext.listener?.({ type: 'delete-all' }, {}, respond)).toBe(false);
    await advance(20);
    expect(respond).not.toHaveBeenCalled();
  });
});

/**
 * A click as the user's own input gives it (\`isTrusted\`), which \`element.click()\` and
 * \`dispatchEvent\` never are in a browser. happy-dom leaves isTrusted unset, so the test sets it.
 */
function userClick(target: Element): void {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}

/** LinkedIn's withdraw confirmation (or a page script's imitation of it), in an open shadow root. */
function confirmDialog(name: string): { cancel: HTMLButtonElement; confirm: HTMLButtonElement } {
  const host = document.getElementById('interop-outlet')!;
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const dialog = document.createElement('dialog');
  dialog.setAttribute('open', '');
  const cancel = document.createElement('button');
  cancel.textContent = 'Cancel';
  const confirm = document.createElement('button');
  confirm.setAttribute('aria-label', `Withdraw invitation sent to ${name}`);
  confirm.innerHTML = '<span>Withdraw</span>';
  dialog.append(cancel, confirm);
  shadow.append(dialog);
  return { cancel, confirm };
}

describe('withdrawals the user makes', () => {
  test('the confirm click in LinkedIn’s dialog (inside a shadow root) is reported with the card’s profile', async () => {
    const people = samplePeople(3, 12);
    document.body.innerHTML = renderSentBody({ people });
    start();
    const card = document.querySelectorAll('[role="listitem"]')[1]!;
    const withdraw = card.querySelector<HTMLAnchorElement>('a[aria-label^="Withdraw"]')!;
    withdraw.addEventListener('click', (e) => e.preventDefault());
    userClick(withdraw);
    // LinkedIn's modal, in an open shadow root of #interop-outlet
    const { cancel, confirm } = confirmDialog(people[1]!.name);
    userClick(cancel);
    expect(ext.sent.filter((m) => (m as ContentMessage).type === 'withdraw-observed')).toHaveLength(0);
    userClick(confirm.querySelector('span')!);
    await vi.waitFor(() =>
      expect(ext.sent).toContainEqual({
        type: 'withdraw-observed',
        withdraw: {
          name: people[1]!.name,
          profileUrl: `https://www.linkedin.com/in/${people[1]!.slug}/`,
          at: expect.any(Number),
        },
      }),
    );
  });

  test('a click a page script dispatches on a made-up dialog is not a withdrawal', async () => {
    const people = samplePeople(3, 14);
    document.body.innerHTML = renderSentBody({ people });
    start();
    await vi.waitFor(() => expect(readings()).toHaveLength(1));
    const withdraw = document.querySelectorAll('[role="listitem"]')[2]!.querySelector('a[aria-label^="Withdraw"]')!;
    withdraw.addEventListener('click', (e) => e.preventDefault());
    // What a script can do: click() and dispatchEvent, both untrusted in a browser.
    const untrusted = new MouseEvent('click', { bubbles: true, composed: true });
    Object.defineProperty(untrusted, 'isTrusted', { value: false });
    withdraw.dispatchEvent(untrusted);
    const { confirm } = confirmDialog(people[2]!.name);
    confirm.click();
    const untrustedConfirm = new MouseEvent('click', { bubbles: true, composed: true });
    Object.defineProperty(untrustedConfirm, 'isTrusted', { value: false });
    confirm.dispatchEvent(untrustedConfirm);
    // Reports are sent as the click is handled: none went out.
    const withdrawals = () => ext.sent.filter((m) => (m as ContentMessage).type === 'withdraw-observed');
    expect(withdrawals()).toEqual([]);
    // The same dialog confirmed by the user is a withdrawal: it was the clicks, not the dialog.
    userClick(confirm);
    expect(withdrawals()).toHaveLength(1);
  });
});

describe('when the extension is reloaded under the page', () => {
  test('the old content script stops quietly', async () => {
    document.body.innerHTML = renderSentBody({ people: samplePeople(5, 13), loadMore: { pageSize: 2, script: false } });
    const button = fakeLoadMore();
    start();
    await vi.waitFor(() => expect(readings()).toHaveLength(1));
    ext.id = undefined;
    button.click();
    await vi.waitFor(() => expect(ext.listener).toBeNull()); // it noticed and let go
    ext.id = 'lapse-test';
    button.click();
    await advance(100);
    expect(readings()).toHaveLength(1);
  });
});
