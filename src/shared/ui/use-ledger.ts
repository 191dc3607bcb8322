import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { type LedgerSnapshot, ScanProgress } from '../../model/messages';
import { LEDGER_VERSION_KEY, SCAN_KEY } from '../well-known';
import { loadLedger } from './ledger-source';
import { problemText } from './problem-text';

export interface LedgerState {
  snapshot: LedgerSnapshot | null;
  /** Why the last read failed (the database could not be opened or read). */
  error: string | null;
  /** Stored records that failed validation and are not shown. */
  rejected: number;
  /** The clock reading taken when the snapshot arrived: the `now` every rule call uses. */
  now: number;
  scan: ScanProgress | null;
  refresh: () => Promise<void>;
}

/**
 * The whole ledger (of the account last read), for the pages that show all of it (options,
 * Insights), read from the extension's database on open and again whenever the worker says it
 * changed, the page regains focus, or a scan stops. Every record is validated as it is read.
 * The popup reads only what it shows instead (popup/use-popup-ledger.ts).
 */
export function useLedger(): LedgerState {
  const [snapshot, setSnapshot] = useState<LedgerSnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rejected, setRejected] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const [scan, setScan] = useState<ScanProgress | null>(null);
  // Replies can arrive out of order; only the latest request may win.
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const request = ++latest.current;
    try {
      const at = Date.now();
      const next = await loadLedger(at);
      if (request !== latest.current) return;
      setSnapshot(next.snapshot);
      setRejected(next.rejected);
      setScan(next.snapshot.scan);
      setNow(at);
      setError(null);
    } catch (cause) {
      if (request !== latest.current) return;
      setError(problemText(cause));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useRereads(refresh, setScan);

  return { snapshot, error, rejected, now, scan, refresh };
}

/**
 * When an extension page reads the ledger again: the worker says it changed (a new ledger
 * version), a scan reports progress (`onScan`) or stops, or the page becomes visible again.
 */
export function useRereads(refresh: () => Promise<void>, onScan: (progress: ScanProgress | null) => void): void {
  useEffect(() => {
    const onStorage = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area === 'local' && LEDGER_VERSION_KEY in changes) void refresh();
      if (area === 'session' && SCAN_KEY in changes) {
        const parsed = ScanProgress.safeParse(changes[SCAN_KEY]?.newValue);
        const progress = parsed.success ? parsed.data : null;
        onScan(progress);
        if (progress?.state !== 'running') void refresh();
      }
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    browser.storage.onChanged.addListener(onStorage);
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      browser.storage.onChanged.removeListener(onStorage);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, [refresh]);
}
