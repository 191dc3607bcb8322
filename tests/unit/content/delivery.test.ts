// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.linkedin.com/mynetwork/invitation-manager/sent/"}
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { startContentScript } from '../../../src/content/content-script';
import { ANSWER_DEADLINE_MS, DELIVERY_ATTEMPTS } from '../../../src/content/delivery';
import { abortableDelay } from '../../../src/content/scan-all';
import type { ContentMessage } from '../../../src/model/messages';
import { renderSentBody, samplePeople } from '../../fixtures/sent-page';
import { NO_ANSWER, PORT_CLOSED, stubExtension } from './page-stub';

/**
 * A reading reaches the ledger even when MV3 stops the worker while it is handled: the content
 * script keeps it until the worker confirms, and sends it again. Timers are fake.
 */
const { ext, readings } = stubExtension();

const SENT_URL = 'https://www.linkedin.com/mynetwork/invitation-manager/sent/';
const DEBOUNCE_MS = 400;
/** Longer than every pause of the backoff together. */
const ALL_RETRIES_MS = 120_000;

let script: { stop(): void } | null = null;
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);
const applied: ContentMessage[] = [];
/** The worker stops (Chrome rejects the send) for the next `n` readings, then applies them. */
function workerStopsFor(n: number) {
  let left = n;
  ext.answer = (message) => {
    if (message.type === 'reading' && left-- > 0) throw new Error(PORT_CLOSED);
    applied.push(message);
    return { added: 0, updated: 0, markedGone: 0, ignored: false };
  };
}
const appliedReadings = () => applied.flatMap((m) => (m.type === 'reading' ? [m.reading] : []));

beforeEach(() => {
  vi.useFakeTimers();
  ext.sent.length = 0;
  applied.length = 0;
  history.replaceState(null, '', SENT_URL);
  document.documentElement.lang = 'en';
  document.body.innerHTML = '';
  script = null;
});
afterEach(() => {
  script?.stop();
  vi.useRealTimers();
});

function start() {
  script = startContentScript({ debounceMs: DEBOUNCE_MS, pollMs: 500, delay: abortableDelay });
}

describe('a reading the worker did not confirm', () => {
  test('is sent again after the worker stopped mid-reading, until it is applied', async () => {
    workerStopsFor(2);
    document.body.innerHTML = renderSentBody({ people: samplePeople(6, 81) });
    start();
    await advance(DEBOUNCE_MS);
    expect(readings()).toHaveLength(1);
    expect(appliedReadings()).toHaveLength(0);
    await advance(ALL_RETRIES_MS);
    expect(appliedReadings()).toHaveLength(1);
    expect(appliedReadings()[0]).toMatchObject({ complete: true, total: 6 });
    // Three sends of the same reading, and none after it was applied.
    expect(readings()).toHaveLength(3);
    expect(new Set(readings().map((r) => JSON.stringify(r))).size).toBe(1);
  });

  test('is sent again when the worker never answers (stopped while it started), once the deadline passes', async () => {
    let unanswered = 1;
    ext.answer = (message) => {
      if (message.type === 'reading' && unanswered-- > 0) return NO_ANSWER;
      applied.push(message);
      return { added: 0, updated: 0, markedGone: 0, ignored: false };
    };
    document.body.innerHTML = renderSentBody({ people: samplePeople(5, 84) });
    start();
    await advance(DEBOUNCE_MS);
    await advance(ANSWER_DEADLINE_MS - 1);
    expect(readings()).toHaveLength(1);
    expect(appliedReadings()).toHaveLength(0);
    await advance(ALL_RETRIES_MS);
    expect(readings()).toHaveLength(2);
    expect(appliedReadings()).toEqual([readings()[0]]);
  });

  test('is given up after a bounded number of attempts', async () => {
    workerStopsFor(Number.POSITIVE_INFINITY);
    document.body.innerHTML = renderSentBody({ people: samplePeople(4, 82) });
    start();
    await advance(ALL_RETRIES_MS * 10);
    expect(readings()).toHaveLength(DELIVERY_ATTEMPTS);
  });

  test('is replaced by a newer reading, which is the one applied', async () => {
    workerStopsFor(1);
    const people = samplePeople(20, 83);
    document.body.innerHTML = renderSentBody({ people, loadMore: { pageSize: 10, script: false } });
    start();
    await advance(DEBOUNCE_MS);
    const more = document.querySelector<HTMLTemplateElement>('template[data-fixture="more"]')!;
    document.querySelector('[data-testid="lazy-column"]')!.append(more.content.cloneNode(true));
    await advance(ALL_RETRIES_MS);
    expect(appliedReadings().map((r) => r.invitations.length)).toEqual([20]);
    expect(readings().map((r) => r.invitations.length)).toEqual([10, 20]);
  });

  test('is dropped when the user leaves the Sent page', async () => {
    workerStopsFor(Number.POSITIVE_INFINITY);
    document.body.innerHTML = renderSentBody({ people: samplePeople(4, 84) });
    start();
    await advance(DEBOUNCE_MS);
    history.pushState(null, '', '/mynetwork/invitation-manager/received/');
    await advance(ALL_RETRIES_MS);
    expect(readings()).toHaveLength(1);
  });
});
