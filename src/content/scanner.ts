import type { ContentMessage } from '../model/messages';
import type { SentPageReading } from '../model/reading';
import { parseSentPage } from './parse';
import { readingKey, toReading } from './reading';

export interface PageReaderOptions {
  document: Document;
  signal: AbortSignal;
  now: () => number;
  send: (message: ContentMessage) => void;
  /** Quiet time after the last DOM change before reading again. */
  debounceMs?: number;
  /** Read at least this often while the DOM keeps changing (a constantly busy page still gets read). */
  maxWaitMs?: number;
}

export interface PageReader {
  /** Reads the page now and sends the reading if it says something new. */
  readNow(): SentPageReading | null;
}

/**
 * Reads the Sent page as soon as invitations render and again whenever the DOM changes
 * (debounced), so the user's own scrolling and "Load more" clicks are recorded as they happen.
 * It only observes: a MutationObserver is not a change to LinkedIn's page.
 */
export function watchSentPage(options: PageReaderOptions): PageReader {
  const { document: doc, signal, now, send } = options;
  const debounceMs = options.debounceMs ?? 400;
  const maxWaitMs = options.maxWaitMs ?? 2000;
  const win = doc.defaultView ?? globalThis;
  let lastKey: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPending: number | null = null;

  const readNow = (): SentPageReading | null => {
    if (signal.aborted) return null;
    if (timer !== undefined) win.clearTimeout(timer);
    timer = undefined;
    firstPending = null;
    const observedAt = now();
    const reading = toReading(parseSentPage(doc, new Date(observedAt)), doc.location?.href ?? '', observedAt);
    if (!reading) return null;
    const key = readingKey(reading);
    if (key !== lastKey) {
      lastKey = key;
      send({ type: 'reading', reading });
    }
    return reading;
  };

  const schedule = () => {
    if (signal.aborted) return;
    const t = now();
    firstPending ??= t;
    if (timer !== undefined) win.clearTimeout(timer);
    const wait = Math.max(0, Math.min(debounceMs, firstPending + maxWaitMs - t));
    timer = win.setTimeout(readNow, wait);
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
