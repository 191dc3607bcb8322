import browser from 'webextension-polyfill';
import type { Settings } from '../model/settings';
import { normaliseSettings } from '../shared/settings-store';
import { type FirstPage, loadOpeningFirstPage } from '../shared/ui/ledger-source';
import { SETTINGS_KEY } from '../shared/well-known';
import { openForReading } from '../store/read';
import { type EarlyReads, startEarlyReads } from './early-reads';

/** The top of "All pending" and the clock reading it was computed for. */
export interface FirstPageRead {
  page: FirstPage | null;
  now: number;
}

/** What the popup needs for its first paint, already on its way. */
export interface OpeningReads {
  settings: Promise<Settings>;
  firstPage: Promise<FirstPageRead>;
}

/**
 * Starts every read the first rows need at once, before Preact mounts: the settings, the
 * worker's opening page and the database open overlap, and the first page follows the moment
 * they are there (rather than waiting for a render and an effect between each step).
 */
export function startOpeningReads(early: EarlyReads = startEarlyReads(browser)): OpeningReads {
  const now = Date.now();
  // The database opens meanwhile: the whole ledger is read from it next. (Through a promise: an
  // open that throws at once becomes a rejection, which the whole-ledger read then reports.)
  Promise.resolve()
    .then(openForReading)
    .catch(() => {});
  const settings = early.settings.then((stored) => normaliseSettings(stored[SETTINGS_KEY]));
  // The worker's opening page (one small read, alongside the settings); when it cannot say, the
  // popup draws from the whole ledger.
  const firstPage = loadOpeningFirstPage(settings, now, early)
    .catch(() => null)
    .then((page) => ({ page, now }));
  // The popup reports a failed read by waiting for the whole ledger; never an unhandled rejection.
  firstPage.catch(() => {});
  return { settings, firstPage };
}
