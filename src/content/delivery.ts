import type { ContentMessage } from '../model/messages';

export interface DeliveryOptions {
  /** Sends to the worker; resolves once it confirmed, rejects when it did not (stopped, failed). */
  send: (message: ContentMessage) => Promise<unknown>;
  /** The visit: when it ends, whatever was not delivered is dropped. */
  signal: AbortSignal;
  delay: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Asked right before every attempt, in the same tick as the send: false drops the message. */
  mayStillSend: () => boolean;
}

/** Attempts per message, then it is dropped (the next reading that says something new is sent). */
export const DELIVERY_ATTEMPTS = 6;
/** The pause after the first failure; it doubles after each further one (1 s, 2 s, … 16 s). */
export const FIRST_RETRY_MS = 1000;
/**
 * How long an attempt waits for the worker's answer. A send to a worker stopped while it starts
 * may never settle (Chromium 156: stopped 0.1 s into its start, still unsettled 20 s on; how
 * tests/e2e/worker-stop.test.ts once lost its reading). A reading of 20,000 invitations merges in
 * seconds; sent again after the worker did apply it, it merges as unchanged.
 */
export const ANSWER_DEADLINE_MS = 30_000;

/** Rejects after `ms`: raced with a send, an attempt unanswered by then has failed. */
const silence = (ms: number) => new Promise<never>((_, reject) => setTimeout(reject, ms));

/**
 * Delivers the latest message until the worker confirms it. MV3 stops an idle worker, and one
 * stopped mid-reading rolls the reading back and never answers: the message is kept and sent
 * again (a send wakes the worker) when the send fails or goes unanswered, with backoff and a
 * bounded number of attempts. A newer message replaces one not yet confirmed (it says more);
 * messages go one at a time, in order.
 */
export function deliverLatest(options: DeliveryOptions): (message: ContentMessage) => void {
  const { send, signal, delay, mayStillSend } = options;
  let latest: ContentMessage | null = null;
  let running = false;

  const run = async () => {
    running = true;
    let failures = 0;
    try {
      while (latest !== null && !signal.aborted && mayStillSend()) {
        const message: ContentMessage = latest;
        try {
          await Promise.race([send(message), silence(ANSWER_DEADLINE_MS)]);
          if (latest === message) latest = null;
          failures = 0;
        } catch {
          if (latest !== message) failures = 0;
          else if (++failures >= DELIVERY_ATTEMPTS) latest = null;
          else await delay(FIRST_RETRY_MS * 2 ** (failures - 1), signal);
        }
      }
    } catch {
      // The visit ended during a pause.
    } finally {
      latest = null;
      running = false;
    }
  };

  return (message) => {
    latest = message;
    if (!running) void run();
  };
}
