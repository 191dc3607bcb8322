import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { InvitationRecord } from '../model/invitation';
import type { ScanProgress } from '../model/messages';
import type { Settings } from '../model/settings';
import { readScan } from '../shared/scan-state';
import { loadSettings } from '../shared/settings-store';
import { problemText } from '../shared/ui/problem-text';
import { useRereads } from '../shared/ui/use-ledger';
import { openForReading } from '../store/read';
import { type LedgerHead, type ResolvedPage, readHead, readPending, readResolvedPage } from './ledger-reads';
import { buildPendingLists, type ListFilter, type PendingLists } from './view';

/** Rows drawn at a time: a 50,000-invitation ledger must open as fast as a 5-invitation one. */
export const PAGE_SIZE = 50;

/** The popup's first read, started before it mounts (main.tsx): settings, then the head. */
export interface FirstRead {
  startedAt: number;
  settings: Promise<Settings>;
  head: Promise<{ head: LedgerHead; now: number }>;
}

export function startFirstRead(): FirstRead {
  const now = Date.now();
  const settings = loadSettings();
  const db = openForReading();
  const head = Promise.all([db, settings]).then(async ([opened, chosen]) => ({
    head: await readHead(opened, undefined, chosen, now, PAGE_SIZE),
    now,
  }));
  // The popup reports a failure where it waits for this (show() catches it); never an unhandled rejection.
  head.catch(() => {});
  return { startedAt: now, settings, head };
}

export interface PopupLedger {
  /** Null until the first read has answered. */
  head: LedgerHead | null;
  /** The ledger's pending records and their lists; null until read. */
  pending: { records: InvitationRecord[]; lists: PendingLists } | null;
  /** The page of "Resolved" asked for; null until read, or while another list is shown. */
  resolved: ResolvedPage | null;
  /** The clock reading every figure on screen was computed at. */
  now: number;
  error: string | null;
  rejected: number;
  scan: ScanProgress | null;
  refresh: () => Promise<void>;
}

interface Wanted {
  settings: Settings | null;
  /** The account chosen in the popup; undefined: the one last read. */
  account: string | undefined;
  filter: ListFilter;
  query: string;
  showHidden: boolean;
  limit: number;
}

/** What is on screen: the head, and the pending records once read, from one ledger and one clock reading. */
interface Shown {
  head: LedgerHead;
  pending: InvitationRecord[] | null;
  rejected: number;
  now: number;
}

type HeadRead = Promise<{ head: LedgerHead; now: number }>;

/** Resolves once the browser has painted what was just rendered (or after 100 ms, in a page that is not painted). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const painted = () => {
      clearTimeout(fallback);
      setTimeout(resolve);
    };
    const fallback = setTimeout(painted, 100);
    requestAnimationFrame(painted);
  });
}

/**
 * Shows reads as they answer, the latest asked winning. The first read shows its head at once
 * (the first rows), and reads the pending records once they are painted; later ones show head
 * and pending records together, so figures and rows on screen never come from two different
 * ledgers.
 */
function useShownLedger() {
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [scan, setScan] = useState<ScanProgress | null>(null);
  const latest = useRef(0);
  const drawn = useRef(false);
  const show = useCallback(async (read: HeadRead) => {
    const request = ++latest.current;
    const current = () => request === latest.current;
    try {
      const { head, now } = await read;
      if (!current()) return;
      if (!drawn.current) {
        drawn.current = true;
        setShown({ head, pending: null, rejected: head.rejected, now });
        // Reading thousands of records would take the cores the first rows' paint needs.
        await afterPaint();
      }
      const [pending, progress] = await Promise.all([
        openForReading().then((db) => readPending(db, head.account)),
        readScan(now),
      ]);
      if (!current()) return;
      // The head's records are pending ones: those it left out are among these.
      setShown({ head, pending: pending.records, rejected: pending.rejected, now });
      setScan(progress);
      setError(null);
    } catch (cause) {
      if (current()) setError(problemText(cause));
    }
  }, []);
  return { shown, error, setError, scan, setScan, show };
}

/**
 * The popup's ledger, read in the order of ledger-reads.ts: the head first (the popup draws it),
 * then the pending records, then — only while "Resolved" is shown — a page of it. Read again
 * whenever the worker says the ledger changed, the popup regains focus, or a scan stops, and
 * when the account or the settings chosen change.
 */
export function usePopupLedger(first: FirstRead, wanted: Wanted): PopupLedger {
  const { shown, error, setError, scan, setScan, show } = useShownLedger();
  const wantedRef = useRef(wanted);
  wantedRef.current = wanted;
  const refresh = useCallback(async () => {
    const { settings, account } = wantedRef.current;
    if (!settings) return;
    const now = Date.now();
    await show(
      openForReading().then(async (db) => ({ head: await readHead(db, account, settings, now, PAGE_SIZE), now })),
    );
  }, [show]);

  // The first read was started before mounting (main.tsx).
  useLayoutEffect(() => {
    void show(first.head);
  }, [first, show]);
  const shownAccount = shown?.head.account;
  useEffect(() => {
    if (shownAccount !== undefined && wanted.account !== undefined && wanted.account !== shownAccount) void refresh();
  }, [wanted.account, shownAccount, refresh]);
  // Settings changed after the first read (Options, another window): every figure is read anew.
  const settingsRead = useRef(wanted.settings);
  useEffect(() => {
    if (settingsRead.current !== null && settingsRead.current !== wanted.settings) void refresh();
    settingsRead.current = wanted.settings;
  }, [wanted.settings, refresh]);
  useRereads(refresh, setScan);

  const head = shown?.head ?? null;
  const now = shown?.now ?? first.startedAt;
  const lists = useMemo(
    () => shown?.pending && buildPendingLists(shown.pending, shown.head.settings, shown.now, wanted.showHidden),
    [shown, wanted.showHidden],
  );
  const pending = shown?.pending && lists ? { records: shown.pending, lists } : null;
  const resolved = useResolvedPage(head, now, wanted, setError);
  return { head, pending, resolved, now, error, rejected: shown?.rejected ?? 0, scan, refresh };
}

/**
 * A page of "Resolved" for the head read (a new head means a new ledger: the page is read again).
 * A page for another search or hidden choice is not shown while the new one is read: a search
 * through years of history can take a moment, and stale rows under a new query would mislead.
 */
function useResolvedPage(
  head: LedgerHead | null,
  now: number,
  wanted: Wanted,
  onError: (error: string) => void,
): ResolvedPage | null {
  const [page, setPage] = useState<{ page: ResolvedPage; of: string } | null>(null);
  const { filter, query, showHidden, limit } = wanted;
  const of = JSON.stringify([query, showHidden]);
  useEffect(() => {
    if (!head || filter !== 'resolved') return;
    let alive = true;
    void openForReading()
      .then((db) => readResolvedPage(db, head.account, { settings: head.settings, now, showHidden, query, limit }))
      .then((next) => alive && setPage({ page: next, of }))
      .catch((cause: unknown) => alive && onError(problemText(cause)));
    return () => {
      alive = false;
    };
  }, [head, now, filter, query, showHidden, limit]);
  return filter === 'resolved' && page?.of === of ? page.page : null;
}
