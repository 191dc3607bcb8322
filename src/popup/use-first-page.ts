import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../model/settings';
import { type FirstPage, loadFirstPage } from '../shared/ui/ledger-source';

export type FirstPageState =
  | { state: 'loading' }
  /** No shortcut (a small or unusual ledger, or the read failed): wait for the whole ledger. */
  | { state: 'none' }
  | { state: 'ready'; page: FirstPage; now: number };

/**
 * The top of "All pending", read once when the popup opens, so the first rows show before the
 * whole ledger is read, validated and assessed.
 */
export function useFirstPage(settings: Settings | null, size: number): FirstPageState {
  const [first, setFirst] = useState<FirstPageState>({ state: 'loading' });
  const ready = settings !== null;
  useEffect(() => {
    if (!settings) return;
    let alive = true;
    const now = Date.now();
    loadFirstPage(settings, now, size).then(
      (page) => alive && setFirst(page ? { state: 'ready', page, now } : { state: 'none' }),
      () => alive && setFirst({ state: 'none' }),
    );
    return () => {
      alive = false;
    };
    // Only the settings at opening matter (read once): later changes are drawn from the whole ledger.
  }, [ready]);
  return first;
}
