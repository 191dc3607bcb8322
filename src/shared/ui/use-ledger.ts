import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { LedgerSnapshot, ScanProgress } from '../../model/messages';
import { parseOrThrow } from '../../model/validate';
import { sendToBackground } from '../messaging';

/** The worker bumps this key in storage.local after every change to the ledger. */
export const LEDGER_VERSION_KEY = 'ledgerVersion';
/** The worker keeps "Scan all" progress under this key in storage.session. */
export const SCAN_KEY = 'scan';

export interface LedgerState {
  snapshot: LedgerSnapshot | null;
  /** Why the last fetch failed (the worker did not answer, or answered nonsense). */
  error: string | null;
  /** The clock reading taken when the snapshot arrived: the `now` every rule call uses. */
  now: number;
  scan: ScanProgress | null;
  refresh: () => Promise<void>;
}

/**
 * The ledger as the worker sees it, fetched on open and again whenever the worker says it
 * changed, the page regains focus, or a scan stops. Replies are validated at this boundary.
 */
export function useLedger(): LedgerState {
  const [snapshot, setSnapshot] = useState<LedgerSnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [scan, setScan] = useState<ScanProgress | null>(null);
  // Replies can arrive out of order; only the latest request may win.
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const request = ++latest.current;
    try {
      const reply = await sendToBackground({ type: 'get-ledger' });
      const next = parseOrThrow(LedgerSnapshot, reply, 'ledger snapshot');
      if (request !== latest.current) return;
      setSnapshot(next);
      setScan(next.scan);
      setNow(Date.now());
      setError(null);
    } catch (cause) {
      if (request !== latest.current) return;
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  }, []);

  useEffect(() => {
    void refresh();
    const onStorage = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area === 'local' && LEDGER_VERSION_KEY in changes) void refresh();
      if (area === 'session' && SCAN_KEY in changes) {
        const parsed = ScanProgress.safeParse(changes[SCAN_KEY]?.newValue);
        const progress = parsed.success ? parsed.data : null;
        setScan(progress);
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

  return { snapshot, error, now, scan, refresh };
}
