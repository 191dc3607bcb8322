import * as z from 'zod/mini';
import { isSentPageUrl } from '../model/linkedin-pages';
import type { ScanProgress } from '../model/messages';
import { TabCommand } from '../model/tab-command';
import { toReply } from '../shared/reply';
import { deliverLatest } from './delivery';
import { linkToBackground, quietly } from './extension-link';
import { watchLocation } from './navigation';
import { onExtensionMessage } from './runtime';
import { abortableDelay, scanAll } from './scan-all';
import { type PageReader, watchSentPage } from './scanner';
import { watchWithdrawals } from './withdraw-watch';

/** Everything the content script touches outside itself; tests replace the clock and the pace. */
export interface ContentEnv {
  window: Window;
  now: () => number;
  random: () => number;
  delay: (ms: number, signal: AbortSignal) => Promise<void>;
  debounceMs: number;
  pollMs: number;
  /** Passed to scan-all (minimum pause is 1.5 s whatever is set). */
  scan: { minPauseMs?: number; extraPauseMs?: number; stallMs?: number; pollMs?: number };
}

/**
 * The content script: acts on the Sent view only, follows in-page navigation, and ties all work
 * to AbortSignals — one for the script's life (ends if the extension is reloaded), one per visit
 * to the Sent view, one per "Scan all".
 */
export function startContentScript(overrides: Partial<ContentEnv> = {}): { stop(): void } {
  const env: ContentEnv = {
    window,
    now: Date.now,
    random: Math.random,
    delay: abortableDelay,
    debounceMs: 400,
    pollMs: 500,
    scan: {},
    ...overrides,
  };
  const life = new AbortController();
  const doc = env.window.document;
  let visit: { controller: AbortController; reader: PageReader; scan: AbortController | null } | null = null;

  /** A dead extension context ends everything. */
  const sendOrFail = linkToBackground(env.window, life);
  const send = quietly(sendOrFail);
  const onSentPage = () => isSentPageUrl(env.window.location.href);

  const startScan = (): { started: boolean; reason: string | null } => {
    if (!visit) return { started: false, reason: 'Not on the Sent invitations page.' };
    if (visit.scan && !visit.scan.signal.aborted) return { started: false, reason: 'A scan is already running.' };
    const scan = new AbortController();
    const current = visit;
    current.scan = scan;
    const onVisitEnd = () => scan.abort(current.controller.signal.reason);
    current.controller.signal.addEventListener('abort', onVisitEnd, { once: true });
    void scanAll({
      document: doc,
      signal: scan.signal,
      reader: current.reader,
      report: (progress: ScanProgress) => void send({ type: 'scan-progress', progress }),
      now: env.now,
      random: env.random,
      delay: env.delay,
      ...env.scan,
    }).finally(() => {
      current.controller.signal.removeEventListener('abort', onVisitEnd);
      if (current.scan === scan) current.scan = null;
    });
    return { started: true, reason: null };
  };

  const enter = () => {
    const controller = new AbortController();
    life.signal.addEventListener('abort', () => controller.abort(life.signal.reason), {
      once: true,
      signal: controller.signal,
    });
    // Readings are kept until the worker confirms them, and only ever sent from the Sent page.
    const deliver = deliverLatest({
      send: sendOrFail,
      signal: controller.signal,
      delay: env.delay,
      mayStillSend: onSentPage,
    });
    const reader = watchSentPage({
      document: doc,
      signal: controller.signal,
      now: env.now,
      send: deliver,
      debounceMs: env.debounceMs,
    });
    visit = { controller, reader, scan: null };
    watchWithdrawals({
      document: doc,
      signal: controller.signal,
      now: env.now,
      report: (withdraw) => void send({ type: 'withdraw-observed', withdraw }),
    });
    // The popup may have asked for "Scan all" before this page was ready.
    void send({ type: 'scan-requested' }).then((reply) => {
      const wanted = reply?.scan === true;
      if (wanted && visit?.controller === controller && !controller.signal.aborted) startScan();
    });
  };

  const leave = () => {
    visit?.controller.abort('navigation');
    visit = null;
  };

  const onUrl = (href: string) => {
    const onSent = isSentPageUrl(href);
    if (onSent && !visit) enter();
    else if (!onSent && visit) leave();
    else if (onSent && visit) visit.reader.reloaded(); // ?page=2, /sent/CONNECTION/: a new list
  };

  const onMessage = (raw: unknown): Promise<unknown> | undefined => {
    const parsed = z.safeParse(TabCommand, raw);
    if (!parsed.success || life.signal.aborted) return undefined;
    const command = parsed.data;
    return toReply(() => {
      if (command.type === 'scan-start') return startScan();
      visit?.scan?.abort('cancel');
      return null;
    });
  };
  const stopListening = onExtensionMessage(onMessage);
  life.signal.addEventListener('abort', () => {
    leave();
    stopListening();
  });

  // Leaving or reloading the page ends the visit, so a running scan says it stopped; the
  // back/forward cache may bring the page back.
  env.window.addEventListener('pagehide', leave, { signal: life.signal });
  env.window.addEventListener('pageshow', (e) => e.persisted && onUrl(env.window.location.href), {
    signal: life.signal,
  });
  watchLocation(env.window, life.signal, onUrl, env.pollMs);
  if (onSentPage()) enter();
  return { stop: () => life.abort('stopped') };
}
