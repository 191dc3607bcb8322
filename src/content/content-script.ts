import * as z from 'zod/mini';
import { isSentPageUrl } from '../model/linkedin-pages';
import type { ScanProgress } from '../model/messages';
import { type ScanRefusal, TabCommand } from '../model/tab-command';
import { toReply } from '../shared/reply';
import { deliverLatest } from './delivery';
import { linkToBackground, quietly } from './extension-link';
import { watchLocation } from './navigation';
import { onExtensionMessage, type SendToBackground } from './runtime';
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
  // A dead extension context ends everything.
  const sendOrFail = linkToBackground(env.window, life);
  const send = quietly(sendOrFail);
  let visit: Visit | null = null;

  const startScan = (): ScanStart => (visit ? scanIn(visit, env, send) : { started: false, reason: 'not-sent-page' });
  const enter = () => {
    const current = beginVisit(env, life.signal, sendOrFail, send);
    visit = current;
    // The popup may have asked for "Scan all" before this page was ready.
    void send({ type: 'scan-requested' }).then((reply) => {
      const wanted = reply?.scan === true;
      if (wanted && visit === current && !current.controller.signal.aborted) startScan();
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

  const stopListening = onExtensionMessage((raw) =>
    answerCommand(raw, life.signal, { startScan, cancelScan: () => visit?.scan?.abort('cancel') }),
  );
  life.signal.addEventListener('abort', () => {
    leave();
    stopListening();
  });
  followThePage(env.window, life.signal, onUrl, leave, env.pollMs);
  onUrl(env.window.location.href);
  return { stop: () => life.abort('stopped') };
}

/** One visit to the Sent view: its lifetime, its reader, and the "Scan all" running in it. */
interface Visit {
  controller: AbortController;
  reader: PageReader;
  scan: AbortController | null;
}

interface ScanStart {
  started: boolean;
  reason: ScanRefusal | null;
}

type Send = ReturnType<typeof quietly>;

/** Starts reading the Sent view, and watching for withdrawals, until the visit ends. */
function beginVisit(env: ContentEnv, life: AbortSignal, sendOrFail: SendToBackground, send: Send): Visit {
  const controller = new AbortController();
  life.addEventListener('abort', () => controller.abort(life.reason), { once: true, signal: controller.signal });
  // Readings are kept until the worker confirms them, and only ever sent from the Sent page.
  const deliver = deliverLatest({
    send: sendOrFail,
    signal: controller.signal,
    delay: env.delay,
    mayStillSend: () => isSentPageUrl(env.window.location.href),
  });
  const doc = env.window.document;
  const reader = watchSentPage({
    document: doc,
    signal: controller.signal,
    now: env.now,
    send: deliver,
    debounceMs: env.debounceMs,
  });
  watchWithdrawals({
    document: doc,
    signal: controller.signal,
    now: env.now,
    report: (withdraw) => void send({ type: 'withdraw-observed', withdraw }),
  });
  return { controller, reader, scan: null };
}

/** Runs "Scan all" in `visit`, unless one is running; it stops when the visit ends. */
function scanIn(visit: Visit, env: ContentEnv, send: Send): ScanStart {
  if (visit.scan && !visit.scan.signal.aborted) return { started: false, reason: 'already-running' };
  const scan = new AbortController();
  visit.scan = scan;
  const onVisitEnd = () => scan.abort(visit.controller.signal.reason);
  visit.controller.signal.addEventListener('abort', onVisitEnd, { once: true });
  void scanAll({
    document: env.window.document,
    signal: scan.signal,
    reader: visit.reader,
    report: (progress: ScanProgress) => void send({ type: 'scan-progress', progress }),
    now: env.now,
    random: env.random,
    delay: env.delay,
    ...env.scan,
  }).finally(() => {
    visit.controller.signal.removeEventListener('abort', onVisitEnd);
    if (visit.scan === scan) visit.scan = null;
  });
  return { started: true, reason: null };
}

/** Answers the worker's commands ("Scan all", Cancel); anything else is not for this script. */
function answerCommand(
  raw: unknown,
  life: AbortSignal,
  visits: { startScan(): ScanStart; cancelScan(): void },
): Promise<unknown> | undefined {
  const parsed = z.safeParse(TabCommand, raw);
  if (!parsed.success || life.aborted) return undefined;
  const command = parsed.data;
  return toReply(() => {
    if (command.type === 'scan-start') return visits.startScan();
    visits.cancelScan();
    return null;
  });
}

/**
 * Follows the address as LinkedIn navigates in the page. Leaving or reloading the page ends the
 * visit, so a running scan says it stopped; the back/forward cache may bring the page back.
 */
function followThePage(
  win: Window,
  life: AbortSignal,
  onUrl: (href: string) => void,
  leave: () => void,
  pollMs: number,
): void {
  win.addEventListener('pagehide', leave, { signal: life });
  win.addEventListener('pageshow', (e) => e.persisted && onUrl(win.location.href), { signal: life });
  watchLocation(win, life, onUrl, pollMs);
}
