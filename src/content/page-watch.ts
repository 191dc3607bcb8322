import type { ContentMessage } from '../model/messages';

export interface PageWatchOptions {
  document: Document;
  signal: AbortSignal;
  now: () => number;
  send: (message: ContentMessage) => void;
  /** Quiet time after the last DOM change before reading again. */
  debounceMs?: number;
  /** Read at least this often while the DOM keeps changing (a constantly busy page still gets read). */
  maxWaitMs?: number;
}

export interface PageReader<R> {
  /** Reads the page now and sends the reading if it says something new. */
  readNow(): R | null;
}

/** One look at the page: the reading, what makes it "the same" as another, and the message to send. */
export type LookAtPage<R> = (
  document: Document,
  observedAt: number,
) => { reading: R; key: string; message: ContentMessage } | null;

/**
 * Reads a page as soon as it renders and again whenever the DOM changes (debounced, with a
 * ceiling so a page that never stops changing is still read), sending each reading that says
 * something new. It only observes: a MutationObserver is not a change to LinkedIn's page.
 */
export function watchPage<R>(options: PageWatchOptions, look: LookAtPage<R>): PageReader<R> {
  const { document: doc, signal, now, send } = options;
  const debounceMs = options.debounceMs ?? 400;
  const maxWaitMs = options.maxWaitMs ?? 2000;
  const win = doc.defaultView ?? globalThis;
  let lastKey: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPending: number | null = null;

  const readNow = (): R | null => {
    if (signal.aborted) return null;
    if (timer !== undefined) win.clearTimeout(timer);
    timer = undefined;
    firstPending = null;
    const seen = look(doc, now());
    if (!seen) return null;
    if (seen.key !== lastKey) {
      lastKey = seen.key;
      send(seen.message);
    }
    return seen.reading;
  };

  const schedule = () => {
    if (signal.aborted) return;
    const t = now();
    firstPending ??= t;
    if (timer !== undefined) win.clearTimeout(timer);
    timer = win.setTimeout(readNow, Math.max(0, Math.min(debounceMs, firstPending + maxWaitMs - t)));
  };

  const observer = new (win as typeof globalThis).MutationObserver(schedule);
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer !== undefined) win.clearTimeout(timer);
    },
    { once: true },
  );
  readNow();
  return { readNow };
}
