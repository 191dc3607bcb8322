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
 * Delivers the latest message until the worker confirms it. MV3 stops an idle worker, and one
 * stopped mid-reading rolls the reading back and never answers: the message is kept and sent
 * again (a send wakes the worker), with backoff and a bounded number of attempts. A newer message
 * replaces one not yet confirmed (it says more); messages go one at a time, in order.
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
          await send(message);
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
