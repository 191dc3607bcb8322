import { useLayoutEffect, useState } from 'preact/hooks';
import type { FirstPage } from '../shared/ui/ledger-source';
import type { FirstPageRead } from './opening-reads';

export type FirstPageState =
  | { state: 'loading' }
  /** No shortcut (a small or unusual ledger, or the read failed): wait for the whole ledger. */
  | { state: 'none' }
  | { state: 'ready'; page: FirstPage; now: number };

/**
 * The top of "All pending", read once when the popup opens (the read starts before the popup
 * mounts), so the first rows show before the whole ledger is read, validated and assessed.
 */
export function useFirstPage(read: Promise<FirstPageRead>): FirstPageState {
  const [first, setFirst] = useState<FirstPageState>({ state: 'loading' });
  // A layout effect subscribes right after the first render, not a frame later.
  useLayoutEffect(() => {
    let alive = true;
    read.then(
      ({ page, now }) => alive && setFirst(page ? { state: 'ready', page, now } : { state: 'none' }),
      () => alive && setFirst({ state: 'none' }),
    );
    return () => {
      alive = false;
    };
  }, [read]);
  return first;
}
