import { FIELD_LIMITS } from '../model/field-limits';
import type { ScanProgress, ScanState } from '../model/messages';
import { errorMessage } from '../shared/reply';
import type { PageReader } from './scanner';
import { anyOf, PROFILE_LINK } from './selectors';
import { readLoadMore } from './sent/list-state';

export interface ScanAllOptions {
  document: Document;
  /** Aborted on Cancel, navigation, or a dead extension context; `signal.reason` says which. */
  signal: AbortSignal;
  reader: PageReader;
  report: (progress: ScanProgress) => void;
  now: () => number;
  random: () => number;
  delay: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Human pace: at least this long between loads, plus up to `extraPauseMs` at random. */
  minPauseMs?: number;
  extraPauseMs?: number;
  /** Give up when nothing new appears this long after a click. */
  stallMs?: number;
  pollMs?: number;
}

/** What changes when more invitations load (or the next page replaces them). */
function listSignature(doc: Document): string {
  const links = doc.querySelectorAll(anyOf(PROFILE_LINK));
  return `${links.length}|${links[0]?.getAttribute('href')}|${links[links.length - 1]?.getAttribute('href')}`;
}

/**
 * "Scan all": loads the rest of the list the way a person would — clicking the page's own
 * "Load more" (or next page), never anything else — pausing at least `minPauseMs` between loads.
 * Ends 'done' when no control is left, 'stalled' when a click loads nothing, 'cancelled' when the
 * signal aborts, 'error' on anything unexpected.
 */
export async function scanAll(options: ScanAllOptions): Promise<ScanState> {
  const { document: doc, signal, reader, now, random, delay } = options;
  const minPauseMs = Math.max(1500, options.minPauseMs ?? 1500);
  const extraPauseMs = options.extraPauseMs ?? 1500;
  const stallMs = options.stallMs ?? 10_000;
  const pollMs = options.pollMs ?? 250;
  const startedAt = now();
  const seen = new Set<string>();
  let total: number | null = null;

  const take = () => {
    const reading = reader.readNow();
    if (!reading) return;
    for (const invitation of reading.invitations) seen.add(invitation.profileUrl);
    total = reading.total ?? total;
  };
  const report = (state: ScanState, stop: Pick<ScanProgress, 'stalledBy' | 'message'> = { message: null }) =>
    options.report({ state, read: seen.size, total, startedAt, updatedAt: now(), ...stop });

  try {
    take();
    report('running');
    for (;;) {
      signal.throwIfAborted();
      const control = readLoadMore(doc);
      if (!control) {
        take();
        report('done');
        return 'done';
      }
      const before = listSignature(doc);
      control.element.click();
      let changed = false;
      for (let waited = 0; waited < stallMs && !changed; waited += pollMs) {
        await delay(pollMs, signal);
        changed = listSignature(doc) !== before;
      }
      if (!changed) {
        take();
        report('stalled', { stalledBy: 'load-more-ignored', message: null });
        return 'stalled';
      }
      take();
      report('running');
      await delay(minPauseMs + random() * extraPauseMs, signal);
    }
  } catch (error) {
    if (signal.aborted) {
      // A cancelled scan's words are never shown (the popup says "cancelled"); none are sent.
      if (signal.reason !== 'invalidated') report('cancelled');
      return 'cancelled';
    }
    report('error', { message: errorMessage(error).slice(0, FIELD_LIMITS.reason) });
    return 'error';
  }
}

/** setTimeout as a promise that rejects when `signal` aborts. */
export function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
