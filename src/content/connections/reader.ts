import type { ContentMessage } from '../../model/messages';
import type { ConnectionsReading } from '../../model/reading';
import { type ParsedConnectionsPage, parseConnectionsPage } from './parse';

/**
 * The parsed page as the message the background receives. Null when there is nothing to say yet
 * (no cards: the list is still rendering). A page with cards of which not one date was understood
 * is `failed`, and the store changes nothing for it.
 */
export function toConnectionsReading(
  parsed: ParsedConnectionsPage,
  url: string,
  observedAt: number,
): ConnectionsReading | null {
  if (parsed.cards === 0) return null;
  const dated = parsed.people.filter((p) => p.connected !== null).length;
  let failureReason: string | null = null;
  if (dated === 0) {
    failureReason =
      parsed.language === null
        ? `Lapse could not read when anyone connected: LinkedIn's page language was not recognised.`
        : `Lapse could not read when any of ${parsed.cards} connections connected.`;
  }
  return {
    url: url.slice(0, 2000),
    observedAt,
    language: parsed.language,
    people: parsed.people.map((p) => ({ ...p, connected: p.connected ? { ...p.connected } : null })),
    unreadable: parsed.unreadable,
    failed: failureReason !== null,
    failureReason,
  };
}

function readingKey(reading: ConnectionsReading): string {
  return JSON.stringify([
    reading.url,
    reading.language,
    reading.unreadable,
    reading.failed,
    reading.people.map((p) => [p.profileUrl, p.name, p.connectedLabel]),
  ]);
}

export interface ConnectionsReaderOptions {
  document: Document;
  signal: AbortSignal;
  now: () => number;
  send: (message: ContentMessage) => void;
  /** Quiet time after the last DOM change before reading again. */
  debounceMs?: number;
  /** Read at least this often while the DOM keeps changing. */
  maxWaitMs?: number;
}

export interface ConnectionsReader {
  /** Reads the page now and sends the reading if it says something new. */
  readNow(): ConnectionsReading | null;
}

/**
 * Reads the Connections page when it renders and again whenever the DOM changes (debounced), so
 * connections the user scrolls into view are recorded too. It only observes: it never changes
 * LinkedIn's page.
 */
export function watchConnectionsPage(options: ConnectionsReaderOptions): ConnectionsReader {
  const { document: doc, signal, now, send } = options;
  const debounceMs = options.debounceMs ?? 400;
  const maxWaitMs = options.maxWaitMs ?? 2000;
  const win = doc.defaultView ?? globalThis;
  let lastKey: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPending: number | null = null;

  const readNow = (): ConnectionsReading | null => {
    if (signal.aborted) return null;
    if (timer !== undefined) win.clearTimeout(timer);
    timer = undefined;
    firstPending = null;
    const observedAt = now();
    const parsed = parseConnectionsPage(doc, new Date(observedAt));
    const reading = toConnectionsReading(parsed, doc.location?.href ?? '', observedAt);
    if (!reading) return null;
    // Validated where it lands (the worker), like the Sent page's readings: zod stays out of
    // this script, which must stay small.
    const key = readingKey(reading);
    if (key !== lastKey) {
      lastKey = key;
      send({ type: 'connections-reading', reading });
    }
    return reading;
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
