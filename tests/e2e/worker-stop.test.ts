import { describe, expect, it } from 'vitest';
import { renderSentPage, samplePeople } from '../fixtures/sent-page';
import { lapseForThisFile, SENT_URL } from './harness';

/**
 * MV3 stops the worker whenever it likes; one stopped while it merges a reading rolls the merge
 * back and never answers (issue 15, finding 7). The content script sends the reading again.
 * In a file of its own: after a stop, the harness's handle on the first worker is stale.
 * Known limit: the stops are timed from the page's load, not from the merge; run with re-sending
 * switched off (DELIVERY_ATTEMPTS = 1) this test still passed, so it shows the reading survives
 * stopped workers but does not prove a stop landed inside the merge. tests/unit/content/
 * delivery.test.ts is the test that fails without re-sending.
 */
const lapse = lapseForThisFile();

/** Pauses before each stop of the worker, after the page's DOM is loaded. */
const STOPS_AT_MS = [400, 400, 400];

describe('a worker stopped mid-reading', () => {
  it('still ends with the reading applied', async () => {
    const people = samplePeople(5000, 97); // a merge that takes a while: the stops land inside it
    await lapse.serveLinkedIn(renderSentPage({ people }));
    const control = await lapse.context.newPage();
    const cdp = await lapse.context.newCDPSession(control);
    // The worker's states as Chromium reports them: how many stops found it running.
    let status = '';
    let stoppedWhileRunning = 0;
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      const next = (event.versions as { runningStatus: string }[])[0]?.runningStatus ?? status;
      if (next === 'stopping' && status === 'running') stoppedWhileRunning++;
      status = next;
    });
    await cdp.send('ServiceWorker.enable');

    const page = await lapse.context.newPage();
    await page.goto(SENT_URL, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    // The content script reads at document_idle, just after this, and the worker takes over a
    // second to merge 5,000 people: stops spread over that second land inside the merge. (Stops
    // in quick succession would not: a message waits while the worker starts, and is delivered
    // once it runs.)
    for (const at of STOPS_AT_MS) {
      await new Promise((resolve) => setTimeout(resolve, at));
      await cdp.send('ServiceWorker.stopAllWorkers');
    }
    expect(stoppedWhileRunning, 'a stop found the worker running').toBeGreaterThan(0);

    // A stop while the worker starts can leave a send unanswered for good: the content script
    // sends again once ANSWER_DEADLINE_MS (30 s) has passed, and the wait allows for that.
    await expect.poll(async () => (await lapse.ledger()).records.length, { timeout: 100_000 }).toBe(people.length);
    expect((await lapse.ledger()).lastReading).toMatchObject({ complete: true, failed: false });
  }, 150_000);
});
