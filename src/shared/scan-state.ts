import browser from 'webextension-polyfill';
import * as z from 'zod/mini';
import { ScanProgress } from '../model/messages';
import { SCAN_KEY } from './well-known';

/**
 * The "Scan all" state as everyone reads it: the worker for the badge, the popup for its progress
 * line. Only the worker writes it (background/scan.ts).
 */

/** A running scan that has not reported for this long is shown as stalled (the tab may be gone). */
export const STALL_AFTER_MS = 2 * 60_000;

/** The scan state as the popup should see it at `now`; null when no scan ran in this browser session. */
export async function readScan(now: number): Promise<ScanProgress | null> {
  return scanAt((await browser.storage.session.get(SCAN_KEY))[SCAN_KEY], now);
}

/** The same, from a value already read from storage.session's `scan` key. */
export function scanAt(value: unknown, now: number): ScanProgress | null {
  const stored = z.safeParse(ScanProgress, value);
  if (!stored.success) return null;
  const scan = stored.data;
  if (scan.state === 'running' && now - scan.updatedAt > STALL_AFTER_MS) {
    return { ...scan, state: 'stalled', stalledBy: 'page-silent' };
  }
  return scan;
}
