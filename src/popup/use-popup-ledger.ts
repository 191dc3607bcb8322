import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { InvitationRecord } from '../model/invitation';
import type { ScanProgress } from '../model/messages';
import type { Settings } from '../model/settings';
import { readScan } from '../shared/scan-state';
import { loadSettings } from '../shared/settings-store';
import { useRereads } from '../shared/ui/use-ledger';
import { openForReading } from '../store/read';
import { type LedgerHead, type ResolvedPage, readHead, readPending, readResolvedPage } from './ledger-reads';
import { buildPendingLists, type ListFilter, type PendingLists } from './view';

/** Rows drawn at a time: a 50,000-invitation ledger must open as fast as a 5-invitation one. */
export const PAGE_SIZE = 50;

/** The popup's first read, started before it mounts (main.tsx): settings, then the head. */
export interface FirstRead {
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
  // A failure shows when the popup reads again; never an unhandled rejection.
  head.catch(() => {});
  return { settings, head };
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

const errorText = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause));

/**
 * The popup's ledger, read in the order of ledger-reads.ts: the head first (the popup draws it),
 * then the pending records, then — only while "Resolved" is shown — a page of it. Read again
 * whenever the worker says the ledger changed, the popup regains focus, or a scan stops.
 */
export function usePopupLedger(first: FirstRead, wanted: Wanted): PopupLedger {
  const [head, setHead] = useState<LedgerHead | null>(null);
  const [pending, setPending] = useState<InvitationRecord[] | null>(null);
  const [rejected, setRejected] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const [error, setError] = useState<string | null>(null);
  const [scan, setScan] = useState<ScanProgress | null>(null);
  // Replies can arrive out of order; only the latest read may win.
  const latest = useRef(0);
  const wantedRef = useRef(wanted);
  wantedRef.current = wanted;

  // The first read shows its head at once (the first rows); later ones show head and pending
  // records together, so figures and rows on screen never come from two different ledgers.
  const shownOnce = useRef(false);
  const show = useCallback(async (read: Promise<{ head: LedgerHead; now: number }>) => {
    const request = ++latest.current;
    const current = () => request === latest.current;
    try {
      const { head: next, now: at } = await read;
      if (!current()) return;
      const showHead = () => {
        setHead(next);
        setNow(at);
        setError(null);
      };
      if (!shownOnce.current) showHead();
      const [{ records, rejected: left }, progress] = await Promise.all([
        openForReading().then((db) => readPending(db, next.account)),
        readScan(at),
      ]);
      if (!current()) return;
      showHead();
      shownOnce.current = true;
      setScan(progress);
      setPending(records);
      setRejected(next.rejected + left);
    } catch (cause) {
      if (current()) setError(errorText(cause));
    }
  }, []);

  const refresh = useCallback(async () => {
    const { settings, account } = wantedRef.current;
    if (!settings) return;
    const at = Date.now();
    const read = openForReading().then(async (db) => ({
      head: await readHead(db, account, settings, at, PAGE_SIZE),
      now: at,
    }));
    await show(read);
  }, [show]);

  // The first read was started before mounting; later ones follow the account and settings chosen.
  useLayoutEffect(() => {
    void show(first.head);
  }, [first, show]);
  const chosenAccount = wanted.account;
  const settings = wanted.settings;
  useEffect(() => {
    if (!head || !settings) return;
    if (chosenAccount !== undefined && chosenAccount !== head.account) void refresh();
  }, [chosenAccount, head?.account]);
  useEffect(() => {
    if (head && settings) void refresh();
  }, [settings]);
  useRereads(refresh, setScan);

  const lists = useMemo(
    () => (head && pending ? buildPendingLists(pending, head.settings, now, wanted.showHidden) : null),
    [head, pending, now, wanted.showHidden],
  );
  const resolved = useResolvedPage(head, now, wanted, setError);
  return {
    head,
    pending: pending && lists ? { records: pending, lists } : null,
    resolved,
    now,
    error,
    rejected,
    scan,
    refresh,
  };
}

/** A page of "Resolved" for the head read (a new head means a new ledger: the page is read again). */
function useResolvedPage(
  head: LedgerHead | null,
  now: number,
  wanted: Wanted,
  onError: (error: string) => void,
): ResolvedPage | null {
  const [page, setPage] = useState<ResolvedPage | null>(null);
  const { filter, query, showHidden, limit } = wanted;
  useEffect(() => {
    if (!head || filter !== 'resolved') return;
    let alive = true;
    void openForReading()
      .then((db) => readResolvedPage(db, head.account, { settings: head.settings, now, showHidden, query, limit }))
      .then((next) => alive && setPage(next))
      .catch((cause: unknown) => alive && onError(errorText(cause)));
    return () => {
      alive = false;
    };
  }, [head, now, filter, query, showHidden, limit]);
  return filter === 'resolved' ? page : null;
}
